"""The generic path: trafilatura finds the main text, Vietnamese-aware rules find the rest.

Used for sites without a profile and for profile sites whose layout no longer matches. It may
rely only on what any page offers: the text, heading tags, dates near the title, and the
web's metadata standards (JSON-LD, Open Graph) — never on one site's class names.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json

from crawler.extract.author_paths import AUTHOR_PATHS, NOT_AUTHOR
from crawler.extract.boilerplate import (
    SAPO_PREFIX,
    cut_trailing_widgets,
    is_credit_line,
    is_toolbar_line,
)
from crawler.extract.bylines import parse_byline, parse_header_byline, strip_byline_prefix
from crawler.extract.cleanup import clean_for_main_text
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.legal import strip_document_frame
from crawler.extract.media import Attachment, Image, find_attachments, find_images
from crawler.extract.pubdate import find_published, header_date
from crawler.extract.structured import is_name, page_metadata
from crawler.extract.text import blocks, clean_text, guess_language, paragraphs

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_MAX_WORDS = 60
_LOOK_BACK = 12  # blocks between the title and the start of the main text, at most
_THIN_TEXT_LINES = 3  # main text this short (title included) is worth a second look
_RECALL_MIN_WORDS = 10  # what a second look must add, at least
_DATE_LOOK_BACK = 8  # blocks before the title where a date may stand (date and toolbar first)
_NAMED_SHARE = 0.8  # of a heading's words the stated title must hold for it to be the title
_WORD = re.compile(r"\w+")
_DEK_MIN_WORDS = 5
_META_MAX_WORDS = 12  # date, byline and share lines under a title are this short
_CAPTION_MAX_WORDS = 40  # a figcaption longer than this is text set beside a picture
_TEXT_PARTS = frozenset({"p", "div", "ul", "ol"})
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:»]\s+")
_AUTHOR_MAX_CHARS = 120
_DATE_ONLY = re.compile(r"^[\W\d]*\d{1,2}/\d{1,2}/\d{4}[\W\d]*$")


class NoMainText(ValueError):
    """trafilatura found no main text on the page."""


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
            return text if long_enough and not _is_header_line(text) else None
        if len(text.split()) > _META_MAX_WORDS:
            return None  # a paragraph: the text has begun
    return None


def _word_set(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _is_named(heading: str, named: set[str]) -> bool:
    words = _word_set(heading)
    return bool(words) and len(words & named) >= _NAMED_SHARE * len(words)


def _is_header_line(line: str) -> bool:
    """A date, meta or toolbar line (as text or as a "- " list item) that precedes an article:
    "10/11/2021", "18/10/2021 16:40 Lượt xem: 5.028", "Xem cỡ chữ A- A+", "«"."""
    bare = line.removeprefix("- ").removeprefix("• ")
    if len(bare) <= 2 or _DATE_ONLY.match(bare) or is_toolbar_line(bare):
        return True
    return len(bare.split()) <= 12 and parse_vn_datetime(bare) is not None


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


def _content_container(found: list, texts: list[str], body: list[str]) -> etree._Element | None:
    """The smallest element holding the first and the last body paragraphs."""
    if not body:
        return None
    first, last = _find(texts, body[0]), _find(texts, body[-1])
    if first is None or last is None:
        return None
    container, end = found[first][1], found[last][1]
    while container is not None and not _contains(container, end):
        container = container.getparent()
    return container


def _nearby_attachments(container: etree._Element | None, url: str) -> list[Attachment]:
    """File links in the text's container and the block right after it (an attachment list)."""
    if container is None:
        return []
    following = container.getnext()
    return find_attachments([container, *([following] if following is not None else [])], url)


def _closing_byline(found: list, texts: list[str], body: list[str]) -> list[str]:
    """A byline block right after the main text that the main-text finder left out."""
    if not body or parse_byline(body[-1]):
        return []
    end = _find(texts, body[-1])
    if end is None:
        return []
    for text, _ in found[end + 1 : end + 4]:
        # Only an explicit credit ("Theo …", "Nguồn: …", "Name – Unit"): a bare capitalised
        # phrase after the text is as likely a heading of the next widget.
        byline = parse_byline(text)
        if byline and byline.author_unit:
            return [text]
    return []


