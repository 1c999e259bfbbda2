"""A crawl killed with SIGKILL at any moment leaves a sound database and readable WARC files,
and the next run completes with no article lost and none duplicated."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from archive.warc import complete_records
from crawler.sites import get_site
from replica.site import SiteConfig
from tests.helpers import ROOT, read_truth, scrapy_crawl_command

# Crawls killed at every moment, in child processes.
pytestmark = pytest.mark.slow

SITE = "replica-thads-dongthap"


def fetches(db: Path) -> int:
    """Requests recorded so far (0 while the archive does not exist yet)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
    except sqlite3.OperationalError:  # being created, or locked for a moment
        return 0


def crawl_command(db: Path, replica_url: str) -> list[str]:
    # Small batches: the kill lands between, and inside, many transactions.
    return scrapy_crawl_command(SITE, db, replica_url, "ARCHIVE_BATCH_SIZE=5", "LOG_LEVEL=WARNING")


def assert_sound(db: Path) -> None:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        refs = conn.execute(
            "SELECT warc_file, warc_offset FROM fetches WHERE warc_file IS NOT NULL UNION "
            "SELECT warc_file, warc_offset FROM article_versions WHERE warc_file IS NOT NULL"
        ).fetchall()
    complete = {}
    for path in (db.parent / "warc").glob("*.warc.gz"):
        complete[path.name] = {offset for offset, _, _ in complete_records(path)}
        assert complete[path.name], f"{path.name}: not even its warcinfo record is readable"
    # Every snapshot the database points at is a whole record on disk.
    missing = [(name, offset) for name, offset in refs if offset not in complete.get(name, ())]
    assert not missing, missing[:5]


def test_sigkill_at_any_moment_loses_and_duplicates_nothing(replica_factory, tmp_path: Path):
    replica = replica_factory(config=SiteConfig(articles=400))
    db = tmp_path / "archive.db"
    rng = random.Random(7)
    kills = 0
    # Kill points: after the first requests are written, then ever later into the crawl.
    for target in (1, 60, 200, 350):
        process = subprocess.Popen(
            crawl_command(db, replica.url),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while fetches(db) < target and process.poll() is None:
                assert time.monotonic() < deadline, "the crawl made no progress"
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.05))
            if process.poll() is None:
                process.kill()
                kills += 1
        finally:
            process.kill()
            process.wait()
        assert_sound(db)
    assert kills >= 3
    final = subprocess.run(
        crawl_command(db, replica.url), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert final.returncode == 0, final.stderr[-3000:]
    assert_sound(db)
    site = get_site(SITE, replica.url)
    live = {
        site.canonical(line["url"])
        for line in read_truth(replica.url, "thads-dongthap")
        if line["status"] == "live"
    }
    with sqlite3.connect(db) as conn:
        archived = [url for (url,) in conn.execute("SELECT url FROM articles")]
        versions = conn.execute(
            "SELECT count(*), count(DISTINCT article_url) FROM article_versions"
        ).fetchone()
        runs = conn.execute("SELECT status, walk_complete, mode FROM crawl_runs ORDER BY id")
        runs = runs.fetchall()
    assert sorted(archived) == sorted(live)  # nothing lost, nothing twice
    assert versions == (len(live), len(live))  # one version each: no content stored twice
    assert runs[-1] == ("finished", 1, "resume")  # the last run walked on past archived pages
    assert all(status == "running" for status, _, _ in runs[:-1])  # killed runs stay visible
