"""One site's crawl in a process of its own, for `govarchive update`: runs the crawl, prints
its result as one JSON line on stdout, and dies with the `update` that started it."""

from __future__ import annotations

import ctypes
import dataclasses
import json
import signal
import sys
from pathlib import Path

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (a killed `update` leaves no
    crawl behind it writing to the archive); a no-op elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    """argv: a JSON object {site, db, replica_url, settings}."""
    from crawler.run import run_crawl

    job = json.loads(argv[0])
    results = run_crawl([job["site"]], Path(job["db"]), job.get("replica_url"), **job["settings"])
    print(json.dumps(dataclasses.asdict(results[0])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
