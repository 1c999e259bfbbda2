"""Families 4 and 5 news text: stories with cited documents and bylines, and truth records."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from replica.places import PROVINCE_NAMES
from replica.site import truth_line
from replica.text import Cite, Writer, doc_kinds, short_name
from replica.vocab import vocab

GOV_WORDS = vocab("gov")


@dataclass(frozen=True)
class Story:
    """One news item, independent of markup: what the truth reports and the page shows."""

    title: str
    sapo: str | None
    paragraphs: tuple[str, ...]
    cites: tuple[Cite, ...]
    author: str | None
    author_unit: str | None
    byline: tuple[str, ...]  # closing lines as shown ("Nguồn: …", "Tác giả: …")
    images: tuple[tuple[str, str | None, int], ...]  # (file stem, caption, after paragraph)
    attachments: tuple[tuple[str, str], ...]  # (display name, extension)
    tags: tuple[str, ...]


class NewsGen(Writer):
    """The voice of one domain's portals (families 4 and 5)."""

    numbers = MappingProxyType({**Writer.numbers, **GOV_WORDS.NUMBERS})
    pools = MappingProxyType(GOV_WORDS.POOLS)
    short_dates, share, sentences = True, 0.55, (2, 3)
    date_styles, named = (0, 1, None), (1, 1)
    short_date_words, later_format, women = ("Ngày", "Sáng", "Chiều"), "{:%d/%m/%Y}", 0.5

    def __init__(self, rng: random.Random, domain: str, day: date) -> None:
        super().__init__(rng, day, kinds=doc_kinds(GOV_WORDS.CITATIONS[domain]))
        self.domain = domain

    def short_name(self) -> str:
        """A byline name: 'Trần Thị Ngọc Hiếu' -> 'Ngọc Hiếu' (six times in ten), or in full."""
        full = self.name()
        short = short_name(full)
        return short if short != full and self.rng.random() < 0.6 else full

    def slot_person(self) -> str:
        position = self.rng.choice(GOV_WORDS.POSITIONS[self.domain])
        female = self.rng.random() < 0.4
        return f"{'bà' if female else 'ông'} {self.name(female)}, {position}"

    def slot_prov(self) -> str:
        return "Đồng Tháp" if self.domain == "province" else self.rng.choice(PROVINCE_NAMES)

    def slot_unit(self) -> str:
        return self.rng.choice(GOV_WORDS.UNITS[self.domain])

    def slot_price(self) -> str:
        return f"{self.rng.randint(5, 60)}.{self.rng.choice(('000', '200', '500', '800'))}"


def _headline(
    salt: str, index: int, domain: str, topic: str, day: date
) -> tuple[random.Random, NewsGen, str]:
    """The generator of one article's text, and its title (the first thing it writes)."""
    rng = random.Random(f"{salt}/{index}")
    gen = NewsGen(rng, domain, day)
    return rng, gen, gen.fill(rng.choice(GOV_WORDS.TOPICS[domain][topic][0]))


def story_title(salt: str, index: int, domain: str, topic: str, day: date) -> str:
    """The title write_story gives the same article, without writing the rest of it."""
    return _headline(salt, index, domain, topic, day)[2]


def write_story(
    salt: str,
    index: int,
    domain: str,
    topic: str,
    day: date,
    *,
    edited: bool,
    bylines: Sequence[str] = ("source", "author", "both"),
    attachment_rate: float = 0.0,
) -> Story:
    """The text of one article; an edited one gains a paragraph before its closing one."""
    rng, gen, title = _headline(salt, index, domain, topic, day)
    (_, sapos, own), generic = GOV_WORDS.TOPICS[domain][topic], GOV_WORDS.GENERIC[domain]
    sapo = gen.fill(rng.choice(sapos)) if rng.random() < 0.88 else None
    paragraphs = [gen.paragraph(own, generic, first=gen.fill(gen.fresh(own)))]
    paragraphs += [gen.paragraph(own, generic) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(GOV_WORDS.BULLET_LEADS))
        paragraphs += rng.sample(GOV_WORDS.BULLETS[domain], rng.randint(2, 4))
    cited_before_closer = len(gen.cites)
    closer = gen.fill(rng.choice(GOV_WORDS.CLOSERS[domain]))
    kind = rng.choice(tuple(bylines))
    unit, name = rng.choice(GOV_WORDS.UNITS[domain]), gen.short_name()
    images = tuple(
        (f"anh-{k + 1}", rng.choice(GOV_WORDS.CAPTIONS) if rng.random() < 0.7 else None, k)
        for k in range(rng.choice((0, 0, 1, 1, 2)))
    )
    tags = tuple(rng.sample(GOV_WORDS.TAGS[domain], rng.randint(0, 3)))
    attachments: list[tuple[str, str]] = []
    if rng.random() < attachment_rate:
        ext = rng.choice(("pdf", "pdf", "doc", "docx", "xlsx"))
        stem = gen.cites[0].number.replace("/", "-") if gen.cites else "Phu-luc"
        attachments.append((f"{stem}.{ext}", ext))
        if rng.random() < 0.3:
            attachments.append(("Phụ lục kèm theo.pdf", "pdf"))
    cites = list(gen.cites)
    if edited:  # a paragraph (and what it cites) before the closing one, from its own RNG
        extra = NewsGen(random.Random(f"{salt}/{index}/edit"), domain, day)
        paragraphs.append(extra.paragraph(own, generic))
        cites[cited_before_closer:cited_before_closer] = extra.cites
    first_cites: dict[str, Cite] = {}
    for cited in cites:
        first_cites.setdefault(cited.number, cited)
    author, author_unit, lines = _byline(kind, name, unit)
    return Story(
        title=title,
        sapo=sapo,
        paragraphs=(*paragraphs, closer),
        cites=tuple(first_cites.values()),
        author=author,
        author_unit=author_unit,
        byline=lines,
        images=images,
        attachments=tuple(attachments),
        tags=tags,
    )


def _byline(kind: str, name: str, unit: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The closing lines of a byline kind; the truth names the author and unit they show."""
    shown = GOV_WORDS.BYLINES[kind]
    lines = tuple(line.format(name=name, unit=unit) for line in shown)
    author = name if any("{name}" in line for line in shown) else None
    return author, unit if any("{unit}" in line for line in shown) else None, lines


def truth_record(slug: str, url: str, story: Story, **fields: Any) -> dict[str, Any]:
    """A truth line (docs/replica.md) from a story; `fields` carries the page-specific keys."""
    known: dict[str, Any] = {"author_unit": story.author_unit, "author": story.author}
    known["summary"] = story.sapo
    known.update(tags=list(story.tags), cited_documents=[c.record() for c in story.cites])
    return truth_line(slug, url, story.title, story.paragraphs, **{**known, **fields})
