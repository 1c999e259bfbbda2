"""`govarchive export` (JSON lines, CSV, WARC) and `govarchive reextract` from the command line,
on an archive crawled from two replica sites."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import run_govarchive

# Exports of an archive crawled in a child process.
pytestmark = pytest.mark.slow

SITES = ("replica-thads-dongthap", "replica-mof")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "archive.db"
    with ReplicaServer(port=0, config=SiteConfig(articles=20)) as replica:
        result = run_govarchive("crawl", *SITES, "--db", str(db), "--replica-url", replica.url)
    assert result.returncode == 0, result.stderr[-3000:]
    return db


def rows(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def test_jsonl_holds_every_article_with_its_lists(archive: Path) -> None:
    result = run_govarchive("export", "--db", str(archive), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    stored = {row["url"]: row for row in rows(archive, "SELECT * FROM articles")}
    assert sorted(article["url"] for article in exported) == sorted(stored)
    for article in exported:
        row = stored[article["url"]]
        assert (article["title"], article["body_text"], article["author_unit"]) == (
            row["title"],
            row["body_text"],
            row["author_unit"],
        )
        cited = rows(
            archive,
            "SELECT number FROM cited_documents WHERE article_url = ? ORDER BY position",
            (article["url"],),
        )
        assert [c["number"] for c in article["cited_documents"]] == [c["number"] for c in cited]
        assert isinstance(article["tags"], list)
    assert "40 articles exported" in result.stderr  # the count goes to stderr, not the data


def test_csv_filtered_by_site_and_date(archive: Path, tmp_path: Path) -> None:
    since = sorted(
        r["published"]
        for r in rows(archive, "SELECT published FROM articles WHERE site = 'replica-mof'")
    )[10][:10]
    out = tmp_path / "mof.csv"
    result = run_govarchive(
        "export",
        "--db",
        str(archive),
        "--format",
        "csv",
        "--site",
        "replica-mof",
        "--since",
        since,
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    expected = rows(
        archive, "SELECT url FROM articles WHERE site = 'replica-mof' AND published >= ?", (since,)
    )
    assert sorted(r["url"] for r in table) == sorted(r["url"] for r in expected)
    assert all(r["site"] == "replica-mof" and r["published"] >= since for r in table)
    assert "body_html" not in table[0]


def test_warc_export_copies_each_version_byte_for_byte(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "dongthap.warc.gz"
    result = run_govarchive(
        "export",
        "--db",
        str(archive),
        "--format",
        "warc",
        "--site",
        "replica-thads-dongthap",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", str(out)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    versions = rows(
        archive,
        "SELECT v.warc_record_id FROM article_versions v JOIN articles a "
        "ON a.url = v.article_url WHERE a.site = 'replica-thads-dongthap'",
    )
    with out.open("rb") as stream:
        records = [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Record-ID"),
                r.rec_headers.get_header("WARC-Concurrent-To"),
            )
            for r in ArchiveIterator(stream)
        ]
    responses = [record_id for kind, record_id, _ in records if kind == "response"]
    assert sorted(responses) == sorted(v["warc_record_id"] for v in versions)
    requests = [concurrent for kind, _, concurrent in records if kind == "request"]
    assert requests == responses  # each response followed by the request that fetched it


def test_warc_export_needs_an_output_file(archive: Path) -> None:
    result = run_govarchive("export", "--db", str(archive), "--format", "warc")
    assert result.returncode == 2
    assert "--format warc needs --output FILE" in result.stderr


def test_reextract_command_reports_what_it_did(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(archive.read_bytes())
    (tmp_path / "warc").symlink_to(archive.parent / "warc")
    result = run_govarchive("reextract", "--db", str(db), "--site", "replica-mof")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("20 versions re-extracted (20 current articles)")
    assert "0 failed" in result.stdout