def _find(texts: list[str], line: str, start: int = 0) -> int | None:
    """Index of the block that holds `line` (trafilatura may join or trim a little)."""
    probe = line[:80]
    for index in range(start, len(texts)):
        text = texts[index]
        # A block may hold a little more or less than trafilatura's line, never a mere prefix
        # of it (a menu item "Thông báo" is not the title "Thông báo kết quả …").
        partial = len(text) >= 0.6 * len(line) and line.startswith(text)
        if text == line or text.startswith(probe) or partial:
            return index
    return None


def _trafilatura_lines(
    tree: etree._Element, url: str, favor_recall: bool, captions: set[str]
) -> list[str]:
    options: dict[str, Any] = {
        "url": url,
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "favor_recall": favor_recall,
    }
    main = trafilatura.extract(copy.deepcopy(tree), **options)
    if not main:
        # trafilatura's own HTML loader repairs some pages that our parsed tree keeps as they
        # are; give it the markup once more before concluding there is no main text.
        main = trafilatura.extract(lxml.html.tostring(tree, encoding="unicode"), **options)
    lines = [clean_text(line) for line in (main or "").splitlines()]
    # Captions and photo credits that trafilatura keeps as lines of their own are not text.
    return [line for line in lines if line and line not in captions and not is_credit_line(line)]


