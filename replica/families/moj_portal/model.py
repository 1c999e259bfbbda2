"""The MOJ portal replica's types: a category, an article, and what its markup needs of a site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from replica.newsroom import Roster, Story
from replica.site import data_file


def data() -> dict[str, Any]:
    """portal.toml: the platform's headers, address, static pages, and moj.gov.vn's spec."""
    return data_file(__file__, "portal.toml")


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    weight: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    index: int
    ident: str
    slug: str
    day: date
    story: Story
    figures: tuple[int, ...]  # after which paragraph each image of story.images stands
    author_line: str | None
    views: int
    edited: bool
    modified: datetime


class Portal(Protocol):
    """A site of the platform as its markup sees it (site.ThadsNewSite)."""

    host: str
    prefix: str
    salt: str
    org: str
    province: str
    address: str
    categories: tuple[Category, ...]
    roster: Roster

    def article_path(self, art: Article) -> str: ...
    def listing_path(self, zone: int | None, page: int = 1) -> str: ...
    def newest(self, zone: int | None, start: int, count: int) -> list[Article]: ...
    def related(self, art: Article, count: int = 5) -> list[Article]: ...
