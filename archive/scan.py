"""Bounded scans of the archive: stop after a time budget, and estimate what was not read."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class FtsError(ValueError):
    """FTS5 rejected a MATCH expression (its message names what it could not read)."""


@contextmanager
def deadline(
    conn: sqlite3.Connection, ms: float, clock: Callable[[], float] = time.perf_counter
) -> Iterator[None]:
    """Interrupt the statements run on `conn` inside the block once `ms` have passed on `clock`."""
    end = clock() + ms / 1000
    conn.set_progress_handler(lambda: clock() > end, 1000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


def collect(
    conn: sqlite3.Connection,
    sql: str,
    params: list[Any],
    budget_ms: float,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[list[Any], bool]:
    """The first column of `sql`'s rows, and False if the time budget cut the scan short.

    Where what is read decides the answer (which articles are ranked, how a word weighs), pass
    `clock=time.thread_time`: CPU time bounds the work as well, and the answer stays the same
    when other processes slow the machine down."""
    values: list[Any] = []
    try:
        with deadline(conn, budget_ms, clock):
            cursor = conn.execute(sql, params)
            while batch := cursor.fetchmany(250):
                values += [row[0] for row in batch]
    except sqlite3.OperationalError as error:
        if "fts5" in str(error):
            raise FtsError(str(error)) from None
        if "interrupted" not in str(error):
            raise
        return values, False
    return values, True


def article_count(conn: sqlite3.Connection) -> int:
    """Articles ever archived: the largest rowid (articles are marked removed, never deleted)."""
    return conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]


def estimate_matches(rowids_newest_first: list[int], total_articles: int) -> int:
    """How many articles match, from the newest matches found: they hold len(rowids) matches
    among the articles archived since the last of them, and we assume that density holds."""
    if not rowids_newest_first:
        return 0
    span = max(1, total_articles - rowids_newest_first[-1] + 1)
    estimate = len(rowids_newest_first) * total_articles / span
    return min(max(len(rowids_newest_first), round(estimate)), max(total_articles, 0))
