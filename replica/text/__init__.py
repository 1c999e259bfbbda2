"""The replicas' one text engine: templates whose {slots} are filled from a seeded RNG.

A slot is, in order: a value fixed for the article (`values`), a word pool (`pools`; picked
once per article when listed in `sticky`, else every time; a picked entry is itself filled,
so pools can nest), a number pattern (`numbers`), a day slot (`{year}`, `{quarter}`, ...), a
slot with a 0 after its name (keeps its first value, so a title and its sapo agree), or a
`slot_<name>` method: the dates, names and cited documents below, or a voice's own. `Writer`
is the press voice; replica.text.thads and .gov
subclass it with their vocabularies. The same seed gives the same text. Every document the
text cites is kept (`cites`), so the truth can list `cited_documents` exactly.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partialmethod
from types import MappingProxyType
from typing import Any, TypeVar

from replica.vocab import vocab

T = TypeVar("T")
# Slots read off the day of publication: "{year}", "{quarter}" (Roman), "{term}" (2020 - 2025).
_DAY_SLOTS: dict[str, Callable[[date], str]] = {
    "year": lambda d: str(d.year),
    "next_year": lambda d: str(d.year + 1),
    "month": lambda d: str(d.month),
    "quarter": lambda d: ("I", "II", "III", "IV")[(d.month - 1) // 3],
    "term": lambda d: f"{d.year - d.year % 5} - {d.year - d.year % 5 + 5}",
}
_SLOT = re.compile(r"\{(\w+)\}")
_DRAW = re.compile(r"\{(\d+)-(\d+)(?::(\w+))?\}")


def vn_number(n: int) -> str:
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def short_name(full_name: str) -> str:
    """'Trần Thị Ngọc Hiếu' -> 'Ngọc Hiếu', the short form bylines use; else the full name."""
    parts = full_name.split()
    middle = [p for p in parts[1:-1] if p not in ("Văn", "Thị")]
    return f"{middle[-1]} {parts[-1]}" if middle else full_name


@dataclass(frozen=True)
class DocKind:
    """A kind of document a text cites: its name, symbol pattern and issuer, and how often a
    text writes "số" before its symbol and its issue date after it."""

    type: str  # "Quyết định"; a longer name ("Quyết định thi hành án") is of its first two words
    code: str  # "{n}/QĐ-TTg"; "{y}" is the year of issue
    issuer: str | None  # "Thủ tướng Chính phủ"; it may hold slots ("Ủy ban nhân dân {place}")
    top: int = 2900  # numbers run up to this
    so: float = 0.85
    dated: float = 0.7


def doc_kinds(rows: Iterable[Mapping[str, Any]]) -> tuple[DocKind, ...]:
    """DocKinds from a vocabulary's rows ({type, code, issuer, top})."""
    return tuple(DocKind(**row) for row in rows)


# How a citation writes its date: "ngày 05/03/2024", "ngày 5 tháng 3 năm 2024", "ngày 5/3/2024".
_DATE_STYLES = (
    "{d:%d/%m/%Y}",
    "{d.day} tháng {d.month} năm {d.year}",
    "{d.day}/{d.month}/{d.year}",
)


@dataclass(frozen=True)
class Cite:
    """A document cited in a text: what the truth records, and how the text may write it."""

    type: str
    number: str
    issuer: str | None
    day: date | None  # None: the text does not write the date
    so: bool = True  # "Quyết định số 12/QĐ-TTg" rather than "Quyết định 12/QĐ-TTg"
    style: int = 0  # which of _DATE_STYLES

    def text(self, style: int | None = None) -> str:
        text = f"{self.type} {'số ' if self.so else ''}{self.number}"
        if self.day:
            text += " ngày " + _DATE_STYLES[self.style if style is None else style].format(
                d=self.day
            )
        return text + (f" của {self.issuer}" if self.issuer else "")

    def record(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "type": " ".join(self.type.split()[:2]),
            "issuer": self.issuer,
            "date": self.day.isoformat() if self.day else None,
        }


