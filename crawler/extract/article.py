"""extract_article: one fetched page in, the article's fields out (pure, no Scrapy)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from crawler.extract.boilerplate import SAPO_PREFIX, cut_trailing_widgets, drop_repeated_title
from crawler.extract.bylines import Byline, parse_byline_lines, split_byline
from crawler.extract.citations import Citation, find_citations
from crawler.extract.decode import decode_html, to_nfc
from crawler.extract.errors import ExtractionError
from crawler.extract.generic import NoMainText, Reading, read_generic
from crawler.extract.lxml_page import NEVER_TEXT, parse_html
from crawler.extract.media import Attachment, Image
from crawler.extract.profile_path import parse_page, read_with_profile
from crawler.extract.sanitize import paragraphs_html
from crawler.extract.text import clean_text, guess_language
from crawler.urls import canonical_url

if TYPE_CHECKING:
    from crawler.extract.profile import Profile

EXTRACTOR_VERSION = "0.2.0"


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
    # Which source gave `published`: profile, properties, header, json-ld, meta, itemprop,
    # htmldate, api (docs/schema.md).
    published_source: str | None = None

    @property
    def text(self) -> str:
        """The whole article text: the summary (sapo) and the body. `body_text` is the text
        after the sapo, which portals set apart and the archive stores apart (docs/schema.md)."""
        return "\n\n".join(filter(None, [self.summary, self.body_text]))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields; dates as ISO 8601 (a date, or a datetime with the page's own
        UTC offset); `text` is summary + body."""
        fields = {name: getattr(self, name) for name in self.__slots__}
        fields["text"] = self.text
        for name in ("published", "updated"):
            fields[name] = fields[name].isoformat() if fields[name] else None
        for name in ("images", "attachments", "cited_documents"):
            fields[name] = [item.as_dict() for item in fields[name]]
        fields["warnings"] = list(self.warnings)
        fields["tags"] = list(self.tags)
        return fields


def extract_article(
    html: str | bytes,
    url: str,
    profile: Profile | None = None,
    *,
    content_type: str | None = None,
    generic: bool = False,
) -> Article:
    """The article in `html`: read with the site's `profile` (the caller finds it, e.g.
    `crawler.sites.find_site(url)`), or by the generic path when there is none, its selectors
    no longer match, or `generic` asks for it (the profile then still names the site and
    agency)."""
    # The profile path normalizes the text it keeps, line by line; the generic path's
    # library reads the whole page, so the whole page is made NFC for it.
    text = decode_html(html, content_type, nfc=False)
    reading = None
    # A profile that places no body (its sources show no markup) leaves the page to the
    # generic path; it still names the site and agency.
    placed = bool(profile and profile.rules.body and not generic)
    if profile and placed:
        reading = read_with_profile(parse_page(text), profile.rules, url)
        if reading is not None:
            _fill_unstated_fields(reading, profile, text, url)
    path = "profile"
    if reading is None:
        path = "generic"
        try:
            # A tree of lxml.html's own element classes, as trafilatura expects.
            page = to_nfc(text)
            reading = read_generic(parse_html(page), url, page)
        except NoMainText as error:
            raise ExtractionError(str(error)) from None
        if placed:
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


# Fields the generic path reads for a profile that states no selector for them (its sources
# do not show where the portal keeps them: docs/evidence.md, "assumed").
GENERIC_FIELDS = ("title", "published")
GENERIC_FILLED = "read by the generic path (no selector in the profile): "


def _fill_unstated_fields(reading: Reading, profile: Profile, text: str, url: str) -> None:
    """Give the generic path the fields a profile's evidence does not place on the page.

    A field whose selector the profile states and which is missing stays missing: that is a
    layout change for `govarchive check` and the coverage report to name.
    """
    unstated = [name for name in GENERIC_FIELDS if not getattr(profile.rules, name)]
    if not unstated or all(getattr(reading, name) for name in unstated):
        return
    try:
        page = to_nfc(text)
        generic = read_generic(parse_html(page), url, page)
    except NoMainText:
        return
    filled = [name for name in unstated if not getattr(reading, name) and getattr(generic, name)]
    for name in filled:
        setattr(reading, name, getattr(generic, name))
    if "published" in filled:
        reading.published_source = generic.published_source
    if reading.published:
        reading.warnings = [w for w in reading.warnings if w != "no publication date found"]
    if filled:
        reading.warnings.append(GENERIC_FILLED + ", ".join(filled))


def _plain(text: str | None) -> str | None:
    """Text that may hold markup (a <title>, an escaped og:title) as plain text only."""
    if not text or "<" not in text:
        return text
    try:
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(re.sub(r"<[^>]*>", " ", text)) or None
    etree.strip_elements(fragment, *NEVER_TEXT, with_tail=False)
    return clean_text(fragment.text_content()) or None


def _body_html(reading: Reading, lines: list[str]) -> str:
    """The body as sanitized HTML, without the lines the shared rules took out of the text."""
    if reading.render_body is None:
        return reading.body_html or paragraphs_html(lines)
    # Both are clean_text's lines, whitespace already collapsed: compared as they are.
    return reading.render_body(frozenset(reading.lines).difference(lines))


def finish_article(reading: Reading, url: str, profile: Profile | None, path: str) -> Article:
    """The Article of a Reading, after the shared Vietnamese rules (repeated title, trailing
    widgets, closing byline)."""
    lines = drop_repeated_title(cut_trailing_widgets(reading.lines), reading.title)
    # A bare name closing the text is a Vietnamese portal's byline ("Ngọc Hiếu"); elsewhere it
    # is as likely the text's own sign-off ("Euer Hans"), which stays text.
    vietnamese = path != "generic" or guess_language(" ".join(lines[:5])) == "vi"
    lines, byline = split_byline(lines, bare_names=vietnamese)
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
        published_source=_published_source(reading, path),
    )


def _published_source(reading: Reading, path: str) -> str | None:
    if reading.published is None:
        return None
    return reading.published_source or path
