"""SharePoint news lists shared by the family-1 replicas (THADS and moj.gov.vn).

A list is a sequence of items with their own ItemIDs. Everything about an item (id, date, text,
whether it is new, edited or removed) is computed from (seed, site, list, index) in O(1); the
only state kept per site is the short list of removed items that the `remove` knob asks for.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import quote

from replica.places import Place
from replica.site import SiteConfig, collapse, number
from replica.text.thads import TextGen
from replica.vocab import vocab

THADS_WORDS = vocab("thads")

FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2022, 12, 31)
VN_TIME = timezone(timedelta(hours=7))
PAGE_SIZE = 10
FALLBACK_MODIFIED = datetime(2022, 12, 31, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ListDef:
    """What a site declares about one of its lists."""

    name: str  # the SharePoint list in URLs: "TinTuDiaPhuong"
    display: str  # "Tin từ địa phương": the category shown to readers
    share: int  # share of the site's articles
    topics: tuple[str, ...]
    web: str = "tintuc"  # the sub-web: /noidung/<web>/Lists/<name>/
    page: str = ""  # moj.gov.vn: the category page, /qt/tintuc/Pages/<page>.aspx


@dataclass(frozen=True, eq=False)  # hashed by identity: cheap as an lru_cache key
class ListSpec:
    """One list of one site: `count` base items, then `new` newer ones, minus removed ones."""

    d: ListDef
    count: int
    new: int
    first_id: int
    gap: int  # after every `gap` items one ItemID is skipped, as if the item was deleted
    salt: str
    seed_index: int | None = None  # the real seed article, pinned to SEED_DAY
    seed_day: date | None = None
    undated_index: int | None = None  # the one item per site that shows no date
    removed: tuple[int, ...] = ()  # indices, newest first
    edit_rate: float = 0.0
    edits: int = 0
    trap: bool = False
    removed_set: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "removed_set", frozenset(self.removed))

    @property
    def name(self) -> str:
        return self.d.name

    @property
    def display(self) -> str:
        return self.d.display

    @property
    def total(self) -> int:
        return self.count + self.new

    def item_id(self, index: int) -> int:
        return self.first_id + index + index // self.gap

    def index_of(self, item_id: int) -> int | None:
        offset = item_id - self.first_id
        if offset < 0 or offset % (self.gap + 1) == self.gap:
            return None
        index = offset - offset // (self.gap + 1)
        return index if index < self.total else None

    def day(self, index: int) -> date:
        """Publication day: non-decreasing with the index, O(1), jittered per item.

        Depends only on the base count, so adding new items never moves an existing one; new
        items come after LAST_DAY, newer than every base item of every list.
        """
        if index >= self.count:
            return LAST_DAY + timedelta(days=1 + (index - self.count) // 2)
        lo_i, lo_d = -1, FIRST_DAY.toordinal()
        hi_i, hi_d = self.count, LAST_DAY.toordinal() + 1
        if self.seed_index is not None and self.seed_day is not None:
            if index == self.seed_index:
                return self.seed_day
            if index < self.seed_index:
                hi_i, hi_d = self.seed_index, self.seed_day.toordinal()
            else:
                lo_i, lo_d = self.seed_index, self.seed_day.toordinal() + 1
        slots = hi_i - lo_i - 1
        jitter = number(self.salt, index, "day", below=1024)
        step = ((index - lo_i - 1) * 1024 + jitter) * (hi_d - lo_d) // (slots * 1024)
        return date.fromordinal(lo_d + step)

    def minute(self, index: int) -> int:
        """Minute of the day an item was posted (07:00-17:59), for templates that show it."""
        return 7 * 60 + number(self.salt, index, "minute", below=660)

    def is_removed(self, index: int) -> bool:
        return index in self.removed_set

    def gone_status(self, index: int) -> int:
        return (404, 410)[number(self.salt, index, "gone", below=2)]

    def is_edited(self, index: int) -> bool:
        if index >= self.count or index == self.seed_index or self.is_removed(index):
            return False
        if index >= self.count - self.edits:
            return True
        return number(self.salt, index, "edit", below=1_000_000) < self.edit_rate * 1_000_000

    def live_count(self) -> int:
        return self.total - len(self.removed)

    def index_at(self, position: int) -> int | None:
        """The index of the `position`-th live item, newest first: O(removed)."""
        if not 0 <= position < self.live_count():
            return None
        index = self.total - 1 - position
        for gone in self.removed:  # newest first: each removed item at or above shifts by one
            if gone >= index:
                index -= 1
        return index

    def pages(self) -> int:
        return max(1, -(-self.live_count() // PAGE_SIZE))

    def page_indices(self, page: int) -> list[int]:
        start = (page - 1) * PAGE_SIZE
        found = (self.index_at(p) for p in range(start, start + PAGE_SIZE))
        return [i for i in found if i is not None]


@dataclass(frozen=True)
class Image:
    """A photo in a body; its caption is shown under it but is no part of the body text."""

    path: str  # as served, unquoted: spaces and diacritics included
    caption: str | None
    after: int  # shown after this paragraph


@dataclass(frozen=True)
class Attachment:
    """A file attached to a notice, served under the list's Attachments/<ItemID>/ folder."""

    path: str
    name: str
    kind: str  # pdf, doc, docx, xls


