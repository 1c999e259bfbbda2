"""Exact counts of a search's matches (the total, every facet, per period), read in ranges of
rowids newest first, so that a count cut short by its time budget is still a true lower bound."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from archive.facet_index import exact_counts
from archive.filters import Filters
from archive.query import Query
from archive.scan import FtsError, deadline

# Past COUNT_BUDGET_MS a page says "at least N" (or counts its facets among the newest
# matches) and links to a count with EXACT_BUDGET_MS.
COUNT_BUDGET_MS = 500
EXACT_BUDGET_MS = 60_000
# Rowids per range: small enough that a range cut short by the budget wastes little, large
# enough that the per-statement cost (FTS5 seeks into each word's list) stays small.
RANGE = 100_000
T = TypeVar("T")


@dataclass
class Counts:
    """Matches counted so far: the total, and per grouping the count of each value."""

    total: int = 0
    exact: bool = True  # the total is every match (else: at least `total`)
    groups: dict[str, Counter] = field(default_factory=dict)
    groups_exact: bool = True  # the groups count every match (else: the newest `grouped`)
    grouped: int = 0


def facet_table(conn: sqlite3.Connection) -> str:
    """Where the facet columns are read from: the narrow `article_facets` (migration m012),
    or `articles` itself in an archive served as it is, not upgraded."""
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_facets'"
    return "article_facets" if conn.execute(sql).fetchone() else "articles"


def indexed(
    conn: sqlite3.Connection,
    query: Query | None,
    filters: Filters,
    groupings: Mapping[str, Sequence[str]],
) -> Counts | None:
    """Every match counted from the facet codes in memory (archive.facet_index): exact at
    any size in a fraction of the time of reading each match's facet row; None when the
    archive has no change numbers to keep them (then count_matches reads SQL)."""
    found = exact_counts(conn, query, filters, groupings)
    if found is None:
        return None
    total, groups = found
    for counter in groups.values():
        for value in [value for value in counter if value in (None, "")]:
            del counter[value]
    return Counts(total=total, groups=groups, grouped=total)


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


def _interruptible(
    conn: sqlite3.Connection, end: float, work: Callable[..., T], *args: Any
) -> T | None:
    """`work(conn, *args)`, or None when the deadline `end` (perf_counter) interrupts it."""
    try:
        with deadline(conn, max(0.0, end - time.perf_counter()) * 1000):
            return work(conn, *args)
    except sqlite3.OperationalError as error:
        if "fts5" in str(error):
            raise FtsError(str(error)) from None
        if "interrupted" not in str(error):
            raise
        return None


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
    stopping (not exact) when the budget runs out.

    A search without filters is counted whole by FTS5 first (tens of ms for a word in half
    of a million articles), so its total is exact even when the groups are cut short."""
    end = time.perf_counter() + budget_ms / 1000
    counts = Counts(groups={name: Counter() for name in groupings})
    if budget_ms <= 0:  # not asked for (a feed): nothing counted
        counts.exact = counts.groups_exact = False
        return counts
    newest = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    table = facet_table(conn)
    whole = None
    if query is not None and not where:
        everything = [1, newest, query.fts, 1, newest]
        whole = _interruptible(conn, end, _total, query, "", everything, table)
        if whole is not None and not groupings:
            counts.total = whole
            return counts
    counted, high = 0, newest
    while high > 0:
        low = max(1, high - step + 1)
        args = _params(query, params, low, high)
        if groupings:
            rows = _interruptible(conn, end, _grouped, query, where, args, groupings, table)
        else:
            total = _interruptible(conn, end, _total, query, where, args, table)
            rows = None if total is None else {"": [(None, total)]}
        if rows is None:
            break
        counted += sum(count for _, count in next(iter(rows.values()), []))
        for name, values in rows.items():
            for value, count in values:
                if value not in (None, "") and name in counts.groups:
                    counts.groups[name][value] += count
        high = low - 1
        if high > 0 and time.perf_counter() > end:
            break
    finished = high <= 0
    counts.groups_exact, counts.grouped = finished, counted
    counts.total = whole if whole is not None else counted
    counts.exact = whole is not None or finished
    return counts
