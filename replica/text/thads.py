"""Deterministic Vietnamese news text about justice and civil judgment enforcement.

Every choice comes from a seeded RNG, so the same seed gives the same text. The generator also
records each document it cites, so the truth can list `cited_documents` exactly.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from replica.places import DONGTHAP_DISTRICTS
from replica.text import Writer, short_name, vn_number
from replica.vocab import vocab

THADS_WORDS = vocab("thads")

ALL_TOPICS = {**THADS_WORDS.TOPICS, **THADS_WORDS.CENTRAL_TOPICS}
DocPattern = tuple[str, str, "str | None", bool, bool]


@dataclass(frozen=True)
class Voice:
    """Who is writing: the units, positions and documents its text draws on."""

    units: tuple[str, ...] = THADS_WORDS.UNITS
    org_units: tuple[str, ...] = THADS_WORDS.ORG_UNITS
    positions: tuple[str, ...] = THADS_WORDS.POSITIONS
    documents: tuple[DocPattern, ...] = THADS_WORDS.DOCUMENTS
    generic: tuple[str, ...] = THADS_WORDS.GENERIC
    closers: tuple[str, ...] = THADS_WORDS.CLOSERS
    local: bool = True  # a province department: its own Chi cục write news too


PROVINCE_VOICE = Voice()


def place_of(province: str) -> str:
    """How a sentence names a province: 'tỉnh Đồng Tháp', but 'Thành phố Hồ Chí Minh'."""
    return province if province.startswith("Thành phố") else f"tỉnh {province}"


class TextGen(Writer):
    """Text for one article; all choices come from the given RNG, so output is reproducible."""

    numbers = MappingProxyType({**Writer.numbers, **THADS_WORDS.NUMBERS})

    def __init__(
        self,
        rng: random.Random,
        province: str = "Đồng Tháp",
        districts: dict[str, tuple[str, ...]] | None = None,
        day: date = date(2021, 1, 1),
        voice: Voice = PROVINCE_VOICE,
        agency: str | None = None,
    ) -> None:
        self.rng = rng
        self.names = THADS_WORDS
        self.province = province
        self.place = place_of(province)
        self.agency = agency or f"Cục Thi hành án dân sự {self.place}"
        self.voice = voice
        self.districts = districts or DONGTHAP_DISTRICTS
        self.day = day
        self.district = rng.choice(sorted(self.districts))
        self.commune = rng.choice(self.districts[self.district])
        kind = "Chi cục THADS" if rng.random() < 0.7 else "Chi cục Thi hành án dân sự"
        self.chicuc = f"{kind} {self.district}"
        # What the article's templates name as {prov}, {place}, ...: fixed for the article.
        self.values = {
            "prov": province,
            "place": self.place,
            "agency": self.agency,
            "chicuc": self.chicuc,
            "district": self.district,
            "commune": self.commune,
        }
        self.used: set[str] = set()  # sentence templates already used in this article
        self.cited: list[dict[str, Any]] = []  # documents cited so far, in text order

    def fresh(self, seq: Sequence[str], fallback: Sequence[str] = ()) -> str:
        """Pick a template not yet used in this article: from `seq`, else from `fallback`;
        once both are used up, start over with both."""
        unused = [t for t in seq if t not in self.used]
        if not unused:
            unused = [t for t in fallback if t not in self.used]
        if not unused:
            self.used.difference_update((*seq, *fallback))
            unused = list(seq)
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    byline = staticmethod(short_name)

    def unit(self) -> str:
        if self.voice.local and self.rng.random() < 0.2:
            return self.chicuc
        return self.pick(self.voice.units)

    def event_date(self, lead: bool = False) -> str:
        """A date inside the text, a few days before publication (never the publication date)."""
        d = self.day - timedelta(days=self.rng.randint(1, 12))
        text = f"{d.day}/{d.month}/{d.year}" if self.rng.random() < 0.7 else f"{d:%d/%m/%Y}"
        prefix = self.pick(("ngày", "ngày", "sáng ngày", "chiều ngày", "vào ngày"))
        return f"{prefix} {text}" if lead else f"ngày {text}"

    def document(self, patterns: Sequence[DocPattern] | None = None) -> str:
        """Cite one document, as the text writes it, and record it in `cited`."""
        rng = self.rng
        kind, number, issuer, dated, so = rng.choice(patterns or self.voice.documents)
        d = self.day - timedelta(days=rng.randint(15, 400))
        year = d.year if dated else rng.randint(2015, min(2018, d.year))
        n = rng.randint(1, 150) if "/NQ-" in number or "/NĐ-" in number else rng.randint(5, 2900)
        number = number.format(n=n, y=year)
        issuer = self.expand(issuer) if issuer else None
        text = f"{kind} {'số ' if so else ''}{number}"
        text += f" ngày {d:%d/%m/%Y}" if dated else ""
        text += f" của {issuer}" if issuer else ""
        record = {
            "number": number,
            "type": " ".join(kind.split()[:2]),  # "Quyết định thi hành án" is a "Quyết định"
            "issuer": issuer,
            "date": d.isoformat() if dated else None,
        }
        if record not in self.cited:
            self.cited.append(record)
        return text

    # Slots usable in templates as {name}, besides the values above.
    def slot_date(self) -> str:
        return self.event_date(lead=True)

    def slot_doc(self) -> str:
        return self.document()

    def slot_unit(self) -> str:
        return self.unit()

    def slot_orgunit(self) -> str:
        return self.pick(self.voice.org_units)

    def slot_person(self) -> str:
        position = self.expand(self.pick(self.voice.positions))
        return f"đồng chí {self.name()}, {position}"

    def slot_gift(self) -> str:
        return f"{vn_number(self.rng.randint(3, 20) * 100_000)} đồng"

    # Article-level pieces.
    def title(self, topic: str) -> str:
        return self.fill(self.pick(ALL_TOPICS[topic][0]))

    def lead(self, topic: str) -> str:
        """One opening sentence: a sapo on templates that show one."""
        return self.fill(self.pick(ALL_TOPICS[topic][1]))

    def paragraph(self, topic: str, first: str | None = None) -> str:
        own = ALL_TOPICS[topic][2]
        count = self.rng.randint(2, 5) - (first is not None)
        generic = self.voice.generic
        picks = [
            self.fresh(own, generic) if self.rng.random() < 0.6 else self.fresh(generic, own)
            for _ in range(count)
        ]
        return " ".join(([first] if first else []) + [self.fill(t) for t in picks])

    def body(self, topic: str, opening: bool = True) -> list[str]:
        """Paragraphs of one article: opening, middle, optional bullet list, closing."""
        rng = self.rng
        paragraphs = [self.paragraph(topic, first=self.lead(topic))] if opening else []
        paragraphs += [self.paragraph(topic) for _ in range(rng.randint(1, 4) + (not opening))]
        if rng.random() < 0.4:
            paragraphs.append(self.fill(self.pick(THADS_WORDS.BULLET_LEADS)))
            paragraphs += rng.sample(THADS_WORDS.BULLETS, rng.randint(2, 5))
        paragraphs.append(self.fill(self.fresh(self.voice.closers)))
        return paragraphs
