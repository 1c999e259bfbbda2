"""The generic portal spider: lists a profile's articles by every source it names, extracts each."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, UsageError
from scrapy.http import Response
from twisted.python.failure import Failure

from archive import Archive
from crawler.archiving import crawl_archive
from crawler.extract import ExtractionError, extract_api_article, extract_article
from crawler.failures import ROBOTS_FORBIDDEN, failure_reason
from crawler.items import ArticleGone, ArticleItem, ArticleUnchanged, PageFailure
from crawler.meta import CANONICAL_URL, KIND, SNAPSHOT, SOURCE_KEY
from crawler.signals import fetch_failed
from crawler.sites import RegistryError, SiteProfile, Source, get_site
from crawler.spiders.sources import ListingSources
from crawler.tls import CIPHERS_SETTING

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


# Articles first: a listing's articles are fetched before the next listing page, so a crawl
# goes newest first and holds few pages in memory.
ARTICLE_PRIORITY = 10
# Answers an article request must see instead of having them filtered away.
ARTICLE_STATUSES = [304, 404, 410]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


class PortalSpider(ListingSources, scrapy.Spider):
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
        return scrapy.Request(
            url,
            callback=getattr(self, _CALLBACKS[source.kind]),
            errback=self.listing_failed,
            cb_kwargs={"source": source, "depth": depth, **kw},
            meta={CANONICAL_URL: self.profile.canonical(url), KIND: "listing"},
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

    def article_failed(self, failure: Failure) -> Iterator[PageFailure]:
        """An article that could not be fetched (failing answers after the retries, no answer,
        a refused redirect, a body over the size limit): recorded with the reason, and counted
        as left behind, so the run does not report success and the next run walks on."""
        request = failure.request  # type: ignore[attr-defined]  # Scrapy sets it on errbacks
        # The article's identity is the URL the listing gave, before any redirect.
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        if failure.check(IgnoreRequest) and ROBOTS_FORBIDDEN in str(failure.value):
            self.logger.info("Article %s is disallowed by robots.txt; not fetched", url)
            return
        reason = failure_reason(failure)
        response = getattr(failure.value, "response", None)
        self.counts.inc_value("govarchive/articles_left_behind")
        self.crawler.signals.send_catch_log(fetch_failed, url=request.url, reason=reason)
        self.logger.error("Article %s not archived: %s", url, reason)
        yield PageFailure(
            url=self.profile.canonical(url),
            site=self.profile.slug,
            reason=reason,
            http_status=response.status if response is not None else None,
            failed_at=_now(),
        )

    def article_request(
        self,
        url: str,
        api_item: dict[str, Any] | None = None,
        *,
        validators: dict[str, Any] | None = None,
        kind: str = "article",
        source: Source | None = None,
        api_url: str | None = None,
    ) -> scrapy.Request:
        """The request for one article: its page, or its JSON where the page is an empty shell.

        With `validators` (the archived ETag / Last-Modified) it is a conditional GET;
        `api_url` is where an archived API article's JSON was fetched from.
        """
        canonical = self.profile.canonical(url)
        meta = {
            CANONICAL_URL: canonical,
            KIND: kind,
            "handle_httpstatus_list": ARTICLE_STATUSES,
            SOURCE_KEY: source.key if source else None,
        }
        headers = {}
        if validators and validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators and validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        api = self.profile.api
        if api and api_item is not None:
            api_url = urljoin(self.profile.base_url, api["url"].format(**api_item))
        if api and api_url and api_url != url:
            method, body = "GET", None
            if api.get("method", "GET").upper() == "POST":
                # The article is named in a JSON body: its templates read the article URL's
                # query parameters and the list API's item.
                fields = {**dict(parse_qsl(urlsplit(url).query)), **(api_item or {})}
                body = json.dumps({k: str(v).format(**fields) for k, v in api["body"].items()})
                method = "POST"
                headers = {
                    **headers,
                    "Content-Type": "application/json",
                    "Accept": "application/json",
                }
            return scrapy.Request(
                api_url,
                method=method,
                body=body,
                callback=self.parse_api_article,
                errback=self.article_failed,
                cb_kwargs={"article_url": url},
                meta=meta,
                headers=headers,
                priority=ARTICLE_PRIORITY,
            )
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            meta=meta,
            headers=headers,
            priority=ARTICLE_PRIORITY,
        )

    def article_requests(
        self, found: Iterable[tuple[str, dict[str, Any] | None]], source: Source
    ) -> tuple[list[scrapy.Request], bool]:
        """Requests for the articles a listing page links to, and whether the page was stale
        (it linked to articles, all of them archived already).

        An incremental run skips archived articles (recent ones are revisited from start());
        a full run re-checks them with a conditional GET.
        """
        found = list(found)
        canonical = {self.profile.canonical(url) for url, _ in found}
        self._count_listing_page(source, canonical)
        known = self.archive.known(canonical)
        requests = []
        for url, api_item in found:
            validators = known.get(self.profile.canonical(url))
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
            self.new_this_run.add(self.profile.canonical(url))
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

    def _failure(self, url: str, response: Response, reason: str) -> PageFailure:
        return PageFailure(
            url=self.profile.canonical(url),
            site=self.profile.slug,
            reason=reason,
            http_status=response.status,
            failed_at=_now(),
        )

    def answered_without_page(self, response: Response, url: str) -> Iterator[Any] | None:
        """Items for a 304 / 404 / 410 answer, or None when the response is a page to read."""
        fetched_at = _now()
        canonical = self.profile.canonical(url)
        if response.status == 304:
            return iter([ArticleUnchanged(url=canonical, fetched_at=fetched_at)])
        if response.status in (404, 410):
            if response.meta.get(KIND) in ("revisit", "recheck"):
                gone = ArticleGone(url=canonical, status=response.status, fetched_at=fetched_at)
                return iter([gone])
            return iter([self._failure(url, response, f"HTTP {response.status}")])
        return None

    def is_older_than_since(self, response: Response, item: ArticleItem) -> bool:
        """An article older than --since: not archived, and its source's walk stops."""
        published = item.article.published
        if not self.plan.since or not published or published.isoformat() >= self.plan.since:
            return False
        if response.meta.get(SOURCE_KEY):
            self.past_since.add(response.meta[SOURCE_KEY])
        self.counts.inc_value("govarchive/older_than_since")
        return True

    def parse_article(self, response: Response) -> Iterator[ArticleItem | PageFailure]:
        """One article page: an ArticleItem, or a PageFailure naming what went wrong."""
        if (answered := self.answered_without_page(response, response.url)) is not None:
            yield from answered
            return
        fetched_at = _now()
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
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
        item = self._item(article, response, fetched_at)
        if not self.is_older_than_since(response, item):
            yield item

    def _item(self, article: Any, response: Response, fetched_at: str) -> ArticleItem:
        headers = response.headers
        return ArticleItem(
            article=article,
            source_url=response.url,
            fetched_at=fetched_at,
            etag=(headers.get("ETag") or b"").decode("latin-1") or None,
            last_modified=(headers.get("Last-Modified") or b"").decode("latin-1") or None,
            snapshot=response.meta.get(SNAPSHOT),
        )

    def parse_api_article(
        self, response: Response, article_url: str
    ) -> Iterator[ArticleItem | PageFailure]:
        """One article's JSON from a site's API, archived under the article page's URL."""
        if (answered := self.answered_without_page(response, article_url)) is not None:
            yield from answered
            return
        fetched_at = _now()
        try:
            data = json.loads(response.text)
            article = extract_api_article(data, article_url, self.profile)
        except (ValueError, ExtractionError) as error:
            yield self._failure(article_url, response, f"article API: {error}")
            return
        item = self._item(article, response, fetched_at)
        if not self.is_older_than_since(response, item):
            yield item
