"""Where on a page the generic path's reading of each field sits: the nodes that hold it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.extract import Article
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.text import clean_text

# Elements that can hold an article's body (a <p> cannot: the body is the paragraphs' parent).
_CONTAINERS = "div, article, section, main, td, form"
_SHORT = 300  # characters: longer text is no title, date or byline
_WORD = re.compile(r"\w+")
# How much of the generic body a container must hold to be the body.
BODY_RECALL = 0.98


def words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def f1(found: Counter[str], wanted: Counter[str]) -> float:
    """Word-bag F1 of `found` against `wanted` (the body score of the eval harness)."""
    common = sum((found & wanted).values())
    if not common:
        return 0.0
    precision, recall = common / sum(found.values()), common / sum(wanted.values())
    return 2 * precision * recall / (precision + recall)


def day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def text_of(node: LexborNode) -> str:
    return clean_text(node.text(deep=True, separator=" "))


@dataclass
class Alignment:
    """The nodes of one page holding each field the generic path read there."""

    url: str
    generic: Article
    nodes: dict[str, list[LexborNode]] = field(default_factory=dict)


def _deepest(nodes: list[LexborNode]) -> list[LexborNode]:
    """The nodes none of whose descendants is in the list (the tightest holders)."""
    ids = {node.mem_id for node in nodes}
    parents = set()
    for node in nodes:
        parent = node.parent
        while parent is not None:
            if parent.mem_id in ids:
                parents.add(parent.mem_id)
            parent = parent.parent
    return [node for node in nodes if node.mem_id not in parents]


def _short_nodes(root: LexborNode) -> list[tuple[LexborNode, str]]:
    found = []
    for node in root.traverse():
        if node.tag and not node.tag.startswith(("-", "#")) and node.tag not in ("html", "body"):
            text = node.text(deep=True, separator=" ")
            if text and len(text) <= _SHORT * 2:
                found.append((node, clean_text(text)))
    return found


def recall(found: Counter[str], wanted: Counter[str]) -> float:
    return sum((found & wanted).values()) / max(1, sum(wanted.values()))


def precision(found: Counter[str], wanted: Counter[str]) -> float:
    return sum((found & wanted).values()) / max(1, sum(found.values()))


def best_body(root: LexborNode, wanted: Counter[str]) -> LexborNode | None:
    """The tightest container holding (nearly) all the generic body's words; a byline, a
    caption or a share bar inside it is for the shared rules and drop selectors to take out."""
    scored = []
    for node in root.css(_CONTAINERS):
        found = words(node.text(deep=True, separator=" "))
        scored.append((recall(found, wanted), precision(found, wanted), node))
    holding = [item for item in scored if item[0] >= BODY_RECALL]
    if holding:
        return max(holding, key=lambda item: item[1])[2]
    return max(scored, key=lambda item: f1_of(item[0], item[1]), default=(0, 0, None))[2]


def f1_of(recalled: float, precise: float) -> float:
    return 2 * recalled * precise / (recalled + precise) if recalled + precise else 0.0


def align(page: LexborHTMLParser, url: str, generic: Article) -> Alignment:
    """Each field's holders on `page`: the title's and summary's (same text), the date's (a
    short text giving the same day), the byline's (a short text naming the author unit), and
    the body's (the container matching the generic body's words best)."""
    root = page.root
    result = Alignment(url, generic)
    if root is None:
        return result
    short = _short_nodes(root)
    if generic.title:
        result.nodes["title"] = _deepest([n for n, text in short if text == generic.title])
    if generic.summary:
        result.nodes["summary"] = _deepest([n for n, text in short if text == generic.summary])
    if published := day(generic.published):
        dated = [n for n, text in short if len(text) <= 80 and _day_in(text) == published]
        result.nodes["published"] = _deepest(dated)
    if generic.author_unit:
        unit = generic.author_unit
        named = [n for n, text in short if unit in text and len(text) <= len(unit) + 80]
        result.nodes["author"] = _deepest(named)
    if generic.body_text:
        body = best_body(root, words(generic.body_text))
        result.nodes["body"] = [body] if body is not None else []
    return result


def _day_in(text: str) -> date | None:
    return day(parse_vn_datetime(text))
