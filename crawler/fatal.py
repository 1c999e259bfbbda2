"""A crawl that cannot keep what it fetches (a full disk, a folder gone) ends at once, saying
why in its stats and its finish reason, instead of fetching pages it would lose."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

logger = logging.getLogger(__name__)

# The stats a stopped crawl leaves: the failure in one line, and the reason the run ends with
# (read by crawler/run.py even when the failure came after the spider had begun to close).
FATAL = "govarchive/fatal"
FATAL_CLOSE = "govarchive/fatal_close"


def stop_crawl(crawler: Crawler, reason: str, close_reason: str) -> None:
    """End the crawl (call on the reactor's thread): the first failure is logged and kept."""
    stats = crawler.stats
    if stats is None or stats.get_value(FATAL):
        return
    stats.set_value(FATAL, reason)
    stats.set_value(FATAL_CLOSE, close_reason)
    logger.error("%s; stopping the crawl", reason)
    try:
        engine = crawler.engine
    except RuntimeError:  # no crawl running (a component tried alone)
        engine = None
    if engine is not None and engine.spider is not None:
        closing = deferred_from_coro(engine.close_spider_async(reason=close_reason))
        # Closed meanwhile (a failure told from the writer's thread arrives late): nothing to end.
        closing.addErrback(lambda failure: failure.trap(RuntimeError) and None)


def stop_crawl_from_thread(crawler: Crawler, reason: str, close_reason: str) -> None:
    """stop_crawl, asked from a thread other than the reactor's (the archive's writer)."""
    from twisted.internet import reactor  # installed by the crawl by now

    reactor.callFromThread(stop_crawl, crawler, reason, close_reason)
