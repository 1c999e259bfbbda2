"""extract_article: one fetched page in, the article's fields out (pure, no Scrapy)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from crawler.extract.boilerplate import cut_trailing_widgets, drop_repeated_title
from crawler.extract.bylines import Byline, parse_byline, split_byline
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.decode import decode_html
from crawler.extract.selectors import first_match
from crawler.extract.text import clean_text, paragraphs

if TYPE_CHECKING:
    from crawler.sites import SiteProfile

EXTRACTOR_VERSION = "0.1.0"

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_NEVER_TEXT = ("script", "style", "noscript", "template", "select", "option", "button")


class ExtractionError(ValueError):
    """The page holds no article that can be read; the message says why."""


@dataclass(frozen=True, slots=True)
class Article:
    """The fields of one article page, as a researcher would cite them."""

    url: str
    title: str | None
    published: date | datetime | None
    body_text: str
    author_unit: str | None
    author: str | None
    agency: str | None
    site: str | None
    extraction_path: str
    warnings: tuple[str, ...]
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields; `published` as ISO 8601 (a date, or a +07:00 datetime)."""
        fields = {name: getattr(self, name) for name in self.__slots__}
        fields["published"] = self.published.isoformat() if self.published else None
        fields["warnings"] = list(self.warnings)
        return fields


def parse_html(text: str) -> etree._Element:
    """An lxml tree of the page, scripts and styles removed; ExtractionError if there is none."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"unparseable HTML: {error}") from error
    etree.strip_elements(tree, *_NEVER_TEXT, etree.Comment, with_tail=False)
    return tree


def extract_article(
    html: str | bytes,
    url: str,
    profile: SiteProfile | None = None,
    *,
    content_type: str | None = None,
) -> Article:
    """The article in `html`, read with the site profile that owns `url` (or the one given)."""
    if profile is None:
        from crawler.sites import find_site

        profile = find_site(url)
    if profile is None:
        raise ExtractionError(
            f"no site profile matches {url}; the generic extractor for unknown sites is not "
            "built yet (see `govarchive sites` for the known ones)"
        )
    tree = parse_html(decode_html(html, content_type))
    rules = profile.rules
    warnings: list[str] = []

    title_element = first_match(tree, rules.title)
    title = clean_text(title_element.text_content()) if title_element is not None else ""
    if not title:
        warnings.append("no title found")

    date_element = first_match(tree, rules.published)
    published = parse_vn_datetime(date_element.text_content()) if date_element is not None else None
    if published is None:
        warnings.append("no publication date found")

    body_element = first_match(tree, rules.body)
    if body_element is None:
        raise ExtractionError("no body container matched the profile's selectors")
    for selector in rules.drop:
        for unwanted in selector(body_element):
            unwanted.drop_tree()
    lines = drop_repeated_title(cut_trailing_widgets(paragraphs(body_element)), title)
    lines, byline = split_byline(lines)
    author_element = first_match(tree, rules.author)
    if author_element is not None and not byline.author_unit:
        byline = parse_byline(clean_text(author_element.text_content())) or Byline()
    if not lines:
        warnings.append("empty body")

    return Article(
        url=profile.canonical(url),
        title=title or None,
        published=published,
        body_text="\n\n".join(lines),
        author_unit=byline.author_unit,
        author=byline.author,
        agency=profile.agency,
        site=profile.slug,
        extraction_path="profile",
        warnings=tuple(warnings),
    )
