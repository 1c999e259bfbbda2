"""Incremental crawls as cron runs them: few requests when nothing changed, new and edited
articles caught, one row per article however it is linked; counts read from the archive."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import read_truth, run_govarchive

# Runs of crawls in child processes against a changing replica.
pytestmark = pytest.mark.slow

SITE = "replica-thads-dongthap"
TRUTH_SITE = "thads-dongthap"
BASE = SiteConfig(articles=2000)
CHANGED = dataclasses.replace(BASE, new_articles=5, edits=2)


def query(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def crawl(db: Path, replica: ReplicaServer, *args: str, returncode: int = 0) -> sqlite3.Row:
    """Run one crawl and return its `crawl_runs` row (exit 1: pages were left behind)."""
    result = run_govarchive("crawl", SITE, "--db", str(db), "--replica-url", replica.url, *args)
    assert result.returncode == returncode, result.stderr[-3000:]
    return query(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]


@dataclasses.dataclass
class Runs:
    db: Path
    first: sqlite3.Row
    second: sqlite3.Row
    third: sqlite3.Row
    truth_before: list[dict]
    truth_after: list[dict]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """Three cron runs of a 2,000-article site: a first crawl, a second with nothing changed,
    and a third after the site added 5 articles and edited 2."""
    db = tmp_path_factory.mktemp("incremental") / "archive.db"
    with ReplicaServer(port=0, config=BASE) as replica:
        truth_before = read_truth(replica.url, TRUTH_SITE)
        edited = [line for line in read_truth_of(CHANGED) if line["edited"]]
        # The replica's calendar ends in 2022: cron's revisit window is given as --since, the
        # way an operator catching up on a period would, reaching the articles it will edit.
        since = min(line["published"][:10] for line in edited)
        first = crawl(db, replica)
        second = crawl(db, replica, "--since", since)
        replica.reconfigure(CHANGED)
        third = crawl(db, replica, "--since", since)
        truth_after = read_truth(replica.url, TRUTH_SITE)
    yield Runs(db, first, second, third, truth_before, truth_after)


def read_truth_of(config: SiteConfig) -> list[dict]:
    with ReplicaServer(port=0, config=config) as replica:
        return read_truth(replica.url, TRUTH_SITE)


def test_first_run_archives_every_article(runs: Runs) -> None:
    live = [line for line in runs.truth_before if line["status"] == "live"]
    assert len(live) >= 1990
    assert runs.first["new_articles"] == len(live)
    sql = "SELECT count(DISTINCT article_url) FROM article_versions WHERE run_id = ?"
    assert query(runs.db, sql, (runs.first["id"],))[0][0] == len(live)


def test_runs_and_fetches_agree(runs: Runs) -> None:
    for run in (runs.first, runs.second, runs.third):
        fetched = query(runs.db, "SELECT count(*) FROM fetches WHERE run_id = ?", (run["id"],))
        assert run["requests"] == fetched[0][0] > 0
        assert run["status"] == "finished"
        assert run["finished_at"] >= run["started_at"]
        assert run["code_version"].startswith("govarchive ")
    robots = query(
        runs.db,
        "SELECT count(*) FROM fetches WHERE kind = 'robots' AND run_id = ?",
        (runs.second["id"],),
    )
    assert robots[0][0] == 1  # robots.txt is fetched, and counted, on every run


def test_second_run_with_nothing_changed_costs_at_most_3_percent(runs: Runs) -> None:
    assert runs.second["new_articles"] == runs.second["changed_articles"] == 0
    assert runs.second["requests"] <= 0.03 * runs.first["requests"], (
        runs.second["requests"],
        runs.first["requests"],
    )
    # The revisits were conditional: the unchanged articles answered 304.
    statuses = query(
        runs.db,
        "SELECT status, count(*) AS n FROM fetches WHERE run_id = ? AND kind = 'revisit' "
        "GROUP BY status",
        (runs.second["id"],),
    )
    assert {row["status"]: row["n"] for row in statuses} == {304: runs.second["unchanged_articles"]}


def test_third_run_archives_the_new_and_the_edited(runs: Runs) -> None:
    site = get_site(SITE)
    new = {site.canonical(line["url"]) for line in runs.truth_after} - {
        site.canonical(line["url"]) for line in runs.truth_before
    }
    edited = {line["url"]: line for line in runs.truth_after if line["edited"]}
    assert len(new) == 5 and len(edited) == 2
    assert runs.third["new_articles"] == 5
    assert runs.third["changed_articles"] == 2
    for url, line in edited.items():
        row = query(runs.db, "SELECT * FROM articles WHERE url = ?", (site.canonical(url),))[0]
        assert row["body_text"] == line["body_text"]
        versions = query(
            runs.db,
            "SELECT version, body_text FROM article_versions WHERE article_url = ? "
            "ORDER BY version",
            (row["url"],),
        )
        assert [v["version"] for v in versions] == [1, 2]
        assert versions[0]["body_text"] != versions[1]["body_text"] == line["body_text"]
    archived = {row["url"] for row in query(runs.db, "SELECT url FROM articles")}
    assert new <= archived
    live = [line for line in runs.truth_after if line["status"] == "live"]
    assert len(archived) == len(live)  # nothing twice


def test_same_article_under_other_spellings_is_fetched_and_stored_once(
    replica_factory, tmp_path: Path
) -> None:
    # Every link carries a session id that differs per page (;jsessionid=, ASP.NET_SessionId=,
    # sid=), and SharePoint links mix letter case: one row and one fetch per article anyway.
    replica = replica_factory(config=SiteConfig(articles=60), faults="sessionid=1.0")
    db = tmp_path / "archive.db"
    run = crawl(db, replica)
    live = [line for line in read_truth(replica.url, TRUTH_SITE) if line["status"] == "live"]
    site = get_site(SITE)
    archived = [row["url"] for row in query(db, "SELECT url FROM articles")]
    assert sorted(archived) == sorted({site.canonical(line["url"]) for line in live})
    fetched = query(
        db, "SELECT count(*) FROM fetches WHERE kind = 'article' AND run_id = ?", (run["id"],)
    )
    assert fetched[0][0] == len(live)


def test_max_articles_caps_a_run(replica: ReplicaServer, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    run = crawl(db, replica, "--max-articles", "7")
    assert run["new_articles"] == 7
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 7


def test_since_archives_only_newer_articles(replica: ReplicaServer, tmp_path: Path) -> None:
    truth = read_truth(replica.url, TRUTH_SITE)
    days = sorted(line["published"][:10] for line in truth if line["published"])
    since = days[len(days) // 2]
    db = tmp_path / "archive.db"
    crawl(db, replica, "--since", since)
    rows = query(db, "SELECT published FROM articles")
    dated = [row["published"][:10] for row in rows if row["published"]]
    assert dated and min(dated) >= since
    assert len(dated) == sum(1 for day in days if day >= since)
    # An article that shows no date may be new: it is archived (with a warning), not dropped.
    assert len(rows) - len(dated) == sum(1 for line in truth if not line["published"])


def test_full_run_rechecks_every_article(replica: ReplicaServer, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    first = crawl(db, replica)
    full = crawl(db, replica, "--full")
    assert full["mode"] == "full"
    assert full["unchanged_articles"] == first["new_articles"]
    assert full["new_articles"] == full["changed_articles"] == 0


def test_a_listing_that_keeps_failing_leaves_the_walk_unfinished(
    replica_factory, tmp_path: Path
) -> None:
    # The listing pages the fault SPEC picks answer 5xx far longer than the crawler retries.
    replica = replica_factory(config=SiteConfig(articles=200), faults="5xx=0.3:1000")
    db = tmp_path / "archive.db"
    first = crawl(db, replica, returncode=1)
    failed = query(
        db,
        "SELECT count(DISTINCT url) FROM fetches WHERE kind = 'listing' AND status >= 500 "
        "AND run_id = ?",
        (first["id"],),
    )
    assert failed[0][0] > 0
    assert first["walk_complete"] == 0
    assert crawl(db, replica, returncode=1)["mode"] == "resume"
