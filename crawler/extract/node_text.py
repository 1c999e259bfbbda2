"""A lexbor node's text as reading-order paragraphs of clean NFC text (the profile path's)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from crawler.extract.css import select
from crawler.extract.text import BLOCK_TAGS, clean_text

# Where a paragraph ends: at a block element's start and end, and at <br>.
_BREAKS = ", ".join(sorted(BLOCK_TAGS | {"br"}))
# Put where paragraphs break, lexbor then joins the text of the whole node in C and one split
# finds the paragraphs. A C0 control that pages practically never hold (one that did would
# only split its paragraph); HTML made from a marked node must drop it.
BREAK_MARK = "\x1f"


def node_lines(node: LexborNode) -> list[str]:
    """The node's paragraphs, split at block elements and <br> as `text.paragraphs` splits
    an lxml element's. Leaves BREAK_MARK text at the node's breaks."""
    for element in select(node, _BREAKS):
        element.insert_before(BREAK_MARK)
        if element.tag != "br":
            element.insert_after(BREAK_MARK)
    text = node.text(deep=True, separator="")
    if BREAK_MARK not in text:
        return [line] if (line := clean_text(text)) else []
    parts = (part for part in text.split(BREAK_MARK) if not part.isspace())
    return [line for part in parts if (line := clean_text(part))]


def node_text(node: LexborNode | None) -> str | None:
    """The node's paragraphs on separate lines, None when it has none."""
    if node is None:
        return None
    child = node.first_child
    if child is not None and child.next is None and child.is_text_node:  # a title, a date
        return clean_text(child.text_content or "") or None
    return "\n".join(node_lines(node)) or None


def plain_text(node: LexborNode) -> str:
    """All the node's text, clean, on one line."""
    return clean_text(node.text(deep=True, separator=""))
