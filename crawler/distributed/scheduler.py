"""scrapy-redis's scheduler and duplicate filter, keyed per site and run: every worker's
crawler of a site pops from one shared queue and keeps one shared set of seen requests."""

from __future__ import annotations

import time
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.distributed.connection import site_key


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
    share it), persisted when a worker stops, and not idle while any worker is busy: a worker
    whose queue is empty waits (spider_idle) while another may still push requests, and
    closes once the queue is empty and no worker is busy (and not in its first OPEN_GRACE
    seconds: the run's first requests may not be in the queue yet)."""

    OPEN_GRACE = 10.0

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteScheduler:
        scheduler: SiteScheduler = super().from_crawler(crawler)
        scheduler.worker = crawler.settings.get("REDIS_WORKER")
        scheduler.stale = crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + 60
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        slug = spider.profile.slug  # type: ignore[attr-defined]
        self.queue_key = site_key(slug, "requests")
        self.busy_key = site_key(slug, "busy")
        self.opened_at = time.time()
        settings = spider.settings
        self.df = SiteDupeFilter(
            self.server,
            site_key(slug, f"seen:{settings.get('REDIS_RUN')}"),
            spider.crawler.request_fingerprinter,
            settings.getint("REDIS_SEEN_TTL"),
        )
        super().open(spider)

    def next_request(self) -> Request | None:
        request = super().next_request()
        if request is not None:
            self.server.hset(self.busy_key, self.worker, time.time())
        return request

    def spider_idle(self, spider: Spider) -> None:
        """Nothing left here: stay while the queue holds requests or another worker is busy
        (it may push more); a worker silent for longer than a download can take is dead."""
        now = time.time()
        self.server.hset(self.busy_key, self.worker, 0)
        if len(self.queue) or now - self.opened_at < self.OPEN_GRACE:
            raise DontCloseSpider
        busy = self.server.hgetall(self.busy_key)
        if any(now - float(at) < self.stale for at in busy.values()):
            raise DontCloseSpider
