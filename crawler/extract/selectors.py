"""Selector rules as data: CSS or XPath strings compiled once, tried in order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

import cssselect
from cssselect import HTMLTranslator
from lxml import etree

_TRANSLATOR = HTMLTranslator()
# Names the index compares as they are: cssselect turns other ones into name() tests.
_SAFE_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
# normalize-space() splits @class at these only; str.split() at more.
_XML_SPACE = re.compile(r"[ \t\n\r]+")


@dataclass(frozen=True, slots=True)
class Compound:
    """One compound CSS selector (`div.a.b#c[d=e]`) as the tests an element must pass."""

    tag: str | None
    classes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str | None], ...] = ()  # (name, value); None: present

    def matches(self, element: etree._Element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        for name, value in self.attributes:
            found = element.get(name)
            if found is None or (value is not None and found != value):
                return False
        return all(has_class(element, name) for name in self.classes)


def has_class(element: etree._Element, name: str) -> bool:
    """Whether `name` is one of the element's classes, as the XPath of `.name` decides."""
    value = element.get("class")
    return value is not None and name in _XML_SPACE.split(value)


@dataclass(frozen=True, slots=True)
class Selector:
    """One selector: its XPath, and its compound chain when the index can answer it."""

    source: str
    xpath: etree.XPath
    chain: tuple[Compound, ...] | None = None

    def __call__(self, element: etree._Element) -> list:
        return self.xpath(element)


def _compound(tree: object) -> Compound | None:
    """The tests of one compound selector of cssselect's parse tree, None if unsupported."""
    classes: list[str] = []
    attributes: list[tuple[str, str | None]] = []
    while not isinstance(tree, cssselect.parser.Element):
        if isinstance(tree, cssselect.parser.Class):
            if tree.class_name.split() != [tree.class_name]:
                return None
            classes.append(tree.class_name)
        elif isinstance(tree, cssselect.parser.Hash):
            attributes.append(("id", tree.id))
        elif (
            isinstance(tree, cssselect.parser.Attrib)
            and tree.namespace is None
            and tree.flag is None
            and tree.operator in ("exists", "=")
            and _SAFE_NAME.match(tree.attrib.lower())
        ):
            value = tree.value.value if tree.value is not None else None
            attributes.append((tree.attrib.lower(), value))
        else:
            return None
        tree = tree.selector
    tag = tree.element.lower() if tree.element else None
    if tree.namespace is not None or (tag is not None and not _SAFE_NAME.match(tag)):
        return None
    if tag is None and not classes and not attributes:
        return None
    return Compound(tag, tuple(reversed(classes)), tuple(reversed(attributes)))


def _chain(css: str) -> tuple[Compound, ...] | None:
    """Compound selectors joined by descendant combinators, or None for any other CSS."""
    try:
        group = cssselect.parse(css)
    except cssselect.SelectorSyntaxError:
        return None
    if len(group) != 1 or group[0].pseudo_element is not None:
        return None
    tree, chain = group[0].parsed_tree, []
    while isinstance(tree, cssselect.parser.CombinedSelector):
        if tree.combinator != " " or (compound := _compound(tree.subselector)) is None:
            return None
        chain.append(compound)
        tree = tree.selector
    compound = _compound(tree)
    return None if compound is None else (compound, *reversed(chain))


@lru_cache(maxsize=1024)
def compile_selector(selector: str) -> Selector:
    """A Selector for `selector`: XPath when it starts with "/", "./" or "(", otherwise CSS."""
    if selector.startswith(("/", "./", "(")):
        return Selector(selector, etree.XPath(selector))
    return Selector(selector, etree.XPath(_TRANSLATOR.css_to_xpath(selector)), _chain(selector))


def _compile_all(selectors: Sequence[str]) -> tuple[Selector, ...]:
    return tuple(compile_selector(s) for s in selectors)


