"""In query results that list articles (the canned queries latest_by_agency,
edited_and_removed, citing_document, or any with a title and a url), each URL links the
archived article page and its version history (diffs) as well as the portal's page."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from archive.i18n import choose, translator


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    # Datasette 0.65 passes no request here: the links are labelled in the default language.
    # sqlite3.Row: `in` looks at its values, so the names are listed.
    if column != "url" or table is not None or not value or "title" not in list(row.keys()):
        return None
    _ = translator(choose(None, None))
    page = datasette.urls.row(database, "articles", tilde_encode(str(value)))
    portal = (
        f'<a class="portal" href="{escape(value)}" rel="noopener noreferrer nofollow">'
        f"{escape(value)}</a>"
        if str(value).startswith(("http://", "https://"))
        else str(escape(value))
    )
    return Markup(
        f'<a class="archived" href="{escape(page)}">{escape(_("archived article"))}</a> · '
        f'<a class="history" href="{escape(page)}#versions">{escape(_("versions and diff"))}</a> · '
        + portal
    )
