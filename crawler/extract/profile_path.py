"""The profile path: a known portal's page read where its family's selectors say (lexbor)."""

from __future__ import annotations

from functools import partial

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.extract.css import select, select_first
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.errors import ExtractionError
from crawler.extract.generic import Reading
from crawler.extract.lxml_page import NEVER_TEXT, NOSCRIPT_TEXT_WORDS, RAW_TEXT_TAGS, parse_html
from crawler.extract.node_media import find_attachments, find_images
from crawler.extract.node_text import node_lines, node_text, plain_text
from crawler.extract.sanitize import node_html
from crawler.extract.selectors import PageRules, first_match
from crawler.extract.text import clean_text

# Never text, but for a <noscript>, which is decided on its own (below).
_REMOVED = ", ".join(NEVER_TEXT)
# Form controls hold no article text (the generic path keeps them: trafilatura weighs them).
_CONTROLS = "select, option, button, input, textarea"
# lexbor's tree builder walks the stack of open elements to check scope, so a page nested n
# deep costs time in n² (30,000 nested <div>s: 2 s). A page cannot nest deeper than it has
# tags: below this many it is parsed at once; above, libxml2 checks the depth first (it
# refuses past 2048 levels, as the generic path does).
_TAGS_WITHOUT_DEPTH_CHECK = 10_000


def parse_page(text: str) -> LexborHTMLParser:
    """A lexbor tree of the page without scripts, styles and script fallbacks."""
    if not text.strip():
        raise ExtractionError("empty page")
    if text.count("<") > _TAGS_WITHOUT_DEPTH_CHECK:
        parse_html(text)  # raises ExtractionError if nested too deep
    page = LexborHTMLParser(text)
    if select_first(_root(page), "plaintext, xmp") is not None:  # rare: checked after parsing
        page = LexborHTMLParser(RAW_TEXT_TAGS.sub("", text))
    for node in select(_root(page), _REMOVED):
        if node.tag != "noscript" or (
            select_first(node, "p") is None
            and len(node.text(separator=" ").split()) < NOSCRIPT_TEXT_WORDS
        ):
            node.decompose()
        else:
            node.unwrap()
    return page


def _root(page: LexborHTMLParser) -> LexborNode:
    """The page's <html> element (lexbor makes one for any text)."""
    if page.root is None:
        raise ExtractionError("empty page")
    return page.root


def read_with_profile(page: LexborHTMLParser, rules: PageRules, base_url: str) -> Reading | None:
    """The fields where the family's selectors say they are; None if the body is not there."""
    root = page.root
    if root is None:
        return None
    body = first_match(root, rules.body)
    if body is None:
        return None
    date_text = node_text(first_match(root, rules.published))
    published = parse_vn_datetime(date_text) if date_text else None
    title = node_text(first_match(root, rules.title))
    summary = node_text(first_match(root, rules.summary))
    updated_text = node_text(first_match(root, rules.updated))
    attachment_roots = [body, *(node for s in rules.attachments for node in select(root, s))]
    reading = Reading(
        title=clean_text(title) if title else None,
        published=published,
        lines=[],
        summary=clean_text(summary) if summary else None,
        author=node_text(first_match(root, rules.author)),
        author_unit=node_text(first_match(root, rules.author_unit)),
        warnings=[] if published else ["no publication date found"],
        updated=parse_vn_datetime(updated_text) if updated_text else None,
        category=clean_text(node_text(first_match(root, rules.category)) or "") or None,
        tags=[plain_text(tag) for s in rules.tags for tag in select(root, s)],
        images=find_images(body, base_url),
        attachments=find_attachments(attachment_roots, base_url),
    )
    for control in select(body, _CONTROLS):
        control.decompose()
    # The body's HTML is made once the shared rules know which lines the text leaves out;
    # it keeps what the drop rules take from the text (pictures and their captions).
    reading.render_body = partial(node_html, body.clone(), base_url)
    for selector in rules.drop:
        for unwanted in select(body, selector):
            if unwanted.mem_id != body.mem_id:
                unwanted.decompose()
    reading.lines = node_lines(body)
    return reading
