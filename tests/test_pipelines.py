"""The item pipelines in-process: FieldCoveragePipeline's per-field rates and warnings, and
ArchivePipeline's run row, batches and counts on the crawl's one archive connection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from crawler.extract import Article
from crawler.items import ArticleGone, ArticleItem, ArticleUnchanged, PageFailure
from crawler.pipelines import ArchivePipeline, FieldCoveragePipeline
from crawler.signals import fetch_recorded
from crawler.spiders.portal import PortalSpider
from replica.server import ReplicaServer
from tests.helpers import download, end_crawl, read_truth

Spider = Callable[..., PortalSpider]
SITE = "replica-thads-dongthap"


@pytest.fixture
def items(spider_for: Spider, replica: ReplicaServer) -> list[ArticleItem]:
    """Three articles as the spider reads them from the replica."""
    spider = spider_for(SITE)
    lines = [x for x in read_truth(replica.url, "thads-dongthap") if x["status"] == "live"][:3]
    read = []
    for line in lines:
        [item] = spider.parse_article(download(spider.article_request(line["url"])))
        read.append(item)
    return read


def test_field_coverage_reports_rates_and_warnings(
    spider_for: Spider, items: list[ArticleItem]
) -> None:
    spider = spider_for(SITE)
    pipeline = FieldCoveragePipeline.from_crawler(spider.crawler)
    bare: Article = replace(items[0].article, author_unit=None, warnings=["no author unit"])
    signed = [replace(i, article=replace(i.article, author_unit="Ban X")) for i in items[1:]]
    for item in [*signed, replace(items[0], article=bare)]:
        assert pipeline.process_item(item) is not None
    failure = PageFailure("u", SITE, "HTTP 404", 404, "2024-01-01T00:00:00+00:00")
    assert pipeline.process_item(failure) is failure  # not an article: not counted
    pipeline.close_spider()
    stats = spider.crawler.stats
    assert stats.get_value("govarchive/field_rate/title") == 1.0
    assert stats.get_value("govarchive/field_rate/author_unit") == round(2 / 3, 4)
    assert stats.get_value("govarchive/warning/no author unit") == 1


def run_pipeline(spider: PortalSpider) -> ArchivePipeline:
    pipeline = ArchivePipeline.from_crawler(spider.crawler)
    pipeline.open_spider()
    return pipeline


def test_archive_pipeline_writes_a_run(spider_for: Spider, items: list[ArticleItem]) -> None:
    spider = spider_for(SITE)
    pipeline = run_pipeline(spider)
    assert pipeline.archive is spider.archive  # the crawl's one connection
    spider.crawler.signals.send_catch_log(
        fetch_recorded, fetch={"url": items[0].source_url, "status": 200}
    )
    for item in items:
        pipeline.process_item(item)
    pipeline.process_item(PageFailure("x", SITE, "no article", 200, "2024-01-01T00:00:00+00:00"))
    end_crawl(spider.crawler)  # spider_closed closes the run, engine_stopped the archive
    db = pipeline.archive.db
    with pytest.raises(Exception, match="closed"):
        db.execute("SELECT 1")


def test_archive_pipeline_counts_and_run_row(spider_for: Spider, items: list[ArticleItem]) -> None:
    # The inline writer: each batch is in the archive when it is handed over.
    spider = spider_for(SITE, ARCHIVE_BATCH_SIZE=2, ARCHIVE_WRITER="inline")
    pipeline = run_pipeline(spider)
    archive = pipeline.archive
    for item in items:
        pipeline.process_item(item)
    assert archive.count() == 2  # a batch of two went in; the third waits for the next
    pipeline.record_fetch({"url": items[0].source_url, "status": 200})
    pipeline.process_item(ArticleUnchanged(items[0].article.url, "2024-01-02T00:00:00+00:00"))
    pipeline.process_item(ArticleGone(items[1].article.url, 404, "2024-01-02T00:00:00+00:00"))
    pipeline.process_item(PageFailure("x", SITE, "no article", 200, "2024-01-02T00:00:00+00:00"))
    pipeline.spider_closed("finished")
    [run] = archive.db.query("SELECT * FROM crawl_runs")
    assert run["site"] == SITE and run["status"] == "finished" and run["walk_complete"] == 1
    assert run["new_articles"] == 3 and run["unchanged_articles"] == 1
    assert run["failures"] == 1 and run["requests"] == 1
    assert archive.count() == 3 and archive.count("fetches") == 1
    assert archive.count("extraction_failures") == 1
    [site] = archive.db.query("SELECT * FROM sites")
    assert site["slug"] == SITE
    stats = spider.crawler.stats
    assert stats.get_value("govarchive/new") == 3 and stats.get_value("govarchive/failures") == 1


def test_a_capped_run_is_an_unfinished_walk(spider_for: Spider, items: list[ArticleItem]) -> None:
    spider = spider_for(SITE)
    pipeline = run_pipeline(spider)
    spider.crawler.stats.set_value("govarchive/budget_reached", True)
    pipeline.spider_closed("finished")
    [run] = pipeline.archive.db.query("SELECT walk_complete FROM crawl_runs")
    assert run["walk_complete"] == 0
    assert pipeline.archive.walk_unfinished(SITE)
