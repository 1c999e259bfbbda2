"""Benchmark: pages/s of the full archive crawl against a bare Scrapy spider on the same replica.

The bare spider follows the same listing and article links but neither extracts nor stores;
the full crawl runs the project's spider, extractor and archive pipeline with every record kept
(WARC, fetch rows, versions, FTS), its writes on the writer thread (ARCHIVE_WRITER "thread");
`--inline` adds the same crawl with the writes done inline, as before the writer split. All run
against one replica server in its own process, alternately, several rounds; the ratio of
medians is what docs/benchmarks.md quotes (a ratio, because the machine is shared and absolute
rates wander).

Usage: python scripts/bench/crawl_throughput.py [--articles 2000] [--rounds 3] [--inline]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess

ROOT = Path(__file__).resolve().parents[2]
SITE = "replica-thads-dongthap"
# The links the THADS family profile follows, restated so the bare spider uses no project code.
LINK = re.compile(r"(?i)/dongthap/noidung/(?:tintuc|thongbao)/lists/[^/]+/view_detail\.aspx")
SETTINGS = {
    "LOG_LEVEL": "WARNING",
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "AUTOTHROTTLE_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
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


def run_one(mode: str, base: str, out: Path) -> None:
    """In a child process: one crawl, its stats written to `out` as JSON."""
    if mode == "bare":
        process = CrawlerProcess(SETTINGS)
        crawler = process.create_crawler(BareSpider)
        process.crawl(crawler, base=base)
    else:
        sys.path.insert(0, str(ROOT))
        from crawler.run import crawl_settings
        from crawler.spiders.portal import PortalSpider

        db = Path(tempfile.mkdtemp()) / "bench.db"
        writer = "inline" if mode == "inline" else "thread"
        process = CrawlerProcess(crawl_settings(db, base, **SETTINGS, ARCHIVE_WRITER=writer))
        crawler = process.create_crawler(PortalSpider)
        process.crawl(crawler, site=SITE)
    process.start()
    stats = crawler.stats.get_stats()
    elapsed = (stats["finish_time"] - stats["start_time"]).total_seconds()
    pages = stats.get("response_received_count", 0)
    out.write_text(json.dumps({"pages": pages, "seconds": elapsed}))


def measure(mode: str, base: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, __file__, "--child", mode, "--base", base, "--out", out.name],
            check=True,
        )
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
    parser.add_argument("--child", choices=["bare", "full", "inline"], help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.child, args.base, args.out)
        return

    port = 18765
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
        modes = ("bare", "full", "inline") if args.inline else ("bare", "full")
        rates: dict[str, list[float]] = {mode: [] for mode in modes}
        for round_number in range(1, args.rounds + 1):
            for mode in modes:
                result = measure(mode, base)
                rates[mode].append(result["pages_per_s"])
                print(
                    f"round {round_number} {mode}: {result['pages']} pages in "
                    f"{result['seconds']:.1f} s = {result['pages_per_s']:.0f} pages/s"
                )
    finally:
        replica.terminate()
        replica.wait(timeout=10)
    bare, full = statistics.median(rates["bare"]), statistics.median(rates["full"])
    print(f"median bare {bare:.0f} pages/s, full {full:.0f} pages/s, ratio {full / bare:.2f}")
    if args.inline:
        inline = statistics.median(rates["inline"])
        print(f"median full with inline writes {inline:.0f} pages/s, ratio {inline / bare:.2f}")


if __name__ == "__main__":
    main()
