"""Benchmark: extraction time per page, profile path and generic path, against trafilatura.

All pages are fetched once from an in-process replica (plain and obfuscated) and read from
memory, so only extraction is timed. Each extractor runs over the same pages, alternately,
for several rounds; the ratios of the medians are what docs/benchmarks.md quotes.

Usage: python scripts/bench/extract_speed.py [--articles 30] [--rounds 3] [--devset-limit 300]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import trafilatura

from crawler.evaluation.devset import DEFAULT_DEVSET, load_devset
from crawler.evaluation.replica import truth_lines
from crawler.extract import extract_article
from crawler.fetch import fetch_page
from crawler.sites import find_site
from replica.server import ReplicaServer
from replica.site import SiteConfig

Page = tuple[bytes, str, object]  # html, url, profile


def replica_pages(articles: int, obfuscate: bool) -> list[Page]:
    with ReplicaServer(port=0, config=SiteConfig(articles=articles), obfuscate=obfuscate) as srv:
        lines = [t for t in truth_lines(srv.url) if t.get("status", "live") == "live"]
        profiles = [find_site(t["url"], srv.url) for t in lines]
        keep = [(t, p) for t, p in zip(lines, profiles, strict=True) if p and not p.api]
        with ThreadPoolExecutor(4) as pool:
            bodies = list(pool.map(lambda tp: fetch_page(tp[0]["url"])[0], keep))
    return [(body, t["url"], p) for body, (t, p) in zip(bodies, keep, strict=True)]


def seconds_per_page(pages: list[Page], extract: Callable[[bytes, str, object], object]) -> float:
    started = time.perf_counter()
    for html, url, profile in pages:
        # A failed page costs what it cost: the benchmark times, it does not score.
        with contextlib.suppress(Exception):
            extract(html, url, profile)
    return (time.perf_counter() - started) / len(pages)


def compare(name: str, pages: list[Page], ours: Callable, rounds: int) -> None:
    def reference(html: bytes, url: str, _profile: object) -> object:
        return trafilatura.extract(html, url=url, include_comments=False, include_tables=True)

    times: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    for _ in range(rounds):
        times["ours"].append(seconds_per_page(pages, ours))
        times["trafilatura"].append(seconds_per_page(pages, reference))
    ours_ms = 1000 * statistics.median(times["ours"])
    traf_ms = 1000 * statistics.median(times["trafilatura"])
    print(
        f"{name:<34} {len(pages):>5} pages  ours {ours_ms:7.2f} ms  trafilatura {traf_ms:7.2f} ms"
        f"  ours/trafilatura {ours_ms / traf_ms:5.2f}  trafilatura/ours {traf_ms / ours_ms:6.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--devset-limit", type=int, default=300)
    args = parser.parse_args()

    def profile_path(html: bytes, url: str, profile: object) -> object:
        return extract_article(html, url, profile)

    def generic_path(html: bytes, url: str, profile: object) -> object:
        return extract_article(html, url, profile, generic=True)

    plain = replica_pages(args.articles, obfuscate=False)
    compare("profile path, replica pages", plain, profile_path, args.rounds)
    obfuscated = replica_pages(args.articles, obfuscate=True)
    compare("generic path, obfuscated replica", obfuscated, generic_path, args.rounds)
    if (DEFAULT_DEVSET / "evaldata.json").exists():
        dev = [(p.html, p.url, None) for p in load_devset(limit=args.devset_limit)]
        compare("generic path, dev set", dev, generic_path, args.rounds)


if __name__ == "__main__":
    main()
