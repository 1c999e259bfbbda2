"""Publication metadata that pages state in web standards: JSON-LD, Open Graph, article:*."""

from __future__ import annotations

import html
import json
from datetime import date, datetime
from typing import Any

from lxml import etree

from crawler.extract.dates import VIETNAM_TIME

_JSON_LD = etree.XPath("//script[@type='application/ld+json']/text()")
_META = etree.XPath("/html/head/meta[@property or @name][@content]")
_ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "Report", "WebPage"}


def _json_ld_objects(tree: etree._Element) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for text in _JSON_LD(tree):
        try:
            data = json.loads(text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                found.append(item)
                stack.extend(v for v in item.get("@graph", []) if isinstance(v, dict))
    return [item for item in found if set(_types(item)) & _ARTICLE_TYPES]


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type", [])
    return kind if isinstance(kind, list) else [kind]


def _author_name(value: Any) -> str | None:
    """A JSON-LD author (a string, a Person, or a list of either) as one name string."""
    if isinstance(value, list):
        names = [name for name in map(_author_name, value) if name]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _author_name(value.get("name"))
    return (value.strip() or None) if isinstance(value, str) else None


def parse_iso_datetime(value: str) -> date | datetime | None:
    """An ISO 8601 date or datetime, as Vietnam time when it carries an offset."""
    value = html.unescape(value.strip()).replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if parsed.tzinfo is None:
        # A time without an offset on these portals is local time (see portals.md).
        return parsed.replace(tzinfo=VIETNAM_TIME)
    return parsed.astimezone(VIETNAM_TIME)


def page_metadata(tree: etree._Element) -> dict[str, Any]:
    """headline/title, published, modified, author as JSON-LD and meta tags state them."""
    meta = {}
    for element in _META(tree):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        meta.setdefault(key, element.get("content", "").strip())
    found: dict[str, Any] = {}
    for item in _json_ld_objects(tree):
        found.setdefault("headline", item.get("headline"))
        found.setdefault("published", item.get("datePublished"))
        found.setdefault("modified", item.get("dateModified"))
        found.setdefault("author", _author_name(item.get("author")))
    found = {key: value for key, value in found.items() if value}
    found.setdefault("headline", meta.get("og:title") or meta.get("twitter:title"))
    found.setdefault("published", meta.get("article:published_time"))
    found.setdefault("modified", meta.get("article:modified_time"))
    found.setdefault("author", meta.get("author") or meta.get("article:author"))
    if not isinstance(found.get("author"), str):
        found.pop("author", None)
    for key in ("published", "modified"):
        if isinstance(found.get(key), str):
            found[key] = parse_iso_datetime(found[key])
    return {key: value for key, value in found.items() if value}
