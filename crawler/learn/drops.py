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

# Candidates tried, one verify of every article each; a related box offers a dozen on every page.
_TRIED = 30


def _extra_lines(verdict: Verdict) -> set[str]:
    if verdict.learned is None:
        return set()
    kept = set(verdict.generic.body_text.split("\n\n"))
    return {line for line in verdict.learned.body_text.split("\n\n") if line not in kept}


def _offered(
    html: str, body_selectors: Sequence[str], lines: set[str], generic: str
) -> dict[str, int]:
    """Selectors of the nodes in the body holding exactly one of `lines`, or holding only
    text the generic body leaves out (a related-news box whose heading cuts the body short),
    with the length of the text each names."""
    root = parse_page(html).root
    if root is None:
        return {}
    body = next((n for s in body_selectors if (n := select_first(root, s)) is not None), None)
    if body is None:
        return {}
    kept = [line for line in generic.split("\n\n") if line]
    found: dict[str, int] = {}
    for node in select(body, "*"):
        text = text_of(node)
        if node.mem_id == body.mem_id or not text:
            continue
        if text in lines or not any(line in text or text in line for line in kept):
            for selector in own_selectors(node) or [node.tag or ""]:
                found[selector] = max(found.get(selector, 0), len(text))
    found.pop("", None)
    return found


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
    sizes: Counter[str] = Counter()
    by_url = {url: html for url, html, _ in articles}
    for verdict in verdicts:
        lines = _extra_lines(verdict)
        if lines or not verdict.agrees["body"]:
            html = by_url[verdict.url]
            found = _offered(html, profile.rules.body, lines, verdict.generic.body_text)
            offered.update(found.keys())
            sizes.update(found)
    if not offered:
        return profile, verdicts
    # The selectors most pages offer first; of those, the ones naming the most text (a box
    # before its heading and its items).
    common = sorted(offered, key=lambda s: (-offered[s], -sizes[s]))[:_TRIED]
    ranked = [*prefer, *(s for s in common if s not in prefer)]
    best = _score(verdicts)
    for selector in ranked:
        if all(v.body_f1 >= 1 for v in verdicts):
            break
        rules = dataclasses.replace(profile.rules, drop=(*profile.rules.drop, selector))
        trial = dataclasses.replace(profile, rules=rules)
        tried = verify(articles, trial)
        score = _score(tried)
        if score[0] >= best[0] and score[1] > best[1] + 1e-9:
            profile, verdicts, best = trial, tried, score
    return profile, verdicts
