"""Downloader middleware that keeps to each host's pace across every site of a run and every
run on the machine: CONCURRENT_REQUESTS_PER_DOMAIN requests out at once (one by default),
robots.txt's Crawl-delay or the site's delay between them, whichever is longer, and
Retry-After on 429/503."""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.hostledger import HostLedger, LedgerHold

# A Retry-After longer than this is not waited out: the request fails and is recorded, and the
# next run tries again (a server asking for hours is better asked tomorrow).
MAX_RETRY_AFTER = 300.0
_HOLDS = "politeness_holds"
# Seconds after an answer arrived when its turn is given back if process_response was skipped.
FALLBACK_RELEASE = 0.5
_LEDGER = "politeness_ledger"


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


def politeness_host(crawler: Crawler, url: str) -> str:
    """The host a request to `url` counts against: the site's own (aliases included), or the
    real host a replica twin stands in for."""
    profile = getattr(crawler.spider, "profile", None)
    if profile is None:
        return urlsplit(url).netloc.lower()
    return str(profile.politeness_host(url))


class _Host:
    """One host's turns in this process: how many requests may be out at once, and when the
    next may go (wall-clock seconds, comparable with other processes' ledger entries)."""

    def __init__(self, concurrency: int) -> None:
        self.turns = asyncio.Semaphore(concurrency)
        # With a delay, requests go one at a time whatever the concurrency: a delay is the
        # time between one answer and the next request.
        self.alone = asyncio.Lock()
        self.delay = 0.0
        self.ready_at = 0.0


# Every crawler of a process shares one event loop, so the sites of one run that share a host
# (the eleven THADS sub-sites) share its turns here.
_PROCESS_HOSTS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, _Host]] = (
    weakref.WeakKeyDictionary()
)


class PolitenessMiddleware:
    """Spaces requests per host, measured from the end of one answer to the next request.

    Scrapy's own delay (DOWNLOAD_DELAY, randomized, adjusted by AutoThrottle) applies per
    site; this is the floor under it, per host, that the site's delay, robots.txt and the
    server's Retry-After set, shared by every site of the process and, through the host
    ledger beside the archive, by every other run on the machine.
    """

    def __init__(
        self, crawler: Crawler, delay: float, concurrency: int, timeout: float, ledger: HostLedger
    ) -> None:
        self.crawler = crawler
        self.delay = delay
        self.concurrency = max(1, concurrency)
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.timeout = timeout
        self.ledger = ledger

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        settings = crawler.settings
        directory = settings.get("POLITENESS_DIR") or Path(settings.get("ARCHIVE_DB")).parent
        ledger: Any = HostLedger(Path(directory) / "hosts")
        if settings.get("REDIS_URL"):  # a distributed worker: turns shared through Redis
            from crawler.distributed.connection import connect
            from crawler.distributed.ledger import RedisHostLedger

            hold = settings.getfloat("DOWNLOAD_TIMEOUT") + 60
            client = connect(settings.get("REDIS_URL"), settings.get("REDIS_PARAMS"))
            ledger = RedisHostLedger(client, hold)
        middleware = cls(
            crawler,
            settings.getfloat("DOWNLOAD_DELAY"),
            settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            settings.getfloat("DOWNLOAD_TIMEOUT"),
            ledger,
        )
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        # A middleware that raises on the answer's way back (a WARC write on a full disk)
        # skips process_response, and the host would wait out the turn's timeout on every
        # later request: the answer's arrival gives the turn back shortly after, if
        # process_response has not by then.
        crawler.signals.connect(middleware.answered, signal=signals.response_downloaded)
        return middleware

    def _host(self, url: str) -> tuple[str, _Host]:
        name = politeness_host(self.crawler, url)
        hosts = _PROCESS_HOSTS.setdefault(asyncio.get_running_loop(), {})
        if name not in hosts:
            hosts[name] = _Host(self.concurrency)
        host = hosts[name]
        host.delay = max(host.delay, self.delay)
        return name, host

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        """Scrapy's robots.txt middleware parsed a host's rules: keep its Crawl-delay."""
        crawl_delay = robotparser.crawl_delay(self.user_agent)
        if crawl_delay:
            _, host = self._host(request.url)
            host.delay = max(host.delay, float(crawl_delay))
            # The rules just came from the host: its next request waits the delay they ask.
            host.ready_at = max(host.ready_at, time.time() + host.delay)

    async def process_request(self, request: Request) -> None:
        name, host = self._host(request.url)
        holds: list[str] = []
        request.meta[_HOLDS] = holds
        # A turn that is never given back (an answer that never came) must not stall the host.
        limit = self.timeout + host.delay + 60
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(host.turns.acquire(), timeout=limit)
            holds.append("turns")
            if host.delay > 0:
                await asyncio.wait_for(host.alone.acquire(), timeout=limit)
                holds.append("alone")
                hold = await asyncio.wait_for(self.ledger.acquire(name), timeout=limit)
                request.meta[_LEDGER] = hold
                host.ready_at = max(host.ready_at, hold.ready_at)
                host.delay = max(host.delay, hold.delay)
        # The event loop's timers run on another clock than the wall clock the host's next
        # free time is kept in (shared with other processes), and may wake a little early.
        while (wait := host.ready_at - time.time()) > 0:
            await asyncio.sleep(wait)

    def answered(self, response: Response, request: Request) -> None:
        """The downloader has the answer: process_response gives the turn back (after the
        fetch log has stamped the answer, which the delay is measured from), or this does
        in FALLBACK_RELEASE seconds."""
        if _HOLDS in request.meta:
            loop = asyncio.get_running_loop()
            loop.call_later(FALLBACK_RELEASE, self._release_answered, response, request)

    def _release_answered(self, response: Response, request: Request) -> None:
        if _HOLDS not in request.meta:
            return  # not ours, or given back already
        _, host = self._host(request.url)
        pause = host.delay
        if response.status in (429, 503):
            asked = retry_after_seconds(_header(response, "Retry-After"))
            if asked is not None:
                pause = max(pause, min(asked, MAX_RETRY_AFTER))
        self._release(request, host, pause)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release_answered(response, request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if _HOLDS in request.meta:
            _, host = self._host(request.url)
            self._release(request, host, host.delay)

    def _release(self, request: Request, host: _Host, pause: float) -> None:
        # Never earlier than another answer asked (a Retry-After while other requests were out).
        host.ready_at = max(host.ready_at, time.time() + pause)
        hold: LedgerHold | None = request.meta.pop(_LEDGER, None)
        if hold is not None:
            hold.release(host.ready_at, host.delay)
        for held in request.meta.pop(_HOLDS, ()):
            (host.turns if held == "turns" else host.alone).release()


def _header(response: Response, name: str) -> Any:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
