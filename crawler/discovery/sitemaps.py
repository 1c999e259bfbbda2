"""XML sitemaps, sitemap indexes and Google News sitemaps: URLs with their dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from crawler.discovery.feeds import PARSER, local_name, parse_feed_date


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    published: datetime | None
    is_sitemap: bool  # an entry of a sitemap index: another sitemap to read


def sitemap_entries(body: bytes) -> list[SitemapEntry]:
    """Entries of a sitemap or sitemap index (news:publication_date preferred to lastmod)."""
    try:
        root = etree.fromstring(body, PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None or local_name(root) not in {"urlset", "sitemapindex"}:
        return []
    nested = local_name(root) == "sitemapindex"
    entries = []
    for entry in root:
        fields = {local_name(node): (node.text or "").strip() for node in entry.iter()}
        if fields.get("loc"):
            date = fields.get("publication_date") or fields.get("lastmod")
            entries.append(SitemapEntry(fields["loc"], parse_feed_date(date), nested))
    return entries
