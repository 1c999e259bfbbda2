"""Families 2 and 3 news text: the press voice on the shared Writer (replica/text/__init__.py)."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from types import MappingProxyType

from replica.text import DocKind, Writer, short_name
from replica.vocab import vocab


class NewsGen(Writer):
    """The text of one article; every choice comes from `rng`, so output is reproducible."""

    names = vocab("gov")  # family, middle and given names
    numbers = MappingProxyType({**Writer.numbers, **vocab("news").NUMBERS})
    share = 0.65

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
        self.short_dates = short_dates
        self.used: set[str] = set()
        self.cites = []

    def slot_reporter(self) -> str:
        return short_name(self.name())
