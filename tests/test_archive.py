"""The archive store: idempotent upserts, first/last seen, failures kept until the page reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.schema import migrations
from archive.store import Archive


def article(url: str, fetched_at: str, **fields: object) -> dict:
    return {
        "url": url,
        "site": "replica-thads-dongthap",
        "agency": "Cục Thi hành án dân sự tỉnh Đồng Tháp",
        "title": "Hội nghị sơ kết công tác thi hành án dân sự",
        "published": "2021-11-10",
        "body_text": "Đoạn một.\n\nĐoạn hai.",
        "fetched_at": fetched_at,
        "warnings": [],
        **fields,
    }


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    opened = Archive.open(tmp_path / "nested" / "archive.db")
    yield opened
    opened.close()


def test_open_creates_a_migrated_wal_database(archive: Archive, tmp_path: Path) -> None:
    assert (tmp_path / "nested" / "archive.db").exists()
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert migrations.pending(archive.db) == []
    assert {"articles", "articles_fts", "extraction_failures"} <= set(archive.db.table_names())


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    Archive.open(tmp_path / "a.db").close()
    again = Archive.open(tmp_path / "a.db")
    names = [row["name"] for row in again.db.query("SELECT name FROM _sqlite_migrations")]
    assert names == [migration.name for migration in migrations._migrations]


def test_upsert_keeps_first_seen_and_updates_the_rest(archive: Archive) -> None:
    archive.write([article("u1", "2026-01-01T00:00:00+00:00")])
    archive.write([article("u1", "2026-02-01T00:00:00+00:00", title="Tiêu đề đã sửa")])
    (row,) = archive.db.query("SELECT * FROM articles")
    assert row["first_seen"] == "2026-01-01T00:00:00+00:00"
    assert row["last_seen"] == "2026-02-01T00:00:00+00:00"
    assert row["title"] == "Tiêu đề đã sửa"
    assert row["year"] == 2021
    assert archive.count() == 1


def test_search_index_follows_edits(archive: Archive) -> None:
    archive.write([article("u1", "t1", title="Đại hội Đảng bộ")])
    archive.write([article("u1", "t2", title="Hội nghị tập huấn")])

    def matches(query: str) -> int:
        sql = "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?"
        return next(archive.db.query(sql, [query]))["n"]

    assert matches("dai hoi") == 0
    assert matches("tap huan") == 1
    assert matches("tập huấn") == 1


def test_failure_is_kept_with_its_reason_until_the_page_reads(archive: Archive) -> None:
    failure = {"url": "u2", "site": "s", "reason": "no body container", "http_status": 200}
    archive.write(failures=[{**failure, "failed_at": "t1"}])
    archive.write(failures=[{**failure, "failed_at": "t2"}])
    (row,) = archive.db.query("SELECT * FROM extraction_failures")
    assert (row["reason"], row["first_failed_at"], row["last_failed_at"]) == (
        "no body container",
        "t1",
        "t2",
    )
    archive.write([article("u2", "t3")])
    assert archive.count("extraction_failures") == 0
    assert archive.count() == 1


def test_an_archive_of_the_first_schema_is_migrated_in_place(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_article_fields_and_children")
    old.table("articles").insert(
        {"url": "u1", "title": "Cũ", "body_text": "x", "fetched_at": "t0", "first_seen": "t0"}
    )
    old.close()
    archive = Archive.open(path)
    assert migrations.pending(archive.db) == []
    assert "summary" in archive.db.table("articles").columns_dict
    assert next(archive.db.query("SELECT title FROM articles"))["title"] == "Cũ"
    archive.write([article("u1", "t1", images=[{"url": "https://x/a.jpg", "caption": None}])])
    assert archive.count("images") == 1


def test_child_rows_are_replaced_not_duplicated(archive: Archive) -> None:
    cited = {"number": "321/KH-UBND", "type": "Kế hoạch", "issuer": None, "date": None}
    archive.write([article("u1", "t1", cited_documents=[cited, {**cited, "number": "1/QĐ"}])])
    archive.write([article("u1", "t2", cited_documents=[cited])])
    rows = list(archive.db.query("SELECT number FROM cited_documents WHERE article_url = 'u1'"))
    assert rows == [{"number": "321/KH-UBND"}]


def test_an_older_archive_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m003_provenance")  # an archive made before issue 5
    old.table("articles").insert({"url": "u1", "title": "Đại hội", "body_text": "Nội dung"})
    old.close()
    archive = Archive.open(path)
    assert {"fetches", "crawl_runs", "article_versions", "sites"} <= set(archive.db.table_names())
    columns = set(archive.db.table("articles").columns_dict)
    assert {"removed_at", "content_hash", "family", "month"} <= columns
    row = next(archive.db.query("SELECT title, body_text FROM articles WHERE url = 'u1'"))
    assert row == {"title": "Đại hội", "body_text": "Nội dung"}
    assert next(archive.db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'hội'"))


def test_statistics_are_refreshed_when_the_archive_grows(archive: Archive) -> None:
    archive.write([article(f"u{n}", "t1") for n in range(20)])
    assert archive.analyze_if_grown()
    assert not archive.analyze_if_grown()  # nothing new since
    archive.write([article(f"v{n}", "t2") for n in range(5)])
    assert archive.analyze_if_grown()
    stat = next(archive.db.query("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles'"))
    assert stat["stat"].split()[0] == "25"
