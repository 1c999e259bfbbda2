"""Run crawls in-process: one Scrapy crawler per site, all into one archive file."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.internet.error import ConnectError, DNSLookupError, TimeoutError
from twisted.web._newclient import ResponseNeverReceived

from crawler.fatal import FATAL_CLOSE
from crawler.sites import get_site
from crawler.spiders.portal import PortalSpider


@dataclass(frozen=True, slots=True)
class CrawlResult:
    """What one site's crawl did, from its Scrapy stats."""

    site: str
    articles: int
    new: int
    changed: int
    unchanged: int
    removed: int
    failures: int
    pages: int
    errors: int
    finish_reason: str
    run_id: int | None = None  # its `crawl_runs` row
    # Listing pages and articles that failed after their retries (or were refused: a
    # redirect loop, an off-site redirect, a body over the size limit).
    listing_failures: int = 0
    articles_left_behind: int = 0

    @property
    def left_behind(self) -> bool:
        """Whether the run missed anything the site lists (it must not report success)."""
        return bool(self.listing_failures or self.articles_left_behind)

    @classmethod
    def from_stats(cls, site: str, stats: dict[str, Any]) -> CrawlResult:
        return cls(
            site=site,
            articles=stats.get("govarchive/articles", 0),
            new=stats.get("govarchive/new", 0),
            changed=stats.get("govarchive/changed", 0),
            unchanged=stats.get("govarchive/unchanged", 0),
            removed=stats.get("govarchive/removed", 0),
            failures=stats.get("govarchive/failures", 0),
            pages=stats.get("response_received_count", 0),
            errors=stats.get("govarchive/errors", 0),
            # A crawl stopped by a failure while it closed anyway (its last batch) says so.
            finish_reason=stats.get(FATAL_CLOSE) or stats.get("finish_reason", "not started"),
            run_id=stats.get("govarchive/run_id"),
            listing_failures=stats.get("govarchive/listing_failures", 0),
            articles_left_behind=stats.get("govarchive/articles_left_behind", 0),
        )


def crawl_settings(db: Path, replica_url: str | None = None, **overrides: Any) -> Settings:
    """The project's Scrapy settings, writing to `db`, with `overrides` (UPPER_CASE names)."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("ARCHIVE_DB", str(db), priority="cmdline")
    if replica_url:
        settings.set("REPLICA_URL", replica_url, priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


# A portal that is down, unknown or silent: the log line says so; its stack trace says nothing.
_NETWORK_ERRORS = (ConnectError, DNSLookupError, TimeoutError, ResponseNeverReceived)


def _without_network_tracebacks(factory: Any) -> Any:
    """A log record factory that keeps the one line of a network failure Scrapy logs
    (robots.txt, a download, a retry given up) and drops its traceback. A record factory,
    not a handler's filter: Scrapy replaces its root handler when each crawler starts."""

    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        error = record.exc_info[1] if record.exc_info else None
        while error is not None and not isinstance(error, _NETWORK_ERRORS):
            error = error.__cause__
        if error is not None:
            record.exc_info = None
        return record

    return make


class SiteErrors(logging.Handler):
    """Counts each crawler's own ERROR records as govarchive/errors: Scrapy's log_count/ERROR
    is counted by a root handler per crawler, so every site's summary counted the whole
    process's errors. A record names its spider (Scrapy's `extra`); one without a spider is
    the site's only when a single site runs."""

    def __init__(self, crawlers: list[Any]) -> None:
        super().__init__(level=logging.ERROR)
        self.crawlers = crawlers

    def emit(self, record: logging.LogRecord) -> None:
        spider = getattr(record, "spider", None)
        for crawler in self.crawlers:
            mine = spider is not None and spider is getattr(crawler, "spider", None)
            if mine or (spider is None and len(self.crawlers) == 1):
                crawler.stats.inc_value("govarchive/errors")


def run_crawl(
    slugs: list[str], db: Path, replica_url: str | None = None, **overrides: Any
) -> list[CrawlResult]:
    """Crawl every site in `slugs` into `db` (blocks; once per process, Twisted's rule)."""
    for slug in slugs:
        get_site(slug, replica_url)  # fail before starting anything if a slug is unknown
    process = CrawlerProcess(crawl_settings(db, replica_url, **overrides))
    logging.setLogRecordFactory(_without_network_tracebacks(logging.getLogRecordFactory()))
    crawlers = {slug: process.create_crawler(PortalSpider) for slug in slugs}
    for slug, crawler in crawlers.items():
        process.crawl(crawler, site=slug)
    counter = SiteErrors(list(crawlers.values()))
    logging.root.addHandler(counter)
    try:
        process.start()
    finally:
        logging.root.removeHandler(counter)
    return [CrawlResult.from_stats(slug, c.stats.get_stats()) for slug, c in crawlers.items()]
