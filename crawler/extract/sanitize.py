"""body_html: the article body as safe HTML (nh3), with absolute links and image sources.

nh3 (ammonia) is a maintained allow-list sanitizer: no scripts, styles, event handlers or
non-http(s) URLs survive, whatever the page held.
"""

from __future__ import annotations

import contextlib
import copy
import html

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


def sanitize_html(fragment: str) -> str:
    """`fragment` reduced to the allowed tags and attributes, http(s) URLs only."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def element_html(element: etree._Element, base_url: str) -> str:
    """The sanitized HTML of an element's content, links and images made absolute."""
    element = copy.deepcopy(element)
    element.tail = None
    # Not an HtmlElement, or an unparseable base URL: links stay as they are, nh3 still
    # removes every unsafe one.
    with contextlib.suppress(AttributeError, ValueError):
        element.make_links_absolute(base_url, resolve_base_href=False, handle_failures="discard")
    return sanitize_html(lxml.html.tostring(element, encoding="unicode"))


def paragraphs_html(lines: list[str]) -> str:
    """Plain paragraphs as HTML, for bodies that exist only as text (the generic path)."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)