@dataclass(frozen=True, slots=True)
class PageRules:
    """Where a family's pages keep each field, and what to cut out of the body."""

    title: tuple[Selector, ...] = ()
    published: tuple[Selector, ...] = ()
    body: tuple[Selector, ...] = ()
    author: tuple[Selector, ...] = ()
    author_unit: tuple[Selector, ...] = ()
    summary: tuple[Selector, ...] = ()
    updated: tuple[Selector, ...] = ()
    category: tuple[Selector, ...] = ()
    tags: tuple[Selector, ...] = ()  # every match is one tag
    attachments: tuple[Selector, ...] = ()  # containers of file links besides the body
    drop: tuple[Selector, ...] = ()
    # The classes PageIndex looks for: the first of each compound selector's.
    index_classes: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        classes = frozenset(
            compound.classes[0]
            for f in fields(self)
            if f.init
            for selector in getattr(self, f.name)
            for compound in selector.chain or ()
            if compound.classes
        )
        object.__setattr__(self, "index_classes", classes)

    @classmethod
    def from_mapping(cls, selectors: Mapping[str, Sequence[str]]) -> PageRules:
        unknown = set(selectors) - {f.name for f in fields(cls) if f.init}
        if unknown:
            raise ValueError(f"unknown selector fields: {', '.join(sorted(unknown))}")
        return cls(**{name: _compile_all(values) for name, values in selectors.items()})

    def index(self, tree: etree._Element) -> PageIndex:
        """The index of one page that these selectors need."""
        return PageIndex(tree, self.index_classes)


@lru_cache(maxsize=64)
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"//@{name}")


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


# Every selector compiles to an XPath. The simple CSS that profiles use (tags, classes, ids,
# [attr], [attr=value], joined by spaces) is also kept as a chain of compound tests that a
# per-page index answers: libxml2 spends ~0.3 µs per element on each `*[...]` predicate, so ten
# selectors scanning a 200-element page cost more than parsing it, where the index reads each
# element once. The index gives what the XPath gives: the same elements, in document order.
class PageIndex:
    """One page's elements by the classes its selectors test (read in one pass) and by the
    attributes they test (found when first asked for), in document order; answers chain
    selectors as their XPath would."""

    def __init__(self, root: etree._Element, classes: frozenset[str]):
        self.root = root
        self._by_class: dict[str, list[etree._Element]] = {}
        self._by_attribute: dict[str, list[etree._Element]] = {}
        for element in root.iter(etree.Element):
            value = element.get("class")
            # str.split() splits at more spaces than @class does: Compound.matches decides.
            if value is not None and (found := classes.intersection(value.split())):
                for token in found:
                    self._by_class.setdefault(token, []).append(element)

    def _having(self, name: str) -> list[etree._Element]:
        """The elements that have attribute `name`, found (in C) when first asked for."""
        if name not in self._by_attribute:
            self._by_attribute[name] = [
                value.getparent() for value in _attribute_values(name)(self.root)
            ]
        return self._by_attribute[name]

    def _matching(self, compound: Compound) -> list[etree._Element]:
        """The page's elements that match `compound`, from the narrowest list at hand."""
        if compound.classes:
            candidates: Iterable[etree._Element] = self._by_class.get(compound.classes[0], ())
        elif compound.tag is not None:
            candidates = self.root.iter(compound.tag)
        else:
            candidates = self._having(compound.attributes[0][0])
        return [element for element in candidates if compound.matches(element)]

    def _below(self, anchors: list[etree._Element], compound: Compound) -> list[etree._Element]:
        """Elements matching `compound` inside any of `anchors` (a descendant combinator)."""
        if not anchors:
            return []
        if compound.classes or compound.attributes:
            anchor_set = set(anchors)
            return [
                element
                for element in self._matching(compound)
                if any(a in anchor_set for a in element.iterancestors())
            ]
        outermost: list[etree._Element] = []
        for anchor in anchors:
            if not outermost or not _inside(anchor, outermost[-1]):
                outermost.append(anchor)
        return [e for a in outermost for e in a.iter(compound.tag) if e is not a]

    def select(self, selector: Selector) -> list:
        """What `selector` matches in the whole page."""
        if selector.chain is None:
            return selector(self.root)
        found = self._matching(selector.chain[0])
        for compound in selector.chain[1:]:
            found = self._below(found, compound)
        return found

    def select_in(self, element: etree._Element, selector: Selector) -> list:
        """What `selector` matches in `element` and below (the tree may have changed since)."""
        if selector.chain is None or len(selector.chain) != 1:
            return selector(element)
        compound = selector.chain[0]
        if compound.tag is not None and not compound.classes:
            return [e for e in element.iter(compound.tag) if compound.matches(e)]
        return [e for e in self._matching(compound) if e is element or _inside(e, element)]

    def first(self, selectors: Sequence[Selector]) -> etree._Element | None:
        """The first element matched by the first selector that matches anything."""
        for selector in selectors:
            for found in self.select(selector):
                if isinstance(found, etree._Element):
                    return found
        return None
