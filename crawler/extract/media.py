"""Pictures and attached files of an article: absolute URLs, captions, file names and types."""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from w3lib.url import safe_url_string

from crawler.extract.text import clean_text

# File types researchers follow from government articles.
DOCUMENT_TYPES = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rar", "zip", "odt"}
)
_TYPE_SUFFIXES = tuple(f".{kind}" for kind in DOCUMENT_TYPES)
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


# A page names most of its pictures and links twice (found, then made absolute in body_html).
@lru_cache(maxsize=1024)
def absolute(href: str, base_url: str) -> str:
    """`href` resolved against the page and percent-encoded as a browser sends it."""
    if not href.isascii():  # one spelling of each letter before it is percent-encoded
        href = unicodedata.normalize("NFC", href)
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


def file_link(href: str | None, base_url: str) -> tuple[str, str] | None:
    """The absolute URL and document type of a link to a document, None for other links."""
    if not href or href.lstrip().lower().startswith(("javascript:", "mailto:", "#")):
        return None
    # No ".pdf" (or other type) in the link or the page's URL, and nothing percent-encoded
    # that could hide one: not a document, whatever resolving the link would give.
    named = f"{href} {base_url}".lower()
    if "%" not in named and not any(suffix in named for suffix in _TYPE_SUFFIXES):
        return None
    try:
        url = absolute(href, base_url)
    except ValueError:  # an href no URL parser accepts ("http://host:port x") is no file
        return None
    kind = file_type(url)
    return (url, kind) if kind is not None else None


def named_attachment(url: str, kind: str, link_text: str) -> Attachment:
    """The attachment, named by its link text unless that says only "download"."""
    named = link_text and link_text.lower() not in _GENERIC_LINK_TEXT
    return Attachment(url, link_text if named else _file_name(url), kind)


def find_attachments(roots: list[etree._Element], base_url: str) -> list[Attachment]:
    """Links to documents (PDF, Word, Excel…) inside the given elements, in order, once each."""
    found: dict[str, Attachment] = {}
    for root in roots:
        for link in root.iter("a"):
            if (linked := file_link(link.get("href"), base_url)) is None or linked[0] in found:
                continue
            text = clean_text(link.text or "") or clean_text(link.text_content())
            found[linked[0]] = named_attachment(*linked, text)
    return list(found.values())


# A caption paragraph right after the picture's own paragraph (SharePoint, Liferay): the
# paragraph holds only emphasis, and the picture's paragraph stops below one of these.
CAPTION_EMPHASIS = frozenset({"em", "i"})
PICTURE_BLOCKS = frozenset({"div", "td", "body"})


def picture_url(src: str | None, base_url: str) -> str | None:
    """The absolute URL of a picture's source; None for none, inline data or an unparseable one."""
    if not src or src.startswith("data:"):
        return None
    try:
        return absolute(src, base_url)
    except ValueError:  # an unparseable src is no picture we can link to
        return None


def _caption_for(image: etree._Element) -> str | None:
    figure = next(image.iterancestors("figure"), None)
    if figure is not None:
        caption = next(figure.iter("figcaption"), None)
        return (clean_text(caption.text_content()) or None) if caption is not None else None
    holder = image
    while holder.getparent() is not None and holder.getparent().tag not in PICTURE_BLOCKS:
        holder = holder.getparent()
    following = holder.getnext()
    if following is not None and following.tag in {"p", "div"}:
        children = [c for c in following if isinstance(c.tag, str)]
        own = (following.text or "").strip()
        if children and not own and all(c.tag in CAPTION_EMPHASIS for c in children):
            return clean_text(following.text_content()) or None
    return None


def find_images(root: etree._Element, base_url: str) -> list[Image]:
    """Pictures inside `root` with their captions, in order, once each."""
    found: dict[str, Image] = {}
    for image in root.iter("img"):
        url = picture_url(image.get("src") or image.get("data-src"), base_url)
        if url is not None and url not in found:
            found[url] = Image(url, _caption_for(image))
    return list(found.values())
