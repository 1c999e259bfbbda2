"""Datasette's own table search (`?_search=`) folds the query like the index does."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from archive.fold import fold
from archive.query import escape_fts

# fold() in SQL folds a search box's query, and an analyst's columns (fold(body_text) LIKE …):
# the longest article text, a legal document of a few hundred kB, folds in a few hundredths
# of a second. A 100 MB argument held the GIL (and every other request) for seconds.
MAX_FOLD_CHARS = 1_000_000


def _fold(text: str | None) -> str | None:
    if text is None:
        return None
    text = str(text)
    if len(text) > MAX_FOLD_CHARS:
        raise ValueError(f"fold() takes at most {MAX_FOLD_CHARS} characters")
    return fold(text)


# trylast: Datasette registers its own escape_fts() in this hook; ours must come after it.
@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)
    conn.create_function("fold", 1, _fold, deterministic=True)
