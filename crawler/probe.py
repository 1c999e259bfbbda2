"""A probe of one site on the crawl's own path: two listing pages per source and a few articles."""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.discovery.pagers import page_numbers
from crawler.extract import Article
from crawler.items import ArticleItem, PageFailure
from crawler.meta import CANONICAL_URL, KIND, SNAPSHOT
from crawler.signals import fetch_recorded
from crawler.spiders.portal import PortalSpider
from crawler.spiders.sources import _json_path

# How many steps of a probe's walk went from a page without a pager to a section (meta key).
_SECTIONS = "probe_sections"


@dataclass
class ListingStep:
    """One listing page (or category list) the probe read, and what it found there."""

    url: str
    kind: str  # the source's kind: links, feed, timeline, postback, json_api, ...
    source: int  # index of the source in the profile
    depth: int
    status: int | None = None
    article_links: int = 0
    next_pages: list[str] = field(default_factory=list)
    problem: str | None = None
    record: dict[str, Any] | None = None  # how to read it again offline (see crawler/capture)
    day: int | None = None  # for a page of a walk by day: how many days before today


@dataclass
class ArticleStep:
    """One article the probe fetched: its fields, or what went wrong."""

    url: str
    fetched_url: str
    status: int | None = None
    article: Article | None = None
    problem: str | None = None
    record: dict[str, Any] | None = None


@dataclass
class ProbeReport:
    """What a probe saw, in the order it saw it."""

    site: str
    listings: list[ListingStep] = field(default_factory=list)
    articles: list[ArticleStep] = field(default_factory=list)
    fetches: list[dict[str, Any]] = field(default_factory=list)


def describe_failure(failure: Failure) -> str:
    """A one-line reason for a request that failed after its retries."""
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"HTTP {response.status}"
    error = _cause(failure.value)
    name = type(error).__name__
    text = str(error).strip() or name
    if "SSL" in f"{type(error).__module__}{name}" or "TLS" in text:
        detail = ", ".join(str(part[-1]) for part in getattr(error, "args", [[]])[0] if part)
        return f"TLS handshake failed ({detail or text[:200]})"
    if name == "IgnoreRequest" and "robots" in text.lower():
        return "forbidden by robots.txt"
    return f"{name}: {text[:200]}"


def _cause(error: BaseException | None) -> BaseException | None:
    """The error under the wrappers (Scrapy's and Twisted's hold the cause, a TLS or connection
    error, as `__cause__` or in a list of Failures)."""
    for _ in range(5):
        if error is None:
            break
        reasons = getattr(error, "reasons", None) or (error.args[0] if error.args else None)
        if isinstance(reasons, list) and reasons and isinstance(reasons[0], Failure):
            error = reasons[0].value
        elif error.__cause__ is not None:
            error = error.__cause__
        else:
            break
    return error


def json_shape_problem(response: Response, items_path: str) -> str | None:
    """Why a list API answer holds no list of items where the profile expects one (None when
    it does, if empty)."""
    try:
        data = json.loads(response.text)
    except ValueError:
        kind = (response.headers.get("Content-Type") or b"").decode("latin-1") or "no Content-Type"
        return f"the answer is not JSON ({kind})"
    items = _json_path(data, items_path)
    if isinstance(items, list) or _empty_list_on_the_way(data, items_path):
        return None
    where = f"at {items_path!r}" if items_path else "at the top level"
    found = _shape(items) if items is not None else f"missing; the answer is {_shape(data)}"
    return f"the answer holds no list {where} (it is {found})"


def _empty_list_on_the_way(data: Any, path: str) -> bool:
    """Whether `path` indexes into a list the answer holds empty (a list of no groups)."""
    for key in filter(None, path.split(".")):
        if isinstance(data, list) and key.isdigit():
            if int(key) >= len(data):
                return True
            data = data[int(key)]
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return False


def _shape(data: Any) -> str:
    if isinstance(data, dict):
        return f"an object with keys {', '.join(sorted(map(str, data))[:6]) or 'none'}"
    if isinstance(data, list):
        return f"a list of {len(data)}" + (f" {_shape(data[0])}s" if data else "")
    return f"a {type(data).__name__}"


