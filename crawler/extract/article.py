"""extract_article: one fetched page in, the article's fields out (pure, no Scrapy)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from crawler.extract.boilerplate import SAPO_PREFIX, cut_trailing_widgets, drop_repeated_title
from crawler.extract.bylines import Byline, parse_byline_lines, split_byline
from crawler.extract.citations import Citation, find_citations
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.decode import decode_html
from crawler.extract.errors import ExtractionError
from crawler.extract.generic import NoMainText, Reading, read_generic
from crawler.extract.media import Attachment, Image, find_attachments, find_images
from crawler.extract.sanitize import element_html, paragraphs_html
from crawler.extract.selectors import PageRules
from crawler.extract.text import clean_text, guess_language, paragraphs
from crawler.urls import canonical_url

if TYPE_CHECKING:
    from crawler.sites import SiteProfile

EXTRACTOR_VERSION = "0.1.0"

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# libxml2 discards everything after a stray </html> in mid-page; the closing tags of html and
# body carry no information, so they are dropped before any parser sees the page.
_END_TAGS = re.compile(r"</\s*(?:html|body)\s*>", re.IGNORECASE)
_NEVER_TEXT = ("script", "style", "noscript", "template", "noembed", "noframes")
# <plaintext> and <xmp> make parsers read the rest of the page as literal text, markup
# included; no article needs them, so the tags go before parsing.
_RAW_TEXT_TAGS = re.compile(r"</?\s*(?:plaintext|xmp)\b[^>]*>", re.IGNORECASE)
# lxml stops at 256 levels of nesting and silently drops the rest; huge_tree lifts the limit
# to libxml2's 2048, past which the page is refused rather than read in part.
_PARSER = lxml.html.HTMLParser(huge_tree=True)
# The profile path's parser: the same parse, every element an HtmlElement chosen in C.
# lxml.html's own lookup (FormElement, InputElement…) calls Python for every element the
# profile path's index touches (~0.5 µs each, as much as the rest of the index costs).
_PROFILE_PARSER = etree.HTMLParser(huge_tree=True)
_PROFILE_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
# Form controls hold no article text. They stay in the tree the generic path reads, because
# trafilatura's boilerplate scoring weighs them; only a profile's body container drops them.
_CONTROLS = ("select", "option", "button", "input", "textarea")


@dataclass(frozen=True, slots=True)
class Article:
    """The fields of one article page, as a researcher would cite them."""

    url: str
    title: str | None
    published: date | datetime | None
    body_text: str
    summary: str | None
    author_unit: str | None
    author: str | None
    agency: str | None
    site: str | None
    extraction_path: str
    warnings: tuple[str, ...]
    updated: date | datetime | None = None
    body_html: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    cited_documents: tuple[Citation, ...] = ()
    language: str | None = None
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields; dates as ISO 8601 (a date, or a +07:00 datetime)."""
        fields = {name: getattr(self, name) for name in self.__slots__}
        for name in ("published", "updated"):
            fields[name] = fields[name].isoformat() if fields[name] else None
        for name in ("images", "attachments", "cited_documents"):
            fields[name] = [item.as_dict() for item in fields[name]]
        fields["warnings"] = list(self.warnings)
        fields["tags"] = list(self.tags)
        return fields


def parse_html(text: str, parser: etree.HTMLParser = _PARSER) -> etree._Element:
    """An lxml tree of the page, scripts and styles removed; ExtractionError if there is none."""
    text = _RAW_TEXT_TAGS.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"unparseable HTML: {error}") from error
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        raise ExtractionError("unparseable HTML: elements nested deeper than 2048 levels")
    # JSON-LD stays: it states the headline, dates and author in a web standard.
    structured = [
        script for script in tree.iter("script") if script.get("type") == "application/ld+json"
    ]
    for script in structured:
        script.tag = "jsonld"
    # A <noscript> left open swallows the rest of the page (the parser has nowhere to close
    # it); one that holds paragraphs or a text's worth of words is page text, not a fallback.
    for fallback in tree.iter("noscript"):
        if fallback.find(".//p") is not None or len(fallback.text_content().split()) >= 50:
            fallback.tag = "div"
    etree.strip_elements(tree, *_NEVER_TEXT, etree.Comment, with_tail=False)
    for script in structured:
        script.tag = "script"
    return tree


def _text_of(element: etree._Element | None) -> str | None:
    """The element's text, its paragraphs on separate lines."""
    return ("\n".join(paragraphs(element)) or None) if element is not None else None


