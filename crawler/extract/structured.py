"""Publication metadata that pages state in web standards: JSON-LD, Open Graph, article:*,
Dublin Core and other meta conventions, schema.org itemprop."""

from __future__ import annotations

import contextlib
import html
import json
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree

from crawler.extract.dates import VIETNAM_TIME

# Evaluated on the page's root element: "descendant-or-self::" finds what "//" would, and
# costs a quarter less (libxml2 steps through every node, text too, for "//").
_JSON_LD = etree.XPath("descendant-or-self::script[@type='application/ld+json']/text()")
_META = etree.XPath("descendant-or-self::meta[@content][@property or @name or @itemprop]")
# The page's itemprop values (each knows its element), in document order: one walk for both
# itemprop searches, and half the cost of a walk testing each element's value (0.17 against
# 0.32 ms a dev-set page).
_ITEMPROPS = etree.XPath("descendant-or-self::*/@itemprop")
# Article types first: a WebPage or a site's Organization carries dates of its own.
_ARTICLE_TYPES = (
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "Report",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "WebPage",
)
# Meta names and properties that state when a page was first published, most explicit first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "date",
    "created",
)
AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
    "citation_author",
)
_URLISH = re.compile(r"^(?:https?:|www\.|/)|\.\w{2,4}/|@", re.IGNORECASE)
_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_BY = re.compile(r"^(?:by|von|par|por|di|door|av|przez|от)\s+", re.IGNORECASE)


def _json_ld_objects(tree: etree._Element) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The article-like objects, articles before pages, and every object by its @id."""
    found: list[dict[str, Any]] = []
    for text in _JSON_LD(tree):
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        stack = data[::-1] if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph", [])
                stack.extend(v for v in reversed(graph) if isinstance(v, dict))
    ranked = [(rank, n, item) for n, item in enumerate(found) if (rank := _rank(item)) is not None]
    by_id = {item["@id"]: item for item in found if isinstance(item.get("@id"), str)}
    return [item for _, _, item in sorted(ranked, key=lambda r: r[:2])], by_id


def _rank(item: dict[str, Any]) -> int | None:
    kinds = item.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    ranks = [_ARTICLE_TYPES.index(kind) for kind in kinds if kind in _ARTICLE_TYPES]
    if not ranks:
        return None
    return 1 if min(ranks) == len(_ARTICLE_TYPES) - 1 else 0


def is_name(value: str | None) -> bool:
    """A person's or unit's name, not a profile URL, an e-mail address or a handle."""
    return bool(value and not _URLISH.search(value) and len(value.split()) <= 12)


def _author_name(value: Any, by_id: dict[str, Any]) -> str | None:
    """A JSON-LD author (a string, a Person, a reference to one, or a list) as one string."""
    if isinstance(value, list):
        names = [name for item in value if (name := _author_name(item, by_id))]
        return "; ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], {})
        return _author_name(value.get("name"), by_id)
    if isinstance(value, str):
        name = " ".join(html.unescape(value).split())
        return name if is_name(name) else None
    return None


def parse_iso_datetime(value: str) -> date | datetime | None:
    """An ISO 8601 (or RFC 2822) date or datetime with the offset the page gives; a time
    without an offset is Vietnam time (these portals' local time, see portals.md)."""
    value = html.unescape(value.strip())
    if not value:
        return None
    text = value.replace("Z", "+00:00").replace(" ", "T", 1) if value[:4].isdigit() else value
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        rfc2822 = None
        with contextlib.suppress(TypeError, ValueError, IndexError):
            rfc2822 = parsedate_to_datetime(value)
        if rfc2822 is None:
            if not (match := _ISO_DAY.match(value)):
                return None
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
        parsed = rfc2822
    if len(text) <= 10 and "T" not in text:
        return parsed.date()
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM_TIME)


def _meta_map(tree: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in _META(tree):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content", "").strip()
        if content:
            meta.setdefault(key.strip().lower(), content)
    return meta


def _itemprop_published(itemprops: list[Any]) -> str | None:
    for prop in itemprops:
        if prop != "datePublished" or (element := prop.getparent()).tag == "meta":
            continue
        if value := element.get("datetime") or element.get("content"):
            return value
    return None


def _itemprop_author(itemprops: list[Any]) -> str | None:
    for element in (prop.getparent() for prop in itemprops if prop == "author"):
        named = element.find(".//*[@itemprop='name']")
        holder = named if named is not None else element
        text = holder.get("content") or holder.text_content()
        name = _BY.sub("", " ".join(text.split()))
        if is_name(name) and 1 <= len(name.split()) <= 6:
            return name
    return None


def page_metadata(tree: etree._Element) -> dict[str, Any]:
    """headline, published (with published_source), modified, author as the page's JSON-LD,
    meta tags and itemprop attributes state them (`tree`: the page's root element)."""
    meta = _meta_map(tree)
    found: dict[str, Any] = {}
    itemprops: list[Any] | None = None  # read once, when an itemprop search is needed
    objects, by_id = _json_ld_objects(tree)
    for item in objects:
        for key, field in (
            ("headline", "headline"),
            ("published", "datePublished"),
            ("modified", "dateModified"),
        ):
            if not found.get(key) and isinstance(item.get(field), str) and item[field].strip():
                found[key] = item[field]
                if key == "published":
                    found["published_source"] = "json-ld"
        if not found.get("author"):
            found["author"] = _author_name(item.get("author"), by_id)
    found = {key: value for key, value in found.items() if value}
    found.setdefault("headline", meta.get("og:title") or meta.get("twitter:title"))
    # Meta tags before JSON-LD (htmldate's order): JSON-LD is more often a plugin's UTC time
    # (a day off for pages far from Greenwich) or a re-publication date.
    for key in PUBLISHED_META:
        if key in meta and parse_iso_datetime(meta[key]):
            found["published"], found["published_source"] = meta[key], "meta"
            break
    else:
        if "published" not in found:
            itemprops = _ITEMPROPS(tree)
            if value := _itemprop_published(itemprops):
                found["published"], found["published_source"] = value, "itemprop"
    found.setdefault("modified", meta.get("article:modified_time") or meta.get("datemodified"))
    if not found.get("author"):
        names = (meta[key] for key in AUTHOR_META if key in meta)
        found["author"] = next((" ".join(n.split()) for n in names if is_name(n)), None)
    if not found.get("author"):
        found["author"] = _itemprop_author(itemprops if itemprops is not None else _ITEMPROPS(tree))
    for key in ("published", "modified"):
        if isinstance(found.get(key), str):
            found[key] = parse_iso_datetime(found[key])
    if not found.get("published"):
        found.pop("published_source", None)
    return {key: value for key, value in found.items() if value}
