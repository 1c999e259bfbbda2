"""One site's crawl in a process of its own, for `govarchive update`: runs the crawl, prints
its result as one JSON line on stdout, and dies with the `update` that started it."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from crawler.writer_process import die_with_parent

__all__ = ["die_with_parent", "main"]


def main(argv: list[str]) -> int:
    """argv: a JSON object {site, db, replica_url, settings}."""
    from crawler.run import run_crawl

    job = json.loads(argv[0])
    results = run_crawl([job["site"]], Path(job["db"]), job.get("replica_url"), **job["settings"])
    print(json.dumps(dataclasses.asdict(results[0])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
