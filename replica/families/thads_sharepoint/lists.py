"""SharePoint news lists of the THADS replica: items, their dates and knobs, and their parts.

A list is a sequence of items with their own ItemIDs. Everything about an item (id, date, text,
whether it is new, edited or removed) is computed from (seed, site, list, index) in O(1); the
only state kept per site is the short list of removed items that the `remove` knob asks for.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from replica.corpus import VN, Corpus
from replica.site import SiteConfig, data_file, number
from replica.text.thads import TextGen
from replica.vocab import vocab

THADS_WORDS = vocab("thads")

FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2022, 12, 31)
# The real seed article (a HoatDongDoanThe item of Đồng Tháp) is pinned to its real date.
SEED_DAY = date(2021, 11, 10)
PAGE_SIZE = 10
FALLBACK_MODIFIED = datetime(2022, 12, 31, 10, 0, tzinfo=UTC)


def data() -> dict[str, Any]:
    """thads.toml: the lists of each kind of site, static pages, markup variants, headers."""
    return data_file(__file__, "thads.toml")


class ListSpec(Corpus):
    """One list of one site, a corpus.Corpus of one section: `config.articles` base items,
    then `config.new_articles` newer ones, minus the `removed` ones the site chose."""

    def __init__(
        self,
        name: str,  # the SharePoint list in URLs: "TinTuDiaPhuong"
        display: str,  # "Tin từ địa phương": the category shown to readers
        topics: tuple[str, ...],
        web: str,  # the sub-web: /noidung/<web>/Lists/<name>/
        config: SiteConfig,
        *,
        first_id: int,
        gap: int,  # after every `gap` items one ItemID is skipped, as if the item was deleted
        salt: str,
        seed_index: int | None,  # the real seed article, pinned to SEED_DAY
        undated_index: int | None,  # the one item per site that shows no date
        removed: frozenset[int],  # indices
    ) -> None:
        self.name, self.display, self.topics, self.web = name, display, topics, web
        self.first_id, self.gap, self.removed = first_id, gap, removed
        self.seed_index, self.undated_index = seed_index, undated_index
        super().__init__(config, salt, [1], FIRST_DAY, LAST_DAY)

    def _choose_removed(self, count: int) -> dict[int, int]:
        return {i: (404, 410)[number(self.salt, i, "gone", below=2)] for i in self.removed}

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
        if index >= self.base:
            return LAST_DAY + timedelta(days=1 + (index - self.base) // 2)
        lo_i, lo_d = -1, FIRST_DAY.toordinal()
        hi_i, hi_d = self.base, LAST_DAY.toordinal() + 1
        if self.seed_index is not None:
            if index == self.seed_index:
                return SEED_DAY
            if index < self.seed_index:
                hi_i, hi_d = self.seed_index, SEED_DAY.toordinal()
            else:
                lo_i, lo_d = self.seed_index, SEED_DAY.toordinal() + 1
        slots = hi_i - lo_i - 1
        jitter = number(self.salt, index, "day", below=1024)
        step = ((index - lo_i - 1) * 1024 + jitter) * (hi_d - lo_d) // (slots * 1024)
        return date.fromordinal(lo_d + step)

    def edited(self, index: int) -> bool:
        return index != self.seed_index and index not in self.gone and super().edited(index)


class Image(NamedTuple):
    """A photo in a body; its caption is shown under it but is no part of the body text."""

    path: str  # as served, unquoted: spaces and diacritics included
    caption: str | None
    after: int  # shown after this paragraph


class Attachment(NamedTuple):
    """A file attached to a notice, served under the list's Attachments/<ItemID>/ folder."""

    path: str
    name: str
    kind: str  # pdf, doc, docx, xls


class Byline(NamedTuple):
    """Who signs an item: 'Theo Unit', 'Name – Unit', a bare name, or nobody."""

    author: str | None = None
    unit: str | None = None
    line: str | None = None  # the closing line as the body shows it


NOBODY = Byline()


@dataclass(frozen=True, eq=False)
class Article:
    """Everything a page or the truth needs to know about one list item."""

    spec: ListSpec
    index: int
    title: str
    paragraphs: tuple[str, ...]  # the body, one entry per paragraph or bullet line
    byline: Byline = NOBODY
    images: tuple[Image, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    cited: tuple[dict[str, Any], ...] = ()
    style: str = "p"  # body markup: p, mso, div, br; "seed" for the real page's

    @property
    def item_id(self) -> int:
        return self.spec.item_id(self.index)

    @property
    def day(self) -> date:  # also kept for the undated item: it orders the list
        return self.spec.day(self.index)

    @property
    def shown(self) -> date | None:
        """The date pages show: none for the undated item."""
        return None if self.index == self.spec.undated_index else self.day

    @property
    def edited(self) -> bool:
        return self.spec.edited(self.index)

    def modified(self) -> datetime:
        minutes = number(self.spec.salt, self.item_id, "modified", below=600)
        local = datetime.combine(self.day, time(7, 30), VN) + timedelta(minutes=minutes)
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


def pick_images(rng: random.Random, gen: TextGen, folder: str, item_id: int) -> tuple[Image, ...]:
    """Photos in a body, under PublishingImages/Năm <y>/Thang <m>/ (spaces and diacritics)."""
    captioner = TextGen(rng, gen.province, gen.districts, gen.day, gen.voice, gen.agency)
    day = gen.day
    images = []
    for k, after in enumerate((0, 2), start=1):
        if rng.random() < 0.3:
            name = rng.choice(THADS_WORDS.IMAGE_NAMES).format(
                ymd=f"{day:%Y%m%d}", item=item_id, k=k
            )
            caption = (
                captioner.fill(rng.choice(THADS_WORDS.CAPTIONS)) if rng.random() < 0.6 else None
            )
            path = f"{folder}/Năm {day.year}/Thang {day.month}/{name}.jpg"
            images.append(Image(path, caption, after))
    return tuple(images)


def choose_byline(
    roll: float, cuts: tuple[float, float, float], unit: Callable[[], str], name: Callable[[], str]
) -> Byline:
    """'Theo Unit', 'Name – Unit', a bare name or nobody: the first whose cumulative share
    (`cuts`) the roll is under. The moj portal's articles are signed the same way."""
    if roll < cuts[0]:
        office = unit()
        return Byline(None, office, f"Theo {office}")
    if roll < cuts[1]:
        author, office = name(), unit()
        return Byline(author, office, f"{author} – {office}")
    if roll < cuts[2]:
        author = name()
        return Byline(author, None, author)
    return NOBODY
