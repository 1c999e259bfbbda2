"""Machinery shared by the family 2 and 3 replicas: article order, knobs, slugs, citations, truth.

Articles of a site are numbered 0..N-1 oldest first: the `config.articles` base articles, then
the `config.new_articles` newer ones, so adding new articles never renumbers the base ones.
A `Roster` (corpus.Corpus's listing model) spreads the numbers over a site's zones (categories)
in a fixed repeating pattern, and decides, by stable hashes, which are edited or removed.

Cited documents in truth are `{number, type, issuer, date}`: `number` is the symbol as written
("15/2020/NĐ-CP"), `type` the document kind as written ("Nghị định"), `issuer` the body named
after "của" (`null` when the text names none), `date` the ISO issue date (`null` when not written).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from math import gcd
from typing import Any

from replica.corpus import HORIZON, Corpus
from replica.site import Response, SiteConfig, collapse, number, truth_line

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def slug_strip(text: str) -> str:
    """The 2025 THADS slugifier: NFD, drop every non-ASCII code point, so đ/Đ disappear."""
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def slug_vi(text: str) -> str:
    """The usual Vietnamese slug: like slug_strip but đ/Đ become d."""
    return slug_strip(text.replace("đ", "d").replace("Đ", "D"))


def page_number(raw: str) -> int:
    """A page number as the portals read it: 1 for anything but a (short) positive number."""
    raw = raw.strip()
    return max(1, int(raw)) if raw.isdigit() and len(raw) < 9 else 1


def base36_id(index: int, salt: str, width: int = 6) -> str:
    """A random-looking, unique `width`-char [0-9a-z] id for index (a 4-round Feistel)."""
    half = 36 ** (width // 2)
    left, right = divmod(index, half)
    for rnd in range(4):
        left, right = right, (left + number(salt, rnd, right, below=half)) % half
    value, chars = left * half + right, []
    for _ in range(width):
        value, digit = divmod(value, 36)
        chars.append(BASE36[digit])
    return "".join(reversed(chars))


def base36_index(text: str, salt: str, width: int = 6) -> int | None:
    """The inverse of base36_id, or None when `text` is not such an id."""
    if len(text) != width or any(c not in BASE36 for c in text):
        return None
    half, value = 36 ** (width // 2), int(text, 36)
    left, right = divmod(value, half)
    for rnd in reversed(range(4)):
        left, right = (right - number(salt, rnd, left, below=half)) % half, left
    return left * half + right


class Roster(Corpus):
    """The listing model of corpus.Corpus as the family 2 and 3 sites number it: the zones
    (sections) repeat one shuffled pattern, the removed articles are the first `remove` of an
    affine permutation of the base ones (one in three 410), and a removed one is never edited.
    The sites date their articles themselves, so the Corpus's dates go unused."""

    def __init__(self, salt: str, config: SiteConfig, weights: Sequence[int]) -> None:
        slots = [z for z, w in enumerate(weights) for _ in range(w)]
        random.Random(f"{salt}/pattern").shuffle(slots)
        self.repeated = tuple(slots)
        super().__init__(config, salt, weights, HORIZON, HORIZON)

    def _shuffled(self, block: int) -> tuple[int, ...]:
        return self.repeated

    def _choose_removed(self, count: int) -> dict[int, int]:
        n = self.base
        if count <= 0:
            return {}
        a = 1 + number(self.salt, "remove-a", below=max(1, n - 1))
        while gcd(a, n) != 1:
            a += 1
        b = number(self.salt, "remove-b", below=n)
        inverse = pow(a, -1, n) if n > 1 else 0
        removed = sorted(((j - b) * inverse) % n for j in range(count))
        return {i: 404 if number(self.salt, i, "gone", below=3) else 410 for i in removed}

    def edited(self, index: int) -> bool:
        return index not in self.gone and super().edited(index)


# Truth ------------------------------------------------------------------------------------
@dataclass
class Story:
    """The reader-visible content of one article, from which both page and truth are made."""

    title: str
    summary: str | None
    paragraphs: list[str]
    author: str | None = None
    author_unit: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    citations: list[tuple[str, dict]] = field(default_factory=list)


def cited_documents(story: Story) -> list[dict]:
    """The documents the body cites, in reading order, each once."""
    body = "\n".join(story.paragraphs)
    seen: dict[str, tuple[int, dict]] = {}
    for text, record in story.citations:
        at = body.find(text)
        if at >= 0 and (record["number"] not in seen or at < seen[record["number"]][0]):
            seen[record["number"]] = (at, record)
    return [record for _, record in sorted(seen.values(), key=lambda pair: pair[0])]


def absolute(base_url: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of image/attachment records with root-relative URLs made absolute."""
    return [
        {**item, "url": base_url + item["url"]} if item["url"].startswith("/") else dict(item)
        for item in items
    ]


class RosterSite:
    """A site over a Roster: cached articles by number, listings, related news, answers, truth.

    A subclass sets `config`, `slug`, `headers`, `fallback_modified`, builds articles in
    `_build(index)`, names them in `article_path(art)` and renders `error_page(status)`.
    """

    config: SiteConfig
    slug: str
    headers: tuple[tuple[str, str], ...]
    fallback_modified: datetime

    def init_roster(self, weights: Sequence[int]) -> None:
        self.salt = f"{self.config.seed}/{self.slug}"
        self.roster = Roster(self.salt, self.config, weights)
        self.article = lru_cache(maxsize=2048)(self._build)

    def _build(self, index: int) -> Any:
        raise NotImplementedError

    def article_path(self, art: Any) -> str:
        raise NotImplementedError

    def error_page(self, status: int) -> str:
        raise NotImplementedError

    def published_text(self, art: Any) -> str:
        """An article's publication time as its page shows it (a date, or a datetime)."""
        raise NotImplementedError

    def article_count(self) -> int:
        return self.roster.total

    def newest(self, zone: int | None, start: int, count: int) -> list[Any]:
        return [self.article(i) for i in self.roster.newest(zone, start, count)]

    def related(self, art: Any, count: int = 5) -> list[Any]:
        """Older live articles of the same zone, newest first (related-news boxes)."""
        zone, local = self.roster.section(art.index), self.roster.position(art.index)
        older = (self.roster.index_at(zone, j) for j in range(local - 1, -1, -1))
        live = [
            i for _, i in zip(range(3 * count), older, strict=False) if i not in self.roster.gone
        ]
        return [self.article(i) for i in live[:count]]

    def html(self, page: str, modified: datetime | None) -> Response:
        modified = modified or self.fallback_modified
        return Response(200, page.encode("utf-8"), headers=self.headers, last_modified=modified)

    def not_found(self, status: int) -> Response:
        return Response(status, self.error_page(status).encode("utf-8"), headers=self.headers)

    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for index in range(self.roster.total):
            art = self.article(index)
            story = art.story
            yield truth_line(
                self.slug,
                base_url + self.article_path(art),
                collapse(story.title),
                story.paragraphs,
                published=self.published_text(art),
                author_unit=story.author_unit,
                author=story.author,
                summary=collapse(story.summary) if story.summary else None,
                category=story.category,
                tags=list(story.tags),
                attachments=absolute(base_url, story.attachments),
                images=absolute(base_url, story.images),
                cited_documents=cited_documents(story),
                status="removed" if index in self.roster.gone else "live",
                edited=art.edited,
            )
