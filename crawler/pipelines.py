"""Item pipelines: report missing fields per site, then batch items into the archive."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler

from archive.store import Archive
from crawler.items import ArticleItem, PageFailure

logger = logging.getLogger(__name__)

CHECKED_FIELDS = ("title", "published", "body_text", "author_unit")


class FieldCoveragePipeline:
    """Logs each article with missing fields and, at the end, each field's pass rate.

    A layout change shows up as a falling rate in the log and the stats, not as a silent
    archive of empty rows.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.present: Counter[str] = Counter()
        self.articles = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FieldCoveragePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        self.articles += 1
        article = item.article
        for field in CHECKED_FIELDS:
            if getattr(article, field):
                self.present[field] += 1
        for warning in article.warnings:
            logger.warning("%s: %s (archived anyway)", article.url, warning)
            self.stats.inc_value(f"govarchive/warning/{warning}")
        return item

    def close_spider(self) -> None:
        if not self.articles:
            return
        rates = {field: self.present[field] / self.articles for field in CHECKED_FIELDS}
        for field, rate in rates.items():
            self.stats.set_value(f"govarchive/field_rate/{field}", round(rate, 4))
        summary = ", ".join(f"{field} {rate:.0%}" for field, rate in rates.items())
        logger.info("Field coverage over %d articles: %s", self.articles, summary)


class ArchivePipeline:
    """Writes articles and failures to the SQLite archive, ARCHIVE_BATCH_SIZE per transaction."""

    def __init__(self, crawler: Crawler, db_path: Path, batch_size: int) -> None:
        self.stats = crawler.stats
        self.db_path = db_path
        self.batch_size = batch_size
        self.archive: Archive | None = None
        self.articles: list[dict[str, Any]] = []
        self.failures: list[dict[str, Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        settings = crawler.settings
        return cls(crawler, Path(settings.get("ARCHIVE_DB")), settings.getint("ARCHIVE_BATCH_SIZE"))

    def open_spider(self) -> None:
        self.archive = Archive.open(self.db_path)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleItem):
            self.articles.append(item.record())
            self.stats.inc_value("govarchive/articles")
        elif isinstance(item, PageFailure):
            logger.error("%s: not archived as an article: %s", item.url, item.reason)
            self.failures.append(item.record())
            self.stats.inc_value("govarchive/failures")
        if len(self.articles) + len(self.failures) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        if self.archive is None or not (self.articles or self.failures):
            return
        self.archive.write(self.articles, self.failures)
        self.articles, self.failures = [], []

    def close_spider(self) -> None:
        self.flush()
        if self.archive is not None:
            self.archive.close()
            self.archive = None