def next_page(
    current: str, requests: list[scrapy.Request], key: Any
) -> tuple[scrapy.Request | None, bool]:
    """The listing request that continues `current`'s list, and whether it is the list's next
    page: a "more items" request, the pager's next page, a page URL extending the current one;
    else (a home page, a menu of sections) the first listing link."""
    here = key(current)
    requests = [r for r in requests if r.meta.get(CANONICAL_URL, key(r.url)) != here]
    if not requests:
        return None, False
    for request in requests:
        # A "more items" page names its zone, a list API page its offset, a postback page is
        # a form POST; links found on those pages are other lists.
        if {"zone", "offset"} & set(request.cb_kwargs) or request.method == "POST":
            return request, True
    steps: dict[int, scrapy.Request] = {}
    for request in requests:
        numbers = page_numbers(here, key(request.url))
        if numbers is not None and numbers[1] > numbers[0]:
            steps[numbers[1] - numbers[0]] = steps.get(numbers[1] - numbers[0], request)
    if steps:
        return steps[min(steps)], True
    stem = here.rstrip("/")
    extending = [r for r in requests if key(r.url).startswith(stem) and key(r.url) != here]
    return (extending or requests)[0], bool(extending)


def _shown(request: scrapy.Request) -> str:
    """A listing request as a reader would name it (a postback's page is in its form body)."""
    canonical = request.meta.get(CANONICAL_URL, request.url)
    return request.url + canonical[canonical.index("#") :] if "#" in canonical else request.url


