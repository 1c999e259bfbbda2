"""Downloader middlewares: robots.txt for every waiting request, the legacy JS cookie challenge
some portals serve, and big article pages extracted in a thread, off the crawl's event loop."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThread

from crawler.discovery.challenge import cookie_challenge
from crawler.meta import EXTRACTED

_ANSWERED = "cookie_challenge_answered"


class RobotsTxtForAll(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, its rules given to every request that waited for them.

    Scrapy 2.19 hands the parsed rules to the first request waiting for a host's robots.txt
    only: the Deferred's result is consumed by that waiter's future, the others get None and
    go out unchecked (a run whose start requests are several fetched disallowed pages).
    The rules stored once parsed are read instead.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        stored = self._parsers.get(urlparse_cached(request).netloc)
        return parser if isinstance(stored, Deferred) else stored


class CookieChallengeMiddleware:
    """Re-requests a page once with the cookie a JS challenge page sets.

    The cookie goes into Scrapy's cookie jar with the retried request, so later requests to
    the host carry it too and meet no challenge.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get(_ANSWERED) or (found := cookie_challenge(response.body)) is None:
            return response
        name, value = found
        cookies = request.cookies if isinstance(request.cookies, dict) else {}
        return request.replace(
            cookies={**cookies, name: value},
            meta={**request.meta, _ANSWERED: True},
            dont_filter=True,
        )


class ExtractInThread:
    """Reads an article page of EXTRACT_IN_THREAD_BYTES or more in a thread of the reactor's
    pool, so downloads, politeness turns and the writer go on meanwhile (a 16 MB page takes
    seconds to extract; on the event loop every other request waited for it). The spider's
    callback finds the result in the request's meta; smaller pages are read in the callback,
    where a thread's hand-over would cost more than it frees."""

    def __init__(self, crawler: Crawler, min_bytes: int) -> None:
        self.crawler = crawler
        self.min_bytes = min_bytes

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractInThread:
        return cls(crawler, crawler.settings.getint("EXTRACT_IN_THREAD_BYTES"))

    async def process_response(self, request: Request, response: Response) -> Response:
        read_page: Any = getattr(self.crawler.spider, "read_page", None)
        if (
            read_page is None
            or self.min_bytes <= 0
            or len(response.body) < self.min_bytes
            or response.status != 200
            or getattr(request.callback, "__name__", None) != "parse_article"
        ):
            return response
        request.meta[EXTRACTED] = await maybe_deferred_to_future(deferToThread(read_page, response))
        return response
