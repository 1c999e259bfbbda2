"""A search's trend over time: matching articles per month, week or year, as counts and as a
share of all articles published in that period, overall and split by agency or portal family."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archive.counts import COUNT_BUDGET_MS, count_matches, facet_table, indexed
from archive.facet_index import WEEK
from archive.filters import Filters
from archive.query import Query
from archive.scan import deadline

# The period of an article, from its own columns (the week is named by its Monday).
PERIODS = {
    "month": "a.month",
    "week": "date(substr(a.published, 1, 10), 'weekday 0', '-6 days')",
    "year": "CAST(a.year AS TEXT)",
}
SPLITS = {"agency": "a.agency", "family": "a.family"}
# The same periods and splits from the facet codes in memory (archive.facet_index).
INDEXED = {"month": "month", "week": WEEK, "year": "year"}
TOP = 6
REST = "(other)"
TREND_BUDGET_MS = 2 * COUNT_BUDGET_MS
# Articles per period do not depend on the words: kept per archive state, filters and period.
_ARTICLES: dict[tuple, dict[tuple[str, str], int]] = {}


@dataclass
class Series:
    name: str
    matches: list[int]
    articles: list[int]

    @property
    def shares(self) -> list[float | None]:
        return [m / a if a else None for m, a in zip(self.matches, self.articles, strict=True)]

    @property
    def total(self) -> int:
        return sum(self.matches)


@dataclass
class Trend:
    """Per period: matches and articles overall, and per series (top N of the split, rest)."""

    period: str
    split: str
    periods: list[str]
    overall: Series
    series: list[Series] = field(default_factory=list)
    exact: bool = True
    undated: int = 0  # matches without a publication date, in no period

    def as_json(self) -> dict[str, Any]:
        def points(series: Series) -> list[dict[str, Any]]:
            return [
                {"period": p, "matches": m, "articles": a, "share": s}
                for p, m, a, s in zip(
                    self.periods, series.matches, series.articles, series.shares, strict=True
                )
            ]

        return {
            "period": self.period,
            "split": self.split,
            "exact": self.exact,
            "total": self.overall.total,
            "undated": self.undated,
            "overall": points(self.overall),
            "series": [{"name": s.name, "points": points(s)} for s in self.series],
        }

    def csv(self) -> str:
        """Long format, one row per period and series, with a UTF-8 BOM for spreadsheets."""
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(["period", self.split, "matches", "articles", "share"])
        for series in [self.overall, *self.series]:
            for row in zip(
                self.periods, series.matches, series.articles, series.shares, strict=True
            ):
                period, matches, articles, share = row
                shown = "" if share is None else f"{share:.6f}"
                writer.writerow([period, series.name, matches, articles, shown])
        return out.getvalue()


def _span(period: str, first: str, last: str) -> list[str]:
    """Every period from `first` to `last`, those without articles included."""
    if period == "year":
        return [str(year) for year in range(int(first), int(last) + 1)]
    if period == "week":
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        return [
            (start + dt.timedelta(weeks=n)).isoformat() for n in range((end - start).days // 7 + 1)
        ]
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return months


def _named(period: str, key: tuple[Any, Any]) -> tuple[Any, str]:
    """A period and split value as the SQL of PERIODS and SPLITS names them."""
    at, value = key
    if period == "year" and at is not None:
        at = str(at)
    return at, value or ""


def _articles(
    conn: sqlite3.Connection, period: str, split: str, where: str, params: list[Any]
) -> dict[tuple[str, str], int]:
    """All articles per (period, split value), whatever the words; read from the covering
    indexes, kept while the archive does not change."""
    state = conn.execute("SELECT max(rowid), count(*) FROM articles").fetchone()
    key = (state, period, split, where, tuple(params))
    if key not in _ARTICLES:
        sql = (
            f"SELECT {PERIODS[period]}, {SPLITS[split]}, count(*) FROM {facet_table(conn)} a "
            f"{'WHERE ' + where if where else ''} GROUP BY 1, 2"
        )
        with deadline(conn, 60_000):
            rows = conn.execute(sql, params).fetchall()
        if len(_ARTICLES) > 64:
            _ARTICLES.clear()
        _ARTICLES[key] = {(p, s or ""): n for p, s, n in rows if p}
    return _ARTICLES[key]


def trend(
    conn: sqlite3.Connection,
    query: Query | None,
    filters: Filters | None = None,
    *,
    period: str = "month",
    split: str = "agency",
    top: int = TOP,
    budget_ms: float = TREND_BUDGET_MS,
) -> Trend:
    """Matches of `query` (every article if None) per period, overall and per split value."""
    period = period if period in PERIODS else "month"
    split = split if split in SPLITS else "agency"
    filters = filters or Filters()
    where, params = filters.sql()
    columns = {"pair": (INDEXED[period], split)}
    counts = indexed(conn, query, filters, columns)
    if counts is None:
        pair = f"json_array({PERIODS[period]}, coalesce({SPLITS[split]}, ''))"
        counts = count_matches(conn, query, where, params, {"pair": pair}, budget_ms)
        pairs = [(*json.loads(key), count) for key, count in counts.groups["pair"].items()]
        articles = _articles(conn, period, split, where, params)
    else:
        pairs = [(*_named(period, key), count) for key, count in counts.groups["pair"].items()]
        every = indexed(conn, None, filters, columns)
        assert every is not None  # the same archive, indexed a moment ago
        articles = Counter()
        for key, count in every.groups["pair"].items():
            at, value = _named(period, key)
            if at:
                articles[(at, value)] += count
    matched: Counter = Counter()
    for at, value, count in pairs:
        if at:
            matched[(at, value)] += count
    dated = sorted({p for p, _ in matched}) or sorted({p for p, _ in articles})
    periods = _span(period, dated[0], dated[-1]) if dated else []
    by_value: Counter = Counter()
    for (_, value), count in matched.items():
        by_value[value] += count
    ranked = [value for value, _ in sorted(by_value.items(), key=lambda i: (-i[1], i[0]))]
    shown, rest = ranked[:top], set(ranked[top:])

    # Per split value, its matches and articles per period; each series adds some up.
    per_match: dict[str, Counter] = {}
    per_article: dict[str, Counter] = {}
    for per_value, counted in ((per_match, matched), (per_article, articles)):
        for (p, v), n in counted.items():
            per_value.setdefault(v, Counter())[p] += n

    def series(name: str, chosen: Callable[[str], bool]) -> Series:
        matches: Counter = Counter()
        all_articles: Counter = Counter()
        for value, counter in per_match.items():
            if chosen(value):
                matches.update(counter)
        for value, counter in per_article.items():
            if chosen(value):
                all_articles.update(counter)
        return Series(name, [matches[p] for p in periods], [all_articles[p] for p in periods])

    everything = series("all", lambda v: True)
    result = Trend(period, split, periods, everything, exact=counts.groups_exact)
    result.undated = counts.grouped - sum(matched.values())
    result.series = [series(value or "(none)", value.__eq__) for value in shown]
    if rest:
        # The rest's share is of every other value's articles, matching or not.
        result.series.append(series(REST, lambda v: v not in shown))
    return result
