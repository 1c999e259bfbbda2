"""Exports of the archive: articles as JSON lines or CSV, snapshots as one WARC file."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from archive.rows import CHILD_TABLES

EXPORTED_COLUMNS = (
    "url",
    "site",
    "agency",
    "family",
    "title",
    "published",
    "updated",
    "author_unit",
    "author",
    "category",
    "tags",
    "summary",
    "body_text",
    "body_html",
    "language",
    "source_url",
    "first_seen",
    "last_seen",
    "removed_at",
    "content_hash",
    "extractor_version",
)


def selected_articles(db: Database, site: str | None, since: str | None) -> Iterator[dict]:
    """Articles of `site` (all sites if None) published on or after `since`, by URL."""
    where, params = [], []
    if site:
        where.append("site = ?")
        params.append(site)
    if since:
        where.append("published >= ?")
        params.append(since)
    sql = f"SELECT {', '.join(EXPORTED_COLUMNS)} FROM articles"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY url"
    yield from db.query(sql, params)


def write_jsonl(db: Database, out: IO[str], site: str | None, since: str | None) -> int:
    """One JSON object per article, with its images, attachments and cited documents."""
    count = 0
    for article in selected_articles(db, site, since):
        article["tags"] = json.loads(article["tags"] or "[]")
        for table, columns in CHILD_TABLES.items():
            rows = db.query(
                f"SELECT {', '.join(columns)} FROM {table} WHERE article_url = ? ORDER BY position",
                [article["url"]],
            )
            article[table] = list(rows)
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(db: Database, out: IO[str], site: str | None, since: str | None) -> int:
    """One row per article (no child lists; body_html left out)."""
    columns = [column for column in EXPORTED_COLUMNS if column != "body_html"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for article in selected_articles(db, site, since):
        writer.writerow(article)
        count += 1
    return count


def _members(path: Path, offset: int, count: int) -> bytes:
    """The bytes of `count` consecutive gzip members (records) starting at `offset`."""
    with path.open("rb") as stream:
        stream.seek(offset)
        records = ArchiveIterator(stream)
        end = offset
        for index, record in enumerate(records):
            records.read_to_end(record)
            end = records.get_record_offset() + records.get_record_length()  # absolute
            if index + 1 == count:
                break
        stream.seek(offset)
        return stream.read(end - offset)


def write_warc(
    db: Database, warc_dir: Path, out: IO[bytes], site: str | None, since: str | None
) -> int:
    """Every version's response record and its request record, copied byte for byte."""
    count = 0
    for article in selected_articles(db, site, since):
        rows: list[dict[str, Any]] = list(
            db.query(
                "SELECT warc_file, warc_offset FROM article_versions WHERE article_url = ? "
                "AND warc_file IS NOT NULL ORDER BY version",
                [article["url"]],
            )
        )
        for row in rows:
            out.write(_members(warc_dir / row["warc_file"], row["warc_offset"], 2))
            count += 1
    return count
