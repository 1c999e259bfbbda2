"""Selector rules as data: CSS strings, checked once against lexbor's engine, tried in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from crawler.extract.css import select_first

# A page to try each selector on when a profile is loaded, so a typo fails at start-up, not
# as "no body found" on every page of a crawl.
_PROBE = LexborHTMLParser("<p></p>")


def check_selector(selector: str) -> str:
    """`selector` if lexbor reads it as CSS; ValueError naming the problem otherwise."""
    if selector.lstrip().startswith(("/", "./", "(")):
        raise ValueError(
            f"{selector!r} is XPath; profiles state CSS selectors (lexbor's CSS, with :has() "
            "and :nth-of-type())"
        )
    try:
        _PROBE.css(selector)
    except SelectolaxError:
        raise ValueError(f"{selector!r} is not a CSS selector lexbor can read") from None
    return selector


@dataclass(frozen=True, slots=True)
class PageRules:
    """Where a family's pages keep each field, and what to cut out of the body."""

    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    author_unit: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # every match is one tag
    attachments: tuple[str, ...] = ()  # containers of file links besides the body
    drop: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, selectors: Mapping[str, Sequence[str]]) -> PageRules:
        unknown = set(selectors) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown selector fields: {', '.join(sorted(unknown))}")
        return cls(
            **{name: tuple(map(check_selector, values)) for name, values in selectors.items()}
        )


def first_match(root: LexborNode, selectors: Sequence[str]) -> LexborNode | None:
    """The first node matched by the first selector that matches anything."""
    for selector in selectors:
        found = select_first(root, selector)
        if found is not None:
            return found
    return None
