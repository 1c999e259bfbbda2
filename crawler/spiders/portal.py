"""The generic portal spider: lists a profile's articles by every source it names, extracts each."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, UsageError
from twisted.python.failure import Failure

from archive import Archive
from crawler.archiving import crawl_archive
from crawler.failures import ROBOTS_FORBIDDEN, failure_reason
from crawler.meta import CANONICAL_URL, KIND
from crawler.signals import fetch_failed
from crawler.sites import RegistryError, SiteProfile, Source, get_site
from crawler.spiders.articles import ARTICLE_PRIORITY, ArticlePages
from crawler.spiders.plan import CrawlPlan, OfflineCounts
from crawler.spiders.sources import ListingSources
from crawler.tls import CIPHERS_SETTING

__all__ = ["ARTICLE_PRIORITY", "CrawlPlan", "PortalSpider"]

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


class PortalSpider(ArticlePages, ListingSources, scrapy.Spider):
    """Crawl one site profile: `scrapy crawl portal -a site=SLUG`."""

    name = "portal"

    def __init__(
        self, *args: Any, profile: SiteProfile, plan: CrawlPlan, archive: Archive, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.plan = plan
        self.archive = archive  # read-only here: what is archived already
        self.allowed_domains = [
            urlsplit(url).hostname or "" for url in (profile.base_url, *profile.aliases)
        ]
        # Crawl-wide budgets and stops (not per-callback state): new articles scheduled so
        # far, and the sources whose walk reached articles older than --since.
        self.scheduled_new = 0
        self.past_since: set[str] = set()
        # Articles this run found new (canonical URLs): archived during the run by one source,
        # they are no sign for another source that its walk reached older ground.
        self.new_this_run: set[str] = set()
        # Pagination traps: per source, the articles its pages linked to, listing pages walked
        # and empty pages in a row (linking to no article the source had not linked to yet:
        # per source, since sources of one site list the same articles), and the sources
        # whose walk was stopped.
        self.linked_this_run: dict[str, set[str]] = {}
        self.listing_pages: Counter[str] = Counter()
        self.empty_pages: Counter[str] = Counter()
        self.walk_stopped: set[str] = set()
        # Article URLs past the retry limit (read at start): failing again, not left behind.
        self.given_up: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
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
        if profile.tls_ciphers:
            crawler.settings.set(CIPHERS_SETTING, profile.tls_ciphers, priority="spider")
        plan = CrawlPlan.from_settings(crawler.settings, datetime.now(UTC).date())
        archive = crawl_archive(crawler)
        if not plan.full and archive.walk_unfinished(slug):
            # A killed or capped run left older articles unfetched: paging must not stop at
            # the first page of archived articles this time.
            plan = dataclasses.replace(plan, resume=True)
        return super().from_crawler(
            crawler, *args, profile=profile, plan=plan, archive=archive, **kwargs
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # A full run re-checks every archived article, also those no listing links any more
        # (that is how removals are found); an incremental one only the recent ones.
        since, kind = (None, "recheck") if self.plan.full else (self.plan.revisit_since, "revisit")
        for known in self.archive.revisits(self.profile.slug, since):
            yield self.article_request(
                known["url"], validators=known, kind=kind, api_url=known["source_url"]
            )
        for request in self.retry_requests():
            yield request
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
                meta={CANONICAL_URL: self.profile.canonical(url)},
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
            if source.kind == "links" and "days" in source.options:
                yield self.day_request(source, 1, 0)

    def listing_request(self, url: str, source: Source, depth: int, **kw: Any) -> scrapy.Request:
        # A listing page that moved for good (a start URL or pager answering 301) is asked at
        # its new URL, not through the redirect on every run.
        url = self.where_now([(url, None)])[0][0]
        canonical = self.links.canonical(url)
        self.listings_asked.add(canonical)
        return scrapy.Request(
            url,
            callback=getattr(self, _CALLBACKS[source.kind]),
            errback=self.listing_failed,
            cb_kwargs={"source": source, "depth": depth, **kw},
            meta={CANONICAL_URL: canonical, KIND: "listing"},
        )

    def listing_failed(self, failure: Failure) -> None:
        """A listing page that failed after its retries: the articles it lists were not seen,
        so the walk is unfinished and the next run walks on (a page the site says is gone,
        404/410, is a dead link and does not count)."""
        response = getattr(failure.value, "response", None)
        url = failure.request.url  # type: ignore[attr-defined]  # Scrapy sets it on errbacks
        if response is not None and response.status in (404, 410):
            self.logger.warning("Listing %s answered %d; not followed", url, response.status)
            return
        if failure.check(IgnoreRequest) and ROBOTS_FORBIDDEN in str(failure.value):
            # The site asks us not to walk it: a choice, not a page we failed to read.
            self.logger.info("Listing %s is disallowed by robots.txt; not followed", url)
            return
        reason = failure_reason(failure)
        self.counts.inc_value("govarchive/listing_failures")
        self.crawler.signals.send_catch_log(fetch_failed, url=url, reason=reason)
        self.logger.error(
            "Listing %s failed (%s); the next run walks on from the start", url, reason
        )

    def article_requests(
        self, found: Iterable[tuple[str, dict[str, Any] | None]], source: Source
    ) -> tuple[list[scrapy.Request], bool]:
        """Requests for the articles a listing page links to, and whether the page was stale
        (it linked to articles, all of them archived already).

        An incremental run skips archived articles (recent ones are revisited from start());
        a full run re-checks them with a conditional GET. An article that moved for good is
        planned by its new URL (where_now).
        """
        found = self.where_now(list(found))
        canonical = {self.links.canonical(url) for url, _ in found}
        self._count_listing_page(source, canonical)
        known = self.archive.known(canonical)
        requests = []
        for url, api_item in found:
            validators = known.get(self.links.canonical(url))
            if validators is not None:
                if self.plan.full:
                    recheck = self.article_request(
                        url, api_item, validators=validators, kind="recheck", source=source
                    )
                    requests.append(recheck)
                continue
            if self.plan.max_articles and self.scheduled_new >= self.plan.max_articles:
                self.counts.set_value("govarchive/budget_reached", True)
                break
            self.scheduled_new += 1
            self.new_this_run.add(self.links.canonical(url))
            requests.append(self.article_request(url, api_item, source=source))
        stale = bool(found) and all(c in known and c not in self.new_this_run for c in canonical)
        return requests, stale

    def _count_listing_page(self, source: Source, linked: set[str]) -> None:
        """Count a listing page of `source` against the trap limits (crawl-wide state)."""
        key = source.key
        seen = self.linked_this_run.setdefault(key, set())
        fresh = linked - seen
        seen |= fresh
        self.listing_pages[key] += 1
        self.empty_pages[key] = 0 if fresh else self.empty_pages[key] + 1
        if key in self.walk_stopped:
            return
        if self.empty_pages[key] >= self.plan.empty_listing_pages:
            why = f"{self.empty_pages[key]} listing pages in a row with no article not seen yet"
        elif self.listing_pages[key] >= self.plan.max_listing_pages:
            why = f"{self.listing_pages[key]} listing pages (MAX_LISTING_PAGES)"
            # The walk did not reach the end: the next run walks on.
            self.counts.inc_value("govarchive/listing_cap_reached")
        else:
            return
        self.walk_stopped.add(key)
        self.counts.inc_value("govarchive/pagination_stopped")
        self.logger.warning("Source %s: paging stopped after %s (a pagination trap?)", key, why)

    def older_than_since(self, day: date) -> bool:
        """Whether a walk by day has gone back past --since (nothing of that day is kept)."""
        return self.plan.since is not None and day.isoformat() < self.plan.since[:10]

    @property
    def counts(self) -> Any:
        """The crawl's stats; a spider run offline (a replay) has no crawler and counts here."""
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            return crawler.stats
        if not hasattr(self, "_offline_counts"):
            self._offline_counts = OfflineCounts()
        return self._offline_counts

    def walks_every_page(self) -> bool:
        """Whether this run walks whole lists (--full, or resuming an unfinished walk)."""
        return self.plan.full or self.plan.resume

    def keep_paging(self, source: Source, stale_pages: int) -> bool:
        """Whether a source's walk goes on to older listing pages."""
        if source.key in self.walk_stopped:
            return False
        if self.plan.full:
            return True
        if source.key in self.past_since:
            return False
        if self.plan.max_articles and self.scheduled_new >= self.plan.max_articles:
            return False
        return self.plan.resume or stale_pages <= self.plan.overlap
