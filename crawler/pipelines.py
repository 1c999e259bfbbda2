"""Item pipelines: report missing fields per site, then batch items into the archive."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, cast

from scrapy import signals
from scrapy.crawler import Crawler

from archive import Archive, WriteCounts
from crawler.archiving import (
    ARTICLE_SNAPSHOT_FIELDS,
    PENDING_SNAPSHOT,
    crawl_archive,
    crawl_writer,
    resolve_snapshot,
)
from crawler.extract import EXTRACTOR_VERSION
from crawler.fatal import stop_crawl, stop_crawl_from_thread
from crawler.items import ArticleGone, ArticleItem, ArticleUnchanged, PageFailure
from crawler.signals import fetch_failed, fetch_recorded
from crawler.writer import Writer

if TYPE_CHECKING:
    from crawler.spiders.portal import PortalSpider

logger = logging.getLogger(__name__)

CODE_VERSION = f"govarchive {version('govarchive')}, extractor {EXTRACTOR_VERSION}"
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
    """Writes a crawl run to the archive: its articles, revisit answers and failures, and every
    fetch, ARCHIVE_BATCH_SIZE items per transaction; opens and closes the `crawl_runs` row.
    The archive is the crawl's one connection (crawler/archiving.py), closed by its owner; the
    batches go to the crawl's writer, which may write them later on a thread of its own."""

    def __init__(self, crawler: Crawler, archive: Archive, batch_size: int, writer: Writer) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive = archive
        self.writer = writer
        self.batch_size = batch_size
        self.opened = False
        self.run_id: int | None = None
        self.counts = WriteCounts()
        self.pending: dict[str, list[dict[str, Any]]] = _empty_batch()
        self.requests = self.failures = 0
        self.family: str | None = None
        self.write_failed: str | None = None  # why the archive took no more (a full disk)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        settings = crawler.settings
        pipeline = cls(
            crawler,
            crawl_archive(crawler),
            settings.getint("ARCHIVE_BATCH_SIZE"),
            crawl_writer(crawler),
        )
        crawler.signals.connect(pipeline.record_fetch, signal=fetch_recorded)
        crawler.signals.connect(pipeline.fetch_failed, signal=fetch_failed)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.opened = True
        spider = cast("PortalSpider", self.crawler.spider)  # the only spider of the project
        profile = spider.profile
        self.family = profile.family
        mode = self.crawler.settings.get("CRAWL_MODE")
        if mode != "full" and spider.plan.resume:
            mode = "resume"

        def start(archive: Archive) -> int:
            archive.register_site(profile.public_fields())
            return archive.start_run(profile.slug, mode, CODE_VERSION, _now())

        self.run_id = self.writer.call(start)
        self.stats.set_value("govarchive/run_id", self.run_id)

    def record_fetch(self, fetch: dict[str, Any]) -> None:
        self.requests += 1
        self._add("fetches", fetch)

    def fetch_failed(self, url: str, reason: str) -> None:
        """Give a URL's last fetch the reason its request came to nothing (a 200 that was a
        decompression bomb, a 302 that looped or left the site, a 503 after the retries)."""
        for row in reversed(self.pending["fetches"]):
            if row["url"] == url:
                known = row.get("error")
                row["error"] = reason if not known or known in reason else f"{known}: {reason}"
                return
        if (run_id := self.run_id) is not None:  # handed to the writer with an earlier batch
            self.writer.run(lambda archive: archive.note_fetch_error(run_id, url, reason))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleItem):
            record = item.record() | {"family": self.family}
            if self.writer.deferred and item.snapshot is not None:
                record[PENDING_SNAPSHOT] = item.snapshot  # its WARC record is not written yet
            self._add("articles", record)
            self.stats.inc_value("govarchive/articles")
        elif isinstance(item, ArticleUnchanged):
            self._add("unchanged", item.record())
            self.stats.inc_value("govarchive/not_modified")
        elif isinstance(item, ArticleGone):
            logger.warning("%s: answered %d (gone?)", item.url, item.status)
            self._add("gone", item.record())
            self.stats.inc_value("govarchive/gone")
        elif isinstance(item, PageFailure):
            logger.error("%s: not archived as an article: %s", item.url, item.reason)
            self.failures += 1
            self._add("failures", item.record())
            self.stats.inc_value("govarchive/failures")
        return item

    def _add(self, kind: str, row: dict[str, Any]) -> None:
        self.pending[kind].append(row)
        if sum(map(len, self.pending.values())) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.opened or not any(self.pending.values()):
            return
        batch, self.pending = self.pending, _empty_batch()
        self.writer.run(lambda archive: self._write(archive, batch))

    def _write(self, archive: Archive, batch: dict[str, list[dict[str, Any]]]) -> None:
        """The writer's job: one batch in one transaction."""
        if self.write_failed:
            return
        for row in batch["fetches"]:
            resolve_snapshot(row)
        for row in batch["articles"]:
            resolve_snapshot(row, ARTICLE_SNAPSHOT_FIELDS)
        try:
            self.counts.add(archive.write(**batch, run_id=self.run_id))
        except (sqlite3.Error, OSError) as error:
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        """A batch the archive could not take (a full disk): every later one would fail the
        same way, so the crawl ends now and says why (it reported success with 0 articles
        archived before)."""
        self.write_failed = f"archive write failed: {type(error).__name__}: {error}"
        if self.writer.deferred:
            stop_crawl_from_thread(self.crawler, self.write_failed, "archive_write_failed")
        else:
            stop_crawl(self.crawler, self.write_failed, "archive_write_failed")

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, reason: str) -> None:
        """Close the run (after the downloader has stopped, so every fetch is in)."""
        if not self.opened:
            return
        self.flush()
        self.writer.call(lambda archive: self._finish(archive, reason))
        for name in ("new", "changed", "unchanged", "removed"):
            self.stats.set_value(f"govarchive/{name}", getattr(self.counts, name))
        self.opened = False

    def _finish(self, archive: Archive, reason: str) -> None:
        """The writer's job, after every batch: the run's row closed with its counts (left
        `running` when the archive takes no writes: a later run marks it interrupted)."""
        try:
            self._close_run(archive, reason)
        except (sqlite3.Error, OSError) as error:
            logger.error("%s: the run's row stays open", self.write_failed or error)

    def _close_run(self, archive: Archive, reason: str) -> None:
        # A batch the archive refused, or a job the writer thread failed (its rows are lost)
        # in a run that gave no other reason to stop.
        lost = self.writer.failure is not None and reason == "finished"
        failed = self.write_failed or lost
        reason = "archive_write_failed" if failed else reason
        if self.run_id is not None:
            archive.finish_run(
                self.run_id,
                finished_at=_now(),
                status=reason,
                requests=self.requests,
                new_articles=self.counts.new,
                changed_articles=self.counts.changed,
                unchanged_articles=self.counts.unchanged,
                removed_articles=self.counts.removed,
                failures=self.failures,
                walk_complete=int(
                    reason == "finished"
                    and not self.stats.get_value("govarchive/budget_reached")
                    and not self.stats.get_value("govarchive/listing_failures")
                    # An article left behind is fetched again when the next run walks on.
                    and not self.stats.get_value("govarchive/articles_left_behind")
                    and not self.stats.get_value("govarchive/listing_cap_reached")
                ),
            )
        archive.analyze_if_grown()


def _empty_batch() -> dict[str, list[dict[str, Any]]]:
    return {"articles": [], "failures": [], "unchanged": [], "gone": [], "fetches": []}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
