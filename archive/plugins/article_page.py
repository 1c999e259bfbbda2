"""The article page: Datasette's row page of `articles` shows the article, not its columns."""

from __future__ import annotations

import sqlite3
import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components
from datasette.utils.asgi import Request

from archive.article import load_article


@hookimpl
def extra_template_vars(
    view_name: str,
    table: str | None,
    database: str | None,
    request: Request | None,
    datasette: Any,
) -> Any:
    if view_name != "row" or table != "articles" or request is None or database is None:
        return None
    (url,) = urlsafe_components(request.url_vars["pks"])

    async def article_vars() -> dict[str, Any]:
        def load(conn: sqlite3.Connection) -> dict[str, Any] | None:
            return load_article(conn, url)

        article = await datasette.get_database(database).execute_fn(load)

        def article_path(other: str) -> str:
            return datasette.urls.row(database, "articles", tilde_encode(other))

        agency = {"agency": (article or {}).get("agency") or ""}
        return {
            "article": article,
            "article_path": article_path,
            "citing_query": datasette.urls.query(database, "citing_document"),
            "agency_feed": datasette.urls.path("/-/search.atom?" + urllib.parse.urlencode(agency)),
            "agency_search": datasette.urls.path("/-/search?" + urllib.parse.urlencode(agency)),
        }

    return article_vars
