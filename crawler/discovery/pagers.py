"""Numbered pagers: which listing links are other pages of the same list, and which is next."""

from __future__ import annotations

import re
from collections.abc import Callable

_NUMBER = re.compile(r"\d+")


def page_numbers(current: str, link: str) -> tuple[int, int] | None:
    """The page numbers of `current` and `link` when both are pages of one list: the URLs are
    the same but for one number (`?Page=3`, `_cur=3`, `/phantrang/12/3/…`). None otherwise,
    also for a first page that carries no number at all."""
    if _NUMBER.split(current) != _NUMBER.split(link):
        return None
    pairs = zip(_NUMBER.findall(current), _NUMBER.findall(link), strict=True)
    differing = [(int(a), int(b)) for a, b in pairs if a != b]
    return differing[0] if len(differing) == 1 else None


def next_page_only(current: str, links: list[str], key: Callable[[str], str]) -> list[str]:
    """`links` without the pager's other pages of `current`'s list, except the next one (the
    lowest page number above the current one); links to other lists stay. `key` makes a URL
    comparable (the site's canonical form: letter case, session ids)."""
    here = key(current)
    steps: dict[str, int] = {}
    for link in links:
        there = key(link)
        if there == here:  # the pager's own page
            steps[link] = 0
        elif (numbers := page_numbers(here, there)) is not None:
            steps[link] = numbers[1] - numbers[0]
    ahead = [step for step in steps.values() if step > 0]
    nearest = min(ahead, default=None)
    return [link for link in links if link not in steps or steps[link] == nearest]
