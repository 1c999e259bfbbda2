"""The archive's stylesheet on every page, and its own pages in the navigation menu."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.path("/static/govarchive.css")]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [
        {"href": datasette.urls.path("/-/search"), "label": "Search the archive"},
        {"href": datasette.urls.path("/-/charts"), "label": "Articles per month"},
        {"href": datasette.urls.path("/-/health"), "label": "Site health"},
    ]
