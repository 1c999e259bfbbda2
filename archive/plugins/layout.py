"""The archive's stylesheet on every page, and its own pages in the navigation menu."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request

from archive.i18n import COOKIE, choose, translator


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.path("/static/govarchive.css")]


@hookimpl
def menu_links(datasette: Any, request: Request | None) -> list[dict[str, str]]:
    asked = request.args.get("lang") if request else None
    _ = translator(choose(asked, request.cookies.get(COOKIE) if request else None))
    return [
        {"href": datasette.urls.path("/-/search"), "label": _("Search the archive")},
        {"href": datasette.urls.path("/-/charts"), "label": _("Articles per month")},
        {"href": datasette.urls.path("/-/health"), "label": _("Site health")},
    ]