def _content(lines: list[str]) -> list[str]:
    return [line for line in cut_trailing_widgets(lines) if not _is_header_line(line)]


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _main_text_lines(tree: etree._Element, url: str, captions: set[str]) -> list[str]:
    """trafilatura's main text without `captions`, one cleaned line per paragraph (on a copy:
    it edits trees).

    When the default (balanced) setting keeps almost nothing but a title, the page gets a
    second pass that favours recall: short notices laid out in bare <div>s need it.
    """
    lines = _trafilatura_lines(tree, url, False, captions)
    content = _content(lines)
    if len(content) < _THIN_TEXT_LINES:
        recalled = _trafilatura_lines(tree, url, True, captions)
        found = _content(recalled)
        # The second pass must find more text, not the same text in more lines: a line or two
        # more of a few words are a widget heading or a share bar after the text.
        more = _words(found) - _words(content)
        if len(found) > len(content) and more >= max(_RECALL_MIN_WORDS, _words(content) // 2):
            return recalled
    return lines


def _clean_keeping_captions(
    tree: etree._Element,
) -> tuple[etree._Element, dict[str, str], set[str]]:
    """Clean `tree` in place (captions and document properties out), and return a copy for
    trafilatura without the properties but with the captions, the properties, and the lines
    of the captions.

    Captions leave trafilatura's lines, not the tree it reads: a gallery whose caption is gone
    looks empty, and trafilatura may then pass over the article text beside it.
    """
    for caption in tree.iter("figcaption"):
        # Paragraphs of text beside a picture (slideshows, galleries) are article text.
        parts = sum(1 for child in caption if child.tag in _TEXT_PARTS)
        if parts >= 2 or len(caption.text_content().split()) > _CAPTION_MAX_WORDS:
            caption.tag = "div"
    candidates = list(tree.iter("figcaption", "p", "div"))
    tables = list(tree.iter("table"))
    reading = copy.deepcopy(tree)
    properties = clean_for_main_text(tree)
    if dropped := [i for i, table in enumerate(tables) if table.getparent() is None]:
        copies = list(reading.iter("table"))
        for index in dropped:
            copies[index].drop_tree()
    captions: set[str] = set()
    for element in candidates:
        if element.getparent() is None:  # dropped by the clean-up
            captions.add(clean_text(element.text_content()))
            captions.update(paragraphs(element))
    return reading, properties, captions


def read_generic(tree: etree._Element, url: str, html: str | None = None) -> Reading:
    """Title, date, summary and body lines of any article page (`tree` is cleaned in place;
    `html`, the page as fetched, is what htmldate reads when no other source dates it)."""
    metadata = page_metadata(tree)
    reading, properties, captions = _clean_keeping_captions(tree)
    lines = _main_text_lines(reading, url, captions)
    if not lines:
        raise NoMainText("no main text found on the page")
    body_element = tree.find("body")
    found = blocks(body_element if body_element is not None else tree)
    texts = [text for text, _ in found]

    # Where the main text starts, past any date or toolbar line that precedes the title.
    lead = next((ln for ln in lines if not _is_header_line(ln)), lines[0])
    first = _find(texts, lead)
    headline = metadata.get("headline")
    stated = headline or tree.findtext(".//title") or ""
    title_index = _title_index(found, first, stated, clean_text(headline or ""))
    if title_index is None and headline:
        title_index = _find(texts, clean_text(headline))
    title = texts[title_index] if title_index is not None else clean_text(headline or "") or None
    if title is None:
        title = _title_element(clean_text(tree.findtext(".//title") or ""), texts)

    # Lines before the body proper: the title again, the date, a toolbar, the sapo.
    summary: str | None = None
    body = list(lines)
    while body and (body[0] == title or _is_header_line(body[0]) or SAPO_PREFIX.match(body[0])):
        if SAPO_PREFIX.match(body[0]):
            summary = SAPO_PREFIX.sub("", body[0])
        body.pop(0)
    after_title = title_index + 1 if title_index is not None else 0
    body_start = _find(texts, body[0], after_title) if body else None
    # A lead paragraph set wholly in bold right under the title, or standing outside the
    # container that holds the rest of the text, is the sapo.
    if summary is None and body_start is not None and len(body) > 2:
        following = [_find(texts, line, body_start + 1) for line in body[1:4]]
        elements = [found[i][1] for i in following if i is not None]
        lead = found[body_start][1]
        if _is_bold_lead(lead) or _outside_container(lead, elements):
            summary = body.pop(0)
            body_start = _find(texts, body[0], body_start + 1)
    if summary is None and title_index is not None and body_start is not None:
        summary = _dek(found[title_index + 1 : body_start])

    # The header zone: a few blocks before the title (dates and toolbars come first on some
    # templates) up to where the body starts. Dates inside the body are event dates.
    zone_start = max(0, (title_index if title_index is not None else first or 0) - _DATE_LOOK_BACK)
    zone_end = body_start if body_start is not None else zone_start + 8
    zone = texts[zone_start:zone_end]
    if summary is None:
        summary = next((SAPO_PREFIX.sub("", t) for t in zone if SAPO_PREFIX.match(t)), None)
    vietnamese = guess_language(" ".join(lines[:5])) == "vi"
    author = properties.get("author") or metadata.get("author") or _header_byline(zone, title)
    body = cut_trailing_widgets([line for line in body if line != summary])
    body, signer = strip_document_frame(body)
    body.extend(_closing_byline(found, texts, body))
    if summary and not any(line != summary for line in body):
        # A notice of one paragraph: what looked like its sapo is its whole text.
        body, summary = [summary], None
    container = _content_container(found, texts, body)
    heading = found[title_index][1] if title_index is not None else None
    region = _article_region(heading, container, body_element)
    published, source = None, None
    if "published" in properties:
        published = parse_vn_datetime(properties["published"])
        source = "properties" if published else None
    if published is None:
        split = (title_index - zone_start) if title_index is not None else len(zone)
        around = (zone[:split], zone[split + 1 :], title)
        published, source = find_published(metadata, header_date(*around), vietnamese, reading, url)
    warnings = [] if published else ["no publication date found"]
    if not author and not vietnamese:
        # Vietnamese portals credit the author in the closing line (read by finish_article).
        author = _marked_author(reading, region)
    return Reading(
        title=title,
        published=published,
        lines=body,
        images=find_images(container, url) if container is not None else [],
        attachments=_nearby_attachments(container, url),
        summary=summary or properties.get("summary"),
        author=properties.get("author") or signer or author,
        author_unit=properties.get("author_unit"),
        warnings=warnings,
        published_source=source,
    )


def _header_byline(zone: list[str], title: str | None) -> str | None:
    """A "By …" line between the title and the text."""
    names = (parse_header_byline(text) for text in zone if text != title)
    return next((name for name in names if name), None)


def _author_element(region: etree._Element) -> str | None:
    """The text of the first element of `region` marked as the author's (author_paths)."""
    for expression in AUTHOR_PATHS:
        for element in expression(region):
            if NOT_AUTHOR(element):
                continue
            text = " ".join(" ".join(element.itertext()).split())
            if 2 < len(text) < _AUTHOR_MAX_CHARS:
                return normalize_authors(None, text)
    return None


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


def _marked_author(tree: etree._Element, region: etree._Element | None) -> str | None:
    """The author as trafilatura reads it (its meta and JSON-LD conventions, then elements
    marked rel/class/itemprop "author" in the region holding title and text), without a
    leading "By"/"Post author"."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a handle, as trafilatura judges it
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reading may fail on odd data
        meta = extract_meta_json(tree, meta)
    name = meta.author
    if not name and region is not None:
        name = _author_element(region)
    name = strip_byline_prefix(name) if name else None
    return name if name and is_name(name) else None
