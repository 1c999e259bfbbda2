"""Everything the article page shows about one article, read from the archive in one go."""

from __future__ import annotations

import sqlite3
from typing import Any

from archive.render import clean_body_html, diff_html, field_changes, safe_link
from archive.rows import local_published

# Other articles listed under each cited document (the canned query lists them all).
CO_CITING = 10
VERSION_FIELDS = ("title", "published", "updated", "author_unit", "summary")


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _cited(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    cited = _dicts(
        conn.execute(
            "SELECT position, number, type, issuer, date FROM cited_documents "
            "WHERE article_url = ? ORDER BY position",
            [url],
        )
    )
    for document in cited:
        others = _dicts(
            conn.execute(
                "SELECT a.url, a.title, a.agency, a.published FROM cited_documents c "
                "JOIN articles a ON a.url = c.article_url "
                "WHERE c.number = ? AND c.article_url != ? "
                "GROUP BY a.url ORDER BY a.published DESC LIMIT ?",
                [document["number"], url, CO_CITING + 1],
            )
        )
        document["others"] = others[:CO_CITING]
        document["more"] = len(others) > CO_CITING
    return cited


def _versions(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    """Versions newest first, each with what changed since the one before it."""
    versions = _dicts(
        conn.execute(
            "SELECT version, fetched_at, extractor_version, title, published, updated, "
            "author_unit, summary, body_text FROM article_versions "
            "WHERE article_url = ? ORDER BY version",
            [url],
        )
    )
    previous: dict[str, Any] | None = None
    for version in versions:
        if previous is not None:
            version["changes"] = field_changes(previous, version, VERSION_FIELDS)
            version["body_diff"] = diff_html(previous["body_text"], version["body_text"])
        previous = version
    return versions[::-1]


def load_article(conn: sqlite3.Connection, url: str) -> dict[str, Any] | None:
    """The article at canonical `url` with its pictures, files, citations and versions."""
    found = _dicts(conn.execute("SELECT * FROM articles WHERE url = ?", [url]))
    if not found:
        return None
    article = found[0]
    article["body"] = clean_body_html(article.get("body_html"))
    # Vietnam time for a Vietnamese page; the page's own statement beside it when it differs.
    article["published_shown"] = local_published(article["published"], article.get("language"))
    article["source_link"] = safe_link(article.get("source_url") or article["url"])
    article["images"] = _dicts(
        conn.execute(
            "SELECT position, url, caption FROM images WHERE article_url = ? ORDER BY position",
            [url],
        )
    )
    article["attachments"] = _dicts(
        conn.execute(
            "SELECT position, url, name, type FROM attachments WHERE article_url = ? "
            "ORDER BY position",
            [url],
        )
    )
    for item in article["images"] + article["attachments"]:
        item["link"] = safe_link(item["url"])
    article["cited"] = _cited(conn, url)
    article["versions"] = _versions(conn, url)
    return article
