"""Deterministic Vietnamese news text about civil judgment enforcement, from a seeded RNG."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import date, timedelta

from replica.vocab import (
    BULLET_LEADS,
    BULLETS,
    CLOSERS,
    DOCUMENTS,
    DONGTHAP_DISTRICTS,
    FAMILY_NAMES,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    GENERIC,
    MALE_GIVEN,
    MALE_MIDDLE,
    ORG_UNITS,
    POSITIONS,
    TOPICS,
    UNITS,
)

_SLOT = re.compile(r"\{(\w+)\}")


def vn_number(n: int) -> str:
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


class TextGen:
    """Text for one article; all choices come from the given RNG, so output is reproducible."""

    def __init__(
        self,
        rng: random.Random,
        province: str = "Đồng Tháp",
        districts: dict[str, tuple[str, ...]] | None = None,
        day: date = date(2021, 1, 1),
    ) -> None:
        self.rng = rng
        self.province = province
        self.districts = districts or DONGTHAP_DISTRICTS
        self.day = day
        self.district = rng.choice(sorted(self.districts))
        self.commune = rng.choice(self.districts[self.district])
        kind = "Chi cục THADS" if rng.random() < 0.7 else "Chi cục Thi hành án dân sự"
        self.chicuc = f"{kind} {self.district}"
        self.used: set[str] = set()  # sentence templates already used in this article

    def pick(self, seq: Sequence[str]) -> str:
        return self.rng.choice(seq)

    def fresh(self, seq: Sequence[str]) -> str:
        """Pick a template not yet used in this article (any, once all are used)."""
        unused = [t for t in seq if t not in self.used] or list(seq)
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    def fill(self, template: str) -> str:
        text = _SLOT.sub(lambda m: getattr(self, f"slot_{m.group(1)}")(), template)
        return text[0].upper() + text[1:]

    def name(self, female: bool | None = None) -> str:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        return f"{rng.choice(FAMILY_NAMES)} {middle} {given}"

    @staticmethod
    def byline(full_name: str) -> str:
        """'Trần Thị Ngọc Hiếu' -> 'Ngọc Hiếu', the short form used in bylines."""
        parts = full_name.split()
        middle = [p for p in parts[1:-1] if p not in ("Văn", "Thị")]
        return f"{middle[-1]} {parts[-1]}" if middle else full_name

    def unit(self) -> str:
        return self.chicuc if self.rng.random() < 0.2 else self.pick(UNITS)

    def event_date(self, lead: bool = False) -> str:
        """A date inside the text, a few days before publication (never the publication date)."""
        d = self.day - timedelta(days=self.rng.randint(1, 12))
        text = f"{d.day}/{d.month}/{d.year}" if self.rng.random() < 0.7 else f"{d:%d/%m/%Y}"
        prefix = self.pick(("ngày", "ngày", "sáng ngày", "chiều ngày", "vào ngày"))
        return f"{prefix} {text}" if lead else f"ngày {text}"

    def document(self) -> str:
        rng = self.rng
        d = self.day - timedelta(days=rng.randint(15, 400))
        template = self.pick(DOCUMENTS)
        year = rng.randint(2015, min(2018, d.year))
        return template.format(
            n=rng.randint(5, 2900), d=f"{d:%d/%m/%Y}", y=year, prov=self.province
        )

    # Slots usable in templates as {name}.
    def slot_prov(self) -> str:
        return self.province

    def slot_year(self) -> str:
        return str(self.day.year)

    def slot_quarter(self) -> str:
        return ("I", "II", "III", "IV")[(self.day.month - 1) // 3]

    def slot_term(self) -> str:
        start = self.day.year - self.day.year % 5
        return f"{start} – {start + 5}"

    def slot_date(self) -> str:
        return self.event_date(lead=True)

    def slot_later(self) -> str:
        d = self.day + timedelta(days=self.rng.randint(10, 40))
        return f"{d:%d/%m/%Y}"

    def slot_doc(self) -> str:
        return self.document()

    def slot_unit(self) -> str:
        return self.unit()

    def slot_orgunit(self) -> str:
        return self.pick(ORG_UNITS)

    def slot_chicuc(self) -> str:
        return self.chicuc

    def slot_district(self) -> str:
        return self.district

    def slot_commune(self) -> str:
        return self.commune

    def slot_name(self) -> str:
        return self.name()

    def slot_person(self) -> str:
        position = self.pick(POSITIONS).format(chicuc=self.chicuc)
        return f"đồng chí {self.name()}, {position}"

    def slot_num(self) -> str:
        return str(self.rng.randint(3, 60))

    def slot_big(self) -> str:
        return vn_number(self.rng.randint(120, 4800))

    def slot_pct(self) -> str:
        return f"{self.rng.randint(55, 96)},{self.rng.randint(1, 9)}%"

    def slot_area(self) -> str:
        return f"{vn_number(self.rng.randint(80, 5200))},{self.rng.randint(1, 9)}"

    def slot_money(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.rng.randint(1, 95)},{self.rng.randint(1, 9)} tỷ đồng"
        return f"{vn_number(self.rng.randint(12, 980))} triệu đồng"

    # Article-level pieces.
    def title(self, topic: str) -> str:
        return self.fill(self.pick(TOPICS[topic][0]))

    def paragraph(self, topic: str, first: str | None = None) -> str:
        own = TOPICS[topic][2]
        count = self.rng.randint(2, 5) - (first is not None)
        picks = [self.fresh(own if self.rng.random() < 0.6 else GENERIC) for _ in range(count)]
        return " ".join(([first] if first else []) + [self.fill(t) for t in picks])

    def body(self, topic: str) -> list[str]:
        """Paragraphs of one article: opening, middle, optional bullet list, closing."""
        rng = self.rng
        paragraphs = [self.paragraph(topic, first=self.fill(self.pick(TOPICS[topic][1])))]
        paragraphs += [self.paragraph(topic) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.4:
            paragraphs.append(self.fill(self.pick(BULLET_LEADS)))
            paragraphs += rng.sample(BULLETS, rng.randint(2, 5))
        paragraphs.append(self.fill(self.fresh(CLOSERS)))
        return paragraphs
