"""The analyst's search page, /-/search (HTML, .json and .atom): folded, ranked, faceted."""

from __future__ import annotations

import sqlite3
import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Request, Response

from archive.atom import atom_feed
from archive.counts import COUNT_BUDGET_MS, EXACT_BUDGET_MS
from archive.filters import FACETS, Filters, parse_filters
from archive.i18n import COOKIE, choose, translator
from archive.query import QueryError, parse_query
from archive.search import CANDIDATES, SORTS, SearchResult, run_search

PER_PAGE = 20
FEED_ENTRIES = 50
FACET_LABELS = {
    "agency": "Agency",
    "family": "Portal family",
    "category": "Category",
    "year": "Year",
    "month": "Month",
    "author_unit": "Author unit",
}


def _number(text: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(text))) if text else default
    except ValueError:
        return default


def _url(path: str, pairs: list[tuple[str, str]]) -> str:
    query = urllib.parse.urlencode([(key, value) for key, value in pairs if value != ""])
    return path + ("?" + query if query else "")


def _facet_links(path: str, pairs: list[tuple[str, str]], result: SearchResult) -> list[dict]:
    """Each facet with its values, a link that toggles the value, and whether it is chosen."""
    base = [(key, value) for key, value in pairs if key != "page"]
    chosen = {(key, value) for key, value in base}
    facets = []
    for column in FACETS:
        values = []
        selected = [value for key, value in base if key == column]
        counted = {str(value): count for value, count in result.facets.get(column, [])}
        for value in dict.fromkeys([*selected, *counted]):
            on = (column, value) in chosen
            toggled = [p for p in base if p != (column, value)] if on else [*base, (column, value)]
            values.append(
                {
                    "value": value,
                    "count": counted.get(value, 0),
                    "selected": on,
                    "href": _url(path, toggled),
                }
            )
        if values:
            facets.append({"column": column, "label": FACET_LABELS[column], "values": values})
    return facets


async def _agency_feeds(db: Any, path: str) -> list[dict[str, str]]:
    """Every agency with its search and feed links; the agencies come from a skip-scan of the
    (agency, published) index, one seek per agency."""
    sql = (
        "WITH RECURSIVE g(agency) AS (SELECT min(agency) FROM articles UNION ALL "
        "SELECT (SELECT min(agency) FROM articles WHERE agency > g.agency) FROM g "
        "WHERE g.agency IS NOT NULL) SELECT agency FROM g WHERE agency IS NOT NULL"
    )
    return [
        {
            "agency": agency,
            "feed": _url(path + ".atom", [("agency", agency)]),
            "search": _url(path, [("agency", agency)]),
        }
        for (agency,) in await db.execute(sql)
    ]


async def _search(
    db: Any,
    text: str,
    filters: Filters,
    page: int,
    per_page: int,
    always: bool,
    sort: str = "relevance",
    exact: bool = False,
    counted: bool = True,
) -> tuple[SearchResult | None, QueryError | None]:
    """(result, None), or (None, a message for the person) when the query cannot be read;
    no result when there is nothing to search or filter by, unless `always`."""
    try:
        query = parse_query(text)
    except QueryError as problem:
        return None, problem
    if query is None and not filters.active and not always:
        return None, None

    def search(conn: sqlite3.Connection) -> SearchResult:
        # A feed shows no totals, and counts=0 asks for none: no time spent counting.
        budget = 0 if always or not counted else EXACT_BUDGET_MS if exact else COUNT_BUDGET_MS
        return run_search(
            conn, query, filters, page=page, per_page=per_page, sort=sort, count_budget_ms=budget
        )

    try:
        return await db.execute_fn(search), None
    except QueryError as problem:
        return None, problem


async def search_view(datasette: Any, request: Request) -> Response:
    db = datasette.get_database()
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, "articles")), ("view-database", db.name), "view-instance"],
    )
    fmt = request.url_vars.get("format") or ""
    text = request.args.get("q", "")
    try:
        filters, filter_error = parse_filters(urllib.parse.parse_qs(request.query_string)), None
    except QueryError as problem:
        filters, filter_error = Filters(), problem
    page = _number(request.args.get("page"), 1, 1, 10_000)
    size = FEED_ENTRIES if fmt == ".atom" else _number(request.args.get("size"), PER_PAGE, 1, 100)
    # A feed is for monitoring: its entries are the newest matches, whatever the page's order.
    sort = "newest" if fmt == ".atom" else request.args.get("sort", "relevance")
    sort = sort if sort in SORTS else "relevance"
    exact = request.args.get("exact") == "1"
    counted = request.args.get("counts") != "0"
    result, error = await _search(
        db,
        text,
        filters,
        page,
        size,
        always=fmt == ".atom",
        sort=sort,
        exact=exact,
        counted=counted,
    )
    if filter_error:
        result, error = None, filter_error
    translate = translator(choose(request.args.get("lang"), request.cookies.get(COOKIE)))
    # The JSON and the feed speak English to programs; the page speaks the interface's language.
    message = error.shown(translate) if error and not fmt else str(error) if error else None
    if fmt == ".json":
        if error:
            return Response.json({"ok": False, "error": message}, status=400)
        return Response.json({"ok": True, **(result.as_json() if result else {"rows": []})})
    if fmt == ".atom" and error:
        return Response.text(message, status=400)
    path = datasette.urls.path("/-/search")
    pairs = urllib.parse.parse_qsl(request.query_string)
    unpaged = [pair for pair in pairs if pair[0] != "page"]

    def article_path(url: str) -> str:
        return datasette.urls.row(db.name, "articles", tilde_encode(url))

    if fmt == ".atom":
        chosen = "; ".join(value for values in filters.values.values() for value in values)
        feed = atom_feed(
            title="govarchive: " + (text or chosen or "newest articles"),
            feed_url=datasette.absolute_url(request, _url(path + ".atom", pairs)),
            page_url=datasette.absolute_url(request, _url(path, pairs)),
            articles=result.rows if result else [],
            archive_link=lambda url: datasette.absolute_url(request, article_path(url)),
        )
        return Response(feed, content_type="application/atom+xml; charset=utf-8")
    context = {
        "q": text,
        "error": message,
        "result": result,
        "filters": filters,
        "date_from": request.args.get("from", ""),
        "date_to": request.args.get("to", ""),
        "facets": _facet_links(path, pairs, result) if result else [],
        "article_path": article_path,
        "feed_url": _url(path + ".atom", unpaged),
        "json_url": _url(path + ".json", pairs),
        "agency_feeds": [] if result or error else await _agency_feeds(db, path),
        "page_url": lambda number: _url(path, [*unpaged, ("page", str(number))]),
        "exact_url": _url(path, [*unpaged, ("exact", "1")]),
        "trend_url": _url(
            datasette.urls.path("/-/trend"),
            [pair for pair in unpaged if pair[0] not in ("sort", "exact", "size")],
        ),
        "sort_urls": {
            name: _url(path, [*[p for p in unpaged if p[0] != "sort"], ("sort", name)])
            for name in SORTS
        },
        "sort": sort,
        "database": db.name,
        "candidates": CANDIDATES,
    }
    html = await datasette.render_template("search.html", context, request=request)
    return Response.html(html)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/search(?P<format>\.json|\.atom)?$", search_view)]
