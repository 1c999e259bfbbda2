"""Benchmark: seconds to learn a profile from a capture of 8 and of 20 articles of a twin,
against reading the same articles once by the generic path (the reference, in the same run).

The captures are made first (not timed) from a replica server in this process; each learn is
run `--rounds` times and the median kept. docs/benchmarks.md quotes the medians and the ratio.

Usage: python scripts/bench/learn_speed.py [--site replica-thads-dongthap] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from crawler.extract import extract_article
from crawler.learn.learn import learn_capture
from crawler.learn.pages import read_manifest, read_pages
from replica.server import ReplicaServer
from replica.site import SiteConfig

ROOT = Path(__file__).resolve().parents[2]


def _capture(site: str, url: str, out: Path, articles: int) -> None:
    command = [sys.executable, "-m", "crawler.cli", "capture", site, "--out", str(out)]
    command += ["--articles", str(articles), "--replica-url", url]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def _read_all(pages: list) -> None:
    for page in pages:
        extract_article(page.text, page.url, generic=True)


def _median(task, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="replica-thads-dongthap")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with (
        ReplicaServer(port=0, config=SiteConfig(articles=40)) as server,
        tempfile.TemporaryDirectory() as scratch,
    ):
        for count in (8, 20):
            folder = Path(scratch) / str(count)
            _capture(args.site, server.url, folder, count)
            pages = [p for p in read_pages(folder, read_manifest(folder)) if p.kind == "article"]
            generic = _median(partial(_read_all, pages), args.rounds)
            learn = _median(partial(learn_capture, folder, "bench", "Bench"), args.rounds)
            print(
                f"{args.site}: {len(pages)} articles: learn {learn:.2f} s "
                f"(median of {args.rounds}); generic reading alone {generic:.2f} s; "
                f"ratio {learn / generic:.1f}"
            )


if __name__ == "__main__":
    main()
