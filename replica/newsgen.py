"""A small slot-filling generator of Vietnamese news text for the family 2 and 3 replicas.

Templates hold slots in braces. A slot is, in order: a value given for the whole article
(`fixed`), a word pool (picked once per article when listed in `sticky`, else every time; a
picked entry is itself filled, so pools can nest), a built-in slot below (numbers, dates,
names, document citations) or such a slot with a 0 after its name, which keeps its first value.
Every citation made is remembered for the truth file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta

from replica.newsroom import DocKind, cite

_SLOT = re.compile(r"\{(\w+)\}")
FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Đinh", "Lý", "Trương", "Mai", "Tạ", "Lương",
)  # fmt: skip
MALE = (
    "Văn Hùng", "Minh Tuấn", "Quốc Khánh", "Đức Thắng", "Hữu Nghĩa", "Thanh Sơn", "Công Định",
    "Hoàng Long", "Văn Đạt", "Minh Quang", "Quang Vinh", "Đình Trung", "Xuân Phúc", "Anh Dũng",
)  # fmt: skip
FEMALE = (
    "Thị Thu Hà", "Thị Ngọc Lan", "Thu Giang", "Thị Hồng Nhung", "Minh Phương", "Thị Kim Yến",
    "Thị Thanh Thảo", "Bích Hạnh", "Thị Diễm", "Ngọc Đào", "Thị Mỹ Duyên", "Thùy Linh",
)  # fmt: skip
WEEKDAY_PARTS = ("Sáng", "Chiều", "Ngày", "Tối", "Sáng", "Chiều")


def vn_number(n: int) -> str:
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


class NewsGen:
    """The text of one article; every choice comes from `rng`, so output is reproducible."""

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

    # Choosing ------------------------------------------------------------------------------
    def pick(self, seq: Sequence[str]) -> str:
        return self.rng.choice(seq)

    def fresh(self, seq: Sequence[str]) -> str:
        """Pick a template not yet used in this article (any, once all are used)."""
        unused = [t for t in seq if t not in self.used] or list(seq)
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    def fill(self, template: str) -> str:
        text = self._expand(template)
        return text[0].upper() + text[1:] if text else text

    def _expand(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.slot(m.group(1)), template)

    def slot(self, name: str) -> str:
        if name in self.values:
            return self.values[name]
        if name in self.pools:
            value = self._expand(self.rng.choice(self.pools[name]))
            if name in self.sticky:
                self.values[name] = value
            return value
        if name.endswith("0"):  # {pct0}: a {pct} that keeps its value (title and sapo agree)
            self.values[name] = self.slot(name[:-1])
            return self.values[name]
        return getattr(self, f"slot_{name}")()

    # People --------------------------------------------------------------------------------
    def name(self, female: bool | None = None) -> str:
        female = self.rng.random() < 0.45 if female is None else female
        return f"{self.pick(FAMILY_NAMES)} {self.pick(FEMALE if female else MALE)}"

    @staticmethod
    def byline(full_name: str) -> str:
        """'Trần Thị Ngọc Lan' -> 'Ngọc Lan', the short form bylines use."""
        parts = [p for p in full_name.split()[1:] if p not in ("Văn", "Thị")]
        return " ".join(parts[-2:]) if len(parts) >= 2 else full_name

    def slot_name(self) -> str:
        return self.name()

    def slot_man(self) -> str:
        return self.name(female=False)

    def slot_reporter(self) -> str:
        return self.byline(self.name())

    # Numbers -------------------------------------------------------------------------------
    def slot_num(self) -> str:
        return str(self.rng.randint(3, 60))

    def slot_big(self) -> str:
        return vn_number(self.rng.randint(120, 4800))

    def slot_pct(self) -> str:
        return f"{self.rng.randint(55, 98)},{self.rng.randint(1, 9)}%"

    def slot_growth(self) -> str:
        return f"{self.rng.randint(2, 14)},{self.rng.randint(1, 9)}%"

    def slot_area(self) -> str:
        return f"{vn_number(self.rng.randint(80, 5200))},{self.rng.randint(1, 9)}"

    def slot_money(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.rng.randint(1, 95)},{self.rng.randint(1, 9)} tỷ đồng"
        return f"{vn_number(self.rng.randint(12, 980))} triệu đồng"

    def slot_trillion(self) -> str:
        return f"{vn_number(self.rng.randint(2, 900))}.{self.rng.randint(100, 999)} tỷ đồng"

    def slot_usd(self) -> str:
        return f"{self.rng.randint(2, 95)},{self.rng.randint(1, 9)} tỷ USD"

    def slot_cpi(self) -> str:
        return f"{self.rng.randint(1, 3)},{self.rng.randint(10, 99)}%"

    # Dates ---------------------------------------------------------------------------------
    def slot_year(self) -> str:
        return str(self.day.year)

    def slot_month(self) -> str:
        return str(self.day.month)

    def slot_quarter(self) -> str:
        return ("I", "II", "III", "IV")[(self.day.month - 1) // 3]

    def slot_term(self) -> str:
        start = self.day.year - self.day.year % 5
        return f"{start} - {start + 5}"

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
