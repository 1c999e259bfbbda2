"""Benchmark: extraction time per page, profile path and generic path, against trafilatura.

All pages are fetched once from an in-process replica (plain and obfuscated) and read from
memory, so only extraction is timed. The extractors take turns on each page, for several
rounds, timed in CPU time; the ratios of the medians are what docs/benchmarks.md quotes.

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
from crawler.extract.decode import decode_html
from crawler.extract.profile_path import parse_page
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


def seconds_per_page(pages: list[Page], extractors: dict[str, Callable]) -> dict[str, float]:
    """CPU seconds per page of each extractor, the extractors taking turns page by page.

    CPU time of this thread, not wall time: on a machine other jobs share, the wall time of a
    pass depends on what else ran meanwhile; taking turns on each page gives every extractor
    the same share of whatever the machine's caches and clock are doing.
    """
    spent = dict.fromkeys(extractors, 0.0)
    for html, url, profile in pages:
        for key, extract in extractors.items():
            started = time.thread_time()
            # A failed page costs what it cost: the benchmark times, it does not score.
            with contextlib.suppress(Exception):
                extract(html, url, profile)
            spent[key] += time.thread_time() - started
    return {key: seconds / len(pages) for key, seconds in spent.items()}


def _reference(html: bytes, url: str, _profile: object) -> object:
    """trafilatura's main text, the reference of docs/benchmarks.md."""
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True)


def _reference_fields(html: bytes, url: str, _profile: object) -> object:
    """trafilatura asked for the fields the generic path gives: title, date, author, body."""
    return trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True
    )


def compare(
    name: str,
    pages: list[Page],
    ours: Callable,
    rounds: int,
    floor: Callable | None = None,
    fields: bool = False,
) -> None:
    """Median ms/page of `ours` and of trafilatura on the same pages; with `floor` (what the
    profile path pays before reading a field) how much of ours is that floor; with `fields`,
    also against trafilatura giving title, date and author as well as the text."""
    extractors = {"ours": ours, "trafilatura": _reference}
    if floor:
        extractors["floor"] = floor
    if fields:
        extractors["fields"] = _reference_fields
    times: dict[str, list[float]] = {key: [] for key in extractors}
    for turn in range(rounds):
        # Who goes first on a page alternates from round to round.
        order = list(extractors.items())[:: -1 if turn % 2 else 1]
        for key, seconds in seconds_per_page(pages, dict(order)).items():
            times[key].append(seconds)
    ms = {key: 1000 * statistics.median(values) for key, values in times.items()}
    ours_ms, traf_ms = ms["ours"], ms["trafilatura"]
    print(
        f"{name:<34} {len(pages):>5} pages  ours {ours_ms:7.2f} ms  trafilatura {traf_ms:7.2f} ms"
        f"  ours/trafilatura {ours_ms / traf_ms:5.2f}  trafilatura/ours {traf_ms / ours_ms:6.1f}"
    )
    if fields:
        print(
            f"{'':<34} {'':>11}  trafilatura with metadata (title, date, author, body)"
            f" {ms['fields']:7.2f} ms  ours/that {ours_ms / ms['fields']:5.2f}"
        )
    if floor:
        print(
            f"{'':<34} {'':>11}  decode + lexbor parse alone {ms['floor']:5.2f} ms"
            f" ({100 * ms['floor'] / ours_ms:.0f}% of ours; trafilatura/floor"
            f" {traf_ms / ms['floor']:.1f}: no path on this parser gets past that)"
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

    def parse_only(html: bytes, _url: str, _profile: object) -> object:
        return parse_page(decode_html(html, nfc=False))

    plain = replica_pages(args.articles, obfuscate=False)
    compare("profile path, replica pages", plain, profile_path, args.rounds, floor=parse_only)
    obfuscated = replica_pages(args.articles, obfuscate=True)
    compare("generic path, obfuscated replica", obfuscated, generic_path, args.rounds, fields=True)
    if (DEFAULT_DEVSET / "evaldata.json").exists():
        dev = [(p.html, p.url, None) for p in load_devset(limit=args.devset_limit)]
        compare("generic path, dev set", dev, generic_path, args.rounds, fields=True)


if __name__ == "__main__":
    main()
