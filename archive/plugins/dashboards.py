"""/-/charts (articles per month per agency) and /-/health (per-site health), drawn from the
canned queries of the same names so that the pictures and the tables never disagree."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Request, Response

from archive.charts import health_board, monthly_chart


async def _canned_rows(datasette: Any, request: Request, name: str) -> tuple[Any, list[dict]]:
    db = datasette.get_database()
    await datasette.ensure_permissions(
        request.actor,
        [("view-query", (db.name, name)), ("view-database", db.name), "view-instance"],
    )
    query = await datasette.get_canned_query(db.name, name, request.actor)
    if query is None:
        raise NotFound(f"canned query {name} is not configured")
    rows = await db.execute(query["sql"])
    return db, [dict(row) for row in rows]


async def charts_view(datasette: Any, request: Request) -> Response:
    db, rows = await _canned_rows(datasette, request, "articles_per_month")
    try:
        months = min(240, max(6, int(request.args["months"]))) if "months" in request.args else None
    except ValueError:
        months = None
    context = {
        "chart": monthly_chart(rows, months=months),
        "months_shown": months,
        "database": db.name,
        "query_url": datasette.urls.query(db.name, "articles_per_month"),
    }
    return Response.html(await datasette.render_template("charts.html", context, request=request))


async def health_view(datasette: Any, request: Request) -> Response:
    try:
        db, rows = await _canned_rows(datasette, request, "site_health")
    except sqlite3.OperationalError as error:
        # An archive no crawl has written yet (or an older schema served read-only): a
        # monitor must read why, not a server error.
        reason = f"archive not ready: {error} (run `govarchive crawl` or `update` on it)"
        return Response.text(reason, status=503)
    now = dt.datetime.now(dt.UTC)
    board = health_board(rows, now)
    context = {
        "board": board,
        "counts": {
            status: sum(1 for row in board if row["status"] == status)
            for status in ("ok", "warn", "bad")
        },
        "now": now.isoformat(timespec="seconds"),
        "database": db.name,
        "query_url": datasette.urls.query(db.name, "site_health"),
    }
    return Response.html(await datasette.render_template("health.html", context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/charts$", charts_view), (r"^/-/health$", health_view)]
