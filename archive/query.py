"""The analyst's search query: folded into an FTS5 expression over `search_folded`, and
highlighted back in the original (accented) text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from archive.fold import fold

# The one FTS column every query is scoped to: folding the query and matching only the folded
# copy is what makes "Đồng Tháp", "dong thap" and "DONG THAP" return the same rows.
FOLDED_COLUMN = "search_folded"
OPERATORS = frozenset({"AND", "OR", "NOT"})
_TOKENS = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_WORD = re.compile(r"\w+")
SYNTAX_HELP = (
    'Search takes words, "quoted phrases", prefixes such as thi hành* and the operators '
    "AND, OR, NOT (in capitals) with parentheses."
)


class QueryError(ValueError):
    """A query the search cannot run; the message is meant for the person who typed it.

    `template` and `values` let a page show it in the interface's language; `str()` is the
    English text, followed by how to write a query when `help` is set."""

    def __init__(self, template: str, *, help: bool = True, **values: object) -> None:
        self.template, self.values, self.help = template, values, help
        super().__init__(template.format(**values) + (" " + SYNTAX_HELP if help else ""))

    def shown(self, translate: Callable[..., str]) -> str:
        """The message through `translate(text, **values)` (archive.i18n.translator)."""
        text = translate(self.template, **self.values)
        return text + (" " + translate(SYNTAX_HELP) if self.help else "")


@dataclass(frozen=True)
class Term:
    """A word or phrase of the query (folded tokens), possibly a prefix (`hành*`)."""

    tokens: tuple[str, ...]
    prefix: bool = False

    @property
    def fts(self) -> str:
        return f"{FOLDED_COLUMN} : ({_phrase(' '.join(self.tokens))}{' *' if self.prefix else ''})"


@dataclass(frozen=True)
class Query:
    """A parsed search: the FTS5 expression, and the terms that rank and highlight results
    (those not under NOT)."""

    text: str
    fts: str
    terms: tuple[Term, ...]

    @property
    def words(self) -> frozenset[str]:
        return frozenset(
            token
            for term in self.terms
            for token in (term.tokens[:-1] if term.prefix else term.tokens)
        )

    @property
    def prefixes(self) -> frozenset[str]:
        return frozenset(term.tokens[-1] for term in self.terms if term.prefix)


def _phrase(folded: str) -> str:
    return '"' + folded.replace('"', '""') + '"'


def parse_query(text: str, *, strict: bool = True) -> Query | None:
    """The FTS5 expression for `text`, or None when it holds nothing to search for.

    Words and phrases are folded like the index (NFC, no diacritics, đ as d, lower case) and
    quoted, so punctuation such as "NĐ-CP" matches as a phrase instead of breaking the syntax;
    `word*` is a prefix query; AND/OR/NOT (capitals) and parentheses are operators. With
    `strict`, a query FTS5 would reject raises QueryError; otherwise (Datasette's `_search`)
    operators and parentheses are read as words and an open quote is closed.
    """
    text = unicodedata.normalize("NFC", text or "").strip()
    parts: list[str] = []
    terms: list[Term] = []
    negated = False
    for token in _TOKENS.findall(text):
        if strict and (token in OPERATORS or token in "()"):
            _append(parts, token)
            negated = token == "NOT"
            continue
        quoted = token.startswith('"')
        if strict and quoted and (len(token) == 1 or not token.endswith('"')):
            raise QueryError("A quotation mark is not closed.")
        folded = fold(token.strip('"') if quoted else token)
        prefix = folded.endswith("*")
        tokens = tuple(_WORD.findall(folded))
        if not tokens:
            if strict and prefix:
                raise QueryError("A * must follow the start of a word.")
            continue
        _append(parts, _phrase(" ".join(tokens)) + (" *" if prefix else ""))
        if not negated:
            terms.append(Term(tokens, prefix))
        negated = False
    if not any(part not in OPERATORS and part not in "()" for part in parts):
        if strict and text:
            raise QueryError("Nothing to search for in «{text}».", text=text)
        return None
    if strict:
        _check_operators(parts)
    return Query(text=text, fts=f"{FOLDED_COLUMN} : ({' '.join(parts)})", terms=tuple(terms))


def _append(parts: list[str], part: str) -> None:
    """Add `part`; FTS5 takes two phrases side by side as AND, but not a parenthesis beside
    a phrase or another parenthesis: there the AND is written out."""
    beside = parts and parts[-1] not in OPERATORS and parts[-1] != "(" and part not in OPERATORS
    if beside and (part == "(" or parts[-1] == ")"):
        parts.append("AND")
    parts.append(part)


def _check_operators(parts: list[str]) -> None:
    """Raise QueryError, naming what the person typed, where FTS5 would fail: an operator
    without words on both sides, or parentheses that do not pair."""
    wanting: str | None = "start"  # what still needs a word after it
    depth = 0
    for previous, part in zip(["", *parts], parts, strict=False):
        if part in OPERATORS:
            if wanting:
                raise QueryError("{operator} needs words on both sides.", operator=part)
            wanting = part
        elif part == "(":
            depth += 1
            wanting = wanting or "("
        elif part == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("A closing parenthesis has no opening one.")
            if wanting:
                empty = previous == "(" or wanting in ("(", "start")
                if empty:
                    raise QueryError("A parenthesis needs words on both sides.")
                raise QueryError("{operator} needs words on both sides.", operator=wanting)
        else:
            wanting = None
    if wanting in OPERATORS:
        raise QueryError("{operator} needs words on both sides.", operator=wanting)
    if depth:
        raise QueryError("A parenthesis is not closed.")


def escape_fts(text: str) -> str:
    """Datasette's `escape_fts()` SQL function, folding: table `_search` matches like ours."""
    query = parse_query(text, strict=False)
    # A query of punctuation only matches nothing, as Datasette's own escaping would.
    return query.fts if query else f'{FOLDED_COLUMN} : ("")'


def _match_pattern(query: Query) -> re.Pattern[str] | None:
    alternatives = [re.escape(word) + r"\b" for word in sorted(query.words, key=len, reverse=True)]
    alternatives += [re.escape(prefix) + r"\w*" for prefix in sorted(query.prefixes)]
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


def _spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Character spans of `text` whose folded form matches a query word or prefix."""
    pattern = _match_pattern(query)
    folded = fold(text)
    if pattern is None or len(folded) != len(text):
        # Folding kept the length for every NFC Vietnamese text we archive; if some rare
        # character changes it, offsets no longer line up and we mark nothing.
        return []
    return [match.span() for match in pattern.finditer(folded)]


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, cursor = [], start
    for left, right in spans:
        if right <= start or left >= end:
            continue
        left, right = max(left, start), min(right, end)
        out.append(str(escape(text[cursor:left])))
        out.append(f"<mark>{escape(text[left:right])}</mark>")
        cursor = right
    out.append(str(escape(text[cursor:end])))
    return "".join(out)


def highlight(text: str | None, query: Query | None) -> Markup:
    """All of `text`, escaped, with the query's words in <mark>."""
    text = text or ""
    spans = _spans(text, query) if query else []
    return Markup(_marked(text, spans, 0, len(text)))


def snippet(text: str | None, query: Query | None, length: int = 240) -> Markup:
    """About `length` characters of `text` around its first match, escaped, words in <mark>."""
    text = " ".join((text or "").split())
    spans = _spans(text, query) if query else []
    start = 0
    if spans and spans[0][0] > length // 4:
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    body = _marked(text, spans, start, end)
    return Markup(("… " if start else "") + body + (" …" if end < len(text) else ""))
