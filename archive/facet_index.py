"""Every article's facet values held in memory as codes indexed by rowid, so that a search's
exact counts are one bincount over its matching rowids; kept in step with the archive by the
change numbers that migration m014's triggers give each write to `article_facets`."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from archive.filters import Filters
from archive.query import Query
from archive.scan import FtsError

# "day" is the first 10 characters of `published`: a date range (Filters.sql compares
# published with yyyy-mm-dd) and the week depend on nothing else.
COLUMNS = ("agency", "family", "category", "year", "month", "author_unit", "day")
SELECTED = "id, agency, family, category, year, month, author_unit, substr(published, 1, 10)"
CHUNK = 50_000
# Derived groupings: the trend's periods, from a column's values.
WEEK = "week"


def _week(conn: sqlite3.Connection, day: Any) -> Any:
    # The trend's SQL (archive.trend.PERIODS): SQLite's own reading of the day.
    return conn.execute("SELECT date(?, 'weekday 0', '-6 days')", [day]).fetchone()[0]


class FacetIndex:
    """Codes of each column per rowid (-1: no such article), and each column's values."""

    def __init__(self) -> None:
        self.seq = -1
        self.deleted: int | None = None
        self.lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.present = np.zeros(0, dtype=bool)
        # Two bytes per article and column while a column has few values (every one at a
        # million articles: 6,167 days at most), four past that.
        self.codes = {column: np.zeros(0, dtype=np.int16) for column in COLUMNS}
        self.values: dict[str, list[Any]] = {column: [] for column in COLUMNS}
        self.lookup: dict[str, dict[Any, int]] = {column: {} for column in COLUMNS}
        self.weeks: list[Any] = []
        self.everything: dict[str, tuple[int, dict[str, Counter]]] = {}

    def refresh(self, conn: sqlite3.Connection) -> None:
        """Read what was written since the last look (everything the first time, or after a
        deletion); inside the caller's read transaction, so it matches its snapshot."""
        sql = (
            "SELECT (SELECT coalesce(max(seq), 0) FROM article_facets), "
            "(SELECT deleted FROM article_facets_state)"
        )
        seq, deleted = conn.execute(sql).fetchone()
        with self.lock:
            if deleted != self.deleted or seq < self.seq:  # deleted from, or replaced
                self._reset()
                self.seq, self.deleted = 0, deleted
            if seq <= self.seq:
                return
            if self.seq == 0:
                cursor = conn.execute(f"SELECT {SELECTED} FROM article_facets")
            else:
                changed = f"SELECT {SELECTED} FROM article_facets WHERE seq > ?"
                cursor = conn.execute(changed, [self.seq])
            while rows := cursor.fetchmany(CHUNK):
                self._store(conn, rows)
            self.seq = seq
            self.everything = {}

    def _store(self, conn: sqlite3.Connection, rows: list[tuple]) -> None:
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        size = int(ids.max()) + 1
        if size > len(self.present):
            grown = max(size, len(self.present) * 5 // 4)
            self.present = np.concatenate([self.present, np.zeros(grown - len(self.present), bool)])
            for column, codes in self.codes.items():
                extra = np.full(grown - len(codes), -1, dtype=codes.dtype)
                self.codes[column] = np.concatenate([codes, extra])
        self.present[ids] = True
        for index, column in enumerate(COLUMNS, start=1):
            lookup, values = self.lookup[column], self.values[column]
            codes = np.empty(len(rows), dtype=np.int32)
            for at, row in enumerate(rows):
                value = row[index]
                code = lookup.get(value)
                if code is None:
                    code = lookup[value] = len(values)
                    values.append(value)
                    if column == "day":
                        self.weeks.append(_week(conn, value))
                codes[at] = code
            if len(values) > np.iinfo(self.codes[column].dtype).max:
                self.codes[column] = self.codes[column].astype(np.int32)
            self.codes[column][ids] = codes

    def _accepted(self, column: str, test: Any) -> np.ndarray:
        """Per code of `column`, whether its value passes `test`; code -1 (no article), last,
        does not."""
        passed = [test(v) for v in self.values[column]]
        return np.array([*passed, False], dtype=bool)

    def mask(self, filters: Filters) -> np.ndarray:
        """Per rowid, whether the article exists and passes the filters (as Filters.sql)."""
        keep = self.present.copy()
        for column, chosen in filters.values.items():
            if column in self.codes and chosen:
                wanted = {int(v) if column == "year" and str(v).isdigit() else v for v in chosen}
                ok = self._accepted(column, lambda v, w=wanted: v is not None and v in w)
                keep &= ok[self.codes[column]]
        bounds = []
        if filters.published_from:
            start = filters.published_from.isoformat()
            bounds.append(lambda day: day >= start)
        if filters.published_to:
            end = (filters.published_to + dt.timedelta(days=1)).isoformat()
            bounds.append(lambda day: day < end)
        for bound in bounds:
            ok = self._accepted("day", lambda v, b=bound: isinstance(v, str) and b(v))
            keep &= ok[self.codes["day"]]
        return keep

    def group(self, rowids: np.ndarray, columns: Sequence[str]) -> Counter:
        """Matches per value of `columns` (a value, or a tuple of values for several)."""
        keys = []
        for column in columns:
            if column == WEEK:
                keys.append((self.codes["day"][rowids], self.weeks))
            else:
                keys.append((self.codes[column][rowids], self.values[column]))
        combined = np.zeros(len(rowids), dtype=np.int64)
        for codes, values in keys:
            combined = combined * len(values) + codes
        found = np.bincount(combined) if len(combined) else np.zeros(0, dtype=np.int64)
        present = np.flatnonzero(found)
        rest, parts = present, []
        for _, values in reversed(keys):
            rest, at = np.divmod(rest, len(values))
            parts.append([values[i] for i in at.tolist()])
        parts.reverse()
        named = parts[0] if len(parts) == 1 else list(zip(*parts, strict=True))
        return Counter(dict(zip(named, found[present].tolist(), strict=True)))


_INDEXES: dict[str, FacetIndex] = {}
_GUARD = threading.Lock()


def facet_index(conn: sqlite3.Connection) -> FacetIndex | None:
    """The index of the archive open on `conn`, up to date with its snapshot; None for an
    archive without m014's change numbers (served as it is, not upgraded) or in memory."""
    names = {row[1]: row[2] for row in conn.execute("PRAGMA database_list")}
    path = names.get("main")
    columns = {row[1] for row in conn.execute("PRAGMA table_info(article_facets)")}
    if not path or "seq" not in columns:
        return None
    with _GUARD:  # a file replaced at the same path is another archive
        index = _INDEXES.setdefault(f"{path}:{os.stat(path).st_ino}", FacetIndex())
    index.refresh(conn)
    return index


def matching_rowids(conn: sqlite3.Connection, query: Query) -> np.ndarray:
    """Rowids of the articles that match `query`, from the full-text index alone."""
    # One string crosses into Python instead of a row per match (~5 times quicker).
    sql = "SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?"
    try:
        text = conn.execute(sql, [query.fts]).fetchone()[0]
    except sqlite3.OperationalError as error:
        if "fts5" in str(error):
            raise FtsError(str(error)) from None
        raise
    return np.fromstring(text or "", dtype=np.int64, sep=",")


def exact_counts(
    conn: sqlite3.Connection,
    query: Query | None,
    filters: Filters,
    groupings: Mapping[str, Sequence[str]],
) -> tuple[int, dict[str, Counter]] | None:
    """The number of matches and each grouping's counts, exactly; None without an index."""
    index = facet_index(conn)
    if index is None:
        return None
    matched = None if query is None else matching_rowids(conn, query)
    key = repr((filters, sorted(groupings.items())))
    # The arrays are read under the lock that a refresh by another request's thread takes.
    with index.lock:
        if query is None and key in index.everything:
            return index.everything[key]
        keep = index.mask(filters)
        if matched is None:
            rowids = np.flatnonzero(keep)
        else:
            rowids = matched[matched < len(keep)]
            rowids = rowids[keep[rowids]]
        found = len(rowids), {name: index.group(rowids, cols) for name, cols in groupings.items()}
        if query is None:
            # Kept until the next write: a trend's articles per period, whatever its words.
            index.everything[key] = found
        return found
