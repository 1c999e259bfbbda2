"""CSS queries on lexbor trees, through one selector engine per thread for every page."""

from __future__ import annotations

import threading

from selectolax.lexbor import LexborCSSSelector, LexborNode

# selectolax gives each parsed page an engine of its own at its first query; making one costs
# ~90 µs, more than parsing a typical article page. An engine serves any page, one query at a
# time, so each thread keeps one.
_local = threading.local()


def _engine() -> LexborCSSSelector:
    engine = getattr(_local, "engine", None)
    if engine is None:
        engine = _local.engine = LexborCSSSelector()
    return engine


def select(node: LexborNode, query: str) -> list[LexborNode]:
    """The nodes `query` matches in `node` and below (`node` itself included), in order."""
    return _engine().find(query, node)


def select_first(node: LexborNode, query: str) -> LexborNode | None:
    """The first node `query` matches in `node` and below, None if there is none."""
    found = _engine().find_first(query, node)  # type: ignore[attr-defined]  # not in the stub
    return found[0] if found else None
