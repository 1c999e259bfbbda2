"""Rows for the archive's tables, built from extracted articles (plain dicts, no SQL)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from archive.fold import fold

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
ARTICLE_COLUMNS = (
    "url",
    "site",
    "agency",
    "family",
    "title",
    "published",
    "author_unit",
    "author",
    "body_text",
    "source_url",
    "fetched_at",
    "extraction_path",
    "extractor_version",
    "summary",
    "body_html",
    "category",
    "updated",
    "language",
    "etag",
    "last_modified",
    "published_source",
)
# Lists an article carries, each stored as rows of its own table keyed by (article_url, position).
CHILD_TABLES = {
    "images": ("url", "caption"),
    "attachments": ("url", "name", "type"),
    "cited_documents": ("number", "type", "issuer", "date"),
}
# What makes two fetches of an article the same version: what a reader would cite. Bookkeeping
# (fetch time, extractor version, warnings) is left out, so a re-crawl is not an edit.
CONTENT_FIELDS = (
    "title",
    "published",
    "updated",
    "summary",
    "body_text",
    "author_unit",
    "author",
    "category",
    "tags",
    "images",
    "attachments",
)
# What a version row keeps of the extraction, and of where it came from.
VERSION_FIELDS = (
    "title",
    "published",
    "updated",
    "author_unit",
    "summary",
    "body_text",
    "extractor_version",
)
VERSION_COLUMNS = (*VERSION_FIELDS, "warc_file", "warc_offset", "warc_record_id")


def content_hash(article: Mapping[str, Any]) -> str:
    """A stable digest of the article's citable content."""
    content = {field: article.get(field) for field in CONTENT_FIELDS}
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:32]


def local_published(published: str | None, language: str | None) -> str | None:
    """The publication time as the archive's facets and pages show it: in Vietnam time for a
    Vietnamese page (a portal's JSON-LD may state UTC), as the page states it otherwise (its
    own calendar day). A date without an offset is left as it is."""
    if not published or language != "vi" or len(published) <= 10:
        return published
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    return moment.astimezone(VIETNAM_TIME).isoformat() if moment.tzinfo else published


def article_row(article: Mapping[str, Any]) -> dict[str, Any]:
    """The `articles` row for an extracted article (see Article.to_dict plus fetch fields)."""
    row = {column: article.get(column) for column in ARTICLE_COLUMNS}
    published = local_published(row["published"], row["language"]) or ""
    row["year"] = int(published[:4]) if published[:4].isdigit() else None
    row["month"] = published[:7] if published[:4].isdigit() else None
    row["search_folded"] = fold(f"{row['title'] or ''}\n{row['body_text'] or ''}")
    row["last_seen"] = row["fetched_at"]
    row["warnings"] = "; ".join(article.get("warnings") or []) or None
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    row["content_hash"] = content_hash(article)
    row["removed_at"] = None
    row["missing_count"] = 0
    return row


def version_row(
    article: Mapping[str, Any], version: int, run_id: int | None, digest: str | None = None
) -> dict[str, Any]:
    """The `article_versions` row recording this content of the article (`digest`: its
    content_hash, when the caller has it already)."""
    return {
        "article_url": article["url"],
        "version": version,
        "content_hash": digest or content_hash(article),
        "fetched_at": article.get("fetched_at"),
        "run_id": run_id,
    } | {column: article.get(column) for column in VERSION_COLUMNS}


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
