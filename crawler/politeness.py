"""Downloader middleware that keeps to each host's pace: CONCURRENT_REQUESTS_PER_DOMAIN
requests out at once (one by default), robots.txt's Crawl-delay or the site's delay between
them, whichever is longer, and Retry-After on 429/503."""

from __future__ import annotations

import asyncio
import contextlib
import time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

# A Retry-After longer than this is not waited out: the request fails and is recorded, and the
# next run tries again (a server asking for hours is better asked tomorrow).
MAX_RETRY_AFTER = 300.0
_HOLDS = "politeness_holds"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Host:
    """One host's turns: how many requests may be out at once, and when the next may go."""

    def __init__(self, delay: float, concurrency: int) -> None:
        self.turns = asyncio.Semaphore(concurrency)
        # With a delay, requests go one at a time whatever the concurrency: a delay is the
        # time between one answer and the next request.
        self.alone = asyncio.Lock()
        self.delay = delay
        self.ready_at = 0.0


class PolitenessMiddleware:
    """Spaces requests per host, measured from the end of one answer to the next request.

    Scrapy's own delay (DOWNLOAD_DELAY, randomized, adjusted by AutoThrottle) still applies;
    this is the floor under it that robots.txt and the server's own Retry-After set.
    """

    def __init__(self, delay: float, concurrency: int, user_agent: str, timeout: float) -> None:
        self.delay = delay
        self.concurrency = max(1, concurrency)
        self.user_agent = user_agent
        self.timeout = timeout
        self.hosts: dict[str, _Host] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        settings = crawler.settings
        return cls(
            settings.getfloat("DOWNLOAD_DELAY"),
            settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            settings.get("USER_AGENT"),
            settings.getfloat("DOWNLOAD_TIMEOUT"),
        )

    def _host(self, url: str) -> _Host:
        name = urlsplit(url).netloc.lower()
        if name not in self.hosts:
            self.hosts[name] = _Host(self.delay, self.concurrency)
        return self.hosts[name]

    async def process_request(self, request: Request) -> None:
        host = self._host(request.url)
        # A turn that is never given back (an answer that never came) must not stall the host.
        limit = self.timeout + host.delay + 60
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(host.turns.acquire(), timeout=limit)
            request.meta[_HOLDS] = ["turns"]
            if host.delay > 0:
                await asyncio.wait_for(host.alone.acquire(), timeout=limit)
                request.meta[_HOLDS].append("alone")
        wait = host.ready_at - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    def process_response(self, request: Request, response: Response) -> Response:
        host = self._host(request.url)
        if urlsplit(request.url).path == "/robots.txt" and response.status == 200:
            crawl_delay = Protego.parse(response.text).crawl_delay(self.user_agent)
            if crawl_delay:
                host.delay = max(self.delay, float(crawl_delay))
        pause = host.delay
        if response.status in (429, 503):
            asked = retry_after_seconds(_header(response, "Retry-After"))
            if asked is not None:
                pause = max(pause, min(asked, MAX_RETRY_AFTER))
        self._release(request, host, pause)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        host = self._host(request.url)
        self._release(request, host, host.delay)

    def _release(self, request: Request, host: _Host, pause: float) -> None:
        host.ready_at = time.monotonic() + pause
        for held in request.meta.pop(_HOLDS, ()):
            (host.turns if held == "turns" else host.alone).release()


def _header(response: Response, name: str) -> Any:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
