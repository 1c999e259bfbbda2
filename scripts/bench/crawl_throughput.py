"""Benchmark: pages/s of the full archive crawl against a bare Scrapy spider on the same replica.

The bare spider follows the same listing and article links but neither extracts nor stores;
the full crawl runs the project's spider, extractor and archive pipeline with every record kept
(WARC, fetch rows, versions, FTS), its writes done by the project's writer (ARCHIVE_WRITER);
`--inline` adds the same crawl with the writes done inline, as before the writer split. All run
against one replica server in its own process, alternately, several rounds; the ratio of
medians is what docs/benchmarks.md quotes (a ratio, because the machine is shared and absolute
rates wander). Each crawl also reports the CPU seconds its process spent per page between the
engine's start and the end of the crawl (all its threads), which other jobs' load moves less.

Both are measured the same way: pages = `response_received_count`; seconds from Scrapy's
start_time until the crawl has stopped, its last archive write and WARC record done (before
2026-12-07: until Scrapy's finish_time, which comes before the writer thread has drained;
the summary gives that ratio too). Both run on the same Scrapy engine settings (SETTINGS),
the project's CONCURRENT_ITEMS among them: with Scrapy's default (100) the bare spider
started 100 asyncio workers for every response's output, which the full crawl, with the
project's 4, did not (`--bare100` runs that bare spider too).

Usage: python scripts/bench/crawl_throughput.py [--articles 2000] [--rounds 3] [--inline]
       [--bare100] [--variant EXTRACT_WORKERS=0 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess

ROOT = Path(__file__).resolve().parents[2]
SITE = "replica-thads-dongthap"
# The links the THADS family profile follows, restated so the bare spider uses no project code.
LINK = re.compile(r"(?i)/dongthap/noidung/(?:tintuc|thongbao)/lists/[^/]+/view_detail\.aspx")
MODES = ("bare", "full", "inline")
SETTINGS = {
    "LOG_LEVEL": "WARNING",
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "AUTOTHROTTLE_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    # The project's values (crawler/settings.py), restated for the bare spider's sake.
    "CONCURRENT_ITEMS": 4,
    "WARN_ON_GENERATOR_RETURN_VALUE": False,
}


class BareSpider(scrapy.Spider):
    """Fetch every listing and article page of the replica site; keep nothing."""

    name = "bare"

    def __init__(self, base: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.base = base

    async def start(self):  # type: ignore[override]
        yield scrapy.Request(f"{self.base}/thads.moj.gov.vn/dongthap/", callback=self.parse)

    def parse(self, response):  # type: ignore[override]
        if "itemid=" in response.url.lower():  # an article: fetched, nothing to follow
            return
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href).split("#")[0]
            if LINK.search(url):
                yield scrapy.Request(url.lower(), callback=self.parse)


def run_one(mode: str, base: str, out: Path, overrides: dict[str, Any]) -> None:
    """In a child process: one crawl, its stats written to `out` as JSON; `overrides`:
    project settings of a full crawl that differ from the default ones (`--variant`)."""
    if mode in ("bare", "bare100"):
        # bare100: Scrapy's default CONCURRENT_ITEMS, as this script ran before 2026-12-07.
        settings = SETTINGS | {"CONCURRENT_ITEMS": 100} if mode == "bare100" else SETTINGS
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(BareSpider)
        process.crawl(crawler, base=base)
    else:
        sys.path.insert(0, str(ROOT))
        from crawler.run import crawl_settings
        from crawler.spiders.portal import PortalSpider

        db = Path(tempfile.mkdtemp()) / "bench.db"
        # full: the project's writer (ARCHIVE_WRITER); inline: each write when asked.
        writer = {"ARCHIVE_WRITER": "inline"} if mode == "inline" else {}
        settings = SETTINGS | writer | overrides
        process = CrawlerProcess(crawl_settings(db, base, **settings))
        crawler = process.create_crawler(PortalSpider)
        process.crawl(crawler, site=SITE)
    started: list[float] = []

    def engine_started() -> None:  # connected weakly: lives as long as this frame
        started.append(_cpu_seconds())

    crawler.signals.connect(engine_started, signal=signals.engine_started)
    process.start()
    stopped = datetime.now(UTC)  # every write done, the last WARC file closed
    stats = crawler.stats.get_stats()
    result = {
        "pages": stats.get("response_received_count", 0),
        "seconds": (stopped - stats["start_time"]).total_seconds(),
        # Until Scrapy's finish_time, as this script measured before 2026-12-07: the end of
        # the crawl before its archive writes were done.
        "to_finish_time": (stats["finish_time"] - stats["start_time"]).total_seconds(),
        "cpu": _cpu_seconds() - started[0],  # without start-up (imports, settings)
        # And the child processes it waited for: the extraction workers (EXTRACT_WORKERS;
        # before d776206 the forkserver's children, not counted).
        "cpu_children": _cpu_seconds(resource.RUSAGE_CHILDREN),
    }
    out.write_text(json.dumps(result))


def _cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """CPU seconds (user and system) another process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(mode: str, base: str) -> dict[str, float]:
    mode, _, variant = mode.partition(" ")
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, __file__, "--child", mode, "--base", base, "--out", out.name]
        subprocess.run([*command, *(["--set", variant] if variant else [])], check=True)
        result = json.loads(Path(out.name).read_text())
    result["pages_per_s"] = result["pages"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--inline", action="store_true", help="also the full crawl with its writes inline"
    )
    parser.add_argument(
        "--bare100",
        action="store_true",
        help="also the bare spider with Scrapy's default CONCURRENT_ITEMS (100)",
    )
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=VALUE[,NAME=VALUE]",
        help="also the full crawl with these project settings (JSON values), e.g. "
        "EXTRACT_WORKERS=0; may be repeated",
    )
    parser.add_argument("--child", choices=[*MODES, "bare100"], help=argparse.SUPPRESS)
    parser.add_argument("--set", default="", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        overrides = {
            name: json.loads(value)
            for name, _, value in (pair.partition("=") for pair in args.set.split(",") if pair)
        }
        run_one(args.child, args.base, args.out, overrides)
        return

    with socket.socket() as probe:  # a free port: another run of this script may hold 18765
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    replica = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", str(port), "--articles", str(args.articles)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/__replica__/sites.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        modes = [*MODES[: 3 if args.inline else 2], *(["bare100"] if args.bare100 else [])]
        modes += [f"full {variant}" for variant in args.variant]
        results: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
        for round_number in range(1, args.rounds + 1):
            for mode in modes:
                before = _process_cpu(replica.pid)
                result = measure(mode, base)
                result["replica_cpu"] = _process_cpu(replica.pid) - before
                results[mode].append(result)
                print(
                    f"round {round_number} {mode}: {result['pages']} pages in "
                    f"{result['seconds']:.1f} s = {result['pages_per_s']:.0f} pages/s, "
                    f"CPU {1000 * result['cpu'] / result['pages']:.2f} ms/page "
                    f"(+ child processes {1000 * result['cpu_children'] / result['pages']:.2f}; "
                    f"the replica {1000 * result['replica_cpu'] / result['pages']:.2f})"
                )
    finally:
        replica.terminate()
        replica.wait(timeout=10)
    bare_rate, bare_old, bare_cpu = _medians(results["bare"])
    for mode in modes:
        rate, old, cpu = _medians(results[mode])
        print(
            f"median {mode} {rate:.0f} pages/s (ratio {rate / bare_rate:.2f}; to finish_time "
            f"{old / bare_old:.2f}), CPU {cpu:.2f} ms/page (bare's / this {bare_cpu / cpu:.2f})"
        )


def _medians(results: list[dict[str, float]]) -> tuple[float, float, float]:
    """Median pages/s (to the crawl's stop, and to Scrapy's finish_time) and median CPU
    milliseconds per page of one mode's rounds."""
    rate = statistics.median(result["pages_per_s"] for result in results)
    old = statistics.median(result["pages"] / result["to_finish_time"] for result in results)
    cpu = statistics.median(1000 * result["cpu"] / result["pages"] for result in results)
    return rate, old, cpu


if __name__ == "__main__":
    main()
