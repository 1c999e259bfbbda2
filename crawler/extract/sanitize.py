"""body_html: the article body as safe HTML (nh3), with absolute links and image sources.

nh3 (ammonia) is a maintained allow-list sanitizer: no scripts, styles, event handlers or
non-http(s) URLs survive, whatever the page held.
"""

from __future__ import annotations

import contextlib
import copy
import html
from urllib.parse import urljoin

import lxml.html
import nh3
from lxml import etree

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "caption",
     "figure", "figcaption", "img", "a", "strong", "b", "em", "i", "u", "sub", "sup",
     "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "span"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "td": {"colspan", "rowspan"},
                      "th": {"colspan", "rowspan"}}  # fmt: skip
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
# Elements whose links lxml's make_links_absolute() treats specially (a <base href> it applies
# and removes, <object> codebases, <param> values), and what makes it give up part way.
_LINK_SPECIAL = ("base", "object", "param")
_URL_ATTRIBUTES = {"a": "href", "img": "src"}


def sanitize_html(fragment: str) -> str:
    """`fragment` reduced to the allowed tags and attributes, http(s) URLs only."""
    return _CLEANER.clean(fragment)


def _absolute_kept_links(element: etree._Element, base_url: str) -> bool:
    """Make the links that sanitizing keeps (a href, img src) absolute, as make_links_absolute
    would; False, untouched, where it could do more than that (then it has to run)."""
    if not isinstance(element, lxml.html.HtmlMixin):
        return False
    # A base URL that an attribute cannot hold would make lxml refuse a link half way.
    if not (base_url.isascii() and base_url.isprintable()):
        return False
    if next(element.iter(*_LINK_SPECIAL), None) is not None:
        return False
    for link in element.iter(*_URL_ATTRIBUTES):
        name = _URL_ATTRIBUTES[link.tag]
        value = link.get(name)
        if value is None:
            continue
        try:
            absolute = urljoin(base_url, value.strip())
        except ValueError:
            del link.attrib[name]
            continue
        if absolute != value:
            link.set(name, absolute)
    return True


# Blocks that hold a paragraph's text, and what makes a block more than its text.
_TEXT_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "center")
_NOT_TEXT_ONLY = frozenset(
    {*_TEXT_BLOCKS, "img", "figure", "table", "ul", "ol", "video", "audio", "picture", "a"}
)


def _drop_blocks(element: etree._Element, texts: frozenset[str]) -> None:
    """Remove the text-only blocks that are empty or whose text is one of `texts` (lines
    the body text left out: a repeated title, the closing byline, trailing widgets)."""
    for block in list(element.iter(*_TEXT_BLOCKS)):
        text = " ".join(block.text_content().split())
        if text and text not in texts:  # most blocks: kept, decided by their text alone
            continue
        if block is element or next(block.iterdescendants(*_NOT_TEXT_ONLY), None) is not None:
            continue
        block.drop_tree()


def element_html(
    element: etree._Element,
    base_url: str,
    drop_texts: frozenset[str] | None = None,
    *,
    owned: bool = False,
) -> str:
    """The sanitized HTML of an element's content, links and images made absolute; with
    `drop_texts`, empty blocks and blocks holding one of those texts are left out. The element
    is copied first unless the caller `owned` it (a copy of its own, free to change)."""
    if not owned:
        element = copy.deepcopy(element)
    element.tail = None
    if drop_texts is not None:
        _drop_blocks(element, drop_texts)
    # Sanitizing drops every other attribute that make_links_absolute() rewrites; its walk
    # over all of them (in Python) cost ~55 µs a page, four times this one.
    if not _absolute_kept_links(element, base_url):
        # Not an HtmlElement, or an unparseable base URL: links stay as they are, nh3 still
        # removes every unsafe one.
        with contextlib.suppress(AttributeError, ValueError):
            element.make_links_absolute(
                base_url, resolve_base_href=False, handle_failures="discard"
            )
    return sanitize_html(lxml.html.tostring(element, encoding="unicode"))


def paragraphs_html(lines: list[str]) -> str:
    """Plain paragraphs as HTML, for bodies that exist only as text (the generic path)."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)
