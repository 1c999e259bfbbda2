"""`govarchive capture URL`: first contact with a site that has no profile, kept as WARC."""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from archive import Archive
from crawler.discovery.feeds import feed_entries
from crawler.discovery.sitemaps import sitemap_entries
from crawler.extract import EXTRACTOR_VERSION, Article, ExtractionError, extract_article
from crawler.learn.api_family import ApiFamily, capture_site_profile, recognise_api
from crawler.learn.links import sort_links
from crawler.learn.pages import Page
from crawler.manifest import MANIFEST
from crawler.meta import KIND, SNAPSHOT
from crawler.probe import ProbeReport, ProbeSpider, describe_failure
from crawler.signals import fetch_recorded
from crawler.spiders.portal import CrawlPlan

# Listing pages taken from the home page's menus, and article candidates per page read.
LISTINGS = 3
# Scripts of the site the home page loads: a single-page app names its API calls there.
SCRIPTS = 3
_FROM_HOME, _FROM_LISTING, _FROM_FEED = 6, 4, 3
# A page the generic path reads with less body than this is no article (a menu, a form).
_BODY_CHARS = 200
# The manifest's sources: how `replay` reads each captured listing (by index); the last is a
# known family's list API, asked when the site's scripts call it.
_SOURCES = [{"kind": "links"}, {"kind": "feed"}, {"kind": "sitemap"}, {"kind": "json_api"}]
_API_SOURCE = 3
_CALLBACKS = {"links": "parse_links", "feed": "parse_feed", "sitemap": "parse_sitemap"}
# A twin on this machine needs no gentleness (the replica families' own twin politeness).
_WHERE = ("warc_file", "warc_offset")
_LOCAL = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}


class ApiCaptureSpider(ProbeSpider):
    """A known family's list API asked as its probe does, on to further categories (of the
    first five) until the articles wanted are listed: a category may list only a few."""

    def parse_json_list(self, response: Response, *args: Any, **kw: Any) -> Iterator[Any]:
        yield from super().parse_json_list(response, *args, **kw)
        if len(self.articles_taken) < self.articles_wanted:
            yield from self._next_category(kw["source"], kw.get("category", ""))


