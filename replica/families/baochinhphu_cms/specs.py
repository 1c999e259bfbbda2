"""The baochinhphu.vn-CMS replica's types: site specs (cms.toml beside it), zones, articles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from replica.newsroom import Story
from replica.site import data_file
from replica.text import DocKind, doc_kinds
from replica.vocab import vocab

NEWS_WORDS = vocab("news")


@dataclass(frozen=True)
class Zone:
    """A category: `/<key>.htm`, `/<key>.rss`, `/timelinelist/<zone_id>/<page>.htm`."""

    key: str  # may nest one level: "<parent>/<section>"
    name: str
    zone_id: int
    weight: int  # share of the site's articles
    topics: tuple[str, ...]
    path: str = ""  # its section page, root-relative (the site sets it)


@dataclass(frozen=True)
class CmsSpec:
    slug: str
    host: str
    id_prefix: str  # ids start with it: 102… baochinhphu, 115… vpcp, 119… xaydungchinhsach
    sapo_prefix: str  # "(Chinhphu.vn) - " or "VGP - "
    publication: str
    media: str  # the image CDN host
    zones: tuple[Zone, ...]
    kinds: tuple[DocKind, ...]
    challenge: bool = False  # the legacy JS cookie challenge
    owner: str = "Văn phòng Chính phủ"  # "Cơ quan chủ quản" in the footer
    short_ids: bool = True  # the oldest few articles have short ids (prefix + 5 digits)
    page_ext: str = ".htm"  # category pages: /<key>.htm, or /<key> when ""
    zone_api: bool = False  # hanoi: sections page on by POST api/NewsZone/NewsZone (newszone.py)
    sapo_tag: str = "h2"  # the detail page's sapo element (mst.gov.vn: a div)
    items: str = "stream"  # list items: templates/<items>_item.html (mst: category, hanoi: news)
    day_pages: str = ""  # a page of each day's articles, `{date}` dd-mm-yyyy ("": none)
    pools: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # over vocab/news.json POOLS
    generic: tuple[str, ...] = NEWS_WORDS.GENERIC
    closers: tuple[str, ...] = NEWS_WORDS.CLOSERS
    captions: tuple[str, ...] = NEWS_WORDS.CAPTIONS

    @property
    def list_class(self) -> str:
        """The class of a section's or day's list: mst's list__news, else box-stream."""
        return "list__news" if self.items == "category" else "box-stream"


@dataclass(frozen=True)
class Article:
    index: int
    ident: str
    slug: str
    path: str  # root-relative: /<host>/<slug>-<id>.htm (hanoi: /<host>/<zone>/<slug>-<id>.htm)
    published: datetime  # Vietnam time, whole minutes
    zone: Zone
    story: Story
    figures: tuple[int, ...]  # the paragraph after which each image of story.images stands
    relation_at: int | None  # the paragraph after which the related-news box stands
    edited: bool
    modified: datetime  # UTC


@cache
def cms_specs() -> dict[str, CmsSpec]:
    """Every CMS site's spec, by slug, in the file's order."""
    return {row["slug"]: _spec(dict(row)) for row in data_file(__file__, "cms.toml")["site"]}


def _spec(row: dict[str, Any]) -> CmsSpec:
    words = vocab(row.pop("words", "news"))
    lists = {
        key: getattr(words, row.pop(key))
        for key in ("pools", "generic", "closers", "captions")
        if key in row
    }
    kinds = doc_kinds(getattr(words, row.pop("kinds")))
    zones = tuple(
        Zone(key, name, ident, weight, tuple(topics))
        for key, name, ident, weight, topics in row.pop("zones")
    )
    return CmsSpec(**row, zones=zones, kinds=kinds, **lists)
