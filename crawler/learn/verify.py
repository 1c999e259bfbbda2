"""A learned profile read back on every captured article, against the generic path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crawler.extract import Article, ExtractionError, extract_article
from crawler.extract.selectors import PageRules
from crawler.learn.align import day, f1, words
from crawler.urls import canonical_url

# A learned body must read what the generic path reads, nearly word for word.
BODY_F1 = 0.99


@dataclass(frozen=True, slots=True)
class LearnedProfile:
    """Just what extraction reads of a profile (crawler.extract.profile.Profile)."""

    slug: str
    agency: str
    rules: PageRules
    api: dict[str, Any] = field(default_factory=dict)

    def canonical(self, url: str) -> str:
        return canonical_url(url)


@dataclass
class Verdict:
    """One article read with the learned rules, compared with the generic path's reading."""

    url: str
    generic: Article
    learned: Article | None
    agrees: dict[str, bool]

    @property
    def body_f1(self) -> float:
        if self.learned is None:
            return 0.0
        return f1(words(self.learned.body_text), words(self.generic.body_text))


def compare(generic: Article, learned: Article | None) -> dict[str, bool]:
    """Which fields the learned reading gives as the generic path does."""
    if learned is None or learned.extraction_path != "profile":
        return dict.fromkeys(("title", "published", "author_unit", "body"), False)
    return {
        "title": learned.title == generic.title,
        "published": day(learned.published) == day(generic.published),
        "author_unit": learned.author_unit == generic.author_unit,
        "body": f1(words(learned.body_text), words(generic.body_text)) >= BODY_F1,
    }


def verify(articles: list[tuple[str, str, Article]], profile: LearnedProfile) -> list[Verdict]:
    """Each (url, html, generic reading) read again with `profile`'s rules."""
    verdicts = []
    for url, html, generic in articles:
        try:
            learned: Article | None = extract_article(html, url, profile)
        except ExtractionError:
            learned = None
        verdicts.append(Verdict(url, generic, learned, compare(generic, learned)))
    return verdicts
