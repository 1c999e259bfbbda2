"""The generic path: trafilatura finds the main text, Vietnamese-aware rules find the rest.

Used for sites without a profile and for profile sites whose layout no longer matches. It may
rely only on what any page offers: the text, heading tags, dates near the title, and the
web's metadata standards (JSON-LD, Open Graph) — never on one site's class names.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml import etree

from crawler.extract.boilerplate import SAPO_PREFIX, cut_trailing_widgets
from crawler.extract.bylines import parse_byline
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.generic_author import header_byline, marked_author
from crawler.extract.legal import strip_document_frame
from crawler.extract.main_text import clean_keeping_captions, is_header_line, main_text_lines
from crawler.extract.media import Attachment, Image, find_attachments, find_images
from crawler.extract.pubdate import dateline, find_published, header_date
from crawler.extract.structured import page_metadata
from crawler.extract.text import clean_text, guess_language, iter_blocks

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_MAX_WORDS = 60
_LOOK_BACK = 12  # blocks between the title and the start of the main text, at most
_DATE_LOOK_BACK = 8  # blocks before the title where a date may stand (date and toolbar first)
_NAMED_SHARE = 0.8  # of a heading's words the stated title must hold for it to be the title
_WORD = re.compile(r"\w+")
_DEK_MIN_WORDS = 5
_META_MAX_WORDS = 12  # date, byline and share lines under a title are this short
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:»]\s+")


class NoMainText(ValueError):
    """trafilatura found no main text on the page."""


class _Blocks:
    """The page's text blocks (text.iter_blocks), read from the page as far as asked for.

    The searches below stop a few blocks after the article's text: what follows it (footers,
    link lists, a third of a dev-set page's blocks) is read only when a search finds nothing.
    """

    def __init__(self, root: etree._Element) -> None:
        self._unread = iter_blocks(root)
        self.found: list[tuple[str, etree._Element]] = []
        self.texts: list[str] = []

    def has(self, index: int) -> bool:
        """Whether there is a block `index`, reading the page up to it."""
        while len(self.found) <= index:
            block = next(self._unread, None)
            if block is None:
                return False
            self.found.append(block)
            self.texts.append(block[0])
        return True

    def all_texts(self) -> list[str]:
        self.has(sys.maxsize)
        return self.texts


@dataclass
class Reading:
    """What a path read off a page, before the shared Vietnamese rules tidy the body."""

    title: str | None
    published: date | datetime | None
    lines: list[str]
    published_source: str | None = None  # which source gave the date (docs/schema.md)
    summary: str | None = None
    author: str | None = None  # a byline to parse, or the author when author_unit is given
    author_unit: str | None = None  # stated by the page on its own (e.g. a document's issuer)
    warnings: list[str] = field(default_factory=list)
    updated: date | datetime | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    body_html: str | None = None
    # The profile path's body HTML, made once the shared rules have run: given the lines
    # they left out of the text, it leaves them out too.
    render_body: Callable[[frozenset[str]], str] | None = None


def _is_title_block(text: str, element: etree._Element) -> bool:
    words = len(text.split())
    return (
        element.tag in HEADINGS and 2 <= words <= _TITLE_MAX_WORDS and not SAPO_PREFIX.match(text)
    )


def _title_index(found: list, first: int | None, stated: str, headline: str) -> int | None:
    """The heading that titles the text starting at block `first`: the nearest one before it
    that the page's stated title (og:title, JSON-LD headline, <title>) names; else a heading
    further up that reads as the headline; else the nearest.

    Widget headings ("Related articles") and a sapo set in <h2> stand nearer to the text than
    the title on many templates; the stated title tells them apart.
    """
    if first is None:
        return None
    window = range(first, max(-1, first - _LOOK_BACK), -1)
    headings = [i for i in window if _is_title_block(*found[i])]
    named = _word_set(stated)
    if (near := next((i for i in headings if _is_named(found[i][0], named)), None)) is not None:
        return near
    wanted = headline.casefold()
    far = (i for i in range(first, -1, -1) if found[i][1].tag in HEADINGS)
    match = next((i for i in far if found[i][0].casefold() == wanted), None) if wanted else None
    if match is not None:
        return match
    return headings[0] if headings else None


def _title_element(title: str, texts: list[str]) -> str | None:
    """The article's part of a <title> ("Headline - Site name"): the part that the page also
    shows as a block of its own (a title set in a <span>), else the whole <title>."""
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title)]
    if len(parts) > 1:
        shown = set(texts)
        return max((part for part in parts if part in shown), key=len, default=title) or None
    return title or None


def _dek(following: list) -> str | None:
    """A sentence set as a heading under the title, past its date and byline lines: many
    templates' sapo."""
    for text, element in following:
        if element.tag in HEADINGS:
            # A label ("Lesen Sie auch:") or a short widget heading is not a sapo.
            long_enough = len(text.split()) >= _DEK_MIN_WORDS and not text.endswith(":")
            return text if long_enough and not is_header_line(text) else None
        if len(text.split()) > _META_MAX_WORDS:
            return None  # a paragraph: the text has begun
    return None


