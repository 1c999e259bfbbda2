"""End to end: the replica THADS portal crawled into an archive that Datasette searches."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
import unicodedata
import urllib.parse
from pathlib import Path

import pytest

from archive.web import make_datasette
from crawler.sites import get_site
from tests.helpers import (
    GOVARCHIVE,
    REPLICA_SITE,
    ROOT,
    SEED_TITLE,
    fetch,
    free_port,
    run_govarchive,
    wait_for_http,
)
from tests.web_archive import demo_lock, plain_demo

# The seed site crawled in a child process, the demo, a served archive.
pytestmark = pytest.mark.slow

REPLICA_ARTICLES = 45
SEARCH_SPELLINGS = [
    "binh dang gioi",
    "bình đẳng giới",
    "Dong Thap",
    unicodedata.normalize("NFD", "bình đẳng giới"),
]


def rows(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def archived(db: Path, url: str) -> sqlite3.Row:
    canonical = get_site(REPLICA_SITE).canonical(url)
    found = rows(db, "SELECT * FROM articles WHERE url = ?", (canonical,))
    assert found, f"{url} is not in the archive"
    return found[0]


def test_seed_article_is_archived_exactly(crawled_db: Path) -> None:
    (seed,) = rows(crawled_db, "SELECT * FROM articles WHERE title = ?", (SEED_TITLE,))
    assert seed["published"] == "2021-11-10"
    assert seed["author_unit"] == "Ban Vì sự tiến bộ phụ nữ"
    assert seed["agency"] == "Cục Thi hành án dân sự tỉnh Đồng Tháp"
    assert seed["body_text"].startswith("Nhằm thu hút sự quan tâm")
    assert seed["body_text"].endswith(
        "hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
        "trên cơ sở giới năm 2021."
    )
    for boilerplate in ("Sign In", "Các tin đã đưa ngày", "Theo Ban", SEED_TITLE):
        assert boilerplate not in seed["body_text"]
    assert seed["fetched_at"]
    assert unicodedata.is_normalized("NFC", seed["body_text"])


def test_replica_serves_the_expected_number_of_articles(truth: list[dict]) -> None:
    assert len(truth) == REPLICA_ARTICLES
    assert len({line["url"] for line in truth}) == REPLICA_ARTICLES


def test_every_article_is_archived_once_and_nothing_failed(
    crawled_db: Path, truth: list[dict]
) -> None:
    site = get_site(REPLICA_SITE)
    archived_urls = {row["url"] for row in rows(crawled_db, "SELECT url FROM articles")}
    assert archived_urls == {site.canonical(line["url"]) for line in truth}
    assert rows(crawled_db, "SELECT * FROM extraction_failures") == []


@pytest.mark.parametrize("index", range(REPLICA_ARTICLES), ids=lambda i: f"article{i:02d}")
def test_archived_article_matches_truth(crawled_db: Path, truth: list[dict], index: int) -> None:
    expected = truth[index]
    row = archived(crawled_db, expected["url"])
    assert row["title"] == expected["title"]
    assert row["published"] == expected["published"]
    assert row["author_unit"] == expected["author_unit"]
    assert row["author"] == expected["author"]
    assert row["body_text"] == expected["body_text"]
    paragraphs = row["body_text"].split("\n\n")
    assert paragraphs[0] == expected["first_paragraph"]
    assert paragraphs[-1] == expected["last_paragraph"]
    assert row["site"] == REPLICA_SITE


def test_page_without_date_is_archived_with_a_warning(
    crawled_db: Path, truth: list[dict], crawl_log: str
) -> None:
    undated = [line for line in truth if line["published"] is None]
    assert len(undated) == 1
    row = archived(crawled_db, undated[0]["url"])
    assert row["published"] is None
    assert row["title"] == undated[0]["title"]
    assert "no publication date found" in row["warnings"]
    assert f"{row['url']}: no publication date found (archived anyway)" in crawl_log


def test_second_crawl_adds_no_rows(crawled_db: Path, replica, tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    shutil.copy(crawled_db, db)
    before = rows(db, "SELECT url, first_seen FROM articles ORDER BY url")
    # --full re-checks every article (each answers 304 or its unchanged page).
    result = run_govarchive(
        "crawl", REPLICA_SITE, "--db", str(db), "--replica-url", replica.url, "--full"
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = rows(db, "SELECT url, first_seen, last_seen FROM articles ORDER BY url")
    assert len(after) == len(before) == REPLICA_ARTICLES
    assert [tuple(row)[:2] for row in after] == [tuple(row) for row in before]
    # Every article was seen again by that run (timestamps have one-second resolution, so
    # "later than first_seen" could tie with a first crawl that ended a moment before).
    (run,) = rows(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert run["mode"] == "full" and run["unchanged_articles"] == REPLICA_ARTICLES
    assert all(row["last_seen"] >= run["started_at"] for row in after)


def _search(db: Path, query: str) -> list[dict]:
    datasette = make_datasette(db)
    path = f"/{db.stem}/articles.json"
    response = asyncio.run(datasette.client.get(path, params={"_search": query, "_shape": "array"}))
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("query", SEARCH_SPELLINGS, ids=["folded", "accented", "place", "nfd"])
def test_search_finds_the_seed_in_every_spelling(crawled_db: Path, query: str) -> None:
    titles = [row["title"] for row in _search(crawled_db, query)]
    assert SEED_TITLE in titles


def test_search_for_absent_words_finds_nothing(crawled_db: Path) -> None:
    assert _search(crawled_db, "xyzzy khongcotu") == []


def test_served_archive_answers_search_over_http(crawled_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*GOVARCHIVE, "serve", "--db", str(crawled_db), "--port", str(port)], cwd=ROOT
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/-/versions.json", server)
        for query in SEARCH_SPELLINGS:
            params = urllib.parse.urlencode({"_search": query, "_shape": "array"})
            found = json.loads(fetch(f"{base}/{crawled_db.stem}/articles.json?{params}"))
            assert SEED_TITLE in [row["title"] for row in found], query
        page = fetch(f"{base}/{crawled_db.stem}/articles").decode("utf-8")
        assert 'name="_search"' in page  # the search box
        assert "agency" in page and "year" in page  # the facets
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_scrapy_command_line_crawls_the_same(replica, tmp_path: Path) -> None:
    db = tmp_path / "scrapy.db"
    result = subprocess.run(
        [
            "scrapy",
            "crawl",
            "portal",
            "-a",
            f"site={REPLICA_SITE}",
            "-s",
            f"ARCHIVE_DB={db}",
            "-s",
            f"REPLICA_URL={replica.url}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": f"{Path(GOVARCHIVE[0]).parent}:/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == REPLICA_ARTICLES


def test_demo_without_serving_builds_the_archive(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    demo = plain_demo(tmp_path_factory)  # the session's first demo (the web tests' too)
    assert f"replica-thads-dongthap: {REPLICA_ARTICLES} new" in demo.stdout
    db = demo.copy(tmp_path / "demo")
    before = rows(db, "SELECT count(*) FROM articles")[0][0]
    # A second demo (its replica on the same port) finds the same URLs: nothing new.
    with demo_lock(tmp_path_factory):
        result = run_govarchive(
            "demo", "--no-serve", "--db", str(db), "--replica-port", str(demo.port)
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "replica-thads-dongthap: 0 new" in result.stdout
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == before > REPLICA_ARTICLES
    assert rows(db, "SELECT count(*) FROM articles WHERE title = ?", (SEED_TITLE,))[0][0] == 1


def test_demo_ends_up_serving(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    # On a copy of the session's demo (its crawl then finds nothing new): the crawl of every
    # site from an empty archive is the test above.
    plain = plain_demo(tmp_path_factory)
    db, port = plain.copy(tmp_path / "demo"), free_port()
    command = ["demo", "--db", str(db), "--port", str(port), "--replica-port", str(plain.port)]
    with demo_lock(tmp_path_factory):  # its replica answers on the shared demo's port
        demo = subprocess.Popen(
            [*GOVARCHIVE, *command],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", demo, timeout=120)
            search = (
                f"http://127.0.0.1:{port}/demo/articles.json?_search=binh+dang+gioi&_shape=array"
            )
            (seed,) = [row for row in json.loads(fetch(search)) if row["title"] == SEED_TITLE]
            assert SEED_TITLE in fetch(seed["url"]).decode("utf-8")  # the replica still answers
        finally:
            demo.terminate()
            demo.wait(timeout=10)
