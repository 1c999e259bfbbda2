"""The replicas' one text engine: templates whose {slots} are filled from a seeded RNG.

A slot is, in order: a value fixed for the article (`values`), a word pool (`pools`; picked
once per article when listed in `sticky`, else every time; a picked entry is itself filled,
so pools can nest), a number pattern (`numbers`), a slot with a 0 after its name (keeps its
first value, so a title and its sapo agree), or a `slot_<name>` method: the dates and names
below, or a voice's own. Each family's voice (replica.text.thads, .news, .gov) subclasses
`Writer` and brings its vocabulary; the same seed gives the same text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

_SLOT = re.compile(r"\{(\w+)\}")
_DRAW = re.compile(r"\{(\d+)-(\d+)(?::(\w+))?\}")
_NONE: Mapping[str, Sequence[str]] = MappingProxyType({})


def vn_number(n: int) -> str:
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def short_name(full_name: str) -> str:
    """'Trần Thị Ngọc Hiếu' -> 'Ngọc Hiếu', the short form bylines use; else the full name."""
    parts = full_name.split()
    middle = [p for p in parts[1:-1] if p not in ("Văn", "Thị")]
    return f"{middle[-1]} {parts[-1]}" if middle else full_name


class Writer:
    """Fills templates for one article; a voice sets `rng`, `day` and `used` in __init__."""

    rng: random.Random
    day: date
    used: set[str]  # templates already used in this article
    values: Mapping[str, str] = _NONE
    pools: Mapping[str, Sequence[str]] = _NONE
    sticky: frozenset[str] = frozenset()
    # Number slots: each {a-b} in the pattern is a whole number drawn from [a, b], left to
    # right; {a-b:n} writes it with Vietnamese thousands dots, {a-b:02d} any format spec.
    numbers: Mapping[str, str] = MappingProxyType(
        {
            "num": "{3-60}",
            "big": "{120-4800:n}",
            "pct": "{55-98},{1-9}%",
            "area": "{80-5200:n},{1-9}",
        }
    )

    def pick(self, seq: Sequence[str]) -> str:
        return self.rng.choice(seq)

    def fresh(self, seq: Sequence[str]) -> str:
        """Pick a template not yet used in this article (any, once all are used)."""
        unused = [t for t in seq if t not in self.used] or list(seq)
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    def expand(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.slot(m.group(1)), template)

    def fill(self, template: str) -> str:
        """The template filled, its first letter upper-cased."""
        text = self.expand(template)
        return text[0].upper() + text[1:] if text else text

    def slot(self, name: str) -> str:
        if name in self.values:
            return self.values[name]
        if name in self.pools:
            value = self.expand(self.rng.choice(self.pools[name]))
            if name in self.sticky:
                self.values[name] = value  # type: ignore[index]  # a voice with pools owns a dict
            return value
        if name in self.numbers:
            return _DRAW.sub(self._draw, self.numbers[name])
        if name.endswith("0") and not hasattr(self, f"slot_{name}"):
            self.values[name] = self.slot(name[:-1])  # type: ignore[index]
            return self.values[name]
        return getattr(self, f"slot_{name}")()

    def _draw(self, match: re.Match[str]) -> str:
        value, spec = self.rng.randint(int(match[1]), int(match[2])), match[3] or ""
        return vn_number(value) if spec == "n" else format(value, spec)

    # Numbers and dates every voice writes alike --------------------------------------------
    def slot_money(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.rng.randint(1, 95)},{self.rng.randint(1, 9)} tỷ đồng"
        return f"{vn_number(self.rng.randint(12, 980))} triệu đồng"

    def slot_later(self) -> str:
        """A deadline a few weeks after publication (a voice may write its own)."""
        d = self.day + timedelta(days=self.rng.randint(10, 40))
        return f"{d:%d/%m/%Y}"

    def slot_year(self) -> str:
        return str(self.day.year)

    def slot_next_year(self) -> str:
        return str(self.day.year + 1)

    def slot_month(self) -> str:
        return str(self.day.month)

    def slot_quarter(self) -> str:
        return ("I", "II", "III", "IV")[(self.day.month - 1) // 3]

    def slot_term(self) -> str:
        start = self.day.year - self.day.year % 5
        return f"{start} - {start + 5}"

    # People -------------------------------------------------------------------------------
    names: Any  # a vocabulary with FAMILY_NAMES, MALE_/FEMALE_MIDDLE and MALE_/FEMALE_GIVEN

    def name(self, female: bool | None = None) -> str:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        middle = rng.choice(self.names.FEMALE_MIDDLE if female else self.names.MALE_MIDDLE)
        given = rng.choice(self.names.FEMALE_GIVEN if female else self.names.MALE_GIVEN)
        return f"{rng.choice(self.names.FAMILY_NAMES)} {middle} {given}"

    def slot_name(self) -> str:
        return self.name()

    def slot_man(self) -> str:
        return self.name(female=False)

    def slot_woman(self) -> str:
        return self.name(female=True)
