"""Faults with a test of their own: moved articles, a pagination trap, robots.txt, a page that
stays binary, full disks (each crawl bounded like tests/reliability/test_faults.py's)."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.conftest import BOUND

pytestmark = pytest.mark.slow


def test_a_page_binary_for_a_week_is_given_up(faulty) -> None:
    # A portal that links a PDF as an article would fail every run and make each walk every
    # listing page: after NOT_HTML_RETRY it is recorded, no longer left behind.
    bed = faulty("binary=0.3")
    assert bed.crawl().returncode == 1
    with sqlite3.connect(bed.db) as conn:
        conn.execute("UPDATE extraction_failures SET first_failed_at = '2020-01-01T00:00:00+00:00'")
    run = bed.crawl()
    assert run.returncode == 0, run.stdout
    assert any("not an HTML page" in (row["error"] or "") for row in run.fetch_errors())


def test_a_permanent_redirect_archives_the_article_under_its_new_url(faulty) -> None:
    # `moved`: a 301 to the page's new address, which answers (a slug corrected).
    bed = faulty("moved=0.3")
    run = bed.crawl()
    assert run.returncode == 0 and run.seconds < BOUND, run.stdout
    moved = [
        row["url"]
        for row in run.query("SELECT url FROM fetches WHERE status = 301 AND kind = 'article'")
    ]
    assert moved
    archived = run.archived()
    assert len(archived) == len(run.live())  # every article, once
    assert sum("_moved=1" in url for url in archived) == len(
        [url for url in moved if "_moved" not in url]
    )


def test_a_moved_article_is_not_asked_for_at_its_old_url_again(faulty) -> None:
    # Every incremental run fetched a 301'd article through its old URL (no archived row
    # carries it): the fetch now records where it moved, and the next run plans by that.
    bed = faulty("moved=0.3")
    first = bed.crawl()
    assert first.returncode == 0, first.stdout
    moved = first.query("SELECT url, kind, location FROM fetches WHERE status = 301")
    assert moved and all(row["location"].endswith("_moved=1") for row in moved)
    articles = {row["url"] for row in moved if row["kind"] == "article"}
    assert articles
    second = bed.crawl()
    assert second.returncode == 0, second.stdout
    fetched = {
        row["url"]
        for row in second.query("SELECT url FROM fetches WHERE run_id = ?", (second.run["id"],))
    }
    assert not articles & fetched
    assert len(second.archived()) == len(second.live())  # every article, once


def test_a_moved_listing_page_is_asked_at_its_new_url(faulty) -> None:
    # A start URL or pager answering 301 was asked at its old URL by every run.
    bed = faulty("moved=0.3")
    first = bed.crawl()
    assert first.returncode == 0, first.stdout
    moved = {
        row["url"]: row["location"]
        for row in first.query(
            "SELECT url, location FROM fetches WHERE status = 301 AND kind = 'listing'"
        )
    }
    assert moved
    second = bed.crawl("--full")  # walks every listing page
    assert second.returncode == 0, second.stdout
    fetched = {
        row["url"]: row["status"]
        for row in second.query(
            "SELECT url, status FROM fetches WHERE run_id = ? AND kind = 'listing'",
            (second.run["id"],),
        )
    }
    assert not set(moved) & set(fetched)
    assert all(fetched.get(new) == 200 for new in moved.values()), fetched


def test_a_pagination_trap_is_walked_within_a_bound(faulty) -> None:
    # `trap`: listings page on forever, the pager jumping ahead; 16,050 requests before.
    bed = faulty("trap")
    run = bed.crawl()
    assert run.returncode == 0, run.stdout
    assert run.seconds < BOUND
    assert set(run.archived()) == run.live()
    listings = run.query("SELECT count(*) FROM fetches WHERE kind = 'listing'")[0][0]
    assert listings < 150, listings


def test_a_listing_disallowed_by_robots_txt_is_no_failure(faulty) -> None:
    closed = "/thads.moj.gov.vn/dongthap/noidung/thongbao/"
    bed = faulty(None, disallow=[closed])
    first = bed.crawl()
    assert first.returncode == 0, first.stdout
    assert first.run["walk_complete"] == 1
    assert bed.crawl().run["mode"] == "incremental"  # not a resumed walk of every page


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a tmpfs of a SIZE ("200k") and give its folder (root only; skipped where it cannot
    be mounted); unmounted at teardown."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        where = tmp_path / f"tmpfs{len(mounted)}"
        where.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode().strip()}")
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_ends_the_crawl_at_once(faulty, tmpfs) -> None:
    # The WARC files go to a 200 KB disk: it fills within a few pages.
    bed = faulty(None, articles=45)
    run = bed.crawl(env={"GOVARCHIVE_WARC_DIR": str(tmpfs("200k"))})
    assert run.returncode == 1, run.stdout
    assert run.seconds < 30  # it hung on each later request's politeness turn before
    assert run.run["status"] == "warc_write_failed"  # not left 'running'
    errors = [row["error"] for row in run.fetch_errors() if row["error"]]
    assert any("WARC write failed" in error for error in errors)
    healed = bed.crawl()  # the WARC files beside the archive, with room
    assert healed.returncode == 0, healed.stdout
    archived = healed.archived()
    assert len(archived) == len(set(archived)) and set(archived) == healed.live()


def test_an_archive_on_a_full_disk_fails_the_crawl_and_the_next_one_heals(
    faulty, tmpfs, tmp_path: Path
) -> None:
    # The archive itself on a 700 KB disk: every batch failed in the writer, and the crawl
    # said "finished", exit 0, with nothing archived.
    disk = tmpfs("700k")
    bed = faulty(None, articles=60)
    bed.db = disk / "archive.db"
    warc = {"GOVARCHIVE_WARC_DIR": str(tmp_path / "warc")}
    full = bed.crawl(env=warc)
    assert full.returncode == 1, full.stdout
    assert full.seconds < BOUND and "(archive_write_failed)" in full.stdout
    assert "Traceback" not in full.stderr, full.stderr[-2000:]
    subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
    healed = bed.crawl(env=warc)
    assert healed.returncode == 0, healed.stdout
    archived = healed.archived()
    assert len(archived) == len(set(archived)) and set(archived) == healed.live()
