"""CSS selectors that could name one node of a page: by id, class, attribute, and ancestors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from crawler.extract.text import clean_text

# Names a CMS makes up per page or per request (ctl00_ctl42_g_1f3a…, a GUID, a long number)
# name nothing on the next page.
_VOLATILE = re.compile(r"\d{4,}|[0-9a-f]{8}-[0-9a-f]{4}|ctl\d{2}_|^\d|[^\w-]")
# How far up the tree a scoping ancestor is looked for.
_ANCESTORS = 6
# Attributes that name a role on many CMSs (schema.org, accessibility).
_ROLE_ATTRS = ("itemprop", "role", "property", "name", "type")
# A label longer than this is a sentence, not a field's name.
_LABEL = 40


def _names(node: LexborNode) -> tuple[str | None, list[str]]:
    """The node's id and classes that may mean the same thing on another page."""
    attrs = node.attributes
    node_id = attrs.get("id")
    classes = (attrs.get("class") or "").split()
    keep_id = node_id if node_id and not _VOLATILE.search(node_id) else None
    return keep_id, [c for c in classes if not _VOLATILE.search(c)]


def own_selectors(node: LexborNode) -> list[str]:
    """Selectors naming the node by itself, most specific first."""
    tag = node.tag or ""
    node_id, classes = _names(node)
    found = []
    if node_id:
        found.append(f"{tag}#{node_id}")
    found += [f"{tag}.{name}" for name in classes]
    for attr in _ROLE_ATTRS:
        value = node.attributes.get(attr)
        if value and re.fullmatch(r"[\w-]{1,40}", value):
            found.append(f'{tag}[{attr}="{value}"]')
    return found


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    for _ in range(_ANCESTORS):
        if parent is None or parent.tag in (None, "html", "body", "-document"):
            return
        yield parent
        parent = parent.parent


def _labelled(node: LexborNode) -> list[str]:
    """The node as the value after its label (a table's "Cơ quan ban hành" cell, then the
    issuer's cell): the label, not a class, is what every page of a register shares."""
    label = node.prev
    while label is not None and (not label.tag or label.tag.startswith(("-", "#"))):
        label = label.prev
    if label is None or not label.tag:
        return []
    text = clean_text(label.text(deep=True, separator=" ")).strip(" :")
    if not 2 <= len(text) <= _LABEL or '"' in text or "\\" in text:
        return []
    return [f'{label.tag}:lexbor-contains("{text}") + {node.tag}']


def selectors_of(node: LexborNode) -> list[str]:
    """Every candidate selector for `node`: its own names, then its tag or names under each
    named ancestor (a plain `h1` under `.news-detail` names a title many CMSs leave unnamed),
    then the label before it."""
    tag = node.tag or ""
    own = own_selectors(node)
    found = list(own)
    for ancestor in _ancestors(node):
        for scope in own_selectors(ancestor)[:3]:
            found += [f"{scope} {tag}", *(f"{scope} {name}" for name in own[:2])]
    found.append(tag)
    found += _labelled(node)
    return list(dict.fromkeys(found))
