"""The news replicas' one listing model: timelines, sections, ids, and the knobs (new, edited,
removed)."""

from __future__ import annotations

import random
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache

from replica.site import SiteConfig, digest, number

VN = timezone(timedelta(hours=7))
WORK_MINUTES = 14 * 60  # items are published between 07:00 and 21:00, Vietnam time
HORIZON = date(2026, 11, 20)  # new articles fall between a site's last base day and this day
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def iso(moment: datetime | date | None) -> str | None:
    """Truth format: a date, or a +07:00 datetime."""
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return moment.astimezone(VN).isoformat()
    return moment.isoformat()


def slugify(text: str) -> str:
    """Liferay-style friendly URL: lower case, marks stripped, đ -> d, runs of others -> '-'."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class IdSpace:
    """Increasing numeric ids with gaps (other entities took the numbers in between)."""

    first: int
    stride: int
    salt: str

    def id_of(self, index: int) -> int:
        return self.first + index * self.stride + number(self.salt, index, "id", below=self.stride)

    def index_of(self, ident: int, total: int) -> int | None:
        index, _ = divmod(ident - self.first, self.stride)
        ok = ident >= self.first and index < total and self.id_of(index) == ident
        return index if ok else None


def file_uuid(salt: str, index: int, k: int) -> uuid.UUID:
    """A uuid that looks random but carries (index, k) in its last 48 bits."""
    return uuid.UUID(bytes=digest(salt, index, k, size=10) + (index * 16 + k).to_bytes(6, "big"))


def parse_file_uuid(salt: str, text: str) -> tuple[int, int] | None:
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    index, k = divmod(value.int & 0xFFFF_FFFF_FFFF, 16)
    return (index, k) if file_uuid(salt, index, k) == value else None


class Corpus:
    """Which articles exist, in what state, and where they sit in sectioned listings.

    Index 0 is the oldest article; indexes >= `config.articles` are the new ones. Sections
    take articles in shuffled blocks following `weights`, so both directions are O(1).
    """

    def __init__(
        self, config: SiteConfig, salt: str, weights: Sequence[int], first: date, last: date
    ) -> None:
        self.config, self.salt = config, salt
        self.base = config.articles
        self.total = config.articles + config.new_articles
        self.first, self.last = first, last
        self.pattern = tuple(c for c, w in enumerate(weights) for _ in range(w))
        self.weights = tuple(weights)
        self._order = lru_cache(maxsize=4096)(self._shuffled)
        self.gone = self._choose_removed(min(config.remove, self.base))  # index -> 404 or 410
        self._gone = sorted(self.gone, reverse=True)
        self._gone_in: dict[int, list[int]] = {c: [] for c in range(len(weights))}
        for index in self._gone:
            self._gone_in[self.section(index)].append(self.position(index))

    def _choose_removed(self, count: int) -> dict[int, int]:
        removed: dict[int, int] = {}
        k = 0
        while len(removed) < count:
            index = number(self.salt, "remove", k, below=self.base)
            removed.setdefault(index, 410 if number(self.salt, index, "gone", below=3) else 404)
            k += 1
        return removed

    # Knobs -----------------------------------------------------------------------------------
    def status(self, index: int) -> int:
        return self.gone.get(index, 200)

    def edited(self, index: int) -> bool:
        rate = self.config.edit_rate
        if index >= self.base:
            return False
        if index >= self.base - self.config.edits:
            return True
        return number(self.salt, index, "edit", below=10**6) < rate * 10**6

    def published(self, index: int) -> datetime:
        if index < self.base:
            start, days, count, k = self.first, (self.last - self.first).days + 1, self.base, index
        else:
            start = self.last + timedelta(days=1)
            days, count, k = (
                max(1, (HORIZON - start).days),
                self.total - self.base,
                index - self.base,
            )
        jitter = number(self.salt, index, "time", below=1024)
        pos = (k * 1024 + jitter) * days * WORK_MINUTES // (count * 1024)
        day = start + timedelta(days=pos // WORK_MINUTES)
        return datetime.combine(day, time(7), VN) + timedelta(minutes=pos % WORK_MINUTES)

    def updated(self, index: int) -> datetime | None:
        """When an edited article was changed (days after publication), else None."""
        if not self.edited(index):
            return None
        minutes = 1440 + number(self.salt, index, "updated", below=20 * 1440)
        return self.published(index) + timedelta(minutes=minutes)

    def modified(self, index: int) -> datetime:
        """Last-Modified: the update time, or a few minutes after publication."""
        extra = timedelta(minutes=3 + number(self.salt, index, "mod", below=40))
        return (self.updated(index) or self.published(index) + extra).astimezone(UTC)

    # Sections --------------------------------------------------------------------------------
    def _shuffled(self, block: int) -> tuple[int, ...]:
        rng = random.Random(f"{self.salt}/block/{block}")
        return tuple(rng.sample(self.pattern, len(self.pattern)))

    def section(self, index: int) -> int:
        return self._order(index // len(self.pattern))[index % len(self.pattern)]

    def position(self, index: int) -> int:
        """Place of the article in its section, oldest first."""
        block, slot = divmod(index, len(self.pattern))
        section = self._order(block)[slot]
        return block * self.weights[section] + self._order(block)[:slot].count(section)

    def index_at(self, section: int, position: int) -> int:
        block, nth = divmod(position, self.weights[section])
        slots = [s for s, c in enumerate(self._order(block)) if c == section]
        return block * len(self.pattern) + slots[nth]

    def count(self, section: int | None, upto: int | None = None) -> int:
        """Articles of a section (None: all) among the first `upto` (default: all)."""
        upto = self.total if upto is None else upto
        if section is None:
            return upto
        block, rest = divmod(upto, len(self.pattern))
        return block * self.weights[section] + self._order(block)[:rest].count(section)

    def live_count(self, section: int | None = None) -> int:
        gone = self._gone if section is None else self._gone_in[section]
        return self.count(section) - len(gone)

    def newest(self, section: int | None, start: int, size: int) -> list[int]:
        """Live articles `start`..`start+size` of a section (None: all), newest first."""
        gone = self._gone if section is None else self._gone_in[section]
        top, found = self.count(section) - 1, []
        for k in range(start, start + size):
            pos = top - k
            for g in gone:
                if g < pos:
                    break
                pos -= 1
            if pos < 0:
                break
            found.append(pos if section is None else self.index_at(section, pos))
        return found

    def older(self, index: int, count: int) -> list[int]:
        """Up to `count` older live articles of the same section, newest first."""
        section, pos = self.section(index), self.position(index)
        found: list[int] = []
        while pos > 0 and len(found) < count:
            pos -= 1
            other = self.index_at(section, pos)
            if other not in self.gone:
                found.append(other)
        return found

    def pages(self, section: int | None, size: int) -> int:
        return max(1, -(-self.live_count(section) // size))

    def page(self, section: int | None, page: int, size: int) -> tuple[list[int], int, bool]:
        """(items, last page, has next page); with `trap` the last page repeats forever."""
        last = self.pages(section, size)
        if page > last and self.config.trap:
            return self.newest(section, (last - 1) * size, size), last, True
        items = self.newest(section, (page - 1) * size, size)
        return items, last, page < last or self.config.trap
