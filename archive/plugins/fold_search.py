"""Datasette's own table search (`?_search=`) folds the query like the index does."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from archive.fold import fold
from archive.query import escape_fts


def _fold(text: str | None) -> str | None:
    return None if text is None else fold(str(text))


# trylast: Datasette registers its own escape_fts() in this hook; ours must come after it.
@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)
    conn.create_function("fold", 1, _fold, deterministic=True)
