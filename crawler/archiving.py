"""The crawl's one archive connection: opened for the first component that asks, handed to
the others, closed once when the crawl's engine has stopped."""

from __future__ import annotations

import weakref
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from archive import Archive

_OPEN: weakref.WeakKeyDictionary[Crawler, Archive] = weakref.WeakKeyDictionary()


def crawl_archive(crawler: Crawler) -> Archive:
    """The archive a crawl writes to (ARCHIVE_DB), one connection per crawler.

    The spider asks first (its plan reads how the last run ended), then the fetch log (earlier
    captures of a URL) and the archive pipeline (it writes). The connection is closed on
    `engine_stopped`, which comes after `spider_closed`: the pipeline has written its last
    batch and closed the run by then.
    """
    archive = _OPEN.get(crawler)
    if archive is None:
        archive = _OPEN[crawler] = Archive.open(Path(crawler.settings.get("ARCHIVE_DB")))
        crawler.signals.connect(archive.close, signal=signals.engine_stopped)
    return archive
