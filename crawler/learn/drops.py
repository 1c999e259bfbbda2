"""Drop selectors: what a learned body holds that the generic path leaves out (captions, bars)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from crawler.extract import Article
from crawler.extract.css import select, select_first
from crawler.extract.profile_path import parse_page
from crawler.learn.align import text_of
from crawler.learn.candidates import own_selectors
from crawler.learn.verify import LearnedProfile, Verdict, verify

_TRIED = 12


def _extra_lines(verdict: Verdict) -> set[str]:
    if verdict.learned is None:
        return set()
    kept = set(verdict.generic.body_text.split("\n\n"))
    return {line for line in verdict.learned.body_text.split("\n\n") if line not in kept}


def _offered(html: str, body_selectors: Sequence[str], lines: set[str]) -> set[str]:
    """Selectors of the nodes in the body holding exactly one of `lines`."""
    root = parse_page(html).root
    if root is None:
        return set()
    body = next((n for s in body_selectors if (n := select_first(root, s)) is not None), None)
    if body is None:
        return set()
    found: set[str] = set()
    for node in select(body, "*"):
        if node.mem_id != body.mem_id and text_of(node) in lines:
            found.update(own_selectors(node) or [node.tag or ""])
    return found - {""}


def _score(verdicts: list[Verdict]) -> tuple[int, float]:
    return sum(sum(v.agrees.values()) for v in verdicts), sum(v.body_f1 for v in verdicts)


def learn_drops(
    articles: list[tuple[str, str, Article]],
    profile: LearnedProfile,
    verdicts: list[Verdict],
    prefer: Sequence[str] = (),
) -> tuple[LearnedProfile, list[Verdict]]:
    """`profile` with the drop selectors that bring its bodies closer to the generic path's
    on the captured articles, and no field further, one at a time; and its new verdicts."""
    offered: Counter[str] = Counter()
    by_url = {url: html for url, html, _ in articles}
    for verdict in verdicts:
        if lines := _extra_lines(verdict):
            offered.update(_offered(by_url[verdict.url], profile.rules.body, lines))
    if not offered:
        return profile, verdicts
    ranked = [*prefer, *(s for s, _ in offered.most_common(_TRIED) if s not in prefer)]
    best = _score(verdicts)
    for selector in ranked:
        rules = dataclasses.replace(profile.rules, drop=(*profile.rules.drop, selector))
        trial = dataclasses.replace(profile, rules=rules)
        tried = verify(articles, trial)
        score = _score(tried)
        if score[0] >= best[0] and score[1] > best[1] + 1e-9:
            profile, verdicts, best = trial, tried, score
    return profile, verdicts
