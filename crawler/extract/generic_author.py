"""The generic path's author: a "By" line under the title, else trafilatura's conventions
(meta tags, JSON-LD, elements marked as the author's in the region holding title and text)."""

from __future__ import annotations

import contextlib

from lxml import etree
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json

from crawler.extract.author_paths import AUTHOR_TESTS, NOT_AUTHOR, marked_elements
from crawler.extract.bylines import parse_header_byline, strip_byline_prefix
from crawler.extract.structured import is_name

_AUTHOR_MAX_CHARS = 120


def header_byline(zone: list[str], title: str | None) -> str | None:
    """A "By …" line between the title and the text."""
    names = (parse_header_byline(text) for text in zone if text != title)
    return next((name for name in names if name), None)


def _author_element(region: etree._Element) -> str | None:
    """The text of the first element of `region` marked as the author's (author_paths)."""
    elements = marked_elements(region)
    for test in AUTHOR_TESTS:
        for element in elements:
            if not test(element) or NOT_AUTHOR(element):
                continue
            text = " ".join(" ".join(element.itertext()).split())
            if 2 < len(text) < _AUTHOR_MAX_CHARS:
                return normalize_authors(None, text)
    return None


def marked_author(tree: etree._Element, region: etree._Element | None) -> str | None:
    """The author as trafilatura reads it (its meta and JSON-LD conventions, then elements
    marked rel/class/itemprop "author" in the region holding title and text), without a
    leading "By"/"Post author"."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a handle, as trafilatura judges it
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reading may fail on odd data
        meta = extract_meta_json(tree, meta)
    name = meta.author
    if not name and region is not None:
        name = _author_element(region)
    name = strip_byline_prefix(name) if name else None
    return name if name and is_name(name) else None
