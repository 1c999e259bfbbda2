"""The crawl summary's per-site error count counts that site's errors only (Scrapy's
log_count/ERROR counted every error of the process in every site's line)."""

from __future__ import annotations

import logging

from scrapy import Spider
from scrapy.utils.test import get_crawler

from crawler.run import CrawlResult, SiteErrors


def test_each_site_counts_its_own_errors() -> None:
    crawlers = [get_crawler(Spider) for _ in range(2)]
    for index, crawler in enumerate(crawlers):
        crawler.spider = Spider(name=f"site{index}")
        crawler.stats.open_spider()
    counter = SiteErrors(crawlers)
    logging.root.addHandler(counter)
    try:
        for _ in range(3):
            crawlers[0].spider.logger.error("listing page failed")
        crawlers[1].spider.logger.warning("a warning is no error")
        logging.getLogger("twisted").error("no spider named: counted for no site")
    finally:
        logging.root.removeHandler(counter)
    results = [
        CrawlResult.from_stats(f"site{i}", c.stats.get_stats()) for i, c in enumerate(crawlers)
    ]
    assert [result.errors for result in results] == [3, 0]


def test_a_single_site_counts_errors_that_name_no_spider() -> None:
    crawler = get_crawler(Spider)
    crawler.spider = Spider(name="only")
    crawler.stats.open_spider()
    counter = SiteErrors([crawler])
    logging.root.addHandler(counter)
    try:
        logging.getLogger("scrapy.core.scraper").error("Error downloading")
    finally:
        logging.root.removeHandler(counter)
    assert CrawlResult.from_stats("only", crawler.stats.get_stats()).errors == 1
