"""Downloader middleware that records every HTTP exchange: a `fetches` row (status or error,
size, time, a redirect's target) and, for each response, WARC records of the bytes as received."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from archive import Archive, WarcFile
from crawler.archiving import PENDING_SNAPSHOT, crawl_archive, crawl_writer
from crawler.fatal import stop_crawl, stop_crawl_from_thread
from crawler.meta import KIND, SNAPSHOT
from crawler.politeness import politeness_host
from crawler.redirects import redirect_target
from crawler.signals import fetch_recorded
from crawler.writer import Writer

_ANSWERED = "fetchlog_answered"
_STARTED = "fetchlog_started"


def _pairs(headers: Mapping[bytes, list[bytes]]) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


class FetchLogMiddleware:
    """Sits next to the downloader, so it sees each attempt (a retry is a fetch of its own)
    and the body as received, before decompression (HttpCompressionMiddleware is further out).
    """

    def __init__(
        self, crawler: Crawler, warc_dir: Path | None, archive: Archive, writer: Writer
    ) -> None:
        self.crawler = crawler
        self.warc_dir = warc_dir
        self.warc: WarcFile | None = None  # the writer's: opened and written by its jobs
        self.archive = archive  # the crawl's connection
        self.writer = writer  # reads earlier captures of a URL, writes the WARC records

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchLogMiddleware:
        settings = crawler.settings
        db_path = Path(settings.get("ARCHIVE_DB"))
        warc_dir = None
        if settings.getbool("WARC_ENABLED"):
            warc_dir = Path(settings.get("WARC_DIR") or db_path.parent / "warc")
        middleware = cls(crawler, warc_dir, crawl_archive(crawler), crawl_writer(crawler))
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        crawler.signals.connect(middleware.answered, signal=signals.response_downloaded)
        return middleware

    def process_request(self, request: Request) -> None:
        request.meta[_STARTED] = (time.perf_counter(), datetime.now(UTC))

    def answered(self, response: Response, request: Request) -> None:
        """When the answer arrived (the moment a host's politeness pause starts from), before
        the snapshot is written."""
        request.meta[_ANSWERED] = (time.perf_counter(), datetime.now(UTC))

    def process_response(self, request: Request, response: Response) -> Response:
        row: dict[str, Any] = {"status": response.status, "bytes": len(response.body)}
        if (location := redirect_target(request, response)) is not None:
            row["location"] = location  # a moved article is planned by it (Archive.moved)
        if self.warc_dir is not None:
            # Filled by the writer; the item and the fetch row read it when they are written.
            snapshot: dict[str, Any] = {}
            request.meta[SNAPSHOT] = snapshot
            exchange = {
                "url": request.url,
                "method": request.method,
                # Copies (a later middleware may drop a header): made into the record's
                # pairs by the writer, off the crawl's thread.
                "request_headers": dict(request.headers),
                "request_body": request.body or b"",
                "status": response.status,
                "response_headers": dict(response.headers),
                "body": response.body,
                "fetched_at": datetime.now(UTC),
            }
            self.writer.run(lambda archive: self._snapshot(archive, exchange, snapshot))
            if not self.writer.deferred:
                if "error" in snapshot:
                    self._stop(request, row, snapshot["error"])
                row |= snapshot
            else:
                row[PENDING_SNAPSHOT] = snapshot
        self._send(request, row)
        return response

    def _stop(self, request: Request, row: dict[str, Any], reason: str) -> NoReturn:
        """A snapshot that could not be written (a full disk, a directory gone) ends the
        crawl (inline writer): the fetch says why, the request goes no further."""
        self._send(request, row | {"error": reason})
        stop_crawl(self.crawler, reason, "warc_write_failed")
        raise IgnoreRequest(reason)

    def process_exception(self, request: Request, exception: Exception) -> None:
        error = f"{type(exception).__name__}: {exception}".strip().rstrip(":")
        self._send(request, {"error": error})

    def _snapshot(
        self, archive: Archive, exchange: dict[str, Any], snapshot: dict[str, Any]
    ) -> None:
        """The writer's job: the exchange as WARC records (a revisit record when the payload
        is the URL's last one), and where they are into `snapshot`."""
        try:
            if self.warc is None:
                assert self.warc_dir is not None
                slug = getattr(self.crawler.spider, "name", "crawl")
                profile = getattr(self.crawler.spider, "profile", None)
                slug = profile.slug if profile is not None else slug
                stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
                name = f"{slug}-{stamp}-{os.getpid()}.warc.gz"
                self.warc = self.writer.open_warc(self.warc_dir, name)
            earlier = archive.earlier_capture(exchange["url"])
            for headers in ("request_headers", "response_headers"):
                exchange[headers] = _pairs(exchange[headers])
            capture = self.warc.write_exchange(**exchange, earlier=earlier)
        except OSError as error:
            snapshot["error"] = f"WARC write failed: {type(error).__name__}: {error}"
            if self.writer.deferred:
                stop_crawl_from_thread(self.crawler, snapshot["error"], "warc_write_failed")
            return
        snapshot.update(
            warc_file=capture.warc_file,
            warc_offset=capture.warc_offset,
            warc_record_id=capture.warc_record_id,
            payload_digest=capture.payload_digest,
            warc_type=capture.warc_type,
        )

    def _send(self, request: Request, row: dict[str, Any]) -> None:
        clock, started_at = request.meta.get(_STARTED, (None, None))
        end_clock, answered_at = request.meta.pop(
            _ANSWERED, (time.perf_counter(), datetime.now(UTC))
        )
        row = {
            "url": request.url,
            "host": politeness_host(self.crawler, request.url),
            "method": request.method,
            "kind": request.meta.get(KIND)
            or ("robots" if request.url.endswith("/robots.txt") else "other"),
            "started_at": started_at.isoformat(timespec="milliseconds") if started_at else None,
            "elapsed_ms": round((end_clock - clock) * 1000, 2) if clock else None,
            "fetched_at": answered_at.isoformat(timespec="milliseconds"),
        } | row
        self.crawler.signals.send_catch_log(fetch_recorded, fetch=row)

    def close(self) -> None:
        self.writer.run(self._close_warc)

    def _close_warc(self, archive: Archive) -> None:
        if self.warc is not None:
            self.warc.close()
            self.warc = None
