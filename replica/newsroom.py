"""Machinery shared by the family 2 and 3 replicas: article order, knobs, slugs, citations, truth.

Articles of a site are numbered 0..N-1 oldest first: the `config.articles` base articles, then
the `config.new_articles` newer ones, so adding new articles never renumbers the base ones.
A `Roster` spreads the numbers over a site's zones (categories) in a fixed repeating pattern,
which lets every listing position be turned into an article number in O(1) (O(log k) with k
removed articles), and it decides, by stable hashes, which base articles are edited or removed.

Cited documents in truth are `{number, type, issuer, date}`: `number` is the symbol as written
("15/2020/NĐ-CP"), `type` the document kind as written ("Nghị định"), `issuer` the body named
after "của" (`null` when the text names none), `date` the ISO issue date (`null` when not written).
"""

from __future__ import annotations

import random
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from math import gcd
from typing import Any

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


class Roster:
    """Which article numbers a site has, in which zone, and which are edited or removed."""

    def __init__(self, salt: str, config: SiteConfig, weights: Sequence[int]) -> None:
        self.salt, self.config = salt, config
        self.base, self.total = config.articles, config.articles + config.new_articles
        slots = [z for z, w in enumerate(weights) for _ in range(w)]
        random.Random(f"{salt}/pattern").shuffle(slots)
        self.pattern = tuple(slots)
        self.positions = tuple(
            tuple(p for p, z in enumerate(slots) if z == zone) for zone in range(len(weights))
        )
        self.rank_in_zone = {p: self.positions[z].index(p) for p, z in enumerate(slots)}
        removed = self._removed_indices()
        self.removed_set = frozenset(removed)
        self.removed_local: dict[int | None, list[int]] = {None: removed}
        for zone in range(len(weights)):
            self.removed_local[zone] = [self.local(i) for i in removed if self.zone(i) == zone]
        self._edit_cut = round(config.edit_rate * 1_000_000)

    def _removed_indices(self) -> list[int]:
        # An affine permutation of the base articles: the first `remove` of it are gone.
        n, k = self.base, min(self.config.remove, self.base)
        if k <= 0:
            return []
        a = 1 + number(self.salt, "remove-a", below=max(1, n - 1))
        while gcd(a, n) != 1:
            a += 1
        b = number(self.salt, "remove-b", below=n)
        inverse = pow(a, -1, n) if n > 1 else 0
        return sorted(((j - b) * inverse) % n for j in range(k))

    # Zones ----------------------------------------------------------------------------------
    def zone(self, index: int) -> int:
        return self.pattern[index % len(self.pattern)]

    def local(self, index: int) -> int:
        """The article's number within its zone."""
        per = len(self.positions[self.zone(index)])
        return (index // len(self.pattern)) * per + self.rank_in_zone[index % len(self.pattern)]

    def to_global(self, zone: int | None, local: int) -> int:
        if zone is None:
            return local
        spots = self.positions[zone]
        return (local // len(spots)) * len(self.pattern) + spots[local % len(spots)]

    def count(self, zone: int | None) -> int:
        """How many articles (removed included) the zone has; None means the whole site."""
        if zone is None:
            return self.total
        full, rest = divmod(self.total, len(self.pattern))
        spots = self.positions[zone]
        return full * len(spots) + sum(1 for p in spots if p < rest)

    # Knobs ----------------------------------------------------------------------------------
    def is_new(self, index: int) -> bool:
        return index >= self.base

    def removed(self, index: int) -> bool:
        return index in self.removed_set

    def gone_status(self, index: int) -> int:
        return 410 if number(self.salt, index, "gone", below=3) == 0 else 404

    def edited(self, index: int) -> bool:
        if self.is_new(index) or self.removed(index):
            return False
        if index >= self.base - self.config.edits:
            return True
        return (
            bool(self._edit_cut)
            and number(self.salt, index, "edit", below=1_000_000) < self._edit_cut
        )

    # Listings -------------------------------------------------------------------------------
    def live_count(self, zone: int | None) -> int:
        return self.count(zone) - len(self.removed_local[zone])

    def newest(self, zone: int | None, start: int, count: int) -> list[int]:
        """Article numbers of the live articles at positions [start, start+count), newest first."""
        gone, live = self.removed_local[zone], self.live_count(zone)
        found = []
        for position in range(max(0, start), min(live, start + count)):
            rank = live - 1 - position
            local = rank
            while (fixed := rank + bisect_right(gone, local)) != local:
                local = fixed
            found.append(self.to_global(zone, local))
        return found

    def pages(self, zone: int | None, size: int) -> int:
        return max(1, -(-self.live_count(zone) // size))


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
        zone, local = self.roster.zone(art.index), self.roster.local(art.index)
        older = (self.roster.to_global(zone, j) for j in range(local - 1, -1, -1))
        live = [
            i for _, i in zip(range(3 * count), older, strict=False) if not self.roster.removed(i)
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
                status="removed" if self.roster.removed(index) else "live",
                edited=art.edited,
            )
