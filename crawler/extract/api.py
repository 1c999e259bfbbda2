"""Articles that a site serves as JSON (SPAs over an API): fields mapped by the profile."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from crawler.extract.article import Article, finish_article
from crawler.extract.dates import VIETNAM_TIME, parse_vn_datetime
from crawler.extract.decode import decode_html
from crawler.extract.errors import ExtractionError
from crawler.extract.generic import Reading
from crawler.extract.media import Image, find_images
from crawler.extract.sanitize import sanitize_html
from crawler.extract.structured import parse_iso_datetime
from crawler.extract.text import clean_text, paragraphs

if TYPE_CHECKING:
    from crawler.extract.profile import Profile


def _value(data: Any, path: str) -> Any:
    """`data` followed along a dotted key path ("articleCategory.name")."""
    for key in path.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _field(data: dict[str, Any], mapping: dict[str, Any], name: str) -> str | None:
    key = mapping.get(name)
    value = _value(data, key) if key else None
    return str(value) if value not in (None, "") else None


def _body_html(data: dict[str, Any], mapping: dict[str, Any]) -> str:
    """The body's HTML. With `body_html_key`, a body field that holds a JSON object (or its
    text: mof.gov.vn sends `articleContent` either way) gives the HTML under that key."""
    key, inner = mapping.get("body_html"), mapping.get("body_html_key")
    value = _value(data, key) if key else None
    if inner and isinstance(value, str) and value.lstrip().startswith("{"):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    if inner and isinstance(value, dict):
        value = value.get(inner)
    return str(value) if value not in (None, "") else ""


_PM = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*([AP])M\b", re.IGNORECASE)


def _published(text: str) -> date | datetime | None:
    """An ISO 8601 time, or a day-first one ("21/07/2026 03:00 PM", Vietnam time)."""
    published = parse_iso_datetime(text)
    if isinstance(published, datetime):
        # A portal's own API: its times are read as Vietnam time, as its pages print them.
        return published.astimezone(VIETNAM_TIME)
    if published is not None:
        return published
    published = parse_vn_datetime(text)
    half = _PM.search(text)
    if isinstance(published, datetime) and half and published.hour <= 12:
        # A 12-hour clock: 12:xx AM is just after midnight, 12:xx PM just after noon.
        hour = published.hour % 12 + (12 if half.group(1).upper() == "P" else 0)
        published = published.replace(hour=hour)
    return published


def extract_api_article(data: Any, url: str, profile: Profile) -> Article:
    """The article in one API answer; `profile.api` names the JSON key of each field."""
    mapping = dict(profile.api)
    if isinstance(data, dict) and mapping.get("root"):
        data = data.get(mapping["root"])
    if not isinstance(data, dict):
        raise ExtractionError("the API answered no article object")
    body_html = _body_html(data, mapping)
    lines: list[str] = []
    images: list[Image] = []
    if body_html.strip():
        try:
            fragment = lxml.html.fragment_fromstring(decode_html(body_html), create_parent="div")
        except (etree.ParserError, ValueError) as error:
            raise ExtractionError(f"unparseable body HTML: {error}") from None
        etree.strip_elements(fragment, "script", "style", with_tail=False)
        images = find_images(fragment, url)
        etree.strip_elements(fragment, "figcaption", with_tail=False)
        lines = paragraphs(fragment)
    published_text = _field(data, mapping, "published")
    published = _published(published_text) if published_text else None
    tags = _value(data, mapping["tags"]) if mapping.get("tags") else None
    title = _field(data, mapping, "title")
    summary = _field(data, mapping, "summary")
    if summary and "<" in summary:  # a summary given as HTML ("<strong>…</strong>"): its text
        summary = lxml.html.fragment_fromstring(summary, create_parent="div").text_content()
    reading = Reading(
        title=clean_text(title) if title else None,
        published=published,
        lines=lines,
        summary=clean_text(summary) if summary else None,
        author=_field(data, mapping, "author"),
        author_unit=_field(data, mapping, "author_unit"),
        category=_field(data, mapping, "category"),
        tags=[str(tag) for tag in tags] if isinstance(tags, list) else [],
        images=images,
        body_html=sanitize_html(body_html) if body_html.strip() else None,
        warnings=[] if published else ["no publication date found"],
    )
    return finish_article(reading, url, profile, "api")
