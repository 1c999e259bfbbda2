"""The generic portal spider: lists a profile's articles by every source it names, extracts each."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.http import Response

from crawler.extract import ExtractionError, extract_api_article, extract_article
from crawler.items import ArticleItem, PageFailure
from crawler.sites import RegistryError, SiteProfile, Source, get_site
from crawler.spiders.sources import ListingSources

# Profile politeness keys and the Scrapy settings they override (only when a profile says so).
POLITENESS_SETTINGS = {
    "download_delay": "DOWNLOAD_DELAY",
    "concurrent_requests_per_domain": "CONCURRENT_REQUESTS_PER_DOMAIN",
    "autothrottle": "AUTOTHROTTLE_ENABLED",
    "robots_txt": "ROBOTSTXT_OBEY",
}
_CALLBACKS = {
    "links": "parse_links",
    "feed": "parse_feed",
    "sitemap": "parse_sitemap",
    "timeline": "parse_timeline",
    "postback": "parse_postback",
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PortalSpider(ListingSources, scrapy.Spider):
    """Crawl one site profile: `scrapy crawl portal -a site=SLUG`."""

    name = "portal"

    def __init__(self, *args: Any, profile: SiteProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.allowed_domains = [urlsplit(profile.base_url).hostname or ""]

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
        for source in self.profile.sources:
            for request in self.source_requests(source):
                yield request

    def source_requests(self, source: Source) -> Iterator[scrapy.Request]:
        """The first requests of a source: its start URLs, timeline zones or API categories."""
        if source.kind == "json_api" and "categories_url" in source.options:
            url = urljoin(self.profile.base_url, source.options["categories_url"])
            yield scrapy.Request(
                url,
                callback=self.parse_json_categories,
                cb_kwargs={"source": source},
                headers={"Accept": "application/json"},
                meta={"canonical_url": self.profile.canonical(url)},
            )
        elif source.kind == "json_api":
            for category in source.options.get("categories", [""]):
                yield self.json_list_request(source, 1, category, 0)
        elif source.kind == "timeline":
            template = urljoin(self.profile.base_url, source.options["template"])
            first = source.options.get("first_page", 1)
            for zone in source.options.get("zones", [""]):
                url = template.format(zone=zone, page=first)
                yield self.listing_request(url, source, 1, zone=str(zone), page=first)
        else:
            for url in source.urls:
                yield self.listing_request(url, source, 1)

    def listing_request(self, url: str, source: Source, depth: int, **kw: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=getattr(self, _CALLBACKS[source.kind]),
            cb_kwargs={"source": source, "depth": depth, **kw},
            meta={"canonical_url": self.profile.canonical(url)},
        )

    def article_request(self, url: str, api_item: dict[str, Any] | None = None) -> scrapy.Request:
        """The request for one article: its page, or its JSON where the page is an empty shell."""
        canonical = self.profile.canonical(url)
        api = self.profile.api
        if api and api_item is not None:
            api_url = urljoin(self.profile.base_url, api["url"].format(**api_item))
            return scrapy.Request(
                api_url,
                callback=self.parse_api_article,
                cb_kwargs={"article_url": url},
                meta={"canonical_url": canonical},
            )
        return scrapy.Request(url, callback=self.parse_article, meta={"canonical_url": canonical})

    def _failure(self, url: str, response: Response, reason: str) -> PageFailure:
        return PageFailure(
            url=self.profile.canonical(url),
            site=self.profile.slug,
            reason=reason,
            http_status=response.status,
            failed_at=_now(),
        )

    def parse_article(self, response: Response) -> Iterator[ArticleItem | PageFailure]:
        """One article page: an ArticleItem, or a PageFailure naming what went wrong."""
        fetched_at = _now()
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        try:
            article = extract_article(
                response.body, response.url, self.profile, content_type=content_type
            )
        except ExtractionError as error:
            yield self._failure(response.url, response, str(error))
            return
        except Exception as error:  # a bug of ours must not lose the page: record it
            self.logger.exception("Extractor failed on %s", response.url)
            yield self._failure(response.url, response, f"extractor error: {error!r}")
            return
        yield ArticleItem(article=article, source_url=response.url, fetched_at=fetched_at)

    def parse_api_article(
        self, response: Response, article_url: str
    ) -> Iterator[ArticleItem | PageFailure]:
        """One article's JSON from a site's API, archived under the article page's URL."""
        fetched_at = _now()
        try:
            data = json.loads(response.text)
            article = extract_api_article(data, article_url, self.profile)
        except (ValueError, ExtractionError) as error:
            yield self._failure(article_url, response, f"article API: {error}")
            return
        yield ArticleItem(article=article, source_url=response.url, fetched_at=fetched_at)
