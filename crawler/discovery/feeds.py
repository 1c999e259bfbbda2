"""RSS 2.0 and Atom feeds: entry links and dates, tolerant of the portals' date formats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from lxml import etree

from crawler.extract.dates import VIETNAM_TIME
from crawler.extract.structured import parse_iso_datetime

# No entity expansion, no network: feeds and sitemaps are untrusted input.
PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
# baochinhphu's feeds write pubDate as "9/14/2026 6:44:00 PM" (month first, 12-hour clock,
# Vietnam time), not RFC 822.
_US_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None
    published: datetime | None


def parse_feed_date(text: str | None) -> datetime | None:
    """An entry date in RFC 822, ISO 8601 or the US-style format some CMSs emit."""
    if not text or not (text := text.strip()):
        return None
    try:
        parsed = parsedate_to_datetime(text)
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(VIETNAM_TIME)
    except (TypeError, ValueError):
        pass
    for fmt in _US_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=VIETNAM_TIME)
        except ValueError:
            continue
    iso = parse_iso_datetime(text)
    return iso.astimezone(VIETNAM_TIME) if isinstance(iso, datetime) else None


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (\"\" for comments)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    for child in element:
        if local_name(child) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def feed_entries(body: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom document (empty when it is neither)."""
    try:
        root = etree.fromstring(body, PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries = []
    for item in root.iter():
        kind = local_name(item)
        if kind == "item":
            url = _child_text(item, "link") or _child_text(item, "guid")
            date = _child_text(item, "pubDate", "date", "published")
        elif kind == "entry":
            links = [
                c
                for c in item
                if local_name(c) == "link" and c.get("rel", "alternate") == "alternate"
            ]
            url = links[0].get("href") if links else None
            date = _child_text(item, "published", "updated")
        else:
            continue
        if url:
            entries.append(
                FeedEntry(url.strip(), _child_text(item, "title"), parse_feed_date(date))
            )
    return entries
