"""Families 2 and 3 news text: the press voice on the shared Writer (slot rules in
replica/text/__init__.py), every document it cites kept for the truth file."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType

from replica.newsroom import DocKind, cite
from replica.text import Writer, short_name
from replica.vocab import vocab

NAMES = vocab("news").NAMES  # family names, and middle + given names
WEEKDAY_PARTS = ("Sáng", "Chiều", "Ngày", "Tối", "Sáng", "Chiều")


class NewsGen(Writer):
    """The text of one article; every choice comes from `rng`, so output is reproducible."""

    numbers = MappingProxyType({**Writer.numbers, **vocab("news").NUMBERS})

    def __init__(
        self,
        rng: random.Random,
        day: date,
        *,
        pools: Mapping[str, Sequence[str]],
        kinds: Sequence[DocKind],
        fixed: Mapping[str, str] | None = None,
        sticky: Collection[str] = (),
        short_dates: bool = False,
    ) -> None:
        self.rng, self.day, self.pools, self.kinds = rng, day, pools, kinds
        self.values = dict(fixed or {})
        self.sticky = frozenset(sticky)
        self.short_dates = short_dates  # "Sáng 14/9" (the press) rather than "ngày 14/9/2025"
        self.used: set[str] = set()
        self.citations: list[tuple[str, dict]] = []

    # People --------------------------------------------------------------------------------
    def name(self, female: bool | None = None) -> str:
        female = self.rng.random() < 0.45 if female is None else female
        return f"{self.pick(NAMES['FAMILY'])} {self.pick(NAMES['FEMALE' if female else 'MALE'])}"

    def slot_reporter(self) -> str:
        return short_name(self.name())

    # Dates ---------------------------------------------------------------------------------

    def slot_date(self) -> str:
        """When the event happened: shortly before publication (never the publication date)."""
        if "date" in self.values:
            return self.values["date"]
        back = self.rng.randint(0, 2) if self.short_dates else self.rng.randint(1, 12)
        d = self.day - timedelta(days=back)
        if self.short_dates:
            text = f"{self.pick(WEEKDAY_PARTS)} {d.day}/{d.month}"
        else:
            shown = f"{d.day}/{d.month}/{d.year}" if self.rng.random() < 0.7 else f"{d:%d/%m/%Y}"
            text = f"{self.pick(('ngày', 'ngày', 'sáng ngày', 'chiều ngày'))} {shown}"
        self.values["date"] = text  # one event per article
        return text

    def slot_later(self) -> str:
        """A deadline or an effective date: one per article."""
        d = self.day + timedelta(days=self.rng.randint(10, 120))
        self.values["later"] = f"{d.day}/{d.month}/{d.year}"
        return self.values["later"]

    def slot_doc(self) -> str:
        text, record = cite(self.rng, self.day, self.pick(self.kinds), **self.values)
        self.citations.append((text, record))
        return text

    # Paragraphs ----------------------------------------------------------------------------
    def paragraph(self, own: Sequence[str], common: Sequence[str], first: str | None = None) -> str:
        """2-4 sentences, mostly from the topic's own templates, none used twice in an article;
        shorter (or empty) once the templates run out."""
        sentences = [first] if first else []
        for _ in range(self.rng.randint(2, 4) - len(sentences)):
            fresh_own = [t for t in own if t not in self.used]
            fresh_common = [t for t in common if t not in self.used]
            pool = fresh_own if self.rng.random() < 0.65 else fresh_common
            pool = pool or fresh_own or fresh_common
            if not pool:
                break
            template = self.rng.choice(pool)
            self.used.add(template)
            sentences.append(self.fill(template))
        return " ".join(sentences)
