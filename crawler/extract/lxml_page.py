"""The generic path's page: an lxml tree, scripts and styles removed, too-deep pages refused."""

from __future__ import annotations

import contextlib
import re

import lxml.html
from lxml import etree

from crawler.extract.errors import ExtractionError

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# libxml2 discards everything after a stray </html> in mid-page; the closing tags of html and
# body carry no information, so they are dropped before libxml2 sees the page.
_END_TAGS = re.compile(r"</\s*(?:html|body)\s*>", re.IGNORECASE)
_STRUCTURED_SCRIPTS = frozenset({"application/ld+json", "application/json"})
NEVER_TEXT = ("script", "style", "noscript", "template", "noembed", "noframes")
# A <noscript> holding paragraphs or this many words is page text, not a script fallback.
NOSCRIPT_TEXT_WORDS = 50
# <plaintext> and <xmp> make parsers read the rest of the page as literal text, markup
# included; no article needs them, so the tags go before parsing.
RAW_TEXT_TAGS = re.compile(r"</?\s*(?:plaintext|xmp)\b[^>]*>", re.IGNORECASE)
# lxml stops at 256 levels of nesting and silently drops the rest; huge_tree lifts the limit
# to libxml2's 2048, past which the page is refused rather than read in part.
# Every element an HtmlElement, chosen in C. lxml.html's own lookup (FormElement,
# InputElement…) calls Python for every element any walk touches: ~1,200 calls a page on
# the dev set, 8% of the generic path's time. Nothing here or in trafilatura uses the
# form classes.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
_PARSER = etree.HTMLParser(huge_tree=True)
_PARSER.set_element_class_lookup(_LOOKUP)
# The page as UTF-8 bytes: libxml2 reads a str as UTF-16 or UCS-4 and converts it, which costs
# more than encoding it here (≈ 0.1 ms a dev-set page; the same tree on all 2,610 pages of the
# output check). A str that UTF-8 cannot hold (a lone surrogate) is parsed as it is.
_UTF8_PARSER = etree.HTMLParser(huge_tree=True, encoding="utf-8")
_UTF8_PARSER.set_element_class_lookup(_LOOKUP)


def parse_html(text: str) -> etree._Element:
    """An lxml tree of the page, scripts and styles removed; ExtractionError if there is none."""
    text = RAW_TEXT_TAGS.sub("", _XML_DECLARATION.sub("", _END_TAGS.sub("", text), count=1))
    if not text.strip():
        raise ExtractionError("empty page")
    page: str | bytes = text
    parser = _PARSER
    with contextlib.suppress(UnicodeEncodeError):
        page, parser = text.encode("utf-8"), _UTF8_PARSER
    try:
        tree = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"unparseable HTML: {error}") from error
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        raise ExtractionError("unparseable HTML: elements nested deeper than 2048 levels")
    # JSON-LD stays: it states the headline, dates and author in a web standard; so do JSON data
    # islands, where script-built pages keep their publication date for htmldate to find.
    structured = [
        script for script in tree.iter("script") if script.get("type") in _STRUCTURED_SCRIPTS
    ]
    for script in structured:
        script.tag = "jsonld"
    # A <noscript> left open swallows the rest of the page (the parser has nowhere to close
    # it); one that holds paragraphs or a text's worth of words is page text, not a fallback.
    for fallback in tree.iter("noscript"):
        words = len(fallback.text_content().split())
        if fallback.find(".//p") is not None or words >= NOSCRIPT_TEXT_WORDS:
            fallback.tag = "div"
    etree.strip_elements(tree, *NEVER_TEXT, etree.Comment, with_tail=False)
    for script in structured:
        script.tag = "script"
    return tree
