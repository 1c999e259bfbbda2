"""Benchmark: articles/s of `govarchive reextract` (WARC snapshots -> extracted fields), offline.

Crawls every replica twin into a fresh archive (the replica in this process), stops the
replica, then re-extracts the whole archive from its WARC files, `--rounds` times, and prints
the median rate. The crawl is not timed.

Usage: python scripts/bench/reextract_speed.py [--articles-per-site 435] [--rounds 2]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.reextract import reextract
from crawler.sites import load_sites
from replica.server import ReplicaServer
from replica.site import SiteConfig

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles-per-site", type=int, default=435)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    twins = sorted(slug for slug in load_sites() if slug.startswith("replica-"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        with ReplicaServer(port=0, config=SiteConfig(articles=args.articles_per_site)) as replica:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "crawler.cli",
                    "crawl",
                    *twins,
                    "--db",
                    str(db),
                    "--replica-url",
                    replica.url,
                    "--log-level",
                    "ERROR",
                ],
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        rates = []
        for round_number in range(args.rounds):
            work = Path(tmp) / f"round{round_number}.db"
            shutil.copy(db, work)
            result = reextract(work, db.parent / "warc")
            assert not result.failures, result.failures[:3]
            rates.append(result.rate)
            print(
                f"round {round_number + 1}: {result.versions} versions in "
                f"{result.seconds:.1f} s = {result.rate:.0f}/s"
            )
        print(f"median: {statistics.median(rates):.0f} articles/s over {len(twins)} sites")


if __name__ == "__main__":
    main()
