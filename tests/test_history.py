"""Edits and removals through the replica's knobs: versions kept, removals marked (after two
answers), what changed shown by `govarchive diff`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import read_truth, run_govarchive

# Crawls in child processes, before and after the replica changes.
pytestmark = pytest.mark.slow

SITE = "replica-thads-dongthap"
BASE = SiteConfig(articles=60)
CHANGED = SiteConfig(articles=60, edits=2, remove=3)


def query(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def crawl(db: Path, replica: ReplicaServer, *args: str) -> None:
    result = run_govarchive("crawl", SITE, "--db", str(db), "--replica-url", replica.url, *args)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory):
    """An archive crawled, then re-crawled twice (--full) after 2 edits and 3 removals, with
    the archive's state after each of the re-crawls."""
    db = tmp_path_factory.mktemp("history") / "archive.db"
    with ReplicaServer(port=0, config=BASE) as replica:
        crawl(db, replica)
        replica.reconfigure(CHANGED)
        truth = read_truth(replica.url, "thads-dongthap")
        crawl(db, replica, "--full")
        after_one = {row["url"]: dict(row) for row in query(db, "SELECT * FROM articles")}
        crawl(db, replica, "--full")
    site = get_site(SITE, replica.url)
    for line in truth:
        line["url"] = site.canonical(line["url"])
    return db, truth, after_one


def test_an_edit_makes_a_new_version_and_keeps_the_old(history) -> None:
    db, truth, _ = history
    edited = [line for line in truth if line["edited"]]
    assert len(edited) == 2
    for line in edited:
        versions = query(
            db,
            "SELECT * FROM article_versions WHERE article_url = ? ORDER BY version",
            (line["url"],),
        )
        assert [v["version"] for v in versions] == [1, 2]
        assert versions[1]["body_text"] == line["body_text"] != versions[0]["body_text"]
        assert versions[0]["content_hash"] != versions[1]["content_hash"]
        assert all(v["warc_record_id"] and v["warc_file"] for v in versions)
        current = query(db, "SELECT * FROM articles WHERE url = ?", (line["url"],))[0]
        assert current["body_text"] == line["body_text"]
        assert current["content_hash"] == versions[1]["content_hash"]
    unchanged = [line for line in truth if not line["edited"] and line["status"] == "live"]
    counts = query(db, "SELECT article_url, count(*) AS n FROM article_versions GROUP BY 1")
    by_url = {row["article_url"]: row["n"] for row in counts}
    assert all(by_url[line["url"]] == 1 for line in unchanged)


def test_a_removed_article_is_marked_after_two_answers_and_kept(history) -> None:
    db, truth, after_one = history
    removed = [line for line in truth if line["status"] == "removed"]
    assert len(removed) == 3
    for line in removed:
        assert after_one[line["url"]]["removed_at"] is None  # one 404/410 may be a fluke
        assert after_one[line["url"]]["missing_count"] == 1
        row = query(db, "SELECT * FROM articles WHERE url = ?", (line["url"],))[0]
        assert row["removed_at"] is not None and row["missing_count"] == 2
        assert row["title"] == line["title"] and row["body_text"]  # the content stays
    marked = query(db, "SELECT count(*) FROM articles WHERE removed_at IS NOT NULL")[0][0]
    assert marked == 3
    runs = query(db, "SELECT removed_articles FROM crawl_runs ORDER BY id")
    assert [run["removed_articles"] for run in runs] == [0, 0, 3]


def test_diff_shows_what_changed(history) -> None:
    db, truth, _ = history
    line = next(line for line in truth if line["edited"])
    result = run_govarchive("diff", line["url"], "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "2 version(s)" in result.stdout
    assert "--- version 1" in result.stdout and "+++ version 2" in result.stdout
    added = [
        row[1:]
        for row in result.stdout.splitlines()
        if row.startswith("+ ") or (row.startswith("+") and not row.startswith("+++"))
    ]
    assert added and all(text in line["body_text"] for text in added if text)


def test_diff_of_an_unknown_url_says_so(history) -> None:
    db, _, _ = history
    result = run_govarchive("diff", "https://example.org/nope", "--db", str(db))
    assert result.returncode == 2
    assert "no versions of https://example.org/nope" in result.stderr


def test_diff_marks_a_removed_article(history) -> None:
    db, truth, _ = history
    line = next(line for line in truth if line["status"] == "removed")
    result = run_govarchive("diff", line["url"], "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "removed 20" in result.stdout  # "removed <timestamp>"
