"""Discovery of a captured site: article and listing patterns, pagination, feeds and sitemaps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from parsel import Selector

from crawler.discovery.links import page_links
from crawler.discovery.postback import postback_targets
from crawler.learn.links import sort_links
from crawler.learn.pages import Page
from crawler.learn.urls import (
    FILE_SUFFIX,
    induce_pattern,
    pagination_kind,
    relative,
    siblings,
    url_shape,
)

_FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_SITEMAP_LINE = re.compile(r"(?im)^\s*sitemap:\s*(\S+)")


@dataclass
class Discovery:
    """How a crawl finds the site's articles."""

    article_pattern: str
    listing_pattern: str
    pagination: str | None
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)  # relative URLs the pattern came from
    postback: list[str] = field(default_factory=list)  # listing pages paged by a form POST
    cms: str | None = None  # a CMS its markers name (NukeViet, WordPress)


def _links(page: Page, base: str) -> list[str]:
    found = []
    for href in page_links(Selector(text=page.text)):
        rel = relative(urljoin(page.url, href), base)
        if rel is not None and not FILE_SUFFIX.search(rel.partition("?")[0]):
            found.append(rel.partition("#")[0])
    return found


def discover(pages: list[Page], base: str, article_urls: list[str]) -> Discovery:
    """Patterns induced from the captured articles and listings, and the links between."""
    articles = [rel for url in article_urls if (rel := relative(url, base)) is not None]
    listing_pages = [
        page for page in pages if page.kind == "listing" and "html" in page.content_type
    ]
    captured = [rel for page in listing_pages if (rel := relative(page.url, base)) is not None]
    links = [link for page in listing_pages for link in _links(page, base)]
    # Article links of other sections: the same query keys, another list's name in the path;
    # or items of a link group (as the capture took them) of a captured article's shape.
    keyed = [link for link in links if "?" in link]
    articles += [link for link in siblings(articles, keyed) if link not in captured]
    shapes = {url_shape(rel) for rel in articles}
    for page in listing_pages:
        items = [relative(url, base) for url in sort_links(page.text, page.url, base).articles]
        articles += [r for r in items if r and r not in captured and url_shape(r) in shapes]
    article_pattern = induce_pattern(articles)
    is_article = re.compile(article_pattern).match
    others = [link for link in links if not is_article(link)]
    listings = sorted({*captured, *siblings([c for c in captured if c], others)})
    html = "\n".join(page.text for page in listing_pages)
    feeds = []
    for page in pages:
        if "html" in page.content_type:
            tree = Selector(text=page.text)
            for kind in _FEED_TYPES:
                feeds += [
                    urljoin(page.url, h)
                    for h in tree.css(f'link[type="{kind}"]::attr(href)').getall()
                ]
    postback = [
        rel
        for page in listing_pages
        if postback_targets(page.text) and (rel := relative(page.url, base)) is not None
    ]
    robots = next((page for page in pages if page.kind == "robots"), None)
    sitemaps = _SITEMAP_LINE.findall(robots.text) if robots else []
    return Discovery(
        article_pattern=article_pattern,
        listing_pattern=induce_pattern(listings),
        pagination=pagination_kind(html, others),
        feeds=list(dict.fromkeys(feeds)),
        sitemaps=list(dict.fromkeys(sitemaps)),
        listings=listings,
        postback=postback,
        cms=cms_of(pages),
    )


# Public marks of two CMSs many agencies run: WordPress serves its files from /wp-content/ and
# its API at /wp-json/; NukeViet names its module in the query (index.php?language=vi&nv=news).
_CMS_MARKERS = {
    "WordPress": re.compile(r"/wp-content/|/wp-json/|content=\"WordPress", re.IGNORECASE),
    "NukeViet": re.compile(r"[?&](?:amp;)?nv=[a-z-]+|content=\"NukeViet", re.IGNORECASE),
}


def cms_of(pages: list[Page]) -> str | None:
    """The CMS whose markers most captured HTML pages carry, if any."""
    html = [page.text for page in pages if "html" in page.content_type]
    for name, marker in _CMS_MARKERS.items():
        if html and sum(bool(marker.search(text)) for text in html) * 2 > len(html):
            return name
    return None
