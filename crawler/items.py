"""What the spider hands to the pipelines: an extracted article, a revisit's answer, a failure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive.warc import Capture
from crawler.extract import Article


@dataclass(slots=True)
class ArticleItem:
    """An article as extracted from one fetched page."""

    article: Article
    source_url: str
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None
    capture: Capture | None = None  # the WARC record of the page it was read from

    def record(self) -> dict[str, Any]:
        """The article's fields plus where and when it was fetched, and its snapshot."""
        snapshot = self.capture
        return self.article.to_dict() | {
            "source_url": self.source_url,
            "fetched_at": self.fetched_at,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "warc_file": snapshot.warc_file if snapshot else None,
            "warc_offset": snapshot.warc_offset if snapshot else None,
            "warc_record_id": snapshot.warc_record_id if snapshot else None,
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
    http_status: int
    failed_at: str

    def record(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "reason": self.reason,
            "http_status": self.http_status,
            "failed_at": self.failed_at,
        }
