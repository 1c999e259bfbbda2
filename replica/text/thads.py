"""Family 1 text: news about justice and civil judgment enforcement, on the shared Writer."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from replica.places import DONGTHAP_DISTRICTS
from replica.text import Writer, doc_kinds, short_name, vn_number
from replica.vocab import vocab

THADS_WORDS = vocab("thads")

ALL_TOPICS = {**THADS_WORDS.TOPICS, **THADS_WORDS.CENTRAL_TOPICS}


@dataclass(frozen=True)
class Voice:
    """Who is writing: the units, positions and documents (DocKind rows) its text draws on."""

    units: tuple[str, ...] = THADS_WORDS.UNITS
    org_units: tuple[str, ...] = THADS_WORDS.ORG_UNITS
    positions: tuple[str, ...] = THADS_WORDS.POSITIONS
    documents: tuple[Mapping[str, Any], ...] = THADS_WORDS.DOCUMENTS
    generic: tuple[str, ...] = THADS_WORDS.GENERIC
    closers: tuple[str, ...] = THADS_WORDS.CLOSERS
    local: bool = True  # a province department: its own Chi cục write news too


PROVINCE_VOICE = Voice()


class TextGen(Writer):
    """Text for one article; all choices come from the given RNG, so output is reproducible."""

    names = THADS_WORDS
    numbers = MappingProxyType({**Writer.numbers, **THADS_WORDS.NUMBERS})
    share, sentences, date_styles, named = 0.6, (2, 5), (0,), (1, 0)
    date_words = ("ngày", "ngày", "sáng ngày", "chiều ngày", "vào ngày")
    later_format, women = "{:%d/%m/%Y}", 0.5
    byline = staticmethod(short_name)

    def __init__(
        self,
        rng: random.Random,
        province: str = "Đồng Tháp",
        districts: dict[str, tuple[str, ...]] | None = None,
        day: date = date(2021, 1, 1),
        voice: Voice = PROVINCE_VOICE,
        agency: str | None = None,
    ) -> None:
        super().__init__(rng, day, kinds=doc_kinds(voice.documents))
        self.province, self.voice = province, voice
        # How a sentence names a province: 'tỉnh Đồng Tháp', but 'Thành phố Hồ Chí Minh'.
        self.place = province if province.startswith("Thành phố") else f"tỉnh {province}"
        self.agency = agency or f"Cục Thi hành án dân sự {self.place}"
        self.districts = districts or DONGTHAP_DISTRICTS
        self.district = rng.choice(sorted(self.districts))
        self.commune = rng.choice(self.districts[self.district])
        kind = "Chi cục THADS" if rng.random() < 0.7 else "Chi cục Thi hành án dân sự"
        self.chicuc = f"{kind} {self.district}"
        # What the article's templates name as {prov}, {place}, ...: fixed for the article.
        self.values |= {
            "prov": province,
            "place": self.place,
            "agency": self.agency,
            "chicuc": self.chicuc,
            "district": self.district,
            "commune": self.commune,
        }

    def document(self, rows: Sequence[Mapping[str, Any]] | None = None) -> str:
        """Cite one document (of `rows`, else of the voice's), as the text writes it."""
        return self.cite(self.pick(doc_kinds(rows) if rows else self.kinds)).text()

    # Slots usable in templates as {name}, besides the values above.
    def slot_unit(self) -> str:
        if self.voice.local and self.rng.random() < 0.2:
            return self.chicuc
        return self.pick(self.voice.units)

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

    def body(self, topic: str, opening: bool = True) -> list[str]:
        """Paragraphs of one article: opening, middle, optional bullet list, closing."""
        rng, own, generic = self.rng, ALL_TOPICS[topic][2], self.voice.generic
        paragraphs = [self.paragraph(own, generic, first=self.lead(topic))] if opening else []
        paragraphs += [
            self.paragraph(own, generic) for _ in range(rng.randint(1, 4) + (not opening))
        ]
        if rng.random() < 0.4:
            paragraphs.append(self.fill(self.pick(THADS_WORDS.BULLET_LEADS)))
            paragraphs += rng.sample(THADS_WORDS.BULLETS, rng.randint(2, 5))
        paragraphs.append(self.fill(self.fresh(self.voice.closers)))
        return paragraphs
