"""Downloader middleware that reports every HTTP exchange (status or error, size, time)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.signals import fetch_recorded

_STARTED = "fetchlog_started"
# Which part of a crawl a request belongs to; the spider sets it, robots.txt is recognised.
KIND = "fetch_kind"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class FetchLogMiddleware:
    """Sits next to the downloader, so it sees each attempt (a retry is a fetch of its own)
    and the body as received, before decompression."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchLogMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        request.meta[_STARTED] = time.perf_counter()

    def process_response(self, request: Request, response: Response) -> Response:
        self._send(request, status=response.status, size=len(response.body))
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        error = f"{type(exception).__name__}: {exception}".strip().rstrip(":")
        self._send(request, error=error)

    def _send(self, request: Request, status: int | None = None, size: int | None = None,
              error: str | None = None) -> None:  # fmt: skip
        started = request.meta.get(_STARTED)
        row: dict[str, Any] = {
            "url": request.url,
            "method": request.method,
            "kind": request.meta.get(KIND)
            or ("robots" if request.url.endswith("/robots.txt") else "other"),
            "status": status,
            "error": error,
            "bytes": size,
            "elapsed_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
            "fetched_at": _now(),
        }
        self.crawler.signals.send_catch_log(fetch_recorded, fetch=row)
