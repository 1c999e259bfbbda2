"""Links on a page of a site with no profile: which look like articles, which like lists."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin

from parsel import Selector

from crawler.discovery.links import page_links
from crawler.learn.urls import FILE_SUFFIX, relative

# An article's own name in its URL: a long number (an item id, a timestamp) or a slug of words.
_ID = re.compile(r"\d{3,}")
_SLUG_WORDS = 6
_NUMBER = re.compile(r"\d+")
# Links a crawl must not follow as listings: search, log-in, print and share pages.
_NOT_LISTING = re.compile(
    r"(?i)(?:search|tim-?kiem|login|logon|authenticate|dang-?nhap|print|share|keywords=|"
    r"_layouts/|\brss\b|sitemap|lien-?he|contact|gioi-?thieu)"
)
# A group of this many distinct links of one shape is a list of items, not a menu entry.
_GROUP = 3
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")


@dataclass
class PageLinks:
    """The same-site links of one page, sorted into article and listing candidates."""

    articles: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def _shape(rel: str) -> tuple[str, tuple[str, ...], str]:
    """A link's group: its folder (numbers aside), its query keys, its file extension."""
    path, _, query = rel.partition("?")
    folder, _, last = path.rpartition("/")
    extension = last.rsplit(".", 1)[-1].lower() if "." in last else ""
    keys = tuple(sorted(k.lower() for k, _ in parse_qsl(query)))
    return _NUMBER.sub("0", folder.lower()), keys, extension


def _has_id(rel: str) -> bool:
    """An id in the link's name or its own folder (…/TinTuc/150421/Slug.html), or its query."""
    path, _, query = rel.partition("?")
    return bool(_ID.search("/".join(path.rstrip("/").split("/")[-2:]))) or any(
        value.isdigit() and (key.lower().endswith("id") or _ID.fullmatch(value))
        for key, value in parse_qsl(query)
        if "page" not in key.lower()
    )


def names_an_item(rel: str) -> bool:
    """Whether a relative URL carries an item's own name: an id or a slug of several words."""
    last = rel.partition("?")[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _has_id(rel) or len(re.split(r"[-_]+", last)) >= _SLUG_WORDS


def _parents(rels: list[str]) -> set[str]:
    """The links another link extends by a path segment: sections, whatever their names."""
    stems = {rel.rsplit(".", 1)[0].rstrip("/") for rel in rels if "?" not in rel}
    found = set()
    for rel in rels:
        path = rel.partition("?")[0].rstrip("/")
        while "/" in path:
            path = path.rsplit("/", 1)[0]
            if path in stems:
                found.add(path)
    return {rel for rel in rels if rel.rsplit(".", 1)[0].rstrip("/") in found}


def sort_links(html: str, url: str, base: str) -> PageLinks:
    """The page's links under `base`, in page order: articles are links of a group (one shape,
    three or more links) most of whose members name an item; listings are the other links,
    menu entries first; feeds and sitemaps are those the page announces."""
    tree = Selector(text=html)
    found: list[tuple[str, str]] = []  # (absolute, relative)
    for href in page_links(tree):
        absolute = urljoin(url, href).partition("#")[0]
        rel = relative(absolute, base)
        if rel is not None and not FILE_SUFFIX.search(rel.partition("?")[0]):
            found.append((absolute, rel))
    found = list(dict.fromkeys(found))
    parents = _parents([rel for _, rel in found])
    groups: dict[tuple, list[str]] = defaultdict(list)
    for _, rel in found:
        if rel not in parents:
            groups[_shape(rel)].append(rel)
    # A group most of whose links name an item is a list of items; where most carry an id,
    # a member without one (a section named by a long slug) is no item of it.
    article_shapes = {}
    for shape, members in groups.items():
        if len(members) >= _GROUP and sum(map(names_an_item, members)) * 2 > len(members):
            article_shapes[shape] = (
                _has_id if sum(map(_has_id, members)) * 2 > len(members) else names_an_item
            )
    result = PageLinks()
    for absolute, rel in found:
        is_item = article_shapes.get(_shape(rel))
        if rel not in parents and is_item is not None and is_item(rel):
            result.articles.append(absolute)
        elif not _NOT_LISTING.search(rel) and absolute.rstrip("/") != url.rstrip("/"):
            result.listings.append(absolute)
    # Sections other links extend come first: they are lists of those links.
    result.listings.sort(key=lambda link: relative(link, base) not in parents)
    for kind in _FEED_TYPES:
        result.feeds += [
            urljoin(url, h) for h in tree.css(f'link[type="{kind}"]::attr(href)').getall()
        ]
    result.sitemaps = [
        urljoin(url, h) for h in tree.css('link[rel="sitemap"]::attr(href)').getall()
    ]
    result.articles = list(dict.fromkeys(result.articles))
    result.listings = list(dict.fromkeys(result.listings))
    return result
