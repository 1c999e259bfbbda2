"""The portal spider's article pages: each one's request, its answer read, its failure recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from archive import retries
from crawler.extract import ExtractionError, extract_api_article, extract_article
from crawler.failures import ROBOTS_FORBIDDEN, failure_reason
from crawler.items import ArticleGone, ArticleItem, ArticleUnchanged, PageFailure
from crawler.meta import CANONICAL_URL, EXTRACTED, KIND, SNAPSHOT, SOURCE_KEY
from crawler.signals import fetch_failed
from crawler.sites import SiteProfile, Source
from crawler.spiders.plan import CrawlPlan

if TYPE_CHECKING:
    from archive import Archive
    from crawler.extract import Article
    from crawler.spiders.sources import LinkKinds

# Articles first: a listing's articles are fetched before the next listing page, so a crawl
# goes newest first and holds few pages in memory.
ARTICLE_PRIORITY = 10
# Answers an article request must see instead of having them filtered away.
ARTICLE_STATUSES = [304, 404, 410]
# What the extractor says of a binary answer (a PDF, an image) where an article was.
NOT_HTML = "not an HTML page"
# A page that has answered so this long is taken at its word (a portal linking a PDF as an
# article): recorded, no longer left behind (which fails the run and makes the next walk on).
NOT_HTML_RETRY = timedelta(days=7)
# Permanent redirects followed in a row when planning a moved article (Scrapy follows 20).
MOVES_FOLLOWED = 5


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_type_of(response: Response) -> str | None:
    return (response.headers.get("Content-Type") or b"").decode("latin-1") or None


def read_article(
    body: bytes, url: str, profile: SiteProfile, content_type: str | None
) -> Article | str:
    """The article on an HTML page, or why it cannot be read (a bug of ours raises). Also
    what an extraction worker process runs (crawler/middlewares.py)."""
    try:
        return extract_article(body, url, profile, content_type=content_type)
    except ExtractionError as error:
        return str(error)


class ArticlePages:
    """Mixed into the portal spider: article requests, their answers and their failures."""

    profile: SiteProfile
    plan: CrawlPlan
    archive: Archive
    past_since: set[str]
    given_up: set[str]
    links: LinkKinds
    logger: Any
    crawler: Any

    if TYPE_CHECKING:  # supplied by the spider

        @property
        def counts(self) -> Any: ...

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
        if url in self.given_up:
            # Past the retry limit (archive/retries.py): recorded, no longer left behind, so a
            # portal that keeps linking a broken page does not fail every run.
            self.logger.warning("Article %s: %s (given up after its retries)", url, reason)
        else:
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

    def retry_requests(self) -> Iterator[scrapy.Request]:
        """Articles whose fetch failed in earlier runs, asked again once their backoff has
        passed (archive/retries.py), whether or not a listing still links them; those past
        the retry limit are given up (`retries_given_up`) and no longer asked."""
        now = datetime.now(UTC)
        self.given_up = retries.given_up(self.archive.db, self.profile.slug)
        due = retries.due(self.archive.db, self.profile.slug, now)
        found = self.where_now([(url, None) for url in due if self.profile.is_article(url)])
        known = self.archive.known(self.profile.canonical(url) for url, _ in found)
        for url, _ in found:
            if self.profile.canonical(url) not in known:
                self.counts.inc_value("govarchive/retried")
                yield self.article_request(url)

    def where_now(
        self, found: list[tuple[str, dict[str, Any] | None]]
    ) -> list[tuple[str, dict[str, Any] | None]]:
        """A listing page's links, each article that moved for good (a 301 or 308 an earlier
        fetch recorded) by its new URL: asked there, or skipped when archived there, instead
        of through its old URL on every run."""
        now = {url: url for url, _ in found}
        for _ in range(MOVES_FOLLOWED):
            moved = {
                url: target
                for url, target in self.archive.moved(set(now.values())).items()
                if self.profile.owns(target)
            }
            if not moved:
                break
            now = {url: moved.get(target, target) for url, target in now.items()}
        return [(now[url], api_item) for url, api_item in found]

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
        canonical = self.links.canonical(url)
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
        # Read off the event loop already (crawler/middlewares.py ExtractOffLoop).
        article = response.meta.pop(EXTRACTED, None) or self.read_page(response)
        if isinstance(article, str):
            if article.startswith(NOT_HTML):
                self.not_html(response, article)
            yield self._failure(response.url, response, article)
            return
        item = self._item(article, response, fetched_at)
        if not self.is_older_than_since(response, item):
            yield item

    def not_html(self, response: Response, reason: str) -> None:
        """A binary answer where an article was: its fetch records why, and the article is left
        behind (the run fails, the next one walks on to it) until it has answered so for
        NOT_HTML_RETRY."""
        crawler = getattr(self, "crawler", None)  # a replay has none
        if crawler is not None:
            crawler.signals.send_catch_log(fetch_failed, url=response.url, reason=reason)
        since = self.archive.failing_since(self.profile.canonical(response.url), NOT_HTML)
        if since is not None and datetime.fromisoformat(since) < datetime.now(UTC) - NOT_HTML_RETRY:
            self.logger.warning("Article %s: %s since %s; given up", response.url, reason, since)
            return
        self.counts.inc_value("govarchive/articles_left_behind")

    def read_page(self, response: Response) -> Article | str:
        """The article on an HTML page, or why it cannot be read. Touches no crawl state, so
        it may run in a thread."""
        try:
            return read_article(
                response.body, response.url, self.profile, content_type_of(response)
            )
        except Exception as error:  # a bug of ours must not lose the page: record it
            self.logger.exception("Extractor failed on %s", response.url)
            return f"extractor error: {error!r}"

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
