"""What one run of the portal spider fetches (CrawlPlan); counts of a run without a crawler."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class CrawlPlan:
    """How much of a site a run fetches (settings CRAWL_MODE, REVISIT_DAYS, CRAWL_SINCE, ...)."""

    full: bool = False  # walk every listing page and re-check every article
    resume: bool = False  # walk every listing page (the last walk did not reach the end)
    revisit_since: str = "9999"  # re-check archived articles published on or after this date
    since: str | None = None  # archive only articles published on or after this date
    overlap: int = 1  # listing pages with nothing new still followed before paging stops
    max_articles: int = 0  # new articles to fetch at most (0: no limit)
    # Pagination traps (a pager that pages on forever, jumps to ?Page=3980): a source's walk
    # stops after this many listing pages in a row that link to no article the run has not
    # seen yet, and at this many listing pages in all.
    empty_listing_pages: int = 10
    max_listing_pages: int = 20000

    @classmethod
    def from_settings(cls, settings: Any, today: date) -> CrawlPlan:
        since = settings.get("CRAWL_SINCE") or None
        revisit_from = (
            since or (today - timedelta(days=settings.getint("REVISIT_DAYS"))).isoformat()
        )
        return cls(
            full=settings.get("CRAWL_MODE") == "full",
            revisit_since=revisit_from,
            since=since,
            overlap=settings.getint("INCREMENTAL_OVERLAP"),
            max_articles=settings.getint("MAX_ARTICLES"),
            empty_listing_pages=settings.getint("EMPTY_LISTING_PAGES", 10),
            max_listing_pages=settings.getint("MAX_LISTING_PAGES", 20000),
        )


class OfflineCounts(Counter):
    """Stats kept by a spider that runs without a crawler (replay): Scrapy's two calls."""

    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] += count

    def set_value(self, key: str, value: Any) -> None:
        self[key] = value