class Writer:
    """Fills templates for one article from `rng`, so the same seed gives the same text. The
    class is the press voice (families 2 and 3: their pools and document kinds are given); the
    other voices subclass it with their vocabularies."""

    names = vocab("gov")  # family, middle and given names
    # How the voice cites: its date styles (None: the date left out), how often it names the
    # issuer of a dated and of an undated document.
    date_styles: tuple[int | None, ...] = (0, 2)
    named = (0.85, 0.5)
    short_dates = False  # "Sáng 14/9" (the press) rather than "ngày 14/9/2025"
    # The voice's words before an event's date (long and short), its deadlines' date format,
    # and the share of women among the people it names.
    date_words = ("ngày", "ngày", "sáng ngày", "chiều ngày")
    short_date_words = ("Sáng", "Chiều", "Ngày", "Tối")
    later_format, women = "{0.day}/{0.month}/{0.year}", 0.45
    share, sentences = 0.65, (2, 4)  # a paragraph: its own templates' share, how many sentences
    pools: Mapping[str, Sequence[str]] = MappingProxyType({})
    sticky: frozenset[str] = frozenset()
    # Number slots: each {a-b} in the pattern is a whole number drawn from [a, b], left to
    # right; {a-b:n} writes it with Vietnamese thousands dots, {a-b:02d} any format spec.
    numbers: Mapping[str, str] = MappingProxyType(
        {
            "num": "{3-60}",
            "big": "{120-4800:n}",
            "pct": "{55-98},{1-9}%",
            "area": "{80-5200:n},{1-9}",
            **vocab("news").NUMBERS,
        }
    )

    def __init__(
        self,
        rng: random.Random,
        day: date,
        *,
        pools: Mapping[str, Sequence[str]] | None = None,
        kinds: Sequence[DocKind] = (),
        fixed: Mapping[str, str] | None = None,
        sticky: Collection[str] = (),
        short_dates: bool | None = None,
    ) -> None:
        self.rng, self.day, self.kinds = rng, day, kinds
        self.pools = self.pools if pools is None else pools
        self.values: dict[str, str] = dict(fixed or {})  # slots fixed for the article
        self.sticky = frozenset(sticky) or self.sticky
        self.short_dates = self.short_dates if short_dates is None else short_dates
        self.used: set[str] = set()  # templates already used in this article
        self.cites: list[Cite] = []  # documents cited so far, in text order

    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def fresh(self, seq: Sequence[str], fallback: Sequence[str] = ()) -> str:
        """Pick a template not yet used in this article: from `seq`, else from `fallback`;
        once both are used up, start over with both."""
        unused = [t for t in seq if t not in self.used]
        unused = unused or [t for t in fallback if t not in self.used]
        if not unused:
            self.used.difference_update((*seq, *fallback))
            unused = list(seq)
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    def paragraph(self, own: Sequence[str], common: Sequence[str], first: str | None = None) -> str:
        """A few sentences (after `first`), mostly from the topic's own templates, none used
        twice in an article until they run out."""
        rng = self.rng
        picks = [
            self.fresh(own, common) if rng.random() < self.share else self.fresh(common, own)
            for _ in range(rng.randint(*self.sentences) - (first is not None))
        ]
        return " ".join(([first] if first else []) + [self.fill(t) for t in picks])

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
                self.values[name] = value
            return value
        if name in self.numbers:
            return _DRAW.sub(self._draw, self.numbers[name])
        if name in _DAY_SLOTS:
            return _DAY_SLOTS[name](self.day)
        if name.endswith("0") and not hasattr(self, f"slot_{name}"):
            self.values[name] = self.slot(name[:-1])
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

    def slot_date(self) -> str:
        """When the article's one event happened: shortly before publication (never the
        publication date)."""
        if "date" not in self.values:
            rng, d = self.rng, self.day - timedelta(days=self.rng.randint(1, 10))
            if self.short_dates:
                text = f"{self.pick(self.short_date_words)} {d.day}/{d.month}"
            else:
                shown = f"{d.day}/{d.month}/{d.year}" if rng.random() < 0.7 else f"{d:%d/%m/%Y}"
                text = f"{self.pick(self.date_words)} {shown}"
            self.values["date"] = text
        return self.values["date"]

    def slot_later(self) -> str:
        """A deadline or an effective date a few weeks after publication: one per article."""
        if "later" not in self.values:
            d = self.day + timedelta(days=self.rng.randint(10, 120))
            self.values["later"] = self.later_format.format(d)
        return self.values["later"]

    # Cited documents ----------------------------------------------------------------------
    def cite(self, kind: DocKind) -> Cite:
        """A document of `kind`, issued a few months before publication, as the voice cites
        it; kept in `cites`."""
        rng = self.rng
        issued = self.day - timedelta(days=rng.randint(12, 420))
        number = kind.code.format(n=rng.randint(1, kind.top), y=issued.year)
        so, dated = rng.random() < kind.so, rng.random() < kind.dated
        style: int | None = 0
        if dated:
            style = rng.choice(self.date_styles)
            dated = style is not None
        issuer = kind.issuer and rng.random() < self.named[not dated] and self.expand(kind.issuer)
        cited = Cite(kind.type, number, issuer or None, issued if dated else None, so, style or 0)
        self.cites.append(cited)
        return cited

    def slot_doc(self) -> str:
        return self.cite(self.pick(self.kinds)).text()

    @property
    def cited(self) -> list[dict[str, Any]]:
        """The truth's records of the documents cited so far, in text order, each once."""
        records: dict[str, dict[str, Any]] = {}
        for cited in self.cites:
            records.setdefault(cited.number, cited.record())
        return list(records.values())

    @property
    def citations(self) -> list[tuple[str, dict[str, Any]]]:
        """Each citation as written, and its truth record."""
        return [(c.text(), c.record()) for c in self.cites]

    # People -------------------------------------------------------------------------------
    def name(self, female: bool | None = None) -> str:
        rng = self.rng
        female = rng.random() < self.women if female is None else female
        middle = rng.choice(self.names.FEMALE_MIDDLE if female else self.names.MALE_MIDDLE)
        given = rng.choice(self.names.FEMALE_GIVEN if female else self.names.MALE_GIVEN)
        return f"{rng.choice(self.names.FAMILY_NAMES)} {middle} {given}"

    slot_name, slot_man = partialmethod(name), partialmethod(name, female=False)
    slot_woman = partialmethod(name, female=True)

    def slot_reporter(self) -> str:
        return short_name(self.name())
