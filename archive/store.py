"""The Archive: open (WAL, migrated), upsert articles and failures in batched transactions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.fold import fold
from archive.schema import migrate

ARTICLE_COLUMNS = (
    "url", "site", "agency", "title", "published", "author_unit", "author", "body_text",
    "source_url", "fetched_at", "extraction_path", "extractor_version", "summary", "body_html",
    "category", "updated", "language",
)  # fmt: skip
# Lists an article carries, each stored as rows of its own table keyed by (article_url, position).
CHILD_TABLES = {
    "images": ("url", "caption"),
    "attachments": ("url", "name", "type"),
    "cited_documents": ("number", "type", "issuer", "date"),
}


def article_row(article: Mapping[str, Any]) -> dict[str, Any]:
    """The `articles` row for an extracted article (see Article.to_dict plus fetch fields)."""
    row = {column: article.get(column) for column in ARTICLE_COLUMNS}
    published = row["published"] or ""
    row["year"] = int(published[:4]) if published[:4].isdigit() else None
    row["search_folded"] = fold(f"{row['title'] or ''}\n{row['body_text'] or ''}")
    row["last_seen"] = row["fetched_at"]
    row["warnings"] = "; ".join(article.get("warnings") or []) or None
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    return row


def child_rows(article: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each child table for one article."""
    return {
        table: [
            {"article_url": article["url"], "position": position}
            | {column: item.get(column) for column in columns}
            for position, item in enumerate(article.get(table) or [])
        ]
        for table, columns in CHILD_TABLES.items()
    }


class Archive:
    """One SQLite archive file: articles keyed by canonical URL, failures keyed by URL."""

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

    def write(
        self,
        articles: Iterable[Mapping[str, Any]] = (),
        failures: Iterable[Mapping[str, Any]] = (),
    ) -> None:
        """Upsert a batch of articles and failures in one transaction.

        A failure is {url, site, reason, http_status, failed_at}; an article that now extracts
        clears its earlier failure.
        """
        articles_list = list(articles)
        rows = [article_row(article) for article in articles_list]
        children = [child_rows(article) for article in articles_list]
        failure_rows = [dict(failure) for failure in failures]
        with self.db.atomic():
            if rows:
                urls = [row["url"] for row in rows]
                first_seen = self._existing("articles", "first_seen", urls)
                for row in rows:
                    row["first_seen"] = first_seen.get(row["url"]) or row["fetched_at"]
                self.db.table("articles").upsert_all(rows, pk="url")
                marks = ", ".join("?" for _ in urls)
                for table in CHILD_TABLES:
                    self.db.execute(f"DELETE FROM {table} WHERE article_url IN ({marks})", urls)
                    table_rows = [row for each in children for row in each[table]]
                    if table_rows:
                        self.db.table(table).insert_all(table_rows)
                self.db.execute(f"DELETE FROM extraction_failures WHERE url IN ({marks})", urls)
            if failure_rows:
                urls = [failure["url"] for failure in failure_rows]
                first_failed = self._existing("extraction_failures", "first_failed_at", urls)
                for failure in failure_rows:
                    failed_at = failure.pop("failed_at")
                    failure["last_failed_at"] = failed_at
                    failure["first_failed_at"] = first_failed.get(failure["url"]) or failed_at
                self.db.table("extraction_failures").upsert_all(failure_rows, pk="url")

    def _existing(self, table: str, column: str, urls: list[str]) -> dict[str, Any]:
        marks = ", ".join("?" for _ in urls)
        sql = f"SELECT url, {column} FROM {table} WHERE url IN ({marks})"
        return {row["url"]: row[column] for row in self.db.query(sql, urls)}

    def count(self, table: str = "articles") -> int:
        return self.db.table(table).count

    def close(self) -> None:
        self.db.close()
