"""PortalSpider in-process: its requests and callbacks on pages the replica serves, one listing
kind at a time (links, feed, sitemap, timeline, postback, JSON list APIs, day walks), the
article callbacks, and the run's plan (incremental, full, --since, --max-articles)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pytest
import scrapy
from scrapy.exceptions import UsageError
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.items import ArticleGone, ArticleItem, ArticleUnchanged, PageFailure
from crawler.meta import CANONICAL_URL, KIND, SNAPSHOT, SOURCE_KEY
from crawler.sites import Source
from crawler.spiders.portal import ARTICLE_PRIORITY, PortalSpider
from crawler.tls import CIPHERS_SETTING
from replica.server import ReplicaServer
from tests.helpers import download, read_truth

Spider = Callable[..., PortalSpider]


def requests_of(output: Iterable[Any]) -> list[scrapy.Request]:
    return [out for out in output if isinstance(out, scrapy.Request)]


def articles(requests: list[scrapy.Request]) -> list[scrapy.Request]:
    return [r for r in requests if r.meta.get(KIND) == "article"]


def listings(requests: list[scrapy.Request]) -> list[scrapy.Request]:
    return [r for r in requests if r.meta.get(KIND) == "listing"]


def first_requests(spider: PortalSpider) -> list[scrapy.Request]:
    """What the spider's `start()` yields."""

    async def collect() -> list[scrapy.Request]:
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def follow(request: scrapy.Request) -> list[Any]:
    """The callback's output on the replica's answer to `request`."""
    return list(request.callback(download(request), **request.cb_kwargs))


def live_urls(replica: ReplicaServer, site: str, spider: PortalSpider) -> set[str]:
    truth = read_truth(replica.url, site)
    return {spider.profile.canonical(line["url"]) for line in truth if line["status"] == "live"}


def source(spider: PortalSpider, kind: str, option: str | None = None) -> Any:
    return next(
        s for s in spider.profile.sources if s.kind == kind and (not option or option in s.options)
    )


# The spider made from a profile -----------------------------------------------------------------
def test_from_crawler_wants_a_known_site() -> None:
    crawler = get_crawler(PortalSpider)
    with pytest.raises(UsageError, match="which site"):
        PortalSpider.from_crawler(crawler)
    with pytest.raises(UsageError, match="no-such-site"):
        PortalSpider.from_crawler(crawler, site="no-such-site")