@dataclass
class Exploration:
    """What a capture without a profile fetched, and what it took each page for."""

    base_url: str
    records: list[dict[str, Any]] = field(default_factory=list)
    scripts: list[dict[str, Any]] = field(default_factory=list)
    fetches: list[dict[str, Any]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    api: ApiFamily | None = None  # the known family whose list API the scripts call
    not_articles: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def read_article(response: Response) -> Article | None:
    """The generic path's reading of a page when it is an article: a title, a date, a body."""
    if not isinstance(response, TextResponse) or response.status != 200:
        return None
    content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
    try:
        article = extract_article(response.body, response.url, content_type=content_type)
    except ExtractionError:
        return None
    if article.title and article.published and len(article.body_text) >= _BODY_CHARS:
        return article
    return None


class ExploreSpider(scrapy.Spider):
    """Robots.txt, the home page, the feeds and sitemaps it and robots.txt announce, a few
    listing pages of its menus, and the articles they link to, until `articles` are read."""

    name = "explore"

    def __init__(self, *args: Any, report: Exploration, articles: int = 8, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.report = report
        self.wanted = articles
        self.tries = articles + 6  # article fetches at most: some candidates are no articles
        self.asked: set[str] = set()
        self.article_requests = 0
        self.sitemaps: list[str] = []
        self.shell: list[Page] = []  # the home page and its scripts, for the APIs they call
        self.home_lists = False  # whether the home page links articles (then it is no shell)
        self.api: ApiCaptureSpider | None = None
        self.allowed_domains = [urlsplit(report.base_url).hostname or ""]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ExploreSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fetched, signal=fetch_recorded)
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        return spider

    def fetched(self, fetch: dict[str, Any]) -> None:
        self.report.fetches.append(fetch)

    def robots_parsed(self, robotparser: Any, request: scrapy.Request) -> None:
        # Scrapy's default parser is Protego's, which reads the Sitemap: lines.
        self.sitemaps += list(getattr(getattr(robotparser, "rp", None), "sitemaps", ()))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._listing(self.report.base_url, "links", self.parse_home)

    def _listing(self, url: str, kind: str, callback: Any) -> scrapy.Request:
        self.asked.add(url)
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.failed,
            meta={KIND: "listing"},
            cb_kwargs={"kind": kind},
            priority=10,
        )

    def _articles(self, urls: list[str], limit: int) -> Iterator[scrapy.Request]:
        taken = 0
        for url in urls:
            if taken >= limit or self.article_requests >= self.tries:
                return
            if len(self.report.articles) >= self.wanted:
                return
            if url not in self.asked:
                self.asked.add(url)
                self.article_requests += 1
                taken += 1
                yield scrapy.Request(
                    url, callback=self.parse_article, errback=self.failed, meta={KIND: "article"}
                )

    def _record(self, response: Response, kind: str, source: int | None) -> dict[str, Any]:
        snapshot = response.meta.get(SNAPSHOT) or {}
        callback = "parse_article" if source is None else _CALLBACKS[_SOURCES[source]["kind"]]
        return {
            "url": response.url,
            "method": "GET",
            "kind": kind,
            "status": response.status,
            "callback": callback,
            "cb_kwargs": {} if source is None else {"depth": 1},
            "source": source,
            "warc_file": snapshot.get("warc_file"),
            "warc_offset": snapshot.get("warc_offset"),
        }

    def parse_home(self, response: Response, kind: str) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        self.report.records.append(self._record(response, "listing", 0))
        self.shell.append(Page(response.url, "listing", response.status, response.text, ""))
        links = sort_links(response.text, response.url, self.report.base_url)
        self.home_lists = bool(links.articles)
        for url in list(dict.fromkeys(links.feeds))[:2]:
            yield self._listing(url, "feed", self.parse_entries)
        for url in list(dict.fromkeys([*self.sitemaps, *links.sitemaps]))[:2]:
            yield self._listing(url, "sitemap", self.parse_entries)
        for url in links.listings[:LISTINGS]:
            yield self._listing(url, "links", self.parse_listing)
        yield from self._articles(links.articles, _FROM_HOME)
        host = urlsplit(response.url).netloc
        scripts = [response.urljoin(src) for src in response.css("script::attr(src)").getall()]
        for url in [url for url in scripts if urlsplit(url).netloc == host][:SCRIPTS]:
            yield scrapy.Request(url, callback=self.parse_script, errback=self.failed)
        yield from self._ask_api()  # its own inline scripts may name them

    def parse_script(self, response: Response) -> Iterator[scrapy.Request]:
        """Kept for `learn` to read the API calls it names (replay has no use for it); when
        the scripts call a known family's list API, it is asked as that family's crawl would."""
        record = self._record(response, "script", None)
        self.report.scripts.append({k: record[k] for k in ("url", "status", *_WHERE)})
        if not isinstance(response, TextResponse) or self.api is not None:
            return
        self.shell.append(Page(response.url, "script", response.status, response.text, ""))
        yield from self._ask_api()

    def _ask_api(self) -> Iterator[scrapy.Request]:
        """The first list API request of the known family the shell's scripts call, if any."""
        if self.api is not None or self.home_lists:
            return
        family = recognise_api(self.shell)
        if family is None:
            return
        self.report.api = family
        profile = capture_site_profile(family, self.report.base_url)
        # The probe's callbacks read the answers and keep where each is, as replay reads them.
        self.api = ApiCaptureSpider(
            profile=profile,
            plan=CrawlPlan(),
            archive=Archive.in_memory(),
            report=ProbeReport(profile.slug),
            pages=1,
            articles=self.wanted,
        )
        self.api.crawler = self.crawler
        yield from list(self.api.source_requests(profile.sources[0]))[:1]

    def closed(self, reason: str) -> None:
        """The list API answers and article API answers the family's callbacks read."""
        if self.api is None or self.report.articles:  # pages read as articles come first
            return
        # The shell's pages list no article a crawl of the API reads: kept for learn, apart.
        shells = [r for r in self.report.records if r["kind"] == "listing"]
        self.report.records = [r for r in self.report.records if r["kind"] != "listing"]
        self.report.scripts[:0] = [{k: r[k] for k in ("url", "status", *_WHERE)} for r in shells]
        for listing in self.api.report.listings:
            if listing.record and listing.record["warc_file"]:
                self.report.records.append({**listing.record, "source": _API_SOURCE})
        for step in self.api.report.articles:
            if step.record and step.record["warc_file"] and step.article is not None:
                self.report.records.append(step.record)
                self.report.articles.append(step.article)

    def parse_listing(self, response: Response, kind: str) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        links = sort_links(response.text, response.url, self.report.base_url)
        if len(links.articles) < 3:  # a page of the menu that lists nothing
            self.report.not_articles.append(response.url)
            return
        self.report.records.append(self._record(response, "listing", 0))
        yield from self._articles(links.articles, _FROM_LISTING)

    def parse_entries(self, response: Response, kind: str) -> Iterator[scrapy.Request]:
        """A feed or a sitemap: its entries on this site are article candidates."""
        entries = feed_entries(response.body) if kind == "feed" else sitemap_entries(response.body)
        if not entries:
            self.report.not_articles.append(response.url)
            return
        self.report.records.append(self._record(response, "listing", 1 if kind == "feed" else 2))
        host = urlsplit(self.report.base_url).netloc.lower()
        urls = [e.url for e in entries if urlsplit(e.url).netloc.lower() == host]
        yield from self._articles(urls, _FROM_FEED)

    def parse_article(self, response: Response) -> None:
        if len(self.report.articles) >= self.wanted:
            return  # one of the requests in flight when the last wanted article came
        article = read_article(response)
        if article is None:
            self.report.not_articles.append(response.url)
            return
        self.report.articles.append(article)
        self.report.records.append(self._record(response, "article", None))

    def failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]  # Scrapy sets it on errbacks
        self.report.failures.append(f"{request.url}: {describe_failure(failure)}")


