"""Benchmark: the single writer's throughput, articles/s that `govarchive ingest` writes.

Starts a redis-server of the system's packages and a replica with N articles per site,
seeds a distributed run of one replica site and lets one worker crawl it (its records wait
in the Redis stream), then times `ingest` draining the stream into a fresh archive (every
record kept: articles, versions, FTS, fetch rows, and the WARC records the worker built,
appended by the writer); then drains a copy of the same entries without writing WARC
records into another archive, as the reference of the same run.

Usage: python scripts/bench/writer_throughput.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import redis

from archive import Archive
from crawler.distributed.connection import RECORDS, connect
from crawler.distributed.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
KEPT = "bench:records"  # a copy of the workers' stream
SITE = "replica-thads-dongthap"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait(check: object, what: str) -> None:
    for _ in range(300):
        try:
            check()  # type: ignore[operator]
            return
        except (OSError, redis.ConnectionError):
            time.sleep(0.1)
    raise SystemExit(f"{what} did not start")


def govarchive(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    n = args.articles
    work = Path(tempfile.mkdtemp())
    redis_port, replica_port = free_port(), free_port()
    server = shutil.which("redis-server") or "redis-server"
    options = ["--bind", "127.0.0.1", "--dir", str(work), "--save", "", "--appendonly", "no"]
    processes = [
        subprocess.Popen([server, "--port", str(redis_port), *options], stdout=subprocess.DEVNULL),
        subprocess.Popen(
            [sys.executable, "-m", "replica", "--port", str(replica_port), "--articles", str(n)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        ),
    ]
    url, base = f"redis://127.0.0.1:{redis_port}/0", f"http://127.0.0.1:{replica_port}"
    try:
        wait(lambda: redis.from_url(url).ping(), "redis-server")
        wait(lambda: urllib.request.urlopen(f"{base}/__replica__/sites.json").read(), "replica")
        where = ("--redis", url, "--db", str(work / "none.db"), "--replica-url", base)
        started = time.monotonic()
        govarchive("seed", SITE, *where, "--run", "bench")
        govarchive("worker", SITE, *where, "--log-level", "ERROR")
        crawled = time.monotonic() - started
        client = connect(url)
        entries = client.xlen(RECORDS)
        client.copy(RECORDS, KEPT)  # the same entries drained twice: with WARC, and without
        backlog = int(client.info("memory")["used_memory"])  # the stream waiting, and more
        seconds = {}
        for warc_dir, db in ((work / "warc", work / "archive.db"), (None, work / "bare.db")):
            archive = Archive.open(db)
            started = time.monotonic()
            calls = ingest(client, archive, drain=True, warc_dir=warc_dir, block_ms=100)
            seconds[warc_dir is not None] = time.monotonic() - started
            archive.close()
            if warc_dir is not None:  # what the drained stream held
                backlog -= int(client.info("memory")["used_memory"])
            client.delete(*client.keys(f"{RECORDS}*"))  # the writer's run maps too
            client.copy(KEPT, RECORDS)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
    with sqlite3.connect(work / "archive.db") as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        fetches = conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
    warc_bytes = sum(path.stat().st_size for path in (work / "warc").glob("*.warc.gz"))
    shutil.rmtree(work)
    print(f"worker: {articles} articles crawled in {crawled:.1f} s (seed included)")
    print(
        f"Redis: the stream of {entries} entries held {backlog / 2**20:.1f} MiB "
        f"({backlog / fetches / 1024:.1f} KiB per fetch)"
    )
    print(
        f"ingest: {calls} of {entries} stream entries, {articles} articles and {fetches} fetch "
        f"rows in {seconds[True]:.2f} s = {articles / seconds[True]:.0f} articles/s, "
        f"{fetches / seconds[True]:.0f} fetch rows/s, {warc_bytes / 2**20:.1f} MiB of WARC files"
    )
    print(
        f"ingest of the same entries without WARC records: {seconds[False]:.2f} s = "
        f"{articles / seconds[False]:.0f} articles/s; with/without: "
        f"{seconds[False] / seconds[True]:.2f} of the rate"
    )


if __name__ == "__main__":
    main()
