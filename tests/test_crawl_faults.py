"""What a crawl does when a page misbehaves, component by component, in-process: redirects,
refused requests, a failed WARC write, articles left behind, oversized pages, torn WARC files."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import scrapy
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from archive.warc import WarcFile, complete_records
from crawler.cli import _print_results
from crawler.failures import failure_reason
from crawler.fetchlog import FetchLogMiddleware
from crawler.fingerprint import CanonicalFingerprinter
from crawler.items import PageFailure
from crawler.meta import CANONICAL_URL, KIND
from crawler.politeness import PolitenessMiddleware
from crawler.redirects import SiteRedirectMiddleware
from crawler.run import CrawlResult
from crawler.signals import fetch_recorded
from crawler.spiders.portal import PortalSpider

Spider = Callable[..., PortalSpider]
SITE = "replica-thads-dongthap"


def redirect(request: scrapy.Request, location: str, status: int = 301) -> Response:
    return Response(request.url, status=status, headers={"Location": location}, request=request)


# Redirects --------------------------------------------------------------------------------------
def test_a_redirect_target_is_not_a_duplicate_of_its_source(spider_for: Spider) -> None:
    # Scrapy copies the source's meta into the redirected request: its canonical URL too.
    spider = spider_for(SITE)
    fingerprinter = build_from_crawler(CanonicalFingerprinter, get_crawler())
    source = spider.article_request(spider.profile.base_url + "tin.aspx?ItemID=7")
    middleware = build_from_crawler(SiteRedirectMiddleware, spider.crawler)
    target = source.url.replace("http://", "https://") if "http://" in source.url else source.url
    moved = middleware.process_response(source, redirect(source, target + "&x=1"))
    assert isinstance(moved, scrapy.Request) and moved.url == target + "&x=1"
    assert fingerprinter.fingerprint(moved) != fingerprinter.fingerprint(source)
    assert moved.meta[CANONICAL_URL] == spider.profile.canonical(moved.url)
    # Even where both have one canonical URL (http -> https, a letter case fixed).
    same = source.replace(meta={**source.meta, "redirect_urls": [source.url]})
    assert fingerprinter.fingerprint(same) != fingerprinter.fingerprint(source)


def test_a_redirect_loop_and_an_off_site_redirect_are_refused_with_a_reason(
    spider_for: Spider,
) -> None:
    spider = spider_for(SITE)
    middleware = build_from_crawler(SiteRedirectMiddleware, spider.crawler)
    source = spider.article_request(spider.profile.base_url + "tin.aspx?ItemID=7")
    hop = middleware.process_response(source, redirect(source, source.url + "&_loop=1", 302))
    assert isinstance(hop, scrapy.Request)
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        middleware.process_response(hop, redirect(hop, source.url, 302))
    with pytest.raises(IgnoreRequest, match=r"off-site redirect to http://example\.invalid/"):
        middleware.process_response(source, redirect(source, "http://example.invalid/x"))


# Articles left behind -----------------------------------------------------------------------------
def test_an_article_that_failed_is_recorded_and_leaves_the_walk_unfinished(
    spider_for: Spider,
) -> None:
    spider = spider_for(SITE)
    request = spider.article_request(spider.profile.base_url + "tin.aspx?ItemID=7")
    failed = HtmlResponse(request.url, status=503, request=request)
    for error, reason in (
        (HttpError(failed, "ignored"), "HTTP 503"),
        (IgnoreRequest("off-site redirect to http://example.invalid/x"), "off-site redirect"),
        (TimeoutError("no answer"), "TimeoutError"),
    ):
        failure = Failure(error)
        failure.request = request  # what Scrapy sets on an errback's failure
        [item] = list(spider.article_failed(failure))
        assert isinstance(item, PageFailure) and reason in item.reason
        assert item.url == spider.profile.canonical(request.url)
    assert spider.crawler.stats.get_value("govarchive/articles_left_behind") == 3


def test_a_listing_robots_txt_disallows_is_not_a_failed_listing(spider_for: Spider) -> None:
    spider = spider_for(SITE)
    [source] = spider.profile.sources[:1]
    request = spider.listing_request(spider.profile.base_url + "a.aspx", source, 1)
    failure = Failure(IgnoreRequest("Forbidden by robots.txt"))
    failure.request = request
    spider.listing_failed(failure)
    assert not spider.crawler.stats.get_value("govarchive/listing_failures")


def test_a_crawl_that_left_articles_behind_does_not_exit_0() -> None:
    fine = CrawlResult.from_stats(SITE, {"finish_reason": "finished", "response_received_count": 9})
    assert _print_results([fine])
    for stats in (
        {"govarchive/listing_failures": 1},
        {"govarchive/articles_left_behind": 2},
    ):
        result = CrawlResult.from_stats(
            SITE, {"finish_reason": "finished", "response_received_count": 9, **stats}
        )
        assert result.left_behind
        assert not _print_results([result])


# A WARC write that fails (a full disk) ------------------------------------------------------------
def test_a_warc_write_failure_stops_the_crawl_and_the_fetch_says_why(
    spider_for: Spider, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("in the way")
    spider = spider_for(SITE, WARC_DIR=str(tmp_path / "file" / "warc"), ARCHIVE_WRITER="inline")
    middleware = FetchLogMiddleware.from_crawler(spider.crawler)
    rows: list[dict] = []

    def record(fetch: dict) -> None:
        rows.append(fetch)

    spider.crawler.signals.connect(record, signal=fetch_recorded, weak=False)
    request = scrapy.Request(spider.profile.base_url, meta={KIND: "listing"})
    middleware.process_request(request)
    with pytest.raises(IgnoreRequest, match="WARC"):
        middleware.process_response(request, HtmlResponse(request.url, body=b"<p>x</p>"))
    [row] = rows
    assert row["status"] == 200 and "WARC write failed" in row["error"]
    assert "WARC write failed" in spider.crawler.stats.get_value("govarchive/fatal")


def test_a_turn_is_given_back_whatever_a_later_middleware_raises(spider_for: Spider) -> None:
    # The answer came; the fetch log (or anything after it) then raised: process_response of
    # the politeness middleware is never called, the downloader's signal still is.
    spider = spider_for("thads-dongthap", DOWNLOAD_DELAY=0.01)
    middleware = PolitenessMiddleware.from_crawler(spider.crawler)
    # Never sent: the politeness middleware only spaces them (port 9 is the discard port).
    request = scrapy.Request("http://127.0.0.1:9/dongthap/a.aspx")
    later = scrapy.Request("http://127.0.0.1:9/dongthap/b.aspx")

    async def run() -> None:
        await middleware.process_request(request)
        spider.crawler.signals.send_catch_log(
            signals.response_downloaded,
            response=HtmlResponse(request.url, request=request),
            request=request,
            spider=spider,
        )
        await asyncio.wait_for(middleware.process_request(later), timeout=2)

    asyncio.run(run())


# Torn WARC files --------------------------------------------------------------------------------
def test_a_torn_gzip_tail_is_noticed(tmp_path: Path) -> None:
    warc = WarcFile(tmp_path, "a.warc.gz")
    for n in range(3):
        warc.write_exchange(
            url=f"http://127.0.0.1:9/{n}",
            method="GET",
            request_headers=[],
            request_body=b"",
            status=200,
            response_headers=[],
            body=b"<p>page</p>" * 50,
            fetched_at=__import__("datetime").datetime(2024, 1, 1),
        )
    warc.close()
    path = tmp_path / "a.warc.gz"
    whole = list(complete_records(path))
    assert len(whole) == 7  # warcinfo + 3 x (response, request)
    data = path.read_bytes()
    path.write_bytes(data[:-6])  # the last member's CRC and length cut off
    with pytest.raises(ValueError, match="torn"):
        list(complete_records(path, strict=True))
    # Read quietly, the torn last record is not given out as complete.
    assert len(list(complete_records(path))) == 6
    assert gzip.decompress(data)  # the whole file was valid gzip before


def test_a_page_over_the_size_limit_is_refused_as_too_large() -> None:
    from crawler import settings

    assert settings.DOWNLOAD_MAXSIZE <= 16 * 1024 * 1024  # a 28 MB body was archived whole
    failure = Failure(Exception("Received 29360128 bytes which is larger than download max size"))
    assert failure_reason(failure).startswith("too large: ")
    # Sent without a Content-Length, the body is cut off at the limit without a message.
    assert failure_reason(Failure(DownloadCancelledError())).startswith("too large: ")


def test_a_retry_after_outlives_answers_to_requests_out_at_the_same_time(
    spider_for: Spider,
) -> None:
    # Two requests out at once: the 429's Retry-After must not be shortened by the other's
    # answer coming after it.
    spider = spider_for("thads-dongthap", DOWNLOAD_DELAY=0, CONCURRENT_REQUESTS_PER_DOMAIN=2)
    middleware = PolitenessMiddleware.from_crawler(spider.crawler)
    first = scrapy.Request("http://127.0.0.1:9/dongthap/a.aspx")
    second = scrapy.Request("http://127.0.0.1:9/dongthap/b.aspx")

    async def run() -> float:
        await middleware.process_request(first)
        await middleware.process_request(second)
        limited = HtmlResponse(first.url, status=429, headers={"Retry-After": "30"})
        middleware.process_response(first, limited)
        middleware.process_response(second, HtmlResponse(second.url, request=second))
        _, host = middleware._host(first.url)
        return host.ready_at - time.time()

    assert asyncio.run(run()) > 29