def twin_url(url: str, replica_url: str | None) -> str:
    """Where `url` is fetched: itself, or a real portal's address under the replica's path."""
    if not replica_url or url.startswith(replica_url.rstrip("/") + "/"):
        return url
    parts = urlsplit(url)
    return f"{replica_url.rstrip('/')}/{parts.netloc}{parts.path or '/'}" + (
        f"?{parts.query}" if parts.query else ""
    )


def explore_site(
    url: str,
    out: Path,
    *,
    articles: int = 8,
    replica_url: str | None = None,
    log_level: str | None = None,
) -> tuple[Exploration, dict[str, Any]]:
    """Capture the site at `url` (no profile needed) into `out` as WARC, and write the manifest
    beside (blocks; once per process)."""
    return explore_sites(
        [(url, out)], articles=articles, replica_url=replica_url, log_level=log_level
    )[0]


def explore_sites(
    jobs: Sequence[tuple[str, Path]],
    *,
    articles: int = 8,
    replica_url: str | None = None,
    log_level: str | None = None,
) -> list[tuple[Exploration, dict[str, Any]]]:
    """Capture each (url, out) of `jobs` side by side, one crawler per site in one process, as
    `explore_site` captures one (blocks; once per process)."""
    from crawler.run import crawl_settings

    reports = []
    with tempfile.TemporaryDirectory(prefix="govarchive-capture-") as scratch:
        process = None
        for index, (url, out) in enumerate(jobs):
            out.mkdir(parents=True, exist_ok=True)
            settings = crawl_settings(
                Path(scratch) / f"capture-{index}.db",  # the fetch log's, thrown away
                replica_url,
                ITEM_PIPELINES={},
                WARC_DIR=str(out),
                ARCHIVE_WRITER="inline",  # a record needs where its WARC record is at once
                LOG_ENABLED=log_level is not None,
                LOG_LEVEL=log_level or "ERROR",
                **(_LOCAL if replica_url else {}),
            )
            settings.set("LOG_INSTALL_ROOT_HANDLER", log_level is not None, priority="cmdline")
            first = process is None
            if process is None:
                # Scrapy merges the process's settings into each crawler it is handed: those
                # of every site alike, not the ones each site has its own of.
                shared = settings.copy()
                for name in ("ARCHIVE_DB", "WARC_DIR"):
                    shared.delete(name, priority="cmdline")
                process = CrawlerProcess(shared)
            report = Exploration(twin_url(url, replica_url))
            # Its own settings (its WARC folder); the first crawler installs the reactor.
            crawler = Crawler(ExploreSpider, settings, init_reactor=first)
            process.crawl(crawler, report=report, articles=articles)
            reports.append((report, out))
        if process is not None:
            process.start()
    return [(report, _write_manifest(report, out, replica_url)) for report, out in reports]


def _write_manifest(report: Exploration, out: Path, replica_url: str | None) -> dict[str, Any]:
    base = report.base_url
    robots = [
        {k: fetch.get(k) for k in ("url", "kind", "status", "warc_file", "warc_offset")}
        for fetch in report.fetches
        if fetch.get("kind") == "robots"
    ]
    manifest = {
        "site": urlsplit(base).netloc + urlsplit(base).path.rstrip("/"),
        "base_url": base,
        "replica_url": replica_url,
        "captured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "govarchive": version("govarchive"),
        "extractor_version": EXTRACTOR_VERSION,
        "profile": {"family": None, "sources": _SOURCES},
        "records": robots + report.records,
        "scripts": report.scripts,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1, default=str)
    (out / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return manifest
