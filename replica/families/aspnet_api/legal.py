"""Legal documents (văn bản) of the chinhphu.vn document replica: their heads and their text."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from replica.text.gov import Cite
from replica.vocab import vocab

LEGAL = vocab("legal")  # kinds, volumes, ministries, office holders, laws, subjects, sentences
# Fictional heads of government: (until, name); real laws cited as the basis: (name, number, date).
PRIME_MINISTERS = tuple((date.fromisoformat(d), name) for d, name in LEGAL.PRIME_MINISTERS)
LAWS = tuple((name, number, date.fromisoformat(d)) for name, number, d in LEGAL.LAWS)


@dataclass(frozen=True)
class DocHead:
    """What a document list row and citation need: cheap, no body."""

    kind: str
    number: str
    issuer: str
    ministry: str
    day: date
    subject: str
    signer: str
    signature: tuple[str, ...]

    @property
    def clause(self) -> str:
        """The subject as it continues a sentence ("Nghị định … quy định …")."""
        return self.subject[0].lower() + self.subject[1:]

    @property
    def title(self) -> str:
        return f"{self.kind} {self.number} {self.clause}"

    def cite(self) -> Cite:
        return Cite(self.kind, self.number, self.issuer, self.day)

    def effective(self) -> date:
        return self.day + timedelta(days=45) if self.kind in ("Nghị định", "Thông tư") else self.day


def make_head(rng: random.Random, kind_index: int, serial: int, day: date) -> DocHead:
    kind, pattern, issuer, signature, _ = LEGAL.KINDS[kind_index]  # issuer None: a ministry
    ministry, code = rng.choice(LEGAL.MINISTRIES)
    subject = rng.choice(LEGAL.SUBJECTS[kind]).format(
        field=rng.choice(LEGAL.FIELDS),
        law=rng.choice([name for name, _, d in LAWS if d < day] or ["Luật Tổ chức Chính phủ"]),
        ministry=ministry,
        y=day.year,
        y5=day.year + 5,
        y1=day.year + 1,
        m=max(1, day.month - 1),
    )
    pm = next(name for until, name in PRIME_MINISTERS if day < until)
    lines: tuple[str, ...]
    if rng.random() < 0.4:
        signer, lines = rng.choice(LEGAL.DEPUTIES), ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG")
    else:
        signer, lines = pm, ("THỦ TƯỚNG",)
    if issuer is None:  # a ministry's circular, signed by a vice-minister
        issuer, signer, lines = ministry, rng.choice(LEGAL.VICE_MINISTERS), ()
    shown = tuple(line for s in signature for line in (lines if s == "{pm}" else (s,)))
    number = pattern.format(n=serial, y=day.year, code=code)
    return DocHead(kind, number, issuer, ministry, day, subject, signer, (*shown, signer))


def _long_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def doc_body(
    rng: random.Random, head: DocHead, earlier: list[DocHead], *, edited: bool
) -> tuple[list[str], list[Cite]]:
    """Paragraphs of the document and the documents they cite, in reading order."""
    paragraphs: list[str] = []
    cites: list[Cite] = []
    laws = [law for law in LAWS if law[2] < head.day]
    field = rng.choice(LEGAL.FIELDS)
    fill = {"Kind": head.kind, "field": field, "ministry": head.ministry}
    if head.kind == "Chỉ thị":
        paragraphs.append(LEGAL.DIRECTIVE_OPENING.format(field=field))
        for other in earlier[:1]:
            paragraphs.append(f"Tiếp theo {other.cite().text(1)}, Thủ tướng Chính phủ yêu cầu:")
            cites.append(other.cite())
        if not earlier:
            paragraphs.append("Thủ tướng Chính phủ yêu cầu:")
        paragraphs += list(LEGAL.DIRECTIVE_ORDERS[: rng.randint(2, 4)])
        if edited:
            paragraphs.insert(len(paragraphs) - 1, LEGAL.EDIT_CLAUSE[1])
        return paragraphs, cites
    for name, number, day in rng.sample(laws, min(len(laws), rng.randint(1, 2))):
        paragraphs.append(f"Căn cứ {name} số {number} {_long_date(day)};")
        # "Căn cứ Luật … số …" names no issuer; the truth records what the text says.
        cites.append(Cite("Luật", number, None, day))
    for other in earlier:
        paragraphs.append(
            f"Căn cứ {other.kind} số {other.number} {_long_date(other.day)} của {other.issuer} "
            f"{other.clause};"
        )
        cites.append(other.cite())
    proposer = "Vụ trưởng Vụ Pháp chế" if head.kind == "Thông tư" else f"Bộ trưởng {head.ministry}"
    paragraphs.append(f"Theo đề nghị của {proposer};")
    paragraphs.append(LEGAL.ENACT[head.kind].format(subject=head.clause, ministry=head.ministry))
    clauses = rng.sample(LEGAL.CLAUSES, rng.randint(2, 4))
    if edited:
        clauses.append(LEGAL.EDIT_CLAUSE)
    for n, (heading, clause) in enumerate(clauses, 1):
        paragraphs.append(f"Điều {n}. {heading}")
        paragraphs.append(clause.format(**fill))
    effective, n = head.effective(), len(clauses) + 1
    since = "ngày ký ban hành" if effective == head.day else _long_date(effective)
    paragraphs.append(f"Điều {n}. Hiệu lực thi hành")
    paragraphs.append(f"{head.kind} này có hiệu lực thi hành kể từ {since}.")
    paragraphs.append(f"Điều {n + 1}. Trách nhiệm thi hành")
    paragraphs.append(LEGAL.RESPONSIBILITY.format(kind=head.kind))
    return paragraphs, cites
