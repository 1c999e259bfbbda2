"""The generic portal spider: walks a profile's listings and extracts every article it finds."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.http import Response, TextResponse

from crawler.extract import ExtractionError, extract_article
from crawler.items import ArticleItem, PageFailure
from crawler.sites import RegistryError, SiteProfile, get_site

# Profile politeness keys and the Scrapy settings they override (only when a profile says so).
POLITENESS_SETTINGS = {
    "download_delay": "DOWNLOAD_DELAY",
    "concurrent_requests_per_domain": "CONCURRENT_REQUESTS_PER_DOMAIN",
    "autothrottle": "AUTOTHROTTLE_ENABLED",
    "robots_txt": "ROBOTSTXT_OBEY",
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PortalSpider(scrapy.Spider):
    """Crawl one site profile: `scrapy crawl portal -a site=SLUG`."""

    name = "portal"

    def __init__(self, *args: Any, profile: SiteProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile = profile

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> PortalSpider:
        slug = kwargs.pop("site", None)
        if not slug:
            raise UsageError("which site? pass -a site=SLUG (list them with `govarchive sites`)")
        try:
            profile = get_site(slug, crawler.settings.get("REPLICA_URL"))
        except RegistryError as error:
            raise UsageError(str(error)) from None
        for key, value in profile.politeness.items():
            if key not in POLITENESS_SETTINGS:
                raise UsageError(f"site {slug}: unknown politeness key {key!r}")
            crawler.settings.set(POLITENESS_SETTINGS[key], value, priority="spider")
        return super().from_crawler(crawler, *args, profile=profile, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.profile.start_urls:
            yield self._listing_request(url, depth=1)

    def _listing_request(self, url: str, depth: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            cb_kwargs={"depth": depth},
            meta={"canonical_url": self.profile.canonical(url)},
        )

    def parse_listing(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        """Follow every article link, and listing links up to the profile's depth limit."""
        if not isinstance(response, TextResponse):
            self.logger.error("Listing %s is not HTML (%s)", response.url, type(response).__name__)
            return
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href.strip())
            if self.profile.is_article(url):
                yield scrapy.Request(
                    url,
                    callback=self.parse_article,
                    meta={"canonical_url": self.profile.canonical(url)},
                )
            elif self.profile.is_listing(url):
                if depth < self.profile.max_listing_depth:
                    yield self._listing_request(url, depth + 1)
                else:
                    self.logger.warning("Listing depth limit reached at %s", url)

    def parse_article(self, response: Response) -> Iterator[ArticleItem | PageFailure]:
        """One article page: an ArticleItem, or a PageFailure naming what went wrong."""
        fetched_at = _now()
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        try:
            article = extract_article(
                response.body, response.url, self.profile, content_type=content_type
            )
        except ExtractionError as error:
            yield PageFailure(
                url=self.profile.canonical(response.url),
                site=self.profile.slug,
                reason=str(error),
                http_status=response.status,
                failed_at=fetched_at,
            )
            return
        yield ArticleItem(article=article, source_url=response.url, fetched_at=fetched_at)
