"""Okapi BM25 over a bounded set of candidates, computed here rather than by FTS5's bm25().

FTS5's bm25() counts, for every query, all the articles holding each phrase (to weigh rare
words higher): a full read of each word's list of articles, ~30 ms per common word at a
million articles, and growing with the archive. Here that count is exact up to
IDF_SAMPLE articles and estimated beyond (from how densely the word occurs among the newest
articles), so ranking costs the same at any archive size.
"""

from __future__ import annotations

import math
import re
import sqlite3
import time
from collections.abc import Iterable

from archive.query import Query, Term
from archive.scan import collect, estimate_matches

K1 = 1.2
B = 0.75
IDF_SAMPLE = 1000
IDF_BUDGET_MS = 10
# Only the start of each article is scored (the title comes first in the folded text, then
# the lead): news puts what matters there, and it bounds the cost per candidate.
SCORED_CHARS = 3000


def document_frequency(conn: sqlite3.Connection, term: Term, total_articles: int) -> int:
    """Articles whose folded text holds `term`: exact when the newest IDF_SAMPLE matches are
    all there are (and were read within IDF_BUDGET_MS of CPU time), estimated from them
    otherwise."""
    sql = (
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
        f"ORDER BY rowid DESC LIMIT {IDF_SAMPLE}"
    )
    rowids, complete = collect(conn, sql, [term.fts], IDF_BUDGET_MS, clock=time.thread_time)
    if complete and len(rowids) < IDF_SAMPLE:
        return len(rowids)
    if not rowids:
        # Nothing read within the budget: a word in so many articles that it weighs ~nothing.
        return total_articles // 2
    return estimate_matches(rowids, total_articles)


def idf(matches: int, total_articles: int) -> float:
    """FTS5's bm25 IDF: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.

    n is clamped to N: a count taken after articles were added (a crawl writing while the
    search reads) may exceed a total taken before, and log() of a negative is an error."""
    matches = min(max(0, matches), total_articles)
    return max(1e-6, math.log((total_articles - matches + 0.5) / (matches + 0.5)))


def term_pattern(term: Term) -> re.Pattern[str]:
    """Occurrences of `term` in folded text (the tokenizer skips punctuation between words).

    The pattern starts with the literal first word, which lets `re` skip ahead fast; the word
    boundary before it is checked by `occurrences`.
    """
    words = [re.escape(token) for token in term.tokens]
    return re.compile(r"\W+".join(words) + (r"\w*" if term.prefix else r"(?!\w)"))


def occurrences(pattern: re.Pattern[str], text: str) -> int:
    """Matches of `pattern` in `text` that start a word."""
    return sum(
        1
        for match in pattern.finditer(text)
        if match.start() == 0
        or not (text[match.start() - 1].isalnum() or text[match.start() - 1] == "_")
    )


def bm25_scores(
    conn: sqlite3.Connection, query: Query, texts: dict[int, str], total_articles: int
) -> dict[int, float]:
    """BM25 of each candidate (rowid -> folded title and body); higher ranks first.

    Term frequency counts occurrences in the first SCORED_CHARS of the folded text; document
    length is the number of words there; the average length is that of the candidates.
    """
    if not texts:
        return {}

    def weight(term: Term) -> float:
        if len(query.terms) == 1:
            return 1.0  # one term's weight changes no order: spend no scan on it
        return idf(document_frequency(conn, term, total_articles), total_articles)

    weighted = [(term_pattern(term), weight(term)) for term in query.terms]
    texts = {rowid: text[:SCORED_CHARS] for rowid, text in texts.items()}
    # Folded text separates words by single spaces (or a newline after the title).
    lengths = {rowid: text.count(" ") + 2 for rowid, text in texts.items()}
    average = sum(lengths.values()) / len(lengths) or 1.0
    scores = {}
    for rowid, text in texts.items():
        norm = K1 * (1 - B + B * lengths[rowid] / average)
        score = 0.0
        for pattern, term_weight in weighted:
            tf = occurrences(pattern, text)
            if tf:
                score += term_weight * tf * (K1 + 1) / (tf + norm)
        scores[rowid] = score
    return scores


def ranked(scores: dict[int, float], rowids: Iterable[int]) -> list[int]:
    """`rowids` by descending score, newer first among equals."""
    return sorted(rowids, key=lambda rowid: (-scores.get(rowid, 0.0), -rowid))