def test_a_profile_s_politeness_and_tls_reach_the_crawler_settings(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap")
    settings = spider.crawler.settings
    assert spider.profile.politeness  # the twins loosen politeness, and say so
    for key, value in spider.profile.politeness.items():
        name = {"download_delay": "DOWNLOAD_DELAY", "robots_txt": "ROBOTSTXT_OBEY"}.get(key)
        if name:
            assert settings[name] == value
    assert spider.allowed_domains == ["127.0.0.1"]
    ciphered = spider_for("thads-dongthap")  # the real portal's profile states a cipher string
    if ciphered.profile.tls_ciphers:
        assert ciphered.crawler.settings[CIPHERS_SETTING] == ciphered.profile.tls_ciphers


# links --------------------------------------------------------------------------------------------
def test_links_listing_yields_article_and_listing_requests(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-thads-dongthap")
    start = first_requests(spider)
    assert start and all(r.callback == spider.parse_links for r in start)
    assert all(r.meta[KIND] == "listing" and r.meta[CANONICAL_URL] for r in start)
    found = requests_of(follow(start[0]))
    live = live_urls(replica, "thads-dongthap", spider)
    pages = articles(found)
    assert pages and {r.meta[CANONICAL_URL] for r in pages} <= live
    assert all(r.priority == ARTICLE_PRIORITY and r.callback == spider.parse_article for r in pages)
    assert all(r.meta[SOURCE_KEY] == source(spider, "links").key for r in pages)
    assert [r for r in listings(found) if r.cb_kwargs["depth"] == 2]  # the next listing pages


def test_a_listing_page_already_asked_is_not_asked_again(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-thads-dongthap")
    start = first_requests(spider)
    pager = listings(requests_of(follow(start[0])))
    asked = {r.meta[CANONICAL_URL] for r in [*start, *pager]}
    # The next page's pager links back to the first page and to the pages asked from it.
    further = listings(requests_of(follow(pager[0])))
    assert further, "the second page's pager leads on"
    assert not {r.meta[CANONICAL_URL] for r in further} & asked
    again = listings(requests_of(follow(start[0])))  # the first page read a second time
    assert again == []


def test_parse_article_reads_the_article(spider_for: Spider, replica: ReplicaServer) -> None:
    spider = spider_for("replica-thads-dongthap")
    line = next(x for x in read_truth(replica.url, "thads-dongthap") if x["status"] == "live")
    request = spider.article_request(line["url"])
    response = download(request)
    response.meta[SNAPSHOT] = {"warc_file": "a.warc.gz", "warc_offset": 7, "warc_record_id": "x"}
    [item] = spider.parse_article(response)
    assert isinstance(item, ArticleItem)
    assert item.article.title == line["title"]
    assert item.article.published.isoformat() == line["published"][:10]
    assert item.article.site == "replica-thads-dongthap"
    assert item.record()["warc_offset"] == 7 and item.source_url == line["url"]


def test_answers_without_a_page(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap")
    url = spider.profile.base_url + "a.aspx"

    def answer(status: int, kind: str) -> Any:
        request = spider.article_request(url, kind=kind)
        [item] = spider.parse_article(HtmlResponse(url, status=status, request=request))
        return item

    assert isinstance(answer(304, "revisit"), ArticleUnchanged)
    assert isinstance(answer(404, "revisit"), ArticleGone)
    assert isinstance(answer(410, "recheck"), ArticleGone)
    failure = answer(404, "article")  # a new article's link that leads nowhere
    assert isinstance(failure, PageFailure) and failure.reason == "HTTP 404"


def test_an_unreadable_page_is_a_failure(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap")
    url = spider.profile.base_url + "empty.aspx"
    body = b"<html><body><p>Trang</p></body></html>"
    response = HtmlResponse(url, body=body, request=spider.article_request(url))
    [failure] = spider.parse_article(response)
    assert isinstance(failure, PageFailure) and failure.http_status == 200
    assert failure.site == "replica-thads-dongthap"


def test_a_listing_that_failed_leaves_the_walk_unfinished(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap")
    request = scrapy.Request(spider.profile.base_url)

    def fail(status: int) -> None:
        error = Exception("HTTP error")
        error.response = HtmlResponse(request.url, status=status)  # type: ignore[attr-defined]
        failure = Failure(error)
        failure.request = request  # type: ignore[attr-defined]
        spider.listing_failed(failure)

    fail(404)  # a dead link: not a failed walk
    assert not spider.crawler.stats.get_value("govarchive/listing_failures")
    fail(503)
    assert spider.crawler.stats.get_value("govarchive/listing_failures") == 1


# the plan: incremental, full, budget, --since ----------------------------------------------------
def archive_one(spider: PortalSpider, url: str) -> None:
    """Archive the article at `url` as a crawl would (validators included)."""
    [item] = spider.parse_article(download(spider.article_request(url)))
    item.etag = '"v1"'
    spider.archive.write([item.record() | {"family": spider.profile.family}])


def test_incremental_skips_archived_articles_and_full_rechecks_them(
    spider_for: Spider,
) -> None:
    spider = spider_for("replica-thads-dongthap")
    start = first_requests(spider)
    first = articles(requests_of(follow(start[0])))
    archive_one(spider, first[0].url)

    again = spider_for("replica-thads-dongthap")  # the next run, on the same archive
    urls = [r.url for r in articles(requests_of(follow((first_requests(again))[0])))]
    assert first[0].url not in urls and len(urls) == len(first) - 1

    full = spider_for("replica-thads-dongthap", CRAWL_MODE="full")
    start = first_requests(full)  # every archived article first, then the listings
    key = first[0].meta[CANONICAL_URL]
    assert start[0].meta[CANONICAL_URL] == key and start[0].meta[KIND] == "recheck"
    found = requests_of(follow(listings(start)[0]))
    [recheck] = [r for r in found if r.meta[CANONICAL_URL] == key]
    assert recheck.meta[KIND] == "recheck" and recheck.headers["If-None-Match"] == b'"v1"'


def test_start_revisits_recent_articles_with_a_conditional_get(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap", REVISIT_DAYS=100_000)
    first = articles(requests_of(follow((first_requests(spider))[0])))
    archive_one(spider, first[0].url)
    again = spider_for("replica-thads-dongthap", REVISIT_DAYS=100_000)
    revisit = (first_requests(again))[0]
    assert revisit.meta[KIND] == "revisit"
    assert revisit.meta[CANONICAL_URL] == first[0].meta[CANONICAL_URL]
    assert revisit.headers["If-None-Match"] == b'"v1"'


def test_max_articles_caps_new_articles_and_stops_paging(spider_for: Spider) -> None:
    spider = spider_for("replica-thads-dongthap", MAX_ARTICLES=2)
    found = requests_of(follow((first_requests(spider))[0]))
    assert len(articles(found)) == 2 and not listings(found)
    assert spider.crawler.stats.get_value("govarchive/budget_reached")


def test_since_drops_older_articles_and_stops_their_source(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-thads-dongthap", CRAWL_SINCE="2999-01-01")
    request = articles(requests_of(follow((first_requests(spider))[0])))[0]
    assert list(spider.parse_article(download(request))) == []
    assert request.meta[SOURCE_KEY] in spider.past_since
    assert not spider.keep_paging(source(spider, "links"), 0)


# feed, sitemap, timeline, postback ----------------------------------------------------------------
def test_feed_entries_become_article_requests(spider_for: Spider, replica: ReplicaServer) -> None:
    spider = spider_for("replica-baochinhphu")
    feed = source(spider, "feed")
    request = next(spider.source_requests(feed))
    assert request.callback == spider.parse_feed
    pages = articles(requests_of(follow(request)))
    assert pages and {r.meta[CANONICAL_URL] for r in pages} <= live_urls(
        replica, "baochinhphu", spider
    )


def test_sitemap_index_and_urlset(spider_for: Spider, replica: ReplicaServer) -> None:
    spider = spider_for("replica-thads-dongthap")
    links = Source("sitemap", (spider.profile.base_url + "sitemap.xml",))
    truth = read_truth(replica.url, "thads-dongthap")[:3]
    base = spider.profile.base_url
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}sitemap-1.xml</loc></sitemap>
<sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap></sitemapindex>"""
    urlset = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    urlset += "".join(f"<url><loc>{line['url']}</loc></url>" for line in truth) + "</urlset>"
    nested = list(
        spider.parse_sitemap(XmlResponse(base + "sitemap.xml", body=index.encode()), links, 1)
    )
    assert [r.url for r in nested] == [f"{base}sitemap-1.xml"]
    assert nested[0].callback == spider.parse_sitemap and nested[0].cb_kwargs["depth"] == 2
    found = list(spider.parse_sitemap(XmlResponse(base + "s1.xml", body=urlset.encode()), links, 2))
    assert [r.url for r in found] == [line["url"] for line in truth]


def test_timeline_pages_on_while_items_keep_coming(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-moj")
    timeline = source(spider, "timeline")
    start = list(spider.source_requests(timeline))
    assert start and all(r.callback == spider.parse_timeline for r in start)
    found = requests_of(follow(start[0]))
    pages = articles(found)
    assert pages and {r.meta[CANONICAL_URL] for r in pages} <= live_urls(replica, "moj", spider)
    [more] = [
        r for r in listings(found) if r.cb_kwargs.get("zone") == "chi-dao-dieu-hanh-cua-lanh-dao-bo"
    ]
    assert more.cb_kwargs["page"] == start[0].cb_kwargs["page"] + 1
    assert more.callback == spider.parse_timeline


def test_postback_pager_pages_are_form_submissions(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-chinhphu-vanban")
    [request] = list(spider.source_requests(source(spider, "postback")))
    found = requests_of(follow(request))
    live = live_urls(replica, "chinhphu-vanban", spider)
    assert articles(found) and {r.meta[CANONICAL_URL] for r in articles(found)} <= live
    pages = [r for r in listings(found) if r.method == "POST"]
    assert pages and all(b"__EVENTTARGET" in r.body for r in pages)
    assert len({r.meta[CANONICAL_URL] for r in pages}) == len(pages)  # one identity per page
    second = articles(requests_of(follow(pages[0])))
    assert second and not {r.url for r in second} & {r.url for r in articles(found)}


# JSON list APIs -----------------------------------------------------------------------------------
def test_json_list_api_and_article_api(spider_for: Spider, replica: ReplicaServer) -> None:
    spider = spider_for("replica-mof")
    api = source(spider, "json_api")
    start = list(spider.source_requests(api))
    assert start and start[0].method == api.options.get("method", "POST")
    found = requests_of(follow(start[0]))
    pages = articles(found)
    assert pages and all(r.callback == spider.parse_api_article for r in pages)
    assert {r.meta[CANONICAL_URL] for r in pages} <= live_urls(replica, "mof", spider)
    [following] = listings(found)
    assert following.cb_kwargs["offset"] == len(pages)
    [item] = follow(pages[0])
    truth = {line["url"]: line for line in read_truth(replica.url, "mof")}
    assert isinstance(item, ArticleItem)
    assert item.article.title == truth[pages[0].cb_kwargs["article_url"]]["title"]


def test_list_api_answering_html_fragments_to_a_form(
    spider_for: Spider, replica: ReplicaServer
) -> None:
    spider = spider_for("replica-hanoi")
    api = source(spider, "json_api")
    start = list(spider.source_requests(api))
    assert start[0].headers["Content-Type"].startswith(b"application/x-www-form-urlencoded")
    pages = articles(requests_of(follow(start[0])))
    assert pages and {r.meta[CANONICAL_URL] for r in pages} <= live_urls(replica, "hanoi", spider)


def test_a_list_api_that_does_not_answer_json_is_logged(spider_for: Spider, caplog) -> None:
    spider = spider_for("replica-mof")
    request = next(iter(spider.source_requests(source(spider, "json_api"))))
    response = HtmlResponse(request.url, body=b"<html>busy</html>", request=request)
    assert list(spider.parse_json_list(response, **request.cb_kwargs)) == []
    assert "did not answer JSON" in caplog.text


# day walks ----------------------------------------------------------------------------------------
def test_a_day_walk_reads_a_day_and_asks_for_the_day_before(
    spider_for: Spider, replica: ReplicaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    spider = spider_for("replica-mst", CRAWL_MODE="full")
    line = read_truth(replica.url, "mst")[0]
    day = date.fromisoformat(line["published"][:10])
    monkeypatch.setattr(spider, "first_day", lambda: day)
    days = source(spider, "links", "days")
    [request] = [r for r in spider.source_requests(days) if "back" in r.cb_kwargs]
    assert day.strftime("%d-%m-%Y") in request.url and request.cb_kwargs["back"] == 0
    found = requests_of(follow(request))
    assert spider.profile.canonical(line["url"]) in {r.meta[CANONICAL_URL] for r in found}
    [before] = [r for r in listings(found) if r.cb_kwargs.get("back") == 1]
    assert date.fromordinal(day.toordinal() - 1).strftime("%d-%m-%Y") in before.url


def test_a_day_walk_stops_at_since(spider_for: Spider, monkeypatch: pytest.MonkeyPatch) -> None:
    spider = spider_for("replica-mst", CRAWL_MODE="full", CRAWL_SINCE="2026-03-01")
    monkeypatch.setattr(spider, "first_day", lambda: date(2026, 3, 1))
    days = source(spider, "links", "days")
    [request] = [r for r in spider.source_requests(days) if "back" in r.cb_kwargs]
    empty = HtmlResponse(request.url, body=b"<html><body></body></html>", request=request)
    assert not listings(requests_of(spider.parse_links(empty, **request.cb_kwargs)))


def test_articles_archived_earlier_in_the_same_run_do_not_stop_a_walk(
    spider_for: Spider,
) -> None:
    # A feed and a section list the same articles: on a first crawl, the section's pages
    # holding articles the feed's requests archived meanwhile are not old ground.
    spider = spider_for("replica-thads-dongthap")
    page = follow(first_requests(spider)[0])
    found = [(r.url, None) for r in articles(requests_of(page))]
    _, stale = spider.article_requests(found, source(spider, "links"))
    for url, _ in found:
        archive_one(spider, url)
    _, stale_again = spider.article_requests(found, source(spider, "links"))
    assert not stale and not stale_again
    later = spider_for("replica-thads-dongthap")  # the next run: now they are old ground
    _, stale_next_run = later.article_requests(found, source(later, "links"))
    assert stale_next_run
