"""Listing callbacks, one per way a portal lists articles (see Source.kind in crawler/sites)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin

import scrapy
from form2request import form2request
from scrapy.http import Response, TextResponse

from crawler.discovery.days import DEFAULT_FORMAT, day_page, portal_today
from crawler.discovery.feeds import feed_entries
from crawler.discovery.links import page_links
from crawler.discovery.pagers import next_page_only
from crawler.discovery.postback import postback_targets
from crawler.discovery.sitemaps import sitemap_entries
from crawler.meta import CANONICAL_URL, KIND
from crawler.sites import SiteProfile, Source

# Links whose canonical URL and kind a crawl remembers (the latest): a site's listing pages
# repeat its menus and pager on every page, and an article link's canonical URL is asked for
# several times while its request is planned. Bounded, so a long crawl keeps no URL it saw.
LINKS_REMEMBERED = 4096


class LinkKinds:
    """A site's links as a listing page's walk reads them: each one's canonical URL, and
    whether it is an article ("article"), a listing page ("listing") or neither (None)."""

    def __init__(self, profile: SiteProfile) -> None:
        self.profile = profile
        self.canonical: Callable[[str], str] = lru_cache(LINKS_REMEMBERED)(profile.canonical)
        self.kind: Callable[[str], str | None] = lru_cache(LINKS_REMEMBERED)(self._kind)

    def _kind(self, url: str) -> str | None:
        if self.profile.is_article(url):
            return "article"
        return "listing" if self.profile.is_listing(url) else None


def _json_path(data: Any, path: str) -> Any:
    """`data` followed along a dotted key path ("" is `data` itself); a number indexes a list."""
    for key in filter(None, path.split(".")):
        if isinstance(data, list) and key.isdigit():
            data = data[int(key)] if int(key) < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


_PAGING_FIELDS = ("{offset}", "{page}")


def _pages(options: Any) -> bool:
    """Whether a list API request names its page (offset or page number) anywhere; one that
    does not answers the same list each time, so it has a single page."""
    templates = [options.get("url", ""), *map(str, options.get("body", {}).values())]
    return any(field in template for template in templates for field in _PAGING_FIELDS)


def _body_value(value: Any, fields: dict[str, Any]) -> Any:
    """A JSON body value from its template: a number field alone stays a number, other
    templates become text, non-text values (numbers, booleans) are sent as they are."""
    if not isinstance(value, str):
        return value
    if value in ("{offset}", "{limit}", "{page}"):
        return fields[value[1:-1]]
    return value.format(**fields)


class ListingSources:
    """Mixed into the portal spider: turns listing responses into article and page requests."""

    profile: SiteProfile
    logger: Any

    if TYPE_CHECKING:  # supplied by the spider

        def article_requests(
            self, found: Iterable[tuple[str, dict[str, Any] | None]], source: Source
        ) -> tuple[list[scrapy.Request], bool]: ...
        def keep_paging(self, source: Source, stale_pages: int) -> bool: ...
        def walks_every_page(self) -> bool: ...
        def listing_request(
            self, url: str, source: Source, depth: int, **kw: Any
        ) -> scrapy.Request: ...
        def listing_failed(self, failure: Any) -> None: ...
        def older_than_since(self, day: date) -> bool: ...

    @cached_property
    def links(self) -> LinkKinds:
        return LinkKinds(self.profile)

    @cached_property
    def listings_asked(self) -> set[str]:
        """The listing pages (canonical URLs) this crawl has asked for: a pager's links to
        them are not made into requests again (the duplicate filter would drop them)."""
        return set()

    def json_list_request(
        self, source: Source, depth: int, category: str, offset: int, stale: int = 0
    ) -> scrapy.Request:
        """One page of a list API: POST (or GET) with offset/limit (or a page number counted
        from `first_page`) and a category, in the URL or the body (JSON, or a form when
        `body_format = "form"`)."""
        options = source.options
        limit = options.get("limit", 20)
        page = options.get("first_page", 0) + offset // limit
        fields = {"offset": offset, "limit": limit, "page": page, "category": category}
        url = urljoin(self.profile.base_url, options["url"]).format(**fields)
        body = {k: _body_value(v, fields) for k, v in options.get("body", {}).items()}
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        data = json.dumps(body) if body else None
        if options.get("body_format") == "form":
            headers = {
                "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
                "Accept": "text/html, */*; q=0.01",
                "X-Requested-With": "XMLHttpRequest",
            }
            data = urlencode({k: str(v) for k, v in body.items()})
        return scrapy.Request(
            url,
            method=options.get("method", "POST"),
            body=data,
            headers=headers,
            callback=self.parse_json_list,
            errback=self.listing_failed,
            cb_kwargs={
                "source": source,
                "depth": depth,
                "category": category,
                "offset": offset,
                "stale": stale,
            },
            # The page may travel in the body only: it is part of the request's identity.
            meta={
                CANONICAL_URL: f"{self.profile.canonical(url)}#{category}/{offset}",
                KIND: "listing",
            },
        )

    def _deeper(self, source: Source, depth: int, url: str) -> bool:
        if depth < self.profile.max_listing_depth:
            return True
        self.logger.warning("Listing depth limit (%d) reached at %s", depth, url)
        return False

    def _html_links(
        self, response: TextResponse, source: Source, depth: int, stale: int
    ) -> tuple[list[scrapy.Request], int, bool]:
        """Article requests and further listing pages of an HTML page, its stale count, and
        whether it links to any article."""
        articles, listings = [], []
        for href in page_links(response.selector):
            url = urljoin(response.url, href)
            kind = self.links.kind(url)
            if kind == "article":
                articles.append((url, None))
            elif kind == "listing":
                listings.append(url)
        requests, page_stale = self.article_requests(articles, source)
        stale = stale + 1 if page_stale else 0
        if self.keep_paging(source, stale):
            if stale and not self.walks_every_page():
                # Past the newest articles the walk only has to reach the page where it stops;
                # the pager's jumps (+2…+4, the last page) would each be fetched for nothing.
                listings = next_page_only(response.url, listings, self.links.canonical)
            for url in listings:
                canonical = self.links.canonical(url)
                if canonical not in self.listings_asked and self._deeper(source, depth, url):
                    self.listings_asked.add(canonical)
                    requests.append(self.listing_request(url, source, depth + 1, stale=stale))
        return requests, stale, bool(articles)

    def parse_links(
        self,
        response: Response,
        source: Source,
        depth: int,
        stale: int = 0,
        back: int | None = None,
    ) -> Iterator[Any]:
        """An HTML listing: follow article links and further listing pages (href or onclick).
        With a `timeline` option, a page that names its zone (`zone_from`, a CSS selector of an
        element whose value or text is the zone id) also starts that zone's "more items" walk.
        A day's page of a `days` walk (`back` days before today) leads on to the day before."""
        if not isinstance(response, TextResponse):
            self.logger.error("Listing %s is not HTML (%s)", response.url, type(response).__name__)
            return
        found, page_stale, has_articles = self._html_links(response, source, depth, stale)
        yield from found
        if "timeline" in source.options:
            yield from self._zone_timeline(response, source, depth)
        if back is not None:
            # A day with nothing new (all archived, or no article at all) counts towards the
            # incremental run's stop.
            day_stale = page_stale if has_articles else stale + 1
            yield from self._day_before(source, depth, back, day_stale)

    def first_day(self) -> date:
        """The day a `days` walk starts from (today on the portals' calendar)."""
        return portal_today()

    def day_request(self, source: Source, depth: int, back: int, stale: int = 0) -> scrapy.Request:
        """The listing page of the day `back` days before today, for a links source whose
        `days` option names the page of a day: `template` with `{date}`, written in `format`
        (strftime, default dd-mm-yyyy)."""
        spec = source.options["days"]
        fmt = spec.get("format", DEFAULT_FORMAT)
        path, _ = day_page(spec["template"], self.first_day(), back, fmt)
        url = urljoin(self.profile.base_url, path)
        return self.listing_request(url, source, depth, stale=stale, back=back)

    def _day_before(self, source: Source, depth: int, back: int, stale: int) -> Iterator[Any]:
        """The day before's page while the walk goes on: a full run walks `back` days (the
        option), an incremental one stops after days with nothing new, or at --since."""
        spec = source.options["days"]
        _, day = day_page(spec["template"], self.first_day(), back + 1)
        if back + 1 >= spec["back"] or self.older_than_since(day):
            return
        if self.keep_paging(source, stale) and self._deeper(source, depth, day.isoformat()):
            yield self.day_request(source, depth + 1, back + 1, stale)

    def _zone_timeline(self, response: TextResponse, source: Source, depth: int) -> Iterator[Any]:
        """The first "more items" page of the zone a section page names (none without one)."""
        spec = source.options["timeline"]
        node = response.css(spec["zone_from"])
        zone = (node.attrib.get("value") or node.xpath("string()").get() or "").strip()
        if not zone.isdigit() or int(zone) == 0:  # the home page's zone is 0
            return
        first = spec.get("first_page", 2)
        url = urljoin(self.profile.base_url, spec["template"]).format(zone=zone, page=first)
        if self._deeper(source, depth, url):
            yield self.timeline_request(url, source, depth + 1, zone, first)

    def timeline_request(
        self, url: str, source: Source, depth: int, zone: str, page: int, stale: int = 0
    ) -> scrapy.Request:
        """A "more items" page of a zone, for a timeline source or a links source's zones."""
        where = {"zone": zone, "page": page, "stale": stale}
        return scrapy.Request(
            url,
            callback=self.parse_timeline,
            errback=self.listing_failed,
            cb_kwargs={"source": source, "depth": depth, **where},
            meta={CANONICAL_URL: self.profile.canonical(url), KIND: "listing"},
        )

    def parse_feed(
        self, response: Response, source: Source, depth: int, stale: int = 0
    ) -> Iterator[Any]:
        """An RSS or Atom feed: every entry that links to an article of this site."""
        entries = feed_entries(response.body)
        if not entries:
            self.logger.error("Feed %s has no entries (or is not RSS/Atom)", response.url)
        urls = (urljoin(response.url, entry.url) for entry in entries)
        found = [(url, None) for url in urls if self.profile.is_article(url)]
        yield from self.article_requests(found, source)[0]

    def parse_sitemap(
        self, response: Response, source: Source, depth: int, stale: int = 0
    ) -> Iterator[Any]:
        """A sitemap or sitemap index."""
        found = []
        for entry in sitemap_entries(response.body):
            url = urljoin(response.url, entry.url)
            if entry.is_sitemap and self.profile.owns(url) and self._deeper(source, depth, url):
                yield self.listing_request(url, source, depth + 1)
            elif self.profile.is_article(url):
                found.append((url, None))
        yield from self.article_requests(found, source)[0]

    def parse_timeline(
        self,
        response: Response,
        source: Source,
        depth: int,
        zone: str = "",
        page: int = 1,
        stale: int = 0,
    ) -> Iterator[Any]:
        """A page of "more items" fragments; the next page is asked for while items keep coming."""
        if not isinstance(response, TextResponse):
            return
        found, stale, has_items = self._html_links(response, source, depth, stale)
        yield from found
        if has_items and self.keep_paging(source, stale):
            template = source.options.get("timeline", source.options)["template"]
            next_url = urljoin(self.profile.base_url, template).format(zone=zone, page=page + 1)
            if self._deeper(source, depth, next_url):
                yield self.timeline_request(next_url, source, depth + 1, zone, page + 1, stale)

    def parse_postback(
        self, response: Response, source: Source, depth: int, stale: int = 0
    ) -> Iterator[Any]:
        """An ASP.NET grid: links, plus the pager's __doPostBack pages as form submissions."""
        if not isinstance(response, TextResponse):
            return
        found, stale, _ = self._html_links(response, source, depth, stale)
        yield from found
        prefix = source.options.get("argument_prefix", "Page$")
        form = response.xpath("//form[.//input[@name='__VIEWSTATE']]")
        if not form or not self.keep_paging(source, stale):
            return
        for target, argument in postback_targets(response.text, prefix):
            if not self._deeper(source, depth, f"{response.url} {argument}"):
                return
            data = {"__EVENTTARGET": target, "__EVENTARGUMENT": argument}
            request = form2request(form, data, click=False).to_scrapy(
                callback=self.parse_postback,
                errback=self.listing_failed,
                cb_kwargs={"source": source, "depth": depth + 1, "stale": stale},
                meta={
                    CANONICAL_URL: f"{self.profile.canonical(response.url)}#{argument}",
                    KIND: "listing",
                },
            )
            yield request

    def parse_json_categories(self, response: Response, source: Source) -> Iterator[Any]:
        """A JSON list of categories: one list walk per category id."""
        try:
            categories = _json_path(
                json.loads(response.text), source.options.get("categories_items", "")
            )
        except ValueError:
            self.logger.error("Category API %s did not answer JSON", response.url)
            return
        key = source.options.get("category_key", "id")
        for category in categories if isinstance(categories, list) else []:
            if isinstance(category, dict) and category.get(key):
                yield self.json_list_request(source, 1, str(category[key]), 0)

    def parse_json_list(
        self,
        response: Response,
        source: Source,
        depth: int,
        category: str = "",
        offset: int = 0,
        stale: int = 0,
    ) -> Iterator[Any]:
        """A list API page: article URLs from a template (or, with `answer = "html"`, the
        article links of an HTML fragment), then the next offset while articles keep coming."""
        found = self._list_api_articles(response, source, category)
        if not found:
            return
        requests, page_stale = self.article_requests(found, source)
        yield from requests
        if not _pages(source.options):
            return
        stale = stale + 1 if page_stale else 0
        step = len(found) if source.options.get("answer") != "html" else None
        next_offset = offset + (step or source.options.get("limit", 20))
        if self.keep_paging(source, stale) and self._deeper(
            source, depth, f"{response.url} offset={next_offset}"
        ):
            yield self.json_list_request(source, depth + 1, category, next_offset, stale)

    def _list_api_articles(
        self, response: Response, source: Source, category: str = ""
    ) -> list[tuple[str, dict[str, Any] | None]]:
        """The (article URL, API item) pairs of a list API answer, JSON or an HTML fragment.
        A JSON item also offers the `category` it was listed under to the URL templates."""
        if source.options.get("answer") == "html":
            if not isinstance(response, TextResponse):
                self.logger.error("List API %s did not answer HTML", response.url)
                return []
            urls = (urljoin(response.url, href) for href in page_links(response.selector))
            return [(url, None) for url in urls if self.profile.is_article(url)]
        try:
            items = _json_path(json.loads(response.text), source.options.get("items", ""))
        except ValueError:
            self.logger.error("List API %s did not answer JSON", response.url)
            return []
        template = source.options["article_url"]
        fields = [
            {"category": category, **item}
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict)
        ]
        return [(urljoin(self.profile.base_url, template.format(**f)), f) for f in fields]
