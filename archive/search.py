"""The analyst's search over the archive: bm25 over a bounded candidate set or newest first,
exact totals and facet counts, snippets; plain SQL on one sqlite3 connection so that it scales
to a million articles."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from archive.counts import COUNT_BUDGET_MS, Counts, count_matches, facet_table, indexed
from archive.filters import FACETS, Filters
from archive.query import Query, QueryError, highlight, snippet
from archive.rank import SCORED_CHARS, bm25_scores, ranked
from archive.scan import FtsError, article_count, collect

# Ranking every match costs time in proportion to the matches (~450 ms for a common word at
# 200,000 articles with FTS5's ORDER BY rank); the newest CANDIDATES matches are found in a few
# ms at any size. So relevance ranks the CANDIDATES most recently archived matches by BM25
# (archive.rank); "newest" pages through every match by publication date. Totals and facets
# count every match (archive.counts), or say "at least" past their time budget.
CANDIDATES = 500
# A scan for candidates stops after SCAN_BUDGET_MS of CPU time (not wall time, so that a busy
# machine ranks the same articles) and ranks what it found; filters keeping
# at most SELECTIVE articles are read from their index (see _candidates).
SCAN_BUDGET_MS = 120
NEWEST_BUDGET_MS = 1000
MANY = 5_000  # matches past which "newest first" walks the date index (see _newest)
SELECTIVE = 50_000
SELECTIVE_BUDGET_MS = 20
SORTS = ("relevance", "newest")
FACET_VALUES = 12
BY_FACET = {column: (column,) for column in FACETS}
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


@dataclass
class SearchResult:
    """One page of results with what the page says about them."""

    query: Query | None
    rows: list[dict[str, Any]]
    total: int
    total_kind: str  # "exact", or "at least" when the count ran out of its time budget
    candidates: int  # how many matches were ranked (relevance); every match when newest
    facets: dict[str, list[tuple[Any, int]]]
    page: int
    per_page: int
    sort: str = "relevance"
    facets_exact: bool = True  # else the facets count the newest `facets_counted` matches
    facets_counted: int = 0
    elapsed_ms: float = 0.0

    @property
    def pages(self) -> int:
        shown = self.total if self.sort == "newest" or self.query is None else self.candidates
        return max(1, -(-min(self.total, shown) // self.per_page))

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query.text if self.query else None,
            "fts": self.query.fts if self.query else None,
            "total": self.total,
            "total_kind": self.total_kind,
            "ranked": self.candidates,
            "sort": self.sort,
            "facets_exact": self.facets_exact,
            "facets_counted": self.facets_counted,
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


def friendly_fts_error(message: str) -> QueryError:
    """What FTS5 could not read, for the person; the query checks catch the usual mistakes
    first (archive.query), so this is the rare case they miss."""
    near = message.partition("near")[2].strip()
    return QueryError(
        "The search could not be read near {near}: an operator (AND, OR, NOT) or a "
        "parenthesis needs words on both sides.",
        near=near or "?",
    )


def _selective(conn: sqlite3.Connection, where: str, params: list[Any]) -> bool:
    """Whether the filter keeps few enough articles to be read whole from its index."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {where} LIMIT {SELECTIVE + 1})"
    counted, done = collect(conn, sql, params, SELECTIVE_BUDGET_MS)
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
        sql += "ORDER BY a.published DESC LIMIT ?"
        return collect(conn, sql, [*params, limit], budget_ms, clock=time.thread_time)
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
    return collect(conn, sql, [query.fts, *params, limit], budget_ms, clock=time.thread_time)


def _newest(
    conn: sqlite3.Connection,
    query: Query | None,
    where: str,
    params: list[Any],
    offset: int,
    limit: int,
    many: bool,
) -> list[int]:
    """Rowids of one page of matches, newest published first (undated last).

    With `many` matches the date index is walked newest first, each article checked against
    the matches, and the page is found after a few of them; sorting every match by date
    instead (fine for a few thousand) took over a second for a word in half the articles."""
    clauses, args = [], []
    if query is not None:
        clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(query.fts)
    if where:
        clauses.append(where)
        args += params
    table = facet_table(conn)
    index = f"INDEXED BY {table}_published" if table == "article_facets" else ""
    sql = (
        f"SELECT a.rowid FROM {table} a {index if many else ''} "
        f"{'WHERE ' + ' AND '.join(clauses) if clauses else ''} "
        "ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?"
    )
    found, _ = collect(conn, sql, [*args, limit, offset], NEWEST_BUDGET_MS)
    return found


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


def _facets(counts: Counts) -> dict[str, list[tuple[Any, int]]]:
    return {
        column: sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_VALUES]
        for column, counter in counts.groups.items()
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
    sort: str = "relevance",
    candidates: int = CANDIDATES,
    budget_ms: float = SCAN_BUDGET_MS,
    count_budget_ms: float = COUNT_BUDGET_MS,
) -> SearchResult:
    """Search (or, without a query, browse) the archive; raises QueryError for bad syntax.

    `sort` is "relevance" (BM25 over the newest `candidates` matches) or "newest" (every match
    by publication date); browsing is always newest first.
    """
    started = time.perf_counter()
    where, params = (filters or Filters()).sql()
    if query is None or sort not in SORTS:
        sort = "newest"
    # One read transaction: the article total and every count and row after it come from the
    # same snapshot of the archive, however much a crawl writes meanwhile.
    snapshot = not conn.in_transaction
    if snapshot:
        conn.execute("BEGIN")
    try:
        try:
            counts = (
                indexed(conn, query, filters or Filters(), BY_FACET)
                if count_budget_ms > 0
                else None
            )
            if counts is None:
                by_column = {c: f"a.[{c}]" for c in FACETS}
                counts = count_matches(conn, query, where, params, by_column, count_budget_ms)
            shown_before = (max(1, page) - 1) * per_page if sort == "newest" else 0
            if sort == "newest" or query is None:  # query is None only when newest
                many = not counts.exact or counts.total > MANY
                offset = (max(1, page) - 1) * per_page
                found = _newest(conn, query, where, params, offset, per_page, many)
                order, page_rows = found, found
            else:
                found, _ = _candidates(conn, query, where, params, candidates, budget_ms)
                details = _details(conn, found, with_text=True)
                texts = {rowid: row["search_folded"] or "" for rowid, row in details.items()}
                total_articles = article_count(conn)
                order = ranked(bm25_scores(conn, query, texts, total_articles), found)
                page_rows = order[(max(1, page) - 1) * per_page : max(1, page) * per_page]
        except FtsError as error:
            raise friendly_fts_error(str(error)) from None
        result = SearchResult(
            query=query,
            rows=_rows(conn, page_rows, query),
            # Past the budget, the matches already in hand are a lower bound too.
            total=counts.total if counts.exact else max(counts.total, len(found) + shown_before),
            total_kind="exact" if counts.exact else "at least",
            facets_exact=counts.groups_exact,
            facets_counted=counts.grouped,
            candidates=len(found) if sort == "relevance" else counts.total,
            facets=_facets(counts),
            page=max(1, page),
            per_page=per_page,
            sort=sort,
        )
    finally:
        if snapshot and conn.in_transaction:
            conn.execute("COMMIT")
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result