@dataclass(frozen=True, eq=False)
class Article:
    """Everything a page or the truth needs to know about one list item."""

    spec: ListSpec
    index: int
    item_id: int
    title: str
    day: date  # also kept for an undated article: it orders the list and sets Last-Modified
    minute: int | None  # time of day, on templates that show it
    dated: bool
    paragraphs: tuple[str, ...]  # the body as text, one entry per paragraph or bullet line
    author: str | None
    author_unit: str | None
    author_line: str | None
    summary: str | None = None
    images: tuple[Image, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    cited: tuple[dict[str, Any], ...] = ()
    style: str = "p"
    edited: bool = False
    is_seed: bool = False

    @property
    def published(self) -> str | None:
        if not self.dated:
            return None
        if self.minute is None:
            return self.day.isoformat()
        return self.local().isoformat()

    def local(self) -> datetime:
        minutes = self.minute if self.minute is not None else 7 * 60
        return datetime.combine(self.day, time(), VN_TIME) + timedelta(minutes=minutes)

    def modified(self) -> datetime:
        minutes = number(self.spec.salt, self.item_id, "modified", below=600)
        local = datetime.combine(self.day, time(7, 30), VN_TIME) + timedelta(minutes=minutes)
        if self.minute is not None:
            local = max(local, self.local() + timedelta(minutes=5))
        if self.edited:
            local += timedelta(days=3 + number(self.spec.salt, self.item_id, "late", below=60))
        return local.astimezone(UTC)


def split(total: int, shares: Sequence[int]) -> list[int]:
    """`total` spread over lists by share, the remainder to the first list."""
    counts = [total * share // sum(shares) for share in shares]
    counts[0] += total - sum(counts)
    return counts


def edit_paragraphs(spec: ListSpec, item_id: int, paragraphs: list[str], gen: TextGen) -> None:
    """An edited article: one sentence added to one paragraph (its own RNG, so base text and
    citations do not move)."""
    rng = random.Random(f"{spec.salt}/{item_id}/edit")
    editor = TextGen(rng, gen.province, gen.districts, gen.day, gen.voice, gen.agency)
    k = rng.randrange(len(paragraphs) - 1) if len(paragraphs) > 1 else 0
    if paragraphs[k].startswith("- "):
        k = 0
    paragraphs[k] = f"{paragraphs[k]} {editor.fill(rng.choice(THADS_WORDS.EDIT_SENTENCES))}"


def pick_images(
    rng: random.Random, gen: TextGen, folder: str, item_id: int, after: Sequence[int] = (0, 2)
) -> tuple[Image, ...]:
    """Photos in a body, under PublishingImages/Năm <y>/Thang <m>/ (spaces and diacritics)."""
    captioner = TextGen(rng, gen.province, gen.districts, gen.day, gen.voice, gen.agency)
    day = gen.day
    images = []
    for k, n in enumerate(after, start=1):
        if rng.random() < 0.3:
            name = rng.choice(THADS_WORDS.IMAGE_NAMES).format(
                ymd=f"{day:%Y%m%d}", item=item_id, k=k
            )
            caption = (
                captioner.fill(rng.choice(THADS_WORDS.CAPTIONS)) if rng.random() < 0.6 else None
            )
            path = f"{folder}/Năm {day.year}/Thang {day.month}/{name}.jpg"
            images.append(Image(path, caption, n))
    return tuple(images)


def choose_byline(
    rng: random.Random, gen: TextGen, units: Sequence[str], weights: tuple[float, float, float]
) -> tuple[str | None, str | None, str | None]:
    """(author, author_unit, closing line): 'Theo Unit', 'Name – Unit', a bare name, or none."""
    roll, (theo, both, bare) = rng.random(), weights
    if roll < theo:
        unit = rng.choice(units)
        return None, unit, f"Theo {unit}"
    if roll < theo + both:
        author, unit = gen.byline(gen.name()), rng.choice(units)
        return author, unit, f"{author} – {unit}"
    if roll < theo + both + bare:
        author = gen.byline(gen.name())
        return author, None, author
    return None, None, None


class Portal(Protocol):
    """A THADS site as its chrome and markup see it (site.ThadsSite)."""

    slug: str
    prefix: str
    agency: str
    address: str
    phone: str
    portal: str
    province_slug: str
    national: bool
    repeat_title: bool
    place: Place
    lists: tuple[ListSpec, ...]
    by_name: dict[str, ListSpec]

    def list_path(self, spec: ListSpec) -> str: ...
    def article_path(self, spec: ListSpec, item_id: int) -> str: ...
    def article_href(self, spec: ListSpec, item_id: int, context: str, relative: bool) -> str: ...
    def page_href(self, spec: ListSpec, page: int, context: str) -> str: ...
    def newest(self, spec: ListSpec, count: int) -> list[Article]: ...


class ListSite:
    """What every family-1 site shares: lists, knobs, article cache, listings and truth."""

    family = "thads-sharepoint"
    slug: str
    config: SiteConfig
    lists: tuple[ListSpec, ...]

    def init_lists(
        self,
        defs: Sequence[ListDef],
        config: SiteConfig,
        first_id: Callable[[str], int],
        seed_list: str | None = None,
        seed_day: date | None = None,
        undated_list: str | None = None,
    ) -> None:
        self.config = config
        seed = config.seed
        counts = split(config.articles, [d.share for d in defs])
        news = split(config.new_articles, [d.share for d in defs])
        seed_at = {d.name: c // 2 for d, c in zip(defs, counts, strict=True) if d.name == seed_list}
        removed = self._pick_removed(counts, [seed_at.get(d.name) for d in defs])
        self.lists = tuple(
            ListSpec(
                d=d,
                count=count,
                new=new,
                first_id=first_id(d.name),
                gap=6 + number(seed, self.slug, d.name, "gap", below=7),
                salt=f"{seed}/{self.slug}/{d.name}",
                seed_index=seed_at.get(d.name),
                seed_day=seed_day,
                undated_index=1 if d.name == undated_list else None,
                removed=tuple(sorted(removed[k], reverse=True)),
                edit_rate=config.edit_rate,
                edits=config.edits if k == 0 else 0,  # the site's main list
                trap=config.trap,
            )
            for k, (d, count, new) in enumerate(zip(defs, counts, news, strict=True))
        )
        self.by_name = {spec.name.lower(): spec for spec in self.lists}
        self.article = lru_cache(maxsize=2048)(self.build_article)

    def _pick_removed(self, counts: list[int], seeds: list[int | None]) -> list[list[int]]:
        """`config.remove` base items chosen by a seeded RNG (never the seed article)."""
        eligible = sum(counts) - sum(s is not None for s in seeds)
        rng = random.Random(f"{self.config.seed}/{self.slug}/remove")
        chosen = sorted(rng.sample(range(eligible), min(self.config.remove, eligible)))
        per_list: list[list[int]] = [[] for _ in counts]
        k, offset = 0, 0
        for pos in chosen:
            while True:
                usable = counts[k] - (seeds[k] is not None)
                if pos < offset + usable:
                    break
                offset, k = offset + usable, k + 1
            index = pos - offset
            if seeds[k] is not None and index >= seeds[k]:
                index += 1
            per_list[k].append(index)
        return per_list

    def build_article(self, spec: ListSpec, index: int) -> Article:
        raise NotImplementedError

    def article_count(self) -> int:
        return sum(spec.total for spec in self.lists)

    def article_path(self, spec: ListSpec, item_id: int) -> str:
        raise NotImplementedError

    def listing(self, spec: ListSpec, page: int) -> list[Article]:
        return [self.article(spec, i) for i in spec.page_indices(page)]

    def newest(self, spec: ListSpec, count: int) -> list[Article]:
        found = (spec.index_at(p) for p in range(count))
        return [self.article(spec, i) for i in found if i is not None]

    def others(self, art: Article, count: int = 5) -> list[Article]:
        """The "other news" items: the next older live ones, topped up with newer ones."""
        spec, older, newer = art.spec, [], []
        i = art.index - 1
        while i >= 0 and len(older) < count:
            if not spec.is_removed(i):
                older.append(i)
            i -= 1
        i = art.index + 1
        while i < spec.total and len(older) + len(newer) < count:
            if not spec.is_removed(i):
                newer.append(i)
            i += 1
        return [self.article(spec, i) for i in sorted(older + newer, reverse=True)]

    def last_modified(self) -> datetime:
        newest = [self.newest(spec, 1) for spec in self.lists]
        return max((a[0].modified() for a in newest if a), default=FALLBACK_MODIFIED)

    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for spec in self.lists:
            for index in range(spec.total):  # uncached: a full pass would only churn the cache
                yield self.record(base_url, self.build_article(spec, index))

    def record(self, base_url: str, art: Article) -> dict[str, Any]:
        paragraphs = [collapse(p) for p in art.paragraphs]
        return {
            "site": self.slug,
            "url": base_url + self.article_path(art.spec, art.item_id),
            "list": art.spec.name,
            "item_id": art.item_id,
            "title": art.title,
            "published": art.published,
            "updated": None,
            "author_unit": art.author_unit,
            "author": art.author,
            "summary": art.summary,
            "category": art.spec.display,
            "tags": [],
            "attachments": [
                {"url": base_url + quote(a.path), "name": a.name, "type": a.kind}
                for a in art.attachments
            ],
            "images": [{"url": base_url + quote(i.path), "caption": i.caption} for i in art.images],
            "first_paragraph": paragraphs[0],
            "last_paragraph": paragraphs[-1],
            "paragraph_count": len(paragraphs),
            "body_text": "\n\n".join(paragraphs),
            "cited_documents": [dict(c) for c in art.cited],
            "status": "removed" if art.spec.is_removed(art.index) else "live",
            "edited": art.edited,
        }