def _plain_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Callback arguments that JSON can hold (a Source is named by its index instead)."""
    return {k: v for k, v in kwargs.items() if isinstance(v, str | int | float | bool)}


class ProbeSpider(PortalSpider):
    """The portal spider held to `pages` listing pages per source and `articles` articles, with
    what each step found or failed kept in `report` (the crawl-wide result of a probe)."""

    name = "probe"

    def __init__(
        self, *args: Any, report: ProbeReport, pages: int = 2, articles: int = 3, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.report = report
        self.pages = pages
        self.articles_wanted = articles
        self.articles_taken: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ProbeSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fetched, signal=fetch_recorded)
        return spider

    def fetched(self, fetch: dict[str, Any]) -> None:
        self.report.fetches.append(fetch)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.profile.sources:
            for request in self.source_requests(source):
                yield request
                break  # the first start URL, zone or category of each source

    def keep_paging(self, source: Any, stale_pages: int) -> bool:
        return True  # the probe stops by its own count of pages, not the crawl's

    def _source_index(self, source: Any) -> int:
        return self.profile.sources.index(source)

    def _record(self, response: Response, kind: str, kwargs: dict[str, Any]) -> dict[str, Any]:
        """How to read this response again: its URL, its WARC record and its callback."""
        snapshot = response.meta.get(SNAPSHOT) or {}
        callback = response.request.callback if response.request else None
        return {
            "url": response.url,
            "method": response.request.method if response.request else "GET",
            "kind": kind,
            "status": response.status,
            "callback": getattr(callback, "__name__", "parse_article"),
            "cb_kwargs": _plain_kwargs(kwargs),
            "source": self._source_index(kwargs["source"]) if "source" in kwargs else None,
            "warc_file": snapshot.get("warc_file"),
            "warc_offset": snapshot.get("warc_offset"),
        }

    def _listing(self, response: Response, kwargs: dict[str, Any], output: Iterable[Any]):
        source, depth = kwargs["source"], kwargs.get("depth", 0)
        step = ListingStep(
            response.url, source.kind, self._source_index(source), depth, response.status
        )
        step.record = self._record(response, "listing", kwargs)
        step.day = kwargs.get("back")
        self.report.listings.append(step)
        articles, listings = [], []
        for out in output:
            if isinstance(out, scrapy.Request) and out.meta.get(KIND) == "listing":
                listings.append(out)
            elif isinstance(out, scrapy.Request) and out.meta.get(KIND) == "article":
                articles.append(out)
        found = {request.meta[CANONICAL_URL]: request for request in articles}
        step.article_links = len(found)
        shown = {
            request.meta.get(CANONICAL_URL, request.url): _shown(request) for request in listings
        }
        step.next_pages = list(shown.values())
        if source.kind == "json_api" and not found and source.options.get("answer") != "html":
            step.problem = json_shape_problem(response, source.options.get("items", ""))
            if step.problem is None and depth == 1:
                yield from self._next_category(source, kwargs.get("category", ""))
        if step.day is not None and not found:
            # A day without articles (a weekend, a holiday) says nothing of the profile: the
            # probe goes on to the day before as far back as the crawl's walk goes (its
            # `back`), however many pages that is.
            yield from (r for r in listings if r.cb_kwargs.get("back") == step.day + 1)
            return
        for canonical, request in found.items():
            if len(self.articles_taken) >= self.articles_wanted:
                break
            if canonical not in self.articles_taken:
                self.articles_taken.add(canonical)
                yield request
        if depth == 0:  # a category list: the first category's list only
            yield from listings[:1]
        else:
            # A list is followed to its page `pages`; a page without a pager (a home page)
            # leads to its first section, whose pager is followed in turn.
            chosen, paged = next_page(response.url, listings, self.profile.canonical)
            sections = response.meta.get(_SECTIONS, 0)
            if chosen is not None and paged and depth - sections < self.pages:
                yield chosen
            elif chosen is not None and not paged and depth < self.pages:
                chosen.meta[_SECTIONS] = sections + 1
                yield chosen

    def _next_category(self, source: Any, category: str) -> Iterator[scrapy.Request]:
        """A category that lists nothing now: the probe asks the next one (up to five)."""
        categories = [str(c) for c in source.options.get("categories", [])]
        if category in categories:
            following = categories.index(category) + 1
            if following < min(len(categories), 5):
                yield self.json_list_request(source, 1, categories[following], 0)

    def parse_links(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_links(response, *args, **kw))

    def parse_feed(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_feed(response, *args, **kw))

    def parse_sitemap(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_sitemap(response, *args, **kw))

    def parse_timeline(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_timeline(response, *args, **kw))

    def parse_postback(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_postback(response, *args, **kw))

    def parse_json_list(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_json_list(response, *args, **kw))

    def parse_json_categories(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        return self._listing(response, kw, super().parse_json_categories(response, *args, **kw))

    def listing_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]  # Scrapy sets it on errbacks
        source = request.cb_kwargs.get("source")
        step = ListingStep(
            _shown(request),
            source.kind if source else "?",
            self._source_index(source) if source else -1,
            request.cb_kwargs.get("depth", 0),
            problem=describe_failure(failure),
        )
        self.report.listings.append(step)
        super().listing_failed(failure)

    def article_request(self, url: str, *args: Any, **kwargs: Any) -> scrapy.Request:
        request = super().article_request(url, *args, **kwargs)
        return request.replace(errback=self.article_failed)

    def article_failed(self, failure: Failure) -> Iterator[PageFailure]:
        """Kept in the report; a probe archives nothing, so no PageFailure item."""
        request = failure.request  # type: ignore[attr-defined]  # Scrapy sets it on errbacks
        url = request.cb_kwargs.get("article_url", request.url)
        step = ArticleStep(url, request.url, problem=describe_failure(failure))
        self.report.articles.append(step)
        return iter(())

    def _article(self, response: Response, url: str, output: Iterable[Any]) -> Iterator[Any]:
        step = ArticleStep(url, response.url, response.status)
        step.record = self._record(response, "api" if url != response.url else "article", {})
        step.record["cb_kwargs"] = {"article_url": url} if url != response.url else {}
        self.report.articles.append(step)
        for out in output:
            if isinstance(out, ArticleItem):
                step.article = out.article
            elif isinstance(out, PageFailure):
                step.problem = out.reason
            yield out
        if step.article is None and step.problem is None:
            step.problem = f"HTTP {response.status}: no article read"

    def parse_article(self, response: Response, **kw: Any) -> Iterator[Any]:
        return self._article(response, response.url, super().parse_article(response, **kw))

    def parse_api_article(self, response: Response, article_url: str) -> Iterator[Any]:
        output = super().parse_api_article(response, article_url)
        return self._article(response, article_url, output)


def run_probe(
    slug: str,
    replica_url: str | None = None,
    *,
    pages: int = 2,
    articles: int = 3,
    warc_dir: Path | None = None,
    log_level: str | None = None,
) -> ProbeReport:
    """Probe `slug` on the crawl's download path (robots.txt, retries, TLS, cookie challenge);
    with `warc_dir`, every response is kept there as WARC. Blocks; once per process."""
    from crawler.run import crawl_settings

    report = ProbeReport(slug)
    with tempfile.TemporaryDirectory(prefix="govarchive-probe-") as scratch:
        settings = crawl_settings(
            Path(scratch) / "probe.db",  # an empty archive: every article is new
            replica_url,
            ITEM_PIPELINES={},
            CRAWL_MODE="incremental",
            WARC_ENABLED=warc_dir is not None,
            WARC_DIR=str(warc_dir) if warc_dir else None,
            ARCHIVE_WRITER="inline",  # a report's record needs where its WARC record is at once
            LOG_ENABLED=log_level is not None,
            LOG_LEVEL=log_level or "ERROR",
        )
        settings.set("LOG_INSTALL_ROOT_HANDLER", log_level is not None, priority="cmdline")
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(ProbeSpider)
        process.crawl(crawler, site=slug, report=report, pages=pages, articles=articles)
        process.start()
    return report
