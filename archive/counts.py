"""Exact counts of a search's matches (the total, every facet, per period), read in ranges of
rowids newest first, so that a count cut short by its time budget is still a true lower bound."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from archive.query import Query
from archive.scan import FtsError, deadline

# Past COUNT_BUDGET_MS a page says "at least N" and links to a count with EXACT_BUDGET_MS.
COUNT_BUDGET_MS = 800
EXACT_BUDGET_MS = 60_000
# Rowids per range: small enough that a range cut short by the budget wastes little, large
# enough that the per-statement cost (FTS5 seeks into each word's list) stays small.
RANGE = 250_000


@dataclass
class Counts:
    """Matches counted so far: the total, and per grouping the count of each value."""

    total: int = 0
    exact: bool = True
    groups: dict[str, Counter] = field(default_factory=dict)
    counted_to: int | None = None  # the oldest rowid counted when not exact


def facet_table(conn: sqlite3.Connection) -> str:
    """Where the facet columns are read from: the narrow `article_facets` (migration m012),
    or `articles` itself in an archive served as it is, not upgraded."""
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_facets'"
    return "article_facets" if conn.execute(sql).fetchone() else "articles"


def matching(query: Query | None, where: str) -> str:
    """A WHERE clause on `articles a` for the matches within rowids ? to ? (its parameters:
    low, high, then the query's expression, then the filter's)."""
    clauses = ["a.rowid BETWEEN ? AND ?"]
    if query is not None:
        clauses.append(
            "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
            "AND rowid BETWEEN ? AND ?)"
        )
    if where:
        clauses.append(where)
    return " AND ".join(clauses)


def _params(query: Query | None, params: Sequence[Any], low: int, high: int) -> list[Any]:
    return [low, high, *([query.fts, low, high] if query else []), *params]


def _total(
    conn: sqlite3.Connection, query: Query | None, where: str, args: list[Any], table: str
) -> int:
    if query is not None and not where:
        # FTS5 counts straight from its index, without reading any article row.
        sql = (
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
        )
        return conn.execute(sql, args[2:5]).fetchone()[0]
    sql = f"SELECT count(*) FROM {table} a WHERE {matching(query, where)}"
    return conn.execute(sql, args).fetchone()[0]


def _grouped(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    args: list[Any],
    groupings: dict[str, str],
    table: str,
) -> dict[str, list[tuple[Any, int]]]:
    """Each grouping's values and counts among the matches of one range, in one statement:
    each matching row is read once into a materialized table that every GROUP BY reads (six
    GROUP BYs over the article rows read each match six times)."""
    if not groupings:
        return {}
    names = list(groupings)
    columns = ", ".join(f"{groupings[name]} AS g{i}" for i, name in enumerate(names))
    grouped = " UNION ALL ".join(
        f"SELECT {i}, g{i}, count(*) FROM m GROUP BY g{i}" for i in range(len(names))
    )
    sql = (
        f"WITH m AS MATERIALIZED (SELECT {columns} FROM {table} a "
        f"WHERE {matching(query, where)}) {grouped}"
    )
    rows: dict[str, list[tuple[Any, int]]] = {name: [] for name in names}
    for index, value, count in conn.execute(sql, args):
        rows[names[index]].append((value, count))
    return rows


def count_matches(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    params: Sequence[Any],
    groupings: dict[str, str],
    budget_ms: float,
    step: int = RANGE,
) -> Counts:
    """The number of matches and, for each grouping (name -> SQL expression on `a`, an
    article's facet columns and `published`), the count of each value; newest rowids first,
    stopping (not exact) when the budget runs out."""
    end = time.perf_counter() + budget_ms / 1000
    newest = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    counts = Counts(groups={name: Counter() for name in groupings})
    if budget_ms <= 0:  # not asked for (a feed): nothing counted
        counts.exact, counts.counted_to = False, newest + 1
        return counts
    table = facet_table(conn)
    high = newest
    while high > 0:
        low = max(1, high - step + 1)
        args = _params(query, params, low, high)
        try:
            with deadline(conn, (end - time.perf_counter()) * 1000):
                total = _total(conn, query, where, args, table)
                groups = _grouped(conn, query, where, args, groupings, table) if total else {}
        except sqlite3.OperationalError as error:
            if "fts5" in str(error):
                raise FtsError(str(error)) from None
            if "interrupted" not in str(error):
                raise
            counts.exact, counts.counted_to = False, high + 1
            return counts
        counts.total += total
        for name, rows in groups.items():
            for value, count in rows:
                if value not in (None, ""):
                    counts.groups[name][value] += count
        high = low - 1
        if high > 0 and time.perf_counter() > end:
            counts.exact, counts.counted_to = False, high + 1
            return counts
    return counts
