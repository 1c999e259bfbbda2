"""Benchmark: memory of a long crawl, peak RSS in the first tenth of the crawl against the last.

Starts a replica with N articles of one site and runs `govarchive crawl` of it (every record
kept: WARC, fetch rows, versions, FTS) in a child process whose resident set size (VmRSS) is
read every half second, alone and with its own child processes (the extraction workers,
EXTRACT_WORKERS). A crawl that holds on to what it fetched grows
from the first tenth of its samples to the last; the issue's bound is 50 MB.

Usage: python scripts/bench/crawl_memory.py [--articles 5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = "replica-thads-dongthap"
SAMPLE_SECONDS = 0.5


def rss_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def descendants(pid: int) -> list[int]:
    """The processes under `pid` (the extraction workers)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the archive and WARC files here")
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    replica = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", str(port), "--articles", str(args.articles)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    work = args.keep or Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    samples: list[float] = []
    together: list[float] = []  # the crawl with its child processes
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/__replica__/sites.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        started = time.monotonic()
        db = str(work / "archive.db")
        crawl = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "crawl", SITE, "--db", db, "--replica-url", base],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        while crawl.poll() is None:
            if (rss := rss_mib(crawl.pid)) is not None:
                samples.append(rss)
                together.append(rss + sum(rss_mib(c) or 0 for c in descendants(crawl.pid)))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.monotonic() - started
        summary = crawl.stdout.read() if crawl.stdout else ""
    finally:
        replica.terminate()
        replica.wait(timeout=10)
        if args.keep is None:
            shutil.rmtree(work)
    tenth = max(1, len(samples) // 10)
    first, last = max(samples[:tenth]), max(samples[-tenth:])
    print(summary.strip())
    print(
        f"{len(samples)} samples over {seconds:.0f} s: peak RSS {first:.0f} MiB in the first "
        f"tenth, {last:.0f} MiB in the last, growth {last - first:+.0f} MiB "
        f"(highest {max(samples):.0f} MiB)"
    )
    first, last = max(together[:tenth]), max(together[-tenth:])
    print(
        f"with its child processes (extraction workers): {first:.0f} MiB in the first "
        f"tenth, {last:.0f} MiB in the last, growth {last - first:+.0f} MiB"
    )


if __name__ == "__main__":
    main()
