"""Pictures and attached files inside lexbor nodes (the profile path's), as media.py reads lxml."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from crawler.extract.css import select, select_first
from crawler.extract.media import (
    CAPTION_EMPHASIS,
    PICTURE_BLOCKS,
    Attachment,
    Image,
    file_link,
    named_attachment,
    picture_url,
)
from crawler.extract.node_text import plain_text
from crawler.extract.text import clean_text


def _next_element(node: LexborNode) -> LexborNode | None:
    following = node.next
    while following is not None and not following.is_element_node:
        following = following.next
    return following


def _leading_text(node: LexborNode) -> str:
    """The text before the node's first child element (lxml's `.text`)."""
    parts = []
    child = node.first_child
    while child is not None and not child.is_element_node:
        if child.is_text_node:
            parts.append(child.text_content or "")
        child = child.next
    return "".join(parts)


def _children(node: LexborNode) -> list[LexborNode]:
    return list(node.iter())


def _ancestor(node: LexborNode, tag: str) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != tag:
        parent = parent.parent
    return parent


def _caption_for(image: LexborNode) -> str | None:
    figure = _ancestor(image, "figure")
    if figure is not None:
        caption = select_first(figure, "figcaption")
        return (plain_text(caption) or None) if caption is not None else None
    holder = image
    while holder.parent is not None and holder.parent.tag not in PICTURE_BLOCKS:
        holder = holder.parent
    following = _next_element(holder)
    if following is not None and following.tag in {"p", "div"}:
        children = _children(following)
        if (
            children
            and not _leading_text(following).strip()
            and all(child.tag in CAPTION_EMPHASIS for child in children)
        ):
            return plain_text(following) or None
    return None


def find_images(root: LexborNode, base_url: str) -> list[Image]:
    """Pictures inside `root` with their captions, in order, once each."""
    found: dict[str, Image] = {}
    for image in select(root, "img"):
        attributes = image.attrs
        url = picture_url(attributes.get("src") or attributes.get("data-src"), base_url)
        if url is not None and url not in found:
            found[url] = Image(url, _caption_for(image))
    return list(found.values())


def find_attachments(roots: list[LexborNode], base_url: str) -> list[Attachment]:
    """Links to documents (PDF, Word, Excel…) inside the given nodes, in order, once each."""
    found: dict[str, Attachment] = {}
    for root in roots:
        for link in select(root, "a"):
            linked = file_link(link.attrs.get("href"), base_url)
            if linked is None or linked[0] in found:
                continue
            text = clean_text(_leading_text(link)) or plain_text(link)
            found[linked[0]] = named_attachment(*linked, text)
    return list(found.values())
