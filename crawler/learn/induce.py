"""Field selectors induced from aligned pages: the candidates that hold the field everywhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.extract.css import select_first
from crawler.extract.selectors import first_match
from crawler.learn.align import (
    BODY_RECALL,
    Alignment,
    _day_in,
    day,
    precision,
    recall,
    text_of,
    words,
)
from crawler.learn.candidates import selectors_of

FIELDS = ("title", "published", "body", "author", "summary")
# Candidates tried per field: the most common across the pages first.
_TRIED = 60
# A body container may hold a byline, captions, a share bar, a box of related links: the
# shared rules and drop selectors take them out. Of the containers that hold the body on as
# many pages, the one holding least besides is chosen.
_PRECISION = 0.6


@dataclass(frozen=True, slots=True)
class Choice:
    """The selector chosen for a field and on how many pages it holds the generic reading."""

    field: str
    selector: str | None
    agreed: int
    pages: int
    covered: frozenset[str] = frozenset()  # the URLs where it agrees

    @property
    def unanimous(self) -> bool:
        return self.selector is not None and self.agreed == self.pages > 0


def holds(name: str, node: LexborNode, aligned: Alignment) -> bool:
    """Whether `node` holds what the generic path read for field `name` on this page."""
    generic = aligned.generic
    if name == "title":
        return text_of(node) == generic.title
    if name == "summary":
        return text_of(node) == generic.summary
    if name == "published":
        return _day_in(text_of(node)[:200]) == day(generic.published)
    if name == "author":
        text, unit = text_of(node), generic.author_unit
        return unit is not None and unit != "" and unit in text and len(text) < 400
    if name == "body":
        found, wanted = words(node.text(deep=True, separator=" ")), words(generic.body_text)
        return recall(found, wanted) >= BODY_RECALL and precision(found, wanted) >= _PRECISION
    raise ValueError(name)


def choose(
    name: str, pages: Sequence[tuple[LexborHTMLParser, Alignment]], prefer: Sequence[str] = ()
) -> Choice:
    """The selector for field `name` holding the generic reading on the most pages (all of
    them if any does): `prefer` (a family's own) first, then the aligned nodes' candidates by
    how many pages offer them."""
    targets = [(page, aligned) for page, aligned in pages if aligned.nodes.get(name)]
    if not targets:
        return Choice(name, None, 0, 0)
    offered: Counter[str] = Counter()
    for _, aligned in targets:
        offered.update({s for node in aligned.nodes[name] for s in selectors_of(node)})
    # The most pages first, then the simplest (fewest steps down the tree).
    common = sorted(offered.items(), key=lambda item: (-item[1], item[0].count(" ")))[:_TRIED]
    ranked = [*prefer, *(s for s, _ in common if s not in prefer)]
    best, tightest = Choice(name, None, 0, len(targets)), 0.0
    for selector in ranked:
        covered = _covered(selector, name, targets)
        tight = _tightness(selector, targets) if name == "body" and covered else 0.0
        if len(covered) > best.agreed or (len(covered) == best.agreed and tight > tightest):
            best = Choice(name, selector, len(covered), len(targets), frozenset(covered))
            tightest = tight
            if best.unanimous and name != "body":
                break
    return best


def choose_union(
    name: str,
    pages: Sequence[tuple[LexborHTMLParser, Alignment]],
    prefer: Sequence[str] = (),
    most: int = 3,
) -> tuple[list[str], int, int]:
    """Selectors tried in order (the first that finds a node reads the field) holding the
    generic reading on the most pages, for a field a site places in another element on some
    pages (a byline in the body's last line here, a source box there): each added selector
    must read more pages right; and on how many of how many pages they do."""
    targets = [(page, aligned) for page, aligned in pages if aligned.nodes.get(name)]
    offered: Counter[str] = Counter()
    for _, aligned in targets:
        offered.update({s for node in aligned.nodes[name] for s in selectors_of(node)})
    common = sorted(offered.items(), key=lambda item: (-item[1], item[0].count(" ")))[:_TRIED]
    ranked = [*prefer, *(s for s, _ in common if s not in prefer)]
    chosen: list[str] = []
    agreed = 0
    while len(chosen) < most and agreed < len(targets):
        scored = [(_first_holds([*chosen, s], name, targets), s) for s in ranked if s not in chosen]
        best = max(scored, key=lambda item: item[0], default=(0, ""))
        if best[0] <= agreed:
            break
        chosen.append(best[1])
        agreed = best[0]
    return chosen, agreed, len(targets)


def _first_holds(
    selectors: list[str], name: str, targets: Sequence[tuple[LexborHTMLParser, Alignment]]
) -> int:
    found = 0
    for page, aligned in targets:
        node = first_match(page.root, selectors) if page.root is not None else None
        found += node is not None and holds(name, node, aligned)
    return found


def _tightness(selector: str, targets: Sequence[tuple[LexborHTMLParser, Alignment]]) -> float:
    """How little besides the generic body a body selector's node holds, summed over pages."""
    total = 0.0
    for page, aligned in targets:
        node = select_first(page.root, selector) if page.root is not None else None
        if node is not None:
            found = words(node.text(deep=True, separator=" "))
            total += precision(found, words(aligned.generic.body_text))
    return total


def _covered(
    selector: str, name: str, targets: Sequence[tuple[LexborHTMLParser, Alignment]]
) -> list[str]:
    found = []
    for page, aligned in targets:
        root = page.root
        node = select_first(root, selector) if root is not None else None
        if node is not None and holds(name, node, aligned):
            found.append(aligned.url)
    return found
