"""body_html: the article body as safe HTML (nh3), with absolute links and image sources.

nh3 (ammonia) is a maintained allow-list sanitizer: no scripts, styles, event handlers or
non-http(s) URLs survive, whatever the page held.
"""

from __future__ import annotations

import html
import re
import unicodedata

import nh3
from selectolax.lexbor import LexborNode

from crawler.extract.css import select, select_first
from crawler.extract.media import absolute
from crawler.extract.node_text import BREAK_MARK

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "img",
        "a",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "sub",
        "sup",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "div",
        "span",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
REMOVED_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "iframe", "object"})


# Built once: nh3.clean() builds its sanitizer anew on every call, which costs as much as
# cleaning a typical article body.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    url_schemes={"http", "https"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)
_URL_ATTRIBUTES = {"a": "href", "img": "src"}


def sanitize_html(fragment: str) -> str:
    """`fragment` reduced to the allowed tags and attributes, http(s) URLs only."""
    return _CLEANER.clean(fragment)


def _absolute_kept_links(node: LexborNode, base_url: str) -> None:
    """Make the links that sanitizing keeps (a href, img src) absolute and percent-encoded as
    a browser sends them; sanitizing drops the other URL attributes, so those stay."""
    for link in select(node, "a[href], img[src]"):
        name = _URL_ATTRIBUTES[link.tag or ""]  # always a or img: the query selects no other
        attributes = link.attrs
        value = attributes[name] or ""
        try:
            resolved = absolute(value, base_url)
        except ValueError:
            del attributes[name]
            continue
        if resolved != value:
            attributes[name] = resolved


# Blocks that hold a paragraph's text, and what makes a block more than its text.
_FIRST_WORD = re.compile(r"\s*(\S+)")
_TEXT_BLOCKS = "p, div, h1, h2, h3, h4, h5, h6, li, blockquote, center"
_NOT_TEXT_ONLY = f"{_TEXT_BLOCKS}, img, figure, table, ul, ol, video, audio, picture, a"


def _drop_blocks(node: LexborNode, texts: frozenset[str]) -> None:
    """Remove the text-only blocks that are empty or whose text is one of `texts` (lines
    the body text left out: a repeated title, the closing byline, trailing widgets)."""
    # A block whose first word starts none of `texts` is not one of them: most blocks are
    # kept on that test, without collapsing their whole text.
    first_words = {text.split(None, 1)[0] for text in texts if text}
    for block in select(node, _TEXT_BLOCKS):
        raw = block.text(deep=True, separator="")
        word = _FIRST_WORD.match(raw)
        if word and word[1] not in first_words:
            continue
        text = " ".join(raw.split())
        if text and text not in texts:
            continue
        # A query tests the node it starts from as well: ask each child instead.
        if block.mem_id == node.mem_id or any(
            select_first(child, _NOT_TEXT_ONLY) is not None for child in block.iter()
        ):
            continue
        block.decompose()


def node_html(node: LexborNode, base_url: str, drop_texts: frozenset[str]) -> str:
    """The sanitized HTML of a node that the caller owns (a clone: it is changed), links and
    images made absolute, empty blocks and blocks holding one of `drop_texts` left out."""
    _drop_blocks(node, drop_texts)
    _absolute_kept_links(node, base_url)
    # Fields read before the body was copied may have left break marks inside it.
    cleaned = sanitize_html((node.html or "").replace(BREAK_MARK, ""))
    # The profile path reads the page as it came; its text fields are NFC line by line.
    return cleaned if cleaned.isascii() else unicodedata.normalize("NFC", cleaned)


def paragraphs_html(lines: list[str]) -> str:
    """Plain paragraphs as HTML, for bodies that exist only as text (the generic path)."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)
