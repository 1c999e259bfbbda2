"""What the spider hands to the pipelines: an extracted article, a revisit's answer, a failure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crawler.extract import Article

_SNAPSHOT_FIELDS = ("warc_file", "warc_offset", "warc_record_id")


@dataclass(slots=True)
class ArticleItem:
    """An article as extracted from one fetched page."""

    article: Article
    source_url: str
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None
    # Where the WARC record of the page it was read from is (the fetch log's fields of it).
    snapshot: Mapping[str, Any] | None = None

    def record(self) -> dict[str, Any]:
        """The article's fields plus where and when it was fetched, and its snapshot."""
        snapshot = self.snapshot or {}
        return self.article.to_dict() | {
            "source_url": self.source_url,
            "fetched_at": self.fetched_at,
            "etag": self.etag,
            "last_modified": self.last_modified,
            **{field: snapshot.get(field) for field in _SNAPSHOT_FIELDS},
        }


@dataclass(slots=True)
class ArticleUnchanged:
    """An archived article that answered a conditional GET with 304 Not Modified."""

    url: str
    fetched_at: str

    def record(self) -> dict[str, Any]:
        return {"url": self.url, "fetched_at": self.fetched_at}


@dataclass(slots=True)
class ArticleGone:
    """An article URL that answered 404 or 410."""

    url: str
    status: int
    fetched_at: str

    def record(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "fetched_at": self.fetched_at}


@dataclass(slots=True)
class PageFailure:
    """A fetched article page that could not be read, and why."""

    url: str
    site: str
    reason: str
    http_status: int | None  # None: no answer (a timeout, a refused connection)
    failed_at: str

    def record(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "reason": self.reason,
            "http_status": self.http_status,
            "failed_at": self.failed_at,
        }
