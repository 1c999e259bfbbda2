"""The downloader middlewares in-process, built from a crawler as Scrapy builds them:
CookieChallengeMiddleware, PolitenessMiddleware (per-host turns, delays, Crawl-delay,
Retry-After, sharing across sites) and FetchLogMiddleware (fetch rows, WARC snapshots)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.misc import build_from_crawler

from archive import read_snapshot
from crawler.fetchlog import FetchLogMiddleware
from crawler.meta import KIND, SNAPSHOT
from crawler.middlewares import CookieChallengeMiddleware
from crawler.politeness import MAX_RETRY_AFTER, PolitenessMiddleware
from crawler.signals import fetch_recorded
from crawler.spiders.portal import PortalSpider
from replica.server import ReplicaServer
from tests.helpers import download

Spider = Callable[..., PortalSpider]


# CookieChallengeMiddleware -----------------------------------------------------------------------
def test_a_cookie_challenge_is_answered_once_with_its_cookie(spider_for: Spider) -> None:
    spider = spider_for("replica-vpcp")
    middleware = build_from_crawler(CookieChallengeMiddleware, spider.crawler)
    request = scrapy.Request(spider.profile.base_url)
    challenge = download(request)
    assert b"document.cookie" in challenge.body
    retried = middleware.process_response(request, challenge)
    assert isinstance(retried, scrapy.Request) and retried.dont_filter
    assert retried.cookies  # the cookie the challenge sets, for Scrapy's cookie jar
    cookie = "; ".join(f"{k}={v}" for k, v in retried.cookies.items())
    page = download(retried.replace(headers={"Cookie": cookie}))
    assert b"document.cookie" not in page.body
    assert middleware.process_response(retried, page) is page
    # A second challenge to an answered request is not answered again (no loop).
    assert middleware.process_response(retried, challenge) is challenge


def test_an_ordinary_page_passes(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap")
    middleware = build_from_crawler(CookieChallengeMiddleware, spider.crawler)
    request = scrapy.Request(spider.profile.base_url)
    page = download(request)
    assert middleware.process_response(request, page) is page


# PolitenessMiddleware ----------------------------------------------------------------------------
def politeness(spider_for: Spider, slug: str, **settings: Any) -> PolitenessMiddleware:
    spider = spider_for(slug, **settings)
    return PolitenessMiddleware.from_crawler(spider.crawler)


def answer(request: scrapy.Request, status: int = 200, **headers: str) -> HtmlResponse:
    return HtmlResponse(request.url, status=status, headers=headers, request=request)


async def waits(middleware: PolitenessMiddleware, request: scrapy.Request, at_most: float) -> bool:
    """Whether the request is still held back after `at_most` seconds."""
    try:
        await asyncio.wait_for(middleware.process_request(request), timeout=at_most)
    except TimeoutError:
        return True
    return False


def test_requests_to_a_host_are_spaced_by_the_delay(spider_for: Spider, tmp_path: Path) -> None:
    # The real profile (not its twin): no politeness loosened; a short delay of our own.
    middleware = politeness(spider_for, "thads-dongthap", DOWNLOAD_DELAY=0.3)
    first = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/a.aspx")
    second = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/b.aspx")

    async def run() -> float:
        await middleware.process_request(first)
        assert await waits(middleware, second, 0.1)  # one at a time: the first is still out
        middleware.process_response(first, answer(first))
        answered = time.monotonic()
        await middleware.process_request(second)
        middleware.process_response(second, answer(second))
        return time.monotonic() - answered

    assert asyncio.run(run()) >= 0.28


def test_retry_after_holds_the_host(spider_for: Spider) -> None:
    middleware = politeness(spider_for, "thads-dongthap", DOWNLOAD_DELAY=0.01)
    request = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/a.aspx")
    later = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/b.aspx")

    async def run() -> None:
        await middleware.process_request(request)
        middleware.process_response(request, answer(request, 429, **{"Retry-After": "30"}))
        assert await waits(middleware, later, 0.3)

    asyncio.run(run())


def test_a_retry_after_of_hours_is_not_waited_out(spider_for: Spider) -> None:
    middleware = politeness(spider_for, "thads-dongthap", DOWNLOAD_DELAY=0.01)
    request = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/a.aspx")

    async def run() -> float:
        await middleware.process_request(request)
        middleware.process_response(request, answer(request, 503, **{"Retry-After": "86400"}))
        _, host = middleware._host(request.url)
        return host.ready_at - time.time()

    assert asyncio.run(run()) <= MAX_RETRY_AFTER + 1


def test_sites_sharing_a_host_share_its_turns(spider_for: Spider) -> None:
    # Two THADS sub-sites, two crawlers, one host: a request of one holds the other's back.
    dongthap = politeness(spider_for, "thads-dongthap", DOWNLOAD_DELAY=0.01)
    langson = politeness(spider_for, "thads-langson", DOWNLOAD_DELAY=0.01)
    mine = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/a.aspx")
    theirs = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/langson/a.aspx")

    async def run() -> None:
        await dongthap.process_request(mine)
        assert await waits(langson, theirs, 0.2)
        dongthap.process_response(mine, answer(mine))
        assert not await waits(langson, theirs, 2)
        langson.process_response(theirs, answer(theirs))

    asyncio.run(run())


def test_an_error_gives_the_turn_back(spider_for: Spider) -> None:
    middleware = politeness(spider_for, "thads-dongthap", DOWNLOAD_DELAY=0.01)
    request = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/a.aspx")
    later = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/dongthap/b.aspx")

    async def run() -> None:
        await middleware.process_request(request)
        middleware.process_exception(request, TimeoutError("no answer"))
        assert not await waits(middleware, later, 2)
        middleware.process_response(later, answer(later))

    asyncio.run(run())


def test_crawl_delay_from_robots_txt_raises_the_delay(spider_for: Spider) -> None:
    spider = spider_for("thads-dongthap", DOWNLOAD_DELAY=0.01)
    middleware = PolitenessMiddleware.from_crawler(spider.crawler)
    robots = ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 5\n", spider)
    request = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/robots.txt")

    async def run() -> float:
        spider.crawler.signals.send_catch_log(
            scrapy.signals.robots_parsed, robotparser=robots, request=request
        )
        _, host = middleware._host(request.url)
        return host.delay

    assert asyncio.run(run()) == 5.0


# FetchLogMiddleware ------------------------------------------------------------------------------
@pytest.fixture
def fetch_log(spider_for: Spider, tmp_path: Path) -> tuple[FetchLogMiddleware, list[dict]]:
    # The inline writer: the snapshot is written when the response passes.
    spider = spider_for(
        "replica-thads-dongthap", WARC_DIR=str(tmp_path / "warc"), ARCHIVE_WRITER="inline"
    )
    middleware = FetchLogMiddleware.from_crawler(spider.crawler)
    rows: list[dict] = []

    def record(fetch: dict) -> None:
        rows.append(fetch)

    spider.crawler.signals.connect(record, signal=fetch_recorded, weak=False)
    return middleware, rows


def test_a_fetch_is_logged_and_snapshotted(
    fetch_log: tuple[FetchLogMiddleware, list[dict]], tmp_path: Path
) -> None:
    middleware, rows = fetch_log
    spider = middleware.crawler.spider
    assert middleware.archive is spider.archive  # the crawl's one connection
    request = scrapy.Request(spider.profile.base_url, meta={KIND: "listing"})
    middleware.process_request(request)
    response = download(request)
    assert middleware.process_response(request, response) is response
    [row] = rows
    assert row["url"] == request.url and row["status"] == 200 and row["kind"] == "listing"
    assert row["host"].endswith("/thads.moj.gov.vn") and row["elapsed_ms"] >= 0
    assert row["warc_type"] == "response" and request.meta[SNAPSHOT]["warc_file"]
    middleware.close()
    snapshot = read_snapshot(tmp_path / "warc", row["warc_file"], row["warc_offset"])
    assert snapshot.body == response.body and snapshot.url == request.url


def test_an_unchanged_payload_is_a_revisit_record(
    fetch_log: tuple[FetchLogMiddleware, list[dict]],
) -> None:
    middleware, rows = fetch_log
    spider = middleware.crawler.spider
    request = scrapy.Request(spider.profile.base_url)
    middleware.process_response(request, download(request))
    spider.archive.write(fetches=rows[:1])  # what the pipeline does with the row
    again = scrapy.Request(spider.profile.base_url)
    middleware.process_response(again, download(again))
    assert rows[1]["warc_type"] == "revisit"


def test_an_error_is_logged_and_robots_txt_is_recognised(
    fetch_log: tuple[FetchLogMiddleware, list[dict]],
) -> None:
    middleware, rows = fetch_log
    request = scrapy.Request("http://127.0.0.1:9/thads.moj.gov.vn/robots.txt")
    middleware.process_request(request)
    middleware.process_exception(request, ConnectionRefusedError("Connection refused"))
    [row] = rows
    assert row["kind"] == "robots" and row["error"].startswith("ConnectionRefusedError")
    assert "status" not in row


def test_without_warc_no_snapshot_is_kept(spider_for: Spider, replica: ReplicaServer) -> None:
    spider = spider_for("replica-thads-dongthap", WARC_ENABLED=False)
    middleware = FetchLogMiddleware.from_crawler(spider.crawler)
    request = scrapy.Request(spider.profile.base_url)
    middleware.process_response(request, download(request))
    assert SNAPSHOT not in request.meta and middleware.warc is None