def read_with_profile(tree: etree._Element, rules: PageRules, base_url: str) -> Reading | None:
    """The fields where the family's selectors say they are; None if the body is not there."""
    index = rules.index(tree)
    body_element = index.first(rules.body)
    if body_element is None:
        return None
    date_text = _text_of(index.first(rules.published))
    published = parse_vn_datetime(date_text) if date_text else None
    title, summary = _text_of(index.first(rules.title)), _text_of(index.first(rules.summary))
    updated_text = _text_of(index.first(rules.updated))
    reading = Reading(
        title=clean_text(title) if title else None,
        published=published,
        lines=[],
        summary=clean_text(summary) if summary else None,
        author=_text_of(index.first(rules.author)),
        author_unit=_text_of(index.first(rules.author_unit)),
        warnings=[] if published else ["no publication date found"],
        updated=parse_vn_datetime(updated_text) if updated_text else None,
        category=clean_text(_text_of(index.first(rules.category)) or "") or None,
        tags=[clean_text(t.text_content()) for s in rules.tags for t in index.select(s)],
        images=find_images(body_element, base_url),
        attachments=find_attachments(
            [body_element, *(e for s in rules.attachments for e in index.select(s))], base_url
        ),
    )
    etree.strip_elements(body_element, *_CONTROLS, with_tail=False)
    # The body's HTML is made once the shared rules know which lines the text leaves out;
    # it keeps what the drop rules take from the text (pictures and their captions).
    reading.body_element, reading.base_url = copy.deepcopy(body_element), base_url
    for selector in rules.drop:
        for unwanted in index.select_in(body_element, selector):
            unwanted.drop_tree()
    reading.lines = paragraphs(body_element)
    return reading


def extract_article(
    html: str | bytes,
    url: str,
    profile: SiteProfile | None = None,
    *,
    content_type: str | None = None,
    generic: bool = False,
) -> Article:
    """The article in `html`: read with the site profile that owns `url` (or the one given),
    or by the generic path when there is none, its selectors no longer match, or `generic`
    asks for it (the profile then still names the site and agency)."""
    if profile is None:
        from crawler.sites import find_site

        profile = find_site(url)
    text = _END_TAGS.sub("", decode_html(html, content_type))
    reading = None
    if profile and not generic:
        reading = read_with_profile(parse_html(text, _PROFILE_PARSER), profile.rules, url)
    path = "profile"
    if reading is None:
        path = "generic"
        try:
            # A tree of lxml.html's own element classes, as trafilatura expects.
            reading = read_generic(parse_html(text), url)
        except NoMainText as error:
            raise ExtractionError(str(error)) from None
        if profile and not generic:
            reading.warnings.append("profile selectors found no body; read by the generic path")
    article = finish_article(reading, url, profile, path)
    # Without a title, a few words are more likely a menu or a home page than an article.
    if path == "generic" and (
        not article.body_text or (not article.title and len(article.body_text) < 200)
    ):
        found_title = "a" if article.title else "no"
        raise ExtractionError(
            f"no article on the page: the generic path found {found_title} title "
            f"and {len(article.body_text)} characters of body"
        )
    return article


def _plain(text: str | None) -> str | None:
    """Text that may hold markup (a <title>, an escaped og:title) as plain text only."""
    if not text or "<" not in text:
        return text
    try:
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(re.sub(r"<[^>]*>", " ", text)) or None
    etree.strip_elements(fragment, *_NEVER_TEXT, with_tail=False)
    return clean_text(fragment.text_content()) or None


def _body_html(reading: Reading, lines: list[str]) -> str:
    """The body as sanitized HTML, without the lines the shared rules took out of the text."""
    if reading.body_element is None:
        return reading.body_html or paragraphs_html(lines)
    kept = {" ".join(line.split()) for line in lines}
    left_out = frozenset(" ".join(line.split()) for line in reading.lines) - kept
    return element_html(reading.body_element, reading.base_url, left_out, owned=True)


def finish_article(reading: Reading, url: str, profile: SiteProfile | None, path: str) -> Article:
    """The Article of a Reading, after the shared Vietnamese rules (repeated title, trailing
    widgets, closing byline)."""
    lines = drop_repeated_title(cut_trailing_widgets(reading.lines), reading.title)
    lines, byline = split_byline(lines)
    if reading.author_unit:
        byline = Byline(author=reading.author, author_unit=reading.author_unit)
    elif reading.author:
        stated = parse_byline_lines(reading.author.splitlines())
        byline = Byline(
            author=byline.author or stated.author,
            author_unit=byline.author_unit or stated.author_unit,
        )
    warnings = list(reading.warnings)
    if not reading.title:
        warnings.append("no title found")
    if not lines:
        warnings.append("empty body")
    return Article(
        url=profile.canonical(url) if profile else canonical_url(url),
        title=_plain(reading.title),
        published=reading.published,
        body_text="\n\n".join(lines),
        summary=_plain(SAPO_PREFIX.sub("", reading.summary)) if reading.summary else None,
        updated=reading.updated,
        body_html=_body_html(reading, lines),
        category=reading.category,
        tags=tuple(dict.fromkeys(t for t in reading.tags if t)),
        images=tuple(reading.images),
        attachments=tuple(reading.attachments),
        cited_documents=tuple(find_citations("\n\n".join(lines))),
        language=guess_language(" ".join(lines[:5])),
        author_unit=byline.author_unit,
        author=byline.author,
        agency=profile.agency if profile else None,
        site=profile.slug if profile else None,
        extraction_path=path,
        warnings=tuple(warnings),
    )
