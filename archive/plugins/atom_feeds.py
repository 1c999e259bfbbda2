"""Atom feeds of any view of the articles table (`articles.atom?agency=…&_search=…`)."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Request, Response

from archive.atom import atom_feed

# What an entry needs; a view that hides these columns (`_col=`) gets no feed link.
NEEDED = {"url", "title"}


def can_render(table: str | None, columns: list[str]) -> bool:
    return table == "articles" and set(columns) >= NEEDED


def render(
    datasette: Any,
    request: Request,
    rows: list[Any],
    columns: list[str],
    database: str,
    table: str | None,
    data: dict[str, Any],
) -> Response:
    if not can_render(table, columns):
        return Response.text("Atom feeds are made of views of the articles table.", status=400)
    description = data.get("human_description_en") or "newest articles"
    query = f"?{request.query_string}" if request.query_string else ""
    page = request.path.removesuffix(".atom") + query
    return Response(
        atom_feed(
            title=f"govarchive: {description}",
            feed_url=datasette.absolute_url(request, request.full_path),
            page_url=datasette.absolute_url(request, page),
            articles=[
                dict(row) if hasattr(row, "keys") else dict(zip(columns, row, strict=False))
                for row in rows
            ],
            archive_link=lambda url: datasette.absolute_url(
                request, datasette.urls.row(database, "articles", tilde_encode(url))
            ),
        ),
        content_type="application/atom+xml; charset=utf-8",
    )


@hookimpl
def register_output_renderer() -> dict[str, Any]:
    return {"extension": "atom", "render": render, "can_render": can_render}
