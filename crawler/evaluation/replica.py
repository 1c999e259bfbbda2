"""Score extraction on the replica portals against their truth, per site and field."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

import trafilatura

from crawler.evaluation.metrics import body_scores
from crawler.extract import ExtractionError, extract_article
from crawler.fetch import fetch_page
from crawler.sites import SiteProfile, find_site

EXACT_FIELDS = ("title", "published", "author_unit")


def truth_lines(replica_url: str, site: str | None = None) -> list[dict[str, Any]]:
    query = f"?site={site}" if site else ""
    body, _ = fetch_page(f"{replica_url}/__replica__/truth.jsonl{query}")
    return [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]


@dataclass
class SiteScore:
    """Per-field scores of one extractor on one site's pages."""

    site: str
    pages: int = 0
    exact: dict[str, list[bool]] = field(default_factory=dict)
    body_f1: list[float] = field(default_factory=list)
    baseline_f1: list[float] = field(default_factory=list)  # trafilatura on the same pages
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        rates = {name: round(fmean(hits), 4) if hits else None for name, hits in self.exact.items()}
        return {
            "site": self.site,
            "pages": self.pages,
            **rates,
            "body_f1": round(fmean(self.body_f1), 4) if self.body_f1 else None,
            "trafilatura_body_f1": round(fmean(self.baseline_f1), 4) if self.baseline_f1 else None,
            "errors": len(self.errors),
            "ms_per_page": round(1000 * self.seconds / max(self.pages, 1), 2),
        }


def _trafilatura_text(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def score_site(
    pages: list[tuple[dict[str, Any], bytes, str | None]],
    profile: SiteProfile | None,
    site: str,
    generic: bool,
) -> SiteScore:
    """Extract every page (profile path, or the generic path alone) and compare with truth."""
    result = SiteScore(site, exact={name: [] for name in EXACT_FIELDS})
    for truth, html, content_type in pages:
        result.pages += 1
        started = time.perf_counter()
        try:
            article = extract_article(
                html, truth["url"], profile, content_type=content_type, generic=generic
            )
        except ExtractionError as error:
            result.seconds += time.perf_counter() - started
            result.errors.append(f"{truth['url']}: {error}")
            for name in EXACT_FIELDS:
                result.exact[name].append(False)
            result.body_f1.append(0.0)
            continue
        result.seconds += time.perf_counter() - started
        got = article.to_dict()
        for name in EXACT_FIELDS:
            result.exact[name].append(got[name] == truth.get(name))
        result.body_f1.append(body_scores(article.body_text, truth["body_text"])[2])
        baseline = _trafilatura_text(html, truth["url"])
        result.baseline_f1.append(body_scores(baseline, truth["body_text"])[2])
    return result


def score_replica(
    replica_url: str, generic: bool, progress: Callable[[str], None] = lambda _: None
) -> list[SiteScore]:
    """Scores for every HTML site the replica serves (API-only sites are scored by crawling)."""
    by_site: dict[str, list[dict[str, Any]]] = {}
    for line in truth_lines(replica_url):
        if line.get("status", "live") == "live":
            by_site.setdefault(line["site"], []).append(line)
    scores = []
    for site, lines in by_site.items():
        profile = find_site(lines[0]["url"], replica_url)
        if profile is not None and profile.api:
            progress(f"{site}: skipped (articles come from a JSON API; see the crawl tests)")
            continue
        with ThreadPoolExecutor(max_workers=4) as pool:
            fetched = list(pool.map(lambda line: fetch_page(line["url"]), lines))
        pages = [(line, body, ctype) for line, (body, ctype) in zip(lines, fetched, strict=True)]
        score = score_site(pages, profile, site, generic)
        progress(f"{site}: {score.as_dict()}")
        scores.append(score)
    return scores
