"""An article's history: its versions, and what changed between two of them."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

DIFFED_FIELDS = ("title", "published", "updated", "author_unit", "summary", "body_text")


def versions(db: Database, url: str) -> list[dict[str, Any]]:
    """Every version of the article at `url`, oldest first."""
    sql = "SELECT * FROM article_versions WHERE article_url = ? ORDER BY version"
    return list(db.query(sql, [url]))


def removed_at(db: Database, url: str) -> str | None:
    """When the article at `url` was marked removed from its portal, if it was."""
    rows = list(db.query("SELECT removed_at FROM articles WHERE url = ?", [url]))
    return rows[0]["removed_at"] if rows else None


def _lines(version: Mapping[str, Any]) -> list[str]:
    lines = []
    for field in DIFFED_FIELDS:
        value = version.get(field) or ""
        if field == "body_text":
            lines += ["body_text:", *value.split("\n")]
        else:
            lines.append(f"{field}: {value}")
    return lines


def version_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """A unified diff of two versions' fields, body paragraph by paragraph."""
    return list(
        difflib.unified_diff(
            _lines(old),
            _lines(new),
            fromfile=f"version {old['version']} ({old['fetched_at']})",
            tofile=f"version {new['version']} ({new['fetched_at']})",
            lineterm="",
        )
    )
