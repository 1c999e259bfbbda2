"""The Archive: open (WAL, migrated); articles, versions, removals, runs and fetches in batches."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.paths import ArchiveError, check_archive_path
from archive.retries import settle
from archive.rows import CHILD_TABLES, VERSION_FIELDS, article_row, child_rows, version_row
from archive.schema import migrate
from archive.warc import Earlier

# An article is marked removed after this many 404/410 answers in a row (one may be a fluke).
GONE_ANSWERS_TO_REMOVE = 2


@dataclass(slots=True)
class WriteCounts:
    """What one batch did to the archive's articles."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    def add(self, other: WriteCounts) -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.removed += other.removed


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can never write `path`: `mode=ro`, or `immutable=1` when its folder
    is read-only (no -wal/-shm can be made there, and so nobody can be writing it)."""
    check_archive_path(path, must_exist=True)
    writable = os.access(path.absolute().parent, os.W_OK)
    flag = "mode=ro" if writable else "immutable=1"
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?{flag}", uri=True, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        raise ArchiveError(f"{path}: {error}") from None
    return conn


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


class Archive:
    """One SQLite archive file: articles keyed by canonical URL, with their history."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: str | Path) -> Archive:
        """Open (creating if needed) the archive at `path`, in WAL mode, migrated."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
        migrate(db)
        return cls(db)

    @classmethod
    def open_readonly(cls, path: str | Path) -> Archive:
        """Open the archive at `path` for reading only: no WAL switch, no migration, nothing
        written (works in a read-only folder); ArchiveError when it is not an archive."""
        path = Path(path)
        db = Database(read_only_connection(path))
        if not db.table("articles").exists():
            db.close()
            raise ArchiveError(f"{path} is an SQLite database but not a govarchive archive")
        return cls(db)

    @classmethod
    def in_memory(cls) -> Archive:
        """A fresh, empty archive in memory (a replay's, or a test's)."""
        db = Database(memory=True)
        migrate(db)
        return cls(db)

    def write(
        self,
        articles: Iterable[Mapping[str, Any]] = (),
        failures: Iterable[Mapping[str, Any]] = (),
        *,
        unchanged: Iterable[Mapping[str, Any]] = (),
        gone: Iterable[Mapping[str, Any]] = (),
        fetches: Iterable[Mapping[str, Any]] = (),
        run_id: int | None = None,
    ) -> WriteCounts:
        """Record one batch in one transaction and say what it changed.

        `articles` are extracted articles (a new content hash makes a new version);
        `failures` are {url, site, reason, http_status, failed_at}; `unchanged` are
        {url, fetched_at} of articles that answered 304; `gone` are {url, fetched_at} of
        articles that answered 404/410; `fetches` are rows of the `fetches` table.
        """
        counts = WriteCounts()
        with self.db.atomic():
            self._write_articles(list(articles), run_id, counts)
            self._write_failures([dict(failure) for failure in failures])
            for seen in unchanged:
                counts.unchanged += 1
                self.db.execute(
                    "UPDATE articles SET last_seen = ?, missing_count = 0, removed_at = NULL "
                    "WHERE url = ?",
                    [seen["fetched_at"], seen["url"]],
                )
            for answer in gone:
                counts.removed += self._mark_gone(answer["url"], answer["fetched_at"])
            fetch_rows = [{**fetch, "run_id": run_id} for fetch in fetches]
            if fetch_rows:
                self.db.table("fetches").insert_all(fetch_rows)
        return counts

    def _write_articles(
        self, articles: list[Mapping[str, Any]], run_id: int | None, counts: WriteCounts
    ) -> None:
        if not articles:
            return
        rows = [article_row(article) for article in articles]
        urls = [row["url"] for row in rows]
        known = {
            row["url"]: row
            for row in self.db.query(
                "SELECT a.url, a.first_seen, a.content_hash, "
                "(SELECT max(version) FROM article_versions v WHERE v.article_url = a.url) "
                f"AS version FROM articles a WHERE a.url IN ({_marks(urls)})",
                urls,
            )
        }
        versions = []
        for article, row in zip(articles, rows, strict=True):
            before = known.get(row["url"])
            row["first_seen"] = (before or {}).get("first_seen") or row["fetched_at"]
            if before is None:
                counts.new += 1
            elif before["content_hash"] == row["content_hash"] and before["version"]:
                counts.unchanged += 1
                continue
            else:
                counts.changed += 1
            # A batch may hold the same URL twice (two spellings): count versions as we go.
            version = (before or {}).get("version") or 0
            versions.append(version_row(article, version + 1, run_id, row["content_hash"]))
            known[row["url"]] = {**row, "version": version + 1}
        self.db.table("articles").upsert_all(rows, pk="url")
        if versions:
            self.db.table("article_versions").insert_all(versions)
        self._replace_children(articles, urls)
        self.db.execute(f"DELETE FROM extraction_failures WHERE url IN ({_marks(urls)})", urls)

    def _write_failures(self, failures: list[dict[str, Any]]) -> None:
        if not failures:
            return
        urls = [failure["url"] for failure in failures]
        first_failed = {
            row["url"]: row["first_failed_at"]
            for row in self.db.query(
                f"SELECT url, first_failed_at FROM extraction_failures WHERE url IN "
                f"({_marks(urls)})",
                urls,
            )
        }
        for failure in failures:
            failed_at = failure.pop("failed_at")
            failure["last_failed_at"] = failed_at
            failure["first_failed_at"] = first_failed.get(failure["url"]) or failed_at
        self.db.table("extraction_failures").upsert_all(failures, pk="url")

    def note_fetch_error(self, run_id: int, url: str, error: str) -> None:
        """Give a run's last fetch of `url` the reason its request came to nothing."""
        self.db.execute(
            "UPDATE fetches SET error = coalesce(error, ?) WHERE id = "
            "(SELECT max(id) FROM fetches WHERE run_id = ? AND url = ?)",
            [error, run_id, url],
        )

    def _mark_gone(self, url: str, fetched_at: str) -> int:
        """Count one 404/410 answer; return 1 if the article is now marked removed."""
        self.db.execute(
            "UPDATE articles SET missing_count = coalesce(missing_count, 0) + 1 WHERE url = ?",
            [url],
        )
        cursor = self.db.execute(
            "UPDATE articles SET removed_at = ? WHERE url = ? AND removed_at IS NULL "
            "AND missing_count >= ?",
            [fetched_at, url, GONE_ANSWERS_TO_REMOVE],
        )
        return cursor.rowcount

    # Runs --------------------------------------------------------------------------------------
    def start_run(self, site: str, mode: str, code_version: str, started_at: str) -> int:
        """Open a `crawl_runs` row and return its id; the site's failed URLs past the retry
        limit are given up first (archive/retries.py)."""
        settle(self.db, site, datetime.fromisoformat(started_at))
        with self.db.atomic():
            table = self.db.table("crawl_runs").insert(
                {
                    "site": site,
                    "mode": mode,
                    "code_version": code_version,
                    "started_at": started_at,
                    "status": "running",
                    "pid": os.getpid(),
                }
            )
        assert table.last_pk is not None  # insert() sets it: the row has an integer id
        return int(table.last_pk)

    def finish_run(self, run_id: int, **fields: Any) -> None:
        """Close a run with its end time, status and counts."""
        with self.db.atomic():
            self.db.table("crawl_runs").update(run_id, fields)

    def register_site(self, site: Mapping[str, Any]) -> None:
        """Upsert a `sites` row (and its agency) from a profile's public fields."""
        with self.db.atomic():
            self.db.table("agencies").upsert({"name": site["agency"]}, pk="name")
            self.db.table("sites").upsert(dict(site), pk="slug")

    # Reading, for incremental crawls --------------------------------------------------------
    def known(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Which of `urls` are archived articles, each with its validators for a conditional
        GET ({etag, last_modified})."""
        urls = list(dict.fromkeys(urls))
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(urls), 500):  # SQLite's limit on bound parameters
            chunk = urls[start : start + 500]
            sql = f"SELECT url, etag, last_modified FROM articles WHERE url IN ({_marks(chunk)})"
            found.update((row["url"], row) for row in self.db.query(sql, chunk))
        return found

    def moved(self, urls: Iterable[str]) -> dict[str, str]:
        """Which of `urls` moved for good: each one whose last fetch was a permanent redirect
        (301, 308), with the URL it pointed to."""
        if "location" not in self.db.table("fetches").columns_dict:  # opened read-only, older
            return {}
        urls = list(dict.fromkeys(urls))
        found: dict[str, str] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            sql = (
                "SELECT url, location FROM fetches WHERE id IN (SELECT max(id) FROM fetches "
                f"WHERE url IN ({_marks(chunk)}) GROUP BY url) AND status IN (301, 308) "
                "AND location IS NOT NULL"
            )
            found.update((row["url"], row["location"]) for row in self.db.query(sql, chunk))
        return found

    def failing_since(self, url: str, reason: str) -> str | None:
        """When an article page first failed to read with a reason starting with `reason`
        (None when it has not: `extraction_failures` holds its last failure)."""
        rows = list(
            self.db.query(
                "SELECT first_failed_at FROM extraction_failures WHERE url = ? "
                "AND substr(reason, 1, length(?)) = ?",
                [url, reason, reason],
            )
        )
        return rows[0]["first_failed_at"] if rows else None

    def earlier_capture(self, url: str) -> Earlier | None:
        """The last full response record archived for `url` (for a revisit record)."""
        rows = list(
            self.db.query(
                "SELECT warc_record_id, payload_digest, fetched_at FROM fetches WHERE url = ? "
                "AND warc_type = 'response' ORDER BY id DESC LIMIT 1",
                [url],
            )
        )
        if not rows:
            return None
        when = datetime.fromisoformat(rows[0]["fetched_at"]).astimezone(UTC)
        return Earlier(
            rows[0]["warc_record_id"],
            rows[0]["payload_digest"],
            when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    # Re-extraction -------------------------------------------------------------------------
    def versions_to_reextract(self, site: str | None = None) -> list[dict[str, Any]]:
        """Every version with a snapshot: id, article_url, version, site, WARC reference, and
        whether it is the article's current version (read whole: re-extraction then writes to
        the same tables)."""
        sql = (
            "SELECT v.id, v.article_url, v.version, v.warc_file, v.warc_offset, a.site, "
            "v.version = (SELECT max(version) FROM article_versions w "
            "WHERE w.article_url = v.article_url) AS current "
            "FROM article_versions v JOIN articles a ON a.url = v.article_url "
            "WHERE v.warc_file IS NOT NULL" + (" AND a.site = ?" if site else "") + " ORDER BY v.id"
        )
        return list(self.db.query(sql, [site] if site else []))

    def rewrite_extraction(self, records: list[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> int:
        """Replace the extracted fields of versions (and of articles, for current versions)
        with a new extraction; fetch facts and history stay. Returns the articles rewritten."""
        current = []
        with self.db.atomic():
            for version, fields in records:
                row = version_row(fields, version["version"], None)
                update = {k: row[k] for k in (*VERSION_FIELDS, "content_hash")}
                self.db.table("article_versions").update(version["id"], update)
                if version["current"]:
                    current.append(fields)
            if current:
                urls = [fields["url"] for fields in current]
                kept = {
                    row["url"]: row
                    for row in self.db.query(
                        f"SELECT url, site, family, source_url, fetched_at, first_seen, "
                        f"last_seen, etag, last_modified, removed_at, missing_count "
                        f"FROM articles WHERE url IN ({_marks(urls)})",
                        urls,
                    )
                }
                rows = []
                for fields in current:
                    before = kept[fields["url"]]
                    row = article_row({**before, **fields, "site": before["site"]})
                    row.update({key: before[key] for key in before})
                    rows.append(row)
                self.db.table("articles").upsert_all(rows, pk="url")
                self._replace_children(current, urls)
        return len(current)

    def _replace_children(self, articles: list[Mapping[str, Any]], urls: list[str]) -> None:
        for table in CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_url IN ({_marks(urls)})", urls)
            table_rows = [row for article in articles for row in child_rows(article)[table]]
            if table_rows:
                self.db.table(table).insert_all(table_rows)

    def walk_unfinished(self, site: str) -> bool:
        """Whether the site's last run stopped before walking its listings to the end (it was
        killed, failed, or capped), so the next must walk on past archived pages."""
        rows = list(
            self.db.query(
                "SELECT walk_complete FROM crawl_runs WHERE site = ? ORDER BY id DESC LIMIT 1",
                [site],
            )
        )
        return bool(rows) and not rows[0]["walk_complete"]

    def revisits(self, site: str, published_since: str | None) -> list[dict[str, Any]]:
        """Live articles of `site` published on or after the date (every live article when the
        date is None): what to re-check for edits and removals."""
        sql = (
            "SELECT url, source_url, etag, last_modified FROM articles "
            "WHERE site = ? AND removed_at IS NULL"
        )
        params = [site]
        if published_since is not None:
            sql += " AND published >= ?"
            params.append(published_since)
        return list(self.db.query(sql + " ORDER BY published DESC", params))

    def analyze_if_grown(self, factor: float = 1.1) -> bool:
        """Refresh the query planner's statistics (ANALYZE) when the archive has grown by
        `factor` since they were taken: facets and canned queries pick their indexes by them."""
        stats = []
        if self.db["sqlite_stat1"].exists():
            stats = list(self.db.query("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles'"))
        counted = int(stats[0]["stat"].split()[0]) if stats else 0
        if self.count() <= counted * factor:
            return False
        self.db.execute("ANALYZE")
        return True

    def count(self, table: str = "articles") -> int:
        return self.db.table(table).count

    def close(self) -> None:
        self.db.close()
