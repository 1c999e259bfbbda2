"""Atom 1.0 feeds of archived articles (RFC 4287), built with the standard library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
SUMMARY_CHARS = 400
ET.register_namespace("", ATOM)


def atom_time(value: str | None) -> str | None:
    """An RFC 3339 time for an archive date or time; dates and naive times are Vietnam time."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.isoformat()


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _summary(article: Mapping[str, Any]) -> str | None:
    text = article.get("summary") or " ".join((article.get("body_text") or "").split())
    return text[:SUMMARY_CHARS] + ("…" if len(text) > SUMMARY_CHARS else "") if text else None


def atom_feed(
    *,
    title: str,
    feed_url: str,
    page_url: str,
    articles: Iterable[Mapping[str, Any]],
    archive_link: Callable[[str], str] | None = None,
) -> bytes:
    """A feed of `articles` (rows of the articles table; any missing column is left out).

    Each entry's id and link are the article's canonical URL; `archive_link(url)` gives the
    archive's page for it, added as a "related" link.
    """
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", title)
    _add(feed, "id", feed_url)
    _add(feed, "link", rel="self", href=feed_url)
    _add(feed, "link", rel="alternate", href=page_url, type="text/html")
    _add(feed, "generator", "govarchive (Datasette)")
    updated_slot = _add(feed, "updated")
    newest: dt.datetime | None = None
    for article in articles:
        url = article.get("url")
        if not url:
            continue
        times = (atom_time(article.get(key)) for key in ("updated", "published", "fetched_at"))
        updated = next((time for time in times if time), "1970-01-01T00:00:00+00:00")
        moment = dt.datetime.fromisoformat(updated)
        newest = moment if newest is None else max(newest, moment)
        entry = _add(feed, "entry")
        _add(entry, "id", url)
        _add(entry, "title", article.get("title") or url)
        _add(entry, "updated", updated)
        if published := atom_time(article.get("published")):
            _add(entry, "published", published)
        _add(entry, "link", rel="alternate", href=url)
        if archive_link:
            _add(entry, "link", rel="related", href=archive_link(url), type="text/html")
        author = _add(entry, "author")
        _add(author, "name", article.get("author_unit") or article.get("agency") or "unknown")
        if article.get("category"):
            _add(entry, "category", term=article["category"])
        if summary := _summary(article):
            _add(entry, "summary", summary)
    # An empty feed is still a valid feed: it says when it was made.
    updated_slot.text = (newest or dt.datetime.now(dt.UTC).replace(microsecond=0)).isoformat()
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
