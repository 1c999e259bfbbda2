"""Known portal families: recognised on a capture when their own selectors read its articles."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from crawler.extract.selectors import first_match
from crawler.learn.align import Alignment
from crawler.learn.induce import holds
from crawler.sites import SITES_DIR

# Fields whose selectors must all hold for a family to be recognised.
_DECIDING = ("body", "title")


@dataclass(frozen=True, slots=True)
class Family:
    """A family's defaults as its TOML file states them."""

    name: str
    selectors: dict[str, list[str]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # case_insensitive_urls, ignore_params


@cache
def known_families() -> tuple[Family, ...]:
    """Every family of the registry that states selectors of its own."""
    found = []
    for path in sorted(SITES_DIR.glob("*.toml")):
        family = tomllib.loads(path.read_text(encoding="utf-8"))["family"]
        if family.get("selectors", {}).get("body"):
            settings = {
                k: family[k] for k in ("case_insensitive_urls", "ignore_params") if k in family
            }
            found.append(Family(family["name"], dict(family["selectors"]), settings))
    return tuple(found)


def recognise(pages: Sequence[tuple[LexborHTMLParser, Alignment]]) -> Family | None:
    """The family whose body and title selectors read every captured article as the generic
    path does; None when none does."""
    for family in known_families():
        if all(_reads(family.selectors.get(name, []), name, pages) for name in _DECIDING):
            return family
    return None


def _reads(
    selectors: list[str], name: str, pages: Sequence[tuple[LexborHTMLParser, Alignment]]
) -> bool:
    targets = [(page, aligned) for page, aligned in pages if aligned.nodes.get(name)]
    if not selectors or not targets:
        return False
    for page, aligned in targets:
        node = first_match(page.root, selectors) if page.root is not None else None
        if node is None or not holds(name, node, aligned):
            return False
    return True
