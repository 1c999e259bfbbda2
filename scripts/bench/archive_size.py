"""Benchmark: an archive's size per million articles, split into articles, full-text index,
versions, fetch log and the rest (SQLite's dbstat), and its WARC files, scaled linearly.

Measure an archive of N articles (a crawl of the replica, or one made by
scripts/bench/synthetic_archive.py) and scale to a million: every part grows with the
articles (one row, one index entry and one version each; a crawl's fetch rows and WARC
records by the pages per article).

Usage: python scripts/bench/archive_size.py DB [--warc DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

GROUPS = (
    ("full-text index", ("articles_fts",)),
    ("versions", ("article_versions",)),
    ("fetch log", ("fetches",)),
    ("articles", ("articles", "sqlite_autoindex_articles", "idx_articles")),
)


def group(name: str) -> str:
    for label, prefixes in GROUPS:
        if any(name.startswith(prefix) for prefix in prefixes):
            return label
    return "the rest"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--warc", type=Path, help="the archive's WARC folder")
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    count = "SELECT count(*), avg(length(body_text)) FROM articles"
    articles, body = conn.execute(count).fetchone()
    sizes: dict[str, int] = {}
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        sizes[group(name)] = sizes.get(group(name), 0) + size
    scale = 1_000_000 / articles
    print(f"{args.db.name}: {articles} articles, body {body:.0f} characters on average")
    total = args.db.stat().st_size
    parts = [*sizes.items(), ("file", total)]
    if args.warc is not None:
        parts.append(("WARC", sum(f.stat().st_size for f in args.warc.rglob("*.warc.gz"))))
    for label, size in parts:
        print(
            f"  {label:16} {size / 2**20:9.1f} MiB  {size / articles / 1024:6.2f} KiB/article"
            f"  {size * scale / 2**30:7.2f} GiB per million (x{scale:g}, linear)"
        )


if __name__ == "__main__":
    main()
