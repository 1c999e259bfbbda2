"""The analyst's search over the archive: bm25 over a bounded candidate set, facet counts,
snippets; plain SQL on one sqlite3 connection so that it scales to a million articles."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from archive.query import SYNTAX_HELP, Query, QueryError, highlight, snippet
from archive.rank import SCORED_CHARS, bm25_scores, ranked
from archive.scan import FtsError, article_count, collect, estimate_matches

# Ranking every match costs time in proportion to the matches (~450 ms for a common word at
# 200,000 articles with FTS5's ORDER BY rank); the newest CANDIDATES matches are found in a few
# ms at any size. So results are the CANDIDATES most recently archived matches, ranked by BM25
# (archive.rank), and the facets count those same candidates.
CANDIDATES = 500
# A scan for candidates stops after SCAN_BUDGET_MS and ranks what it found ("more than");
# filters keeping at most SELECTIVE articles are read from their index (see _candidates).
# Browsing counts articles exactly up to COUNT_LIMIT within COUNT_BUDGET_MS.
SCAN_BUDGET_MS = 120
SELECTIVE = 50_000
COUNT_LIMIT = 10_000
COUNT_BUDGET_MS = 20
FACETS = ("agency", "family", "category", "year", "month", "author_unit")
FACET_VALUES = 12
RESULT_COLUMNS = (
    "rowid",
    "url",
    "title",
    "agency",
    "family",
    "category",
    "published",
    "author_unit",
    "summary",
    "body_text",
    "removed_at",
)


@dataclass(frozen=True)
class Filters:
    """Facet selections (column -> accepted values) and a range of publication dates."""

    values: Mapping[str, Sequence[str]] = field(default_factory=dict)
    published_from: dt.date | None = None
    published_to: dt.date | None = None

    @property
    def active(self) -> bool:
        return bool(self.values or self.published_from or self.published_to)

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause on `articles` (alias a) and its parameters; "" when unfiltered."""
        clauses, params = [], []
        for column, values in self.values.items():
            if column not in FACETS or not values:
                continue
            clauses.append(f"a.[{column}] IN ({', '.join('?' for _ in values)})")
            params += [int(v) if column == "year" and str(v).isdigit() else v for v in values]
        if self.published_from:
            clauses.append("a.published >= ?")
            params.append(self.published_from.isoformat())
        if self.published_to:
            # "2021-11-10T08:00:00+07:00" sorts before "2021-11-11", the day after the range.
            clauses.append("a.published < ?")
            params.append((self.published_to + dt.timedelta(days=1)).isoformat())
        return " AND ".join(clauses), params


@dataclass
class SearchResult:
    """One page of results with what the page says about them."""

    query: Query | None
    rows: list[dict[str, Any]]
    total: int
    total_kind: str  # "exact", "about" (estimated) or "more than"
    candidates: int  # how many matches were ranked (and counted in the facets)
    facets: dict[str, list[tuple[Any, int]]]
    page: int
    per_page: int
    elapsed_ms: float = 0.0

    @property
    def facets_exact(self) -> bool:
        return self.total_kind == "exact" and self.total <= self.candidates

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, self.candidates) // self.per_page))

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query.text if self.query else None,
            "fts": self.query.fts if self.query else None,
            "total": self.total,
            "total_kind": self.total_kind,
            "ranked": self.candidates,
            "facets_exact": self.facets_exact,
            "page": self.page,
            "per_page": self.per_page,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "rows": [
                {
                    key: str(value) if isinstance(value, Markup) else value
                    for key, value in row.items()
                    if key != "body_text"
                }
                for row in self.rows
            ],
            "facets": {
                column: [{"value": value, "count": count} for value, count in values]
                for column, values in self.facets.items()
            },
        }


def friendly_fts_error(message: str) -> str:
    near = message.partition("near")[2].strip()
    return (
        f"The search could not be read{' near ' + near if near else ''}: an operator (AND, OR, "
        "NOT) or a parenthesis needs words on both sides. " + SYNTAX_HELP
    )