def _word_set(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _is_named(heading: str, named: set[str]) -> bool:
    words = _word_set(heading)
    return bool(words) and len(words & named) >= _NAMED_SHARE * len(words)


def _is_bold_lead(element: etree._Element) -> bool:
    """All of the block's text sits inside <strong>/<b>, and there are at least 15 words."""
    if (element.text or "").strip() or len(element.text_content().split()) < 15:
        return False
    children = [child for child in element if isinstance(child.tag, str)]
    return bool(children) and all(
        child.tag in {"strong", "b"} and not (child.tail or "").strip() for child in children
    )


def _outside_container(lead: etree._Element, rest: list[etree._Element]) -> bool:
    """Whether `lead` lies outside the smallest element holding all of `rest`."""
    if len(rest) < 2:
        return False
    container = rest[0]
    for element in rest[1:]:
        while container is not None and not _contains(container, element):
            container = container.getparent()
    return container is not None and container.tag != "body" and not _contains(container, lead)


def _contains(ancestor: etree._Element, element: etree._Element) -> bool:
    return element is ancestor or any(a is ancestor for a in element.iterancestors())


def _content_container(page: _Blocks, body: list[str]) -> etree._Element | None:
    """The smallest element holding the first and the last body paragraphs."""
    if not body:
        return None
    first, last = _find(page, body[0]), _find(page, body[-1])
    if first is None or last is None:
        return None
    container, end = page.found[first][1], page.found[last][1]
    while container is not None and not _contains(container, end):
        container = container.getparent()
    return container


def _nearby_attachments(container: etree._Element | None, url: str) -> list[Attachment]:
    """File links in the text's container and the block right after it (an attachment list)."""
    if container is None:
        return []
    following = container.getnext()
    return find_attachments([container, *([following] if following is not None else [])], url)


def _closing_byline(page: _Blocks, body: list[str]) -> list[str]:
    """A byline block right after the main text that the main-text finder left out."""
    if not body or parse_byline(body[-1]):
        return []
    end = _find(page, body[-1])
    if end is None:
        return []
    page.has(end + 3)
    for text, _ in page.found[end + 1 : end + 4]:
        # Only an explicit credit ("Theo …", "Nguồn: …", "Name – Unit"): a bare capitalised
        # phrase after the text is as likely a heading of the next widget.
        byline = parse_byline(text)
        if byline and byline.author_unit:
            return [text]
    return []


def _find(page: _Blocks, line: str, start: int = 0) -> int | None:
    """Index of the block that holds `line` (trafilatura may join or trim a little)."""
    probe = line[:80]
    index = start - 1
    while page.has(index := index + 1):
        text = page.texts[index]
        # A block may hold a little more or less than trafilatura's line, never a mere prefix
        # of it (a menu item "Thông báo" is not the title "Thông báo kết quả …").
        partial = len(text) >= 0.6 * len(line) and line.startswith(text)
        if text == line or text.startswith(probe) or partial:
            return index
    return None


def read_generic(tree: etree._Element, url: str, html: str | None = None) -> Reading:
    """Title, date, summary and body lines of any article page (`tree` is cleaned in place;
    `html`, the page as fetched, is what htmldate reads when no other source dates it)."""
    metadata = page_metadata(tree)
    reading, properties, captions = clean_keeping_captions(tree)
    lines = main_text_lines(reading, url, captions)
    if not lines:
        raise NoMainText("no main text found on the page")
    body_element = tree.find("body")
    page = _Blocks(body_element if body_element is not None else tree)
    found, texts = page.found, page.texts  # the blocks read so far

    # Where the main text starts, past any date or toolbar line that precedes the title.
    lead = next((ln for ln in lines if not is_header_line(ln)), lines[0])
    first = _find(page, lead)
    headline = metadata.get("headline")
    stated = headline or tree.findtext(".//title") or ""
    title_index = _title_index(found, first, stated, clean_text(headline or ""))
    if title_index is None and headline:
        title_index = _find(page, clean_text(headline))
    title = texts[title_index] if title_index is not None else clean_text(headline or "") or None
    if title is None:
        title = _title_element(clean_text(tree.findtext(".//title") or ""), page.all_texts())

    # Lines before the body proper: the title again, the date, a toolbar, the sapo.
    summary: str | None = None
    body = list(lines)
    while body and (body[0] == title or is_header_line(body[0]) or SAPO_PREFIX.match(body[0])):
        if SAPO_PREFIX.match(body[0]):
            summary = SAPO_PREFIX.sub("", body[0])
        body.pop(0)
    after_title = title_index + 1 if title_index is not None else 0
    body_start = _find(page, body[0], after_title) if body else None
    # A lead paragraph set wholly in bold right under the title, or standing outside the
    # container that holds the rest of the text, is the sapo.
    if summary is None and body_start is not None and len(body) > 2:
        following = [_find(page, line, body_start + 1) for line in body[1:4]]
        elements = [found[i][1] for i in following if i is not None]
        lead = found[body_start][1]
        if _is_bold_lead(lead) or _outside_container(lead, elements):
            summary = body.pop(0)
            body_start = _find(page, body[0], body_start + 1)
    if summary is None and title_index is not None and body_start is not None:
        summary = _dek(found[title_index + 1 : body_start])

    # The header zone: a few blocks before the title (dates and toolbars come first on some
    # templates) up to where the body starts. Dates inside the body are event dates.
    zone_start = max(0, (title_index if title_index is not None else first or 0) - _DATE_LOOK_BACK)
    zone_end = body_start if body_start is not None else zone_start + 8
    page.has(zone_end - 1)
    zone = texts[zone_start:zone_end]
    if summary is None:
        summary = next((SAPO_PREFIX.sub("", t) for t in zone if SAPO_PREFIX.match(t)), None)
    vietnamese = guess_language(" ".join(lines[:5])) == "vi"
    author = properties.get("author") or metadata.get("author") or header_byline(zone, title)
    body = cut_trailing_widgets([line for line in body if line != summary])
    body, signer = strip_document_frame(body)
    body.extend(_closing_byline(page, body))
    if summary and not any(line != summary for line in body):
        # A notice of one paragraph: what looked like its sapo is its whole text.
        body, summary = [summary], None
    container = _content_container(page, body)
    heading = found[title_index][1] if title_index is not None else None
    region = _article_region(heading, container, body_element)
    if not author and not vietnamese:
        # Vietnamese portals credit the author in the closing line (read by finish_article).
        author = marked_author(reading, region)
    images = find_images(container, url) if container is not None else []
    attachments = _nearby_attachments(container, url)
    # Last: htmldate may clean the page's tree as it searches it.
    published, source = None, None
    if "published" in properties:
        published = parse_vn_datetime(properties["published"])
        source = "properties" if published else None
    if published is None:
        split = (title_index - zone_start) if title_index is not None else len(zone)
        around = (zone[:split], zone[split + 1 :], title)
        shown = None if vietnamese else dateline(*around)
        header = header_date(*around)
        found_date = find_published(metadata, header, vietnamese, reading, url, shown, edit=True)
        published, source = found_date
    warnings = [] if published else ["no publication date found"]
    return Reading(
        title=title,
        published=published,
        lines=body,
        images=images,
        attachments=attachments,
        summary=summary or properties.get("summary"),
        author=properties.get("author") or signer or author,
        author_unit=properties.get("author_unit"),
        warnings=warnings,
        published_source=source,
    )


def _article_region(
    heading: etree._Element | None, container: etree._Element | None, body: etree._Element | None
) -> etree._Element | None:
    """The smallest element holding the title and the text: where a byline stands."""
    if heading is None or container is None:
        return body
    region = container
    while region is not None and not _contains(region, heading):
        region = region.getparent()
    return region if region is not None else body
