"""trafilatura's main text of a generic-path page: captions kept in the tree it reads and left
out of its lines, a second pass favouring recall for thin pages."""

from __future__ import annotations

import copy
import re
from itertools import islice
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from crawler.extract.boilerplate import cut_trailing_widgets, is_credit_line, is_toolbar_line
from crawler.extract.cleanup import caption_blocks, clean_for_main_text, drop_property_tables
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.text import clean_text, paragraphs

_THIN_TEXT_LINES = 3  # main text this short (title included) is worth a second look
_RECALL_MIN_WORDS = 10  # what a second look must add, at least
_CAPTION_MAX_WORDS = 40  # a figcaption longer than this is text set beside a picture
_TEXT_PARTS = frozenset({"p", "div", "ul", "ol"})
_DATE_ONLY = re.compile(r"^[\W\d]*\d{1,2}/\d{1,2}/\d{4}[\W\d]*$")


def is_header_line(line: str) -> bool:
    """A date, meta or toolbar line (as text or as a "- " list item) that precedes an article:
    "10/11/2021", "18/10/2021 16:40 Lượt xem: 5.028", "Xem cỡ chữ A- A+", "«"."""
    bare = line.removeprefix("- ").removeprefix("• ")
    if len(bare) <= 2 or _DATE_ONLY.match(bare) or is_toolbar_line(bare):
        return True
    return len(bare.split()) <= 12 and parse_vn_datetime(bare) is not None


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
    # trafilatura copies a tree it is given before editing it (trafilatura.core.bare_extraction).
    main = trafilatura.extract(tree, **options)
    if not main:
        # trafilatura's own HTML loader repairs some pages that our parsed tree keeps as they
        # are; give it the markup once more before concluding there is no main text.
        main = trafilatura.extract(lxml.html.tostring(tree, encoding="unicode"), **options)
    lines = [clean_text(line) for line in (main or "").splitlines()]
    # Captions and photo credits that trafilatura keeps as lines of their own are not text.
    return [line for line in lines if line and line not in captions and not is_credit_line(line)]


def _content(lines: list[str], at_most: int | None = None) -> list[str]:
    """The lines that are text, not a header or a trailing widget: the first `at_most`."""
    content = (line for line in cut_trailing_widgets(lines) if not is_header_line(line))
    return list(islice(content, at_most))


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def main_text_lines(tree: etree._Element, url: str, captions: set[str]) -> list[str]:
    """trafilatura's main text without `captions`, one cleaned line per paragraph.

    When the default (balanced) setting keeps almost nothing but a title, the page gets a
    second pass that favours recall: short notices laid out in bare <div>s need it.
    """
    lines = _trafilatura_lines(tree, url, False, captions)
    # Whether the text is thin: counted no further than that (is_header_line parses dates).
    content = _content(lines, at_most=_THIN_TEXT_LINES)
    if len(content) < _THIN_TEXT_LINES:
        recalled = _trafilatura_lines(tree, url, True, captions)
        found = _content(recalled)
        # The second pass must find more text, not the same text in more lines: a line or two
        # more of a few words are a widget heading or a share bar after the text.
        more = _words(found) - _words(content)
        if len(found) > len(content) and more >= max(_RECALL_MIN_WORDS, _words(content) // 2):
            return recalled
    return lines


def clean_keeping_captions(
    tree: etree._Element,
) -> tuple[etree._Element, dict[str, str], set[str]]:
    """Clean `tree` in place (captions and document properties out), and return the tree for
    trafilatura, without the properties but with the captions (a copy when there are captions),
    the properties, and the lines of the captions.

    Captions leave trafilatura's lines, not the tree it reads: a gallery whose caption is gone
    looks empty, and trafilatura may then pass over the article text beside it.
    """
    for caption in tree.iter("figcaption"):
        # Paragraphs of text beside a picture (slideshows, galleries) are article text.
        parts = sum(1 for child in caption if child.tag in _TEXT_PARTS)
        if parts >= 2 or len(caption.text_content().split()) > _CAPTION_MAX_WORDS:
            caption.tag = "div"
    if next(tree.iter("figcaption"), None) is None and not caption_blocks(tree):
        # No caption to keep (most pages): the cleaned tree is trafilatura's, which copies a
        # tree it is given, so no copy is made here.
        return tree, drop_property_tables(tree), set()
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
