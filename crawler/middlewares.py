"""Downloader middlewares: robots.txt for every waiting request, the legacy JS cookie challenge
some portals serve, and article pages extracted off the crawl's event loop (worker processes)."""

from __future__ import annotations

import logging
import multiprocessing
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
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
from crawler.spiders.articles import content_type_of, read_article
from crawler.worker import die_with_parent

if TYPE_CHECKING:
    from crawler.extract import Article
    from crawler.sites import SiteProfile

logger = logging.getLogger(__name__)

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


class ExtractOffLoop:
    """Reads every article page off the crawl's event loop, so downloads, politeness turns
    and the writer go on meanwhile: in EXTRACT_WORKERS worker processes (the crawl process
    is CPU-bound on one core; extraction was a fifth of its time), or, with none, pages of
    EXTRACT_IN_THREAD_BYTES or more in a thread of the reactor's pool (a 16 MB page takes
    seconds; smaller ones are read in the callback, where a thread's hand-over would cost
    more than it frees). The spider's callback finds the result in the request's meta. A page
    the worker could not read (a bug of ours, a worker gone) is read again in the callback,
    which records why."""

    def __init__(self, crawler: Crawler, min_bytes: int, workers: int) -> None:
        self.crawler = crawler
        self.min_bytes = min_bytes
        self.pool = ExtractionPool.shared(workers, crawler) if workers > 0 else None
        self.profile: bytes | None = None  # the crawl's one profile, pickled once, sent along

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractOffLoop:
        settings = crawler.settings
        return cls(
            crawler, settings.getint("EXTRACT_IN_THREAD_BYTES"), settings.getint("EXTRACT_WORKERS")
        )

    async def process_response(self, request: Request, response: Response) -> Response:
        spider: Any = self.crawler.spider
        if (
            getattr(spider, "read_page", None) is None
            or response.status != 200
            or getattr(request.callback, "__name__", None) != "parse_article"
        ):
            return response
        if self.pool is not None and not self.pool.broken:
            if self.profile is None:
                self.profile = pickle.dumps(spider.profile, protocol=pickle.HIGHEST_PROTOCOL)
            args = (response.body, response.url, self.profile, content_type_of(response))
            if (article := await self.pool.read(*args)) is not None:
                request.meta[EXTRACTED] = article
        elif self.min_bytes > 0 and len(response.body) >= self.min_bytes:
            read = deferToThread(spider.read_page, response)
            request.meta[EXTRACTED] = await maybe_deferred_to_future(read)
        return response


_PROFILES: dict[bytes, SiteProfile] = {}  # in a worker: the profiles it was sent, unpickled


def _read_in_worker(
    body: bytes, url: str, profile: bytes, content_type: str | None
) -> Article | str:
    site = _PROFILES.get(profile)
    if site is None:
        site = _PROFILES[profile] = pickle.loads(profile)
    return read_article(body, url, site, content_type)


class ExtractionPool:
    """Worker processes that extract article pages, one pool per crawl process, shared by
    its crawlers. Spawned (a fork of the threaded crawl process could inherit a held lock);
    each worker dies with the crawl process (SIGKILL included: die_with_parent), so a killed
    crawl leaves none behind."""

    _shared: ExtractionPool | None = None

    def __init__(self, workers: int) -> None:
        # Spawned, children of the crawl process, so they die with it. A forkserver's workers
        # hold its "alive" pipe open: a SIGKILLed crawl left the forkserver and its workers
        # waiting for each other (seen after test_crash).
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(
            workers, mp_context=context, initializer=die_with_parent
        )
        self.users = 0  # crawlers not stopped yet
        self.broken = False

    @classmethod
    def shared(cls, workers: int, crawler: Crawler) -> ExtractionPool:
        pool = cls._shared
        if pool is None:
            pool = cls._shared = cls(workers)
        pool.users += 1
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    async def read(self, *args: Any) -> Article | str | None:
        """What a worker made of the page, or None when it could not say (the page is then
        read in the crawl process, which logs the error)."""
        try:
            future = self.executor.submit(_read_in_worker, *args)
        except (BrokenProcessPool, RuntimeError):  # a worker died; shut down
            self.broken = True
            return None
        from twisted.internet import reactor  # the one installed by the crawl

        answer: Deferred[Any] = Deferred()

        def done(finished: Future[Article | str]) -> None:
            reactor.callFromThread(fire, finished)

        def fire(finished: Future[Article | str]) -> None:
            if not answer.called:  # else cancelled meanwhile (the crawl is closing)
                answer.callback(finished)

        future.add_done_callback(done)
        finished: Future[Article | str] = await maybe_deferred_to_future(answer)
        try:
            return finished.result()
        except BrokenProcessPool:
            self.broken = True
            logger.error("extraction worker died; article pages are read in the crawl process")
        except Exception:
            pass  # read again in the crawl process, which logs why
        return None

    def close(self) -> None:
        """When the last crawler using it stops."""
        self.users -= 1
        if self.users > 0:
            return
        ExtractionPool._shared = None
        self.executor.shutdown(wait=True, cancel_futures=True)
