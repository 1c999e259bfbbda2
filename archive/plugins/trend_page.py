"""/-/trend (HTML, .json and .csv): a search's matches per month, week or year, overall and
split by agency or portal family, drawn on the server (archive/charts.py)."""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request, Response

from archive.charts import OTHER, stable_colors, trend_chart
from archive.counts import EXACT_BUDGET_MS
from archive.filters import parse_filters
from archive.fold import fold
from archive.i18n import COOKIE, choose, translator
from archive.query import QueryError, parse_query
from archive.trend import PERIODS, REST, SPLITS, TOP, TREND_BUDGET_MS, Trend, trend


def _url(path: str, pairs: list[tuple[str, str]]) -> str:
    query = urllib.parse.urlencode([(key, value) for key, value in pairs if value != ""])
    return path + ("?" + query if query else "")


def _colored(result: Trend) -> list[dict[str, Any]]:
    colors = stable_colors(series.name for series in result.series if series.name != REST)
    return [{"series": s, "color": colors.get(s.name, OTHER)} for s in result.series]


async def trend_view(datasette: Any, request: Request) -> Response:
    db = datasette.get_database()
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, "articles")), ("view-database", db.name), "view-instance"],
    )
    fmt = request.url_vars.get("format") or ""
    text = request.args.get("q", "")
    period = request.args.get("period", "month")
    split = request.args.get("split", "agency")
    budget = EXACT_BUDGET_MS if request.args.get("exact") == "1" or fmt else TREND_BUDGET_MS
    result, error = None, None
    try:
        query = parse_query(text)
        filters = parse_filters(urllib.parse.parse_qs(request.query_string))

        def run(conn: sqlite3.Connection) -> Trend:
            return trend(conn, query, filters, period=period, split=split, budget_ms=budget)

        result = await db.execute_fn(run)
    except QueryError as problem:
        lang = choose(request.args.get("lang"), request.cookies.get(COOKIE))
        error = str(problem) if fmt else problem.shown(translator(lang))
    if fmt == ".json":
        if error or result is None:
            return Response.json({"ok": False, "error": error}, status=400)
        return Response.json({"ok": True, "query": text, **result.as_json()})
    if fmt == ".csv":
        if error or result is None:
            return Response.text(error or "", status=400)
        name = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "all"
        return Response(
            result.csv(),
            content_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="trend-{name}.csv"'},
        )
    path = datasette.urls.path("/-/trend")
    pairs = urllib.parse.parse_qsl(request.query_string)
    kept = [pair for pair in pairs if pair[0] not in ("period", "split", "exact")]
    colored = _colored(result) if result else []
    context = {
        "q": text,
        "error": error,
        "result": result,
        "colored": colored,
        "rows": list(
            zip(
                result.periods,
                result.overall.matches,
                result.overall.articles,
                result.overall.shares,
                strict=True,
            )
        )[::-1]
        if result
        else [],
        "chart": trend_chart(
            result.periods,
            [(item["series"].name, item["series"].matches, item["color"]) for item in colored],
            result.overall.shares,
        )
        if result and result.periods
        else None,
        "period": result.period if result else period,
        "split": result.split if result else split,
        "top": TOP,
        "period_urls": {
            name: _url(path, [*kept, ("period", name), ("split", split)]) for name in PERIODS
        },
        "split_urls": {
            name: _url(path, [*kept, ("period", period), ("split", name)]) for name in SPLITS
        },
        "csv_url": _url(path + ".csv", pairs),
        "json_url": _url(path + ".json", pairs),
        "exact_url": _url(path, [*pairs, ("exact", "1")]),
        "search_url": _url(datasette.urls.path("/-/search"), kept),
        "database": db.name,
    }
    html = await datasette.render_template("trend.html", context, request=request)
    return Response.html(html)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/trend(?P<format>\.json|\.csv)?$", trend_view)]
