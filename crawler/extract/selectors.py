"""Selector rules as data: CSS or XPath strings compiled once, tried in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from cssselect import HTMLTranslator
from lxml import etree

_TRANSLATOR = HTMLTranslator()


@lru_cache(maxsize=1024)
def compile_selector(selector: str) -> etree.XPath:
    """An XPath for `selector`: XPath when it starts with "/", "./" or "(", otherwise CSS."""
    is_xpath = selector.startswith(("/", "./", "("))
    expression = selector if is_xpath else _TRANSLATOR.css_to_xpath(selector)
    return etree.XPath(expression)


def _compile_all(selectors: Sequence[str]) -> tuple[etree.XPath, ...]:
    return tuple(compile_selector(s) for s in selectors)


def first_match(tree: etree._Element, selectors: Sequence[etree.XPath]) -> etree._Element | None:
    """The first element matched by the first selector that matches anything."""
    for selector in selectors:
        for found in selector(tree):
            if isinstance(found, etree._Element):
                return found
    return None


@dataclass(frozen=True, slots=True)
class PageRules:
    """Where a family's pages keep each field, and what to cut out of the body."""

    title: tuple[etree.XPath, ...] = ()
    published: tuple[etree.XPath, ...] = ()
    body: tuple[etree.XPath, ...] = ()
    author: tuple[etree.XPath, ...] = ()
    author_unit: tuple[etree.XPath, ...] = ()
    summary: tuple[etree.XPath, ...] = ()
    updated: tuple[etree.XPath, ...] = ()
    category: tuple[etree.XPath, ...] = ()
    tags: tuple[etree.XPath, ...] = ()  # every match is one tag
    attachments: tuple[etree.XPath, ...] = ()  # containers of file links besides the body
    drop: tuple[etree.XPath, ...] = field(default=())

    @classmethod
    def from_mapping(cls, selectors: Mapping[str, Sequence[str]]) -> PageRules:
        unknown = set(selectors) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown selector fields: {', '.join(sorted(unknown))}")
        return cls(**{name: _compile_all(values) for name, values in selectors.items()})
