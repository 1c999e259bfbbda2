"""The Liferay replicas' types: a section, an article, and what their markup needs of a site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from replica.corpus import Corpus
from replica.newsportal import Post
from replica.site import SiteConfig


@dataclass(frozen=True)
class Section:
    """A news category page with its asset publisher (or news list) portlet instance."""

    slug: str
    name: str
    topics: tuple[str, ...]
    weight: int
    inst: str


class Portal(Protocol):
    """A Liferay site as its markup sees it (site.LiferaySite)."""

    prefix: str
    agency: str
    portal_name: str
    address: str
    theme: str
    body_class: str
    company_id: str
    group_id: int
    search_path: str
    search_param: str
    page_size: int
    menu_extra: tuple[tuple[str, str], ...]
    config: SiteConfig
    corpus: Corpus
    sections: tuple[Section, ...]

    def item_href(self, item: Post) -> str: ...
    def list_href(self, item: Post) -> str: ...
    def related_href(self, item: Post) -> str: ...
    def image_href(self, item: Post, k: int) -> str: ...
    def file_href(self, item: Post, k: int) -> str: ...
    def search_href(self, tag: str) -> str: ...
    def section_path(self, section: Section) -> str: ...
    def page_href(self, section: Section, page: int) -> str: ...
    def namespace(self, section: Section) -> str: ...
