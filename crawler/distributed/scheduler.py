"""scrapy-redis's scheduler and duplicate filter, keyed per site and run: every worker's
crawler of a site pops from one shared queue and keeps one shared set of seen requests."""

from __future__ import annotations

import functools
import time
import warnings
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider, ScrapyDeprecationWarning
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawler.distributed.connection import alive_key, site_key

# scrapy-redis 0.9.1 still calls Scrapy APIs deprecated in 2.13 (Spider.log, stats with a spider
# argument): three warnings in every worker's and seed's log that no user can act on.
warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module=r"scrapy_redis\.")


class SiteDupeFilter(RFPDupeFilter):
    """The shared set of request fingerprints of one site's run (the project's canonical
    fingerprint), an exact set that expires REDIS_SEEN_TTL seconds after its last addition:
    no false positives; it grows by one 40-byte fingerprint per request during a run and is
    gone a TTL after the run (docs/scaling.md has the bytes per URL)."""

    def __init__(self, server: Any, key: str, fingerprinter: Any, ttl: int) -> None:
        super().__init__(server, key)
        self.fingerprinter = fingerprinter
        self.ttl = ttl

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def request_seen(self, request: Request) -> bool:
        pipe = self.server.pipeline()
        pipe.sadd(self.key, self.request_fingerprint(request))
        pipe.expire(self.key, self.ttl)
        added, _ = pipe.execute()
        return added == 0

    def close(self, reason: str = "") -> None:
        """Kept: the other workers of the run still use it (it expires)."""


class SiteScheduler(Scheduler):
    """scrapy-redis's scheduler, its queue keyed by site (all workers' crawlers of a site
    share it), persisted when a worker stops.

    REDIS_ROLE "seed" (`govarchive seed`): the spider's start requests go to the queue and
    the crawl ends, having fetched nothing. "worker": the spider's own start requests are
    dropped (the seed's are in the queue), and an idle worker waits while the queue holds
    requests or another worker of the site is busy (it may push more). A worker that stopped
    without saying so (killed) is noticed by its heartbeat running out: the others stop
    waiting for it and their runs end with the walk unfinished, since what it had popped or
    not yet sent is lost, so the next run walks on past archived pages and fetches it."""

    OPEN_GRACE = 10.0  # the run's first requests may not be in the queue yet
    HEARTBEAT = 2.0  # seconds between a worker's signs of life
    ALIVE = 10  # seconds without one after which a worker counts as dead

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteScheduler:
        scheduler: SiteScheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.role = crawler.settings.get("REDIS_ROLE", "worker")
        scheduler.worker = crawler.settings.get("REDIS_WORKER")
        if scheduler.role == "worker":
            crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        slug = spider.profile.slug  # type: ignore[attr-defined]
        settings = spider.settings
        run = settings.get("REDIS_RUN")
        self.queue_key = site_key(slug, "requests")
        self.busy_key = site_key(slug, f"busy:{run}")
        self.alive = functools.partial(alive_key, slug, run)  # a worker's heartbeat key
        self.lost_key = site_key(slug, f"lost:{run}")  # the workers found dead
        self.opened_at = time.time()
        self.idle_since: float | None = None  # since when this worker found nothing to do
        self.df = SiteDupeFilter(
            self.server,
            site_key(slug, f"seen:{run}"),
            spider.crawler.request_fingerprinter,
            settings.getint("REDIS_SEEN_TTL"),
        )
        super().open(spider)
        if self.role == "worker":
            self.server.hset(self.busy_key, self.worker, 0)
            self.server.expire(self.busy_key, self.df.ttl)
            self.heartbeat = task.LoopingCall(self._beat)
            self.heartbeat.start(self.HEARTBEAT)

    def close(self, reason: str) -> None:
        if self.role == "worker":
            if self.heartbeat.running:
                self.heartbeat.stop()
            # Gone on purpose: nobody waits for this worker any more. Its heartbeat runs out
            # by itself: until then `ingest` knows its runs are not a dead worker's (their
            # end is sent after the scheduler closes).
            self.server.hdel(self.busy_key, self.worker)
        super().close(reason)

    def _beat(self) -> None:
        self.server.set(self.alive(self.worker), time.time(), ex=self.ALIVE)

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get("is_start_request"):
            if self.role == "worker":
                return False  # the seed put the start points in the queue once
            # Seeded: once popped by a worker, the request (and its retries) is any other.
            del request.meta["is_start_request"]
            self.crawler.stats.inc_value("govarchive/seeded")
        return bool(super().enqueue_request(request))

    def has_pending_requests(self) -> bool:
        # The seed's requests are the workers': its crawl ends once they are queued.
        return self.role == "worker" and bool(super().has_pending_requests())

    def next_request(self) -> Request | None:
        if self.role != "worker":
            return None
        request = super().next_request()
        if request is not None:
            self.server.hset(self.busy_key, self.worker, time.time())
        return request

    def spider_idle(self, spider: Spider) -> None:
        """Nothing left here: stay while the queue holds requests or another worker is busy
        (it may push more). Close once every other worker is idle and gave a sign of life
        since this one found nothing to do, or is dead (its heartbeat ran out: a worker
        killed busy or idle, holding requests or records not yet sent, is left behind)."""
        now = time.time()
        self.server.hset(self.busy_key, self.worker, 0)
        if len(self.queue) or now - self.opened_at < self.OPEN_GRACE:
            self.idle_since = None
            raise DontCloseSpider
        self.idle_since = self.idle_since or now
        waiting = False
        for name, at in self.server.hgetall(self.busy_key).items():
            worker = name.decode()
            if worker == self.worker:
                continue
            beat = self.server.get(self.alive(worker))
            if beat is None:  # dead: what it held is lost for this run
                self.server.hdel(self.busy_key, worker)
                self.server.sadd(self.lost_key, worker)
                self.server.expire(self.lost_key, self.df.ttl)
            elif float(at) > 0 or float(beat) < self.idle_since:
                waiting = True  # busy, or maybe dead while idle: its next beat tells
        if self.server.exists(self.lost_key):  # (at least) one request was left behind
            self.crawler.stats.set_value("govarchive/articles_left_behind", 1)
        if waiting:
            raise DontCloseSpider