def _selective(conn: sqlite3.Connection, where: str, params: list[Any]) -> bool:
    """Whether the filter keeps few enough articles to be read whole from its index."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {where} LIMIT {SELECTIVE + 1})"
    counted, done = collect(conn, sql, params, COUNT_BUDGET_MS)
    return done and counted[0] <= SELECTIVE


def _candidates(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    params: list[Any],
    limit: int,
    budget_ms: float,
) -> tuple[list[int], bool]:
    """Rowids of the newest `limit` matches (newest published first when browsing)."""
    if query is None:
        sql = f"SELECT a.rowid FROM articles a {'WHERE ' + where if where else ''} "
        return collect(conn, sql + "ORDER BY a.published DESC LIMIT ?", [*params, limit], budget_ms)
    if not where:
        sql = (
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        )
    elif _selective(conn, where, params):
        # A rare filter: its rowids come from an index into memory once, and each match is
        # checked there ("+" keeps SQLite from turning the IN into one FTS lookup per rowid).
        sql = (
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN "
            f"(SELECT a.rowid FROM articles a WHERE {where}) ORDER BY rowid DESC LIMIT ?"
        )
    else:
        # A common filter: most matches pass it, so checking each match's row is quicker.
        sql = (
            "SELECT articles_fts.rowid FROM articles_fts "
            "JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY articles_fts.rowid DESC LIMIT ?"
        )
    return collect(conn, sql, [query.fts, *params, limit], budget_ms)


def _total(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    params: list[Any],
    found: list[int],
    complete: bool,
    limit: int,
    total_articles: int,
) -> tuple[int, str]:
    """(count, how it is known: "exact", "about" or "more than").

    A search that found fewer than `limit` matches found them all. Otherwise counting would
    read every match of every word (as slow as ranking them all), so the total is estimated
    from the density of matches among the newest articles. Browsing counts within a budget.
    """
    if not complete:
        return len(found), "more than"
    if len(found) < limit:
        return len(found), "exact"
    if query is not None:
        return estimate_matches(found, total_articles), "about"
    if not where:
        return total_articles, "exact"
    sql = f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {where} LIMIT {COUNT_LIMIT + 1})"
    counted, done = collect(conn, sql, params, COUNT_BUDGET_MS)
    if done and counted[0] <= COUNT_LIMIT:
        return counted[0], "exact"
    return (COUNT_LIMIT if done else limit), "more than"


def _details(
    conn: sqlite3.Connection, rowids: list[int], with_text: bool
) -> dict[int, dict[str, Any]]:
    columns = ["rowid", *FACETS] + (["search_folded"] if with_text else [])
    # Only the scored start of the folded text crosses into Python.
    selected = [f"substr({c}, 1, {SCORED_CHARS})" if c == "search_folded" else c for c in columns]
    sql = (
        f"SELECT {', '.join(selected)} FROM articles "
        "WHERE rowid IN (SELECT value FROM json_each(?))"
    )
    return {
        row[0]: dict(zip(columns, row, strict=True))
        for row in conn.execute(sql, [json.dumps(rowids)])
    }


def _facets(details: Iterable[dict[str, Any]]) -> dict[str, list[tuple[Any, int]]]:
    counters: dict[str, Counter] = {column: Counter() for column in FACETS}
    for row in details:
        for column in FACETS:
            if row[column] not in (None, ""):
                counters[column][row[column]] += 1
    return {
        column: sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_VALUES]
        for column, counter in counters.items()
    }


def _rows(conn: sqlite3.Connection, rowids: list[int], query: Query | None) -> list[dict]:
    columns = ", ".join(RESULT_COLUMNS)
    sql = f"SELECT {columns} FROM articles WHERE rowid IN (SELECT value FROM json_each(?))"
    by_rowid = {
        row[0]: dict(zip(RESULT_COLUMNS, row, strict=True))
        for row in conn.execute(sql, [json.dumps(rowids)])
    }
    rows = [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]
    for row in rows:
        row["title_html"] = highlight(row["title"], query)
        row["snippet_html"] = snippet(row["body_text"] or row["summary"], query)
    return rows


def run_search(
    conn: sqlite3.Connection,
    query: Query | None,
    filters: Filters | None = None,
    *,
    page: int = 1,
    per_page: int = 20,
    candidates: int = CANDIDATES,
    budget_ms: float = SCAN_BUDGET_MS,
) -> SearchResult:
    """Search (or, without a query, browse) the archive; raises QueryError for bad syntax."""
    started = time.perf_counter()
    where, params = (filters or Filters()).sql()
    # One read transaction: the article total and every count and row after it come from the
    # same snapshot of the archive, however much a crawl writes meanwhile.
    snapshot = not conn.in_transaction
    if snapshot:
        conn.execute("BEGIN")
    try:
        return _search(conn, query, where, params, started, page, per_page, candidates, budget_ms)
    finally:
        if snapshot and conn.in_transaction:
            conn.execute("COMMIT")


def _search(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    params: list[Any],
    started: float,
    page: int,
    per_page: int,
    candidates: int,
    budget_ms: float,
) -> SearchResult:
    total_articles = article_count(conn)
    try:
        found, complete = _candidates(conn, query, where, params, candidates, budget_ms)
        details = _details(conn, found, with_text=query is not None)
        order = found
        if query is not None:
            texts = {rowid: row["search_folded"] or "" for rowid, row in details.items()}
            order = ranked(bm25_scores(conn, query, texts, total_articles), found)
        total, total_kind = _total(
            conn, query, where, params, found, complete, candidates, total_articles
        )
    except FtsError as error:
        raise QueryError(friendly_fts_error(str(error))) from None
    page = max(1, page)
    result = SearchResult(
        query=query,
        rows=_rows(conn, order[(page - 1) * per_page : page * per_page], query),
        total=total,
        total_kind=total_kind,
        candidates=len(found),
        facets=_facets(details.values()),
        page=page,
        per_page=per_page,
    )
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result
