"""Pictures and attached files of an article: absolute URLs, captions, file names and types."""

from __future__ import annotations

import posixpath
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from w3lib.url import safe_url_string

from crawler.extract.text import clean_text

# File types researchers follow from government articles.
DOCUMENT_TYPES = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rar", "zip", "odt"}
)
_GENERIC_LINK_TEXT = frozenset({"tải về", "download", "xem", "tại đây", "đính kèm", "tệp đính kèm"})


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    caption: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Attachment:
    url: str
    name: str
    type: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def absolute(href: str, base_url: str) -> str:
    """`href` resolved against the page and percent-encoded as a browser sends it."""
    return safe_url_string(urljoin(base_url, href.strip()))


def file_type(url: str) -> str | None:
    """The document type named by the URL's file name ("…/x.pdf/uuid?t=" counts too)."""
    for segment in reversed(unquote(urlsplit(url).path).split("/")):
        extension = posixpath.splitext(segment)[1].lower().lstrip(".")
        if extension in DOCUMENT_TYPES:
            return extension
    return None


def _file_name(url: str) -> str:
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    named = [s for s in segments if posixpath.splitext(s)[1].lower().lstrip(".") in DOCUMENT_TYPES]
    return (named or segments or [url])[-1]


def find_attachments(roots: list[etree._Element], base_url: str) -> list[Attachment]:
    """Links to documents (PDF, Word, Excel…) inside the given elements, in order, once each."""
    found: dict[str, Attachment] = {}
    for root in roots:
        for link in root.iter("a"):
            href = link.get("href")
            if not href or href.lstrip().lower().startswith(("javascript:", "mailto:", "#")):
                continue
            try:
                url = absolute(href, base_url)
            except ValueError:  # an href no URL parser accepts ("http://host:port x") is no file
                continue
            kind = file_type(url)
            if kind is None or url in found:
                continue
            text = clean_text(link.text or "") or clean_text(link.text_content())
            name = text if text and text.lower() not in _GENERIC_LINK_TEXT else _file_name(url)
            found[url] = Attachment(url, name, kind)
    return list(found.values())


def _caption_for(image: etree._Element) -> str | None:
    figure = next(image.iterancestors("figure"), None)
    if figure is not None:
        caption = next(figure.iter("figcaption"), None)
        return (clean_text(caption.text_content()) or None) if caption is not None else None
    # A caption paragraph right after the picture's own paragraph (SharePoint, Liferay).
    holder = image
    while holder.getparent() is not None and holder.getparent().tag not in {"div", "td", "body"}:
        holder = holder.getparent()
    following = holder.getnext()
    if following is not None and following.tag in {"p", "div"}:
        children = [c for c in following if isinstance(c.tag, str)]
        own = (following.text or "").strip()
        if children and not own and all(c.tag in {"em", "i"} for c in children):
            return clean_text(following.text_content()) or None
    return None


def find_images(root: etree._Element, base_url: str) -> list[Image]:
    """Pictures inside `root` with their captions, in order, once each."""
    found: dict[str, Image] = {}
    for image in root.iter("img"):
        src = image.get("src") or image.get("data-src")
        if not src or src.startswith("data:"):
            continue
        try:
            url = absolute(src, base_url)
        except ValueError:  # an unparseable src is no picture we can link to
            continue
        found.setdefault(url, Image(url, _caption_for(image)))
    return list(found.values())
