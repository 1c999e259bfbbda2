"""`govarchive check SITE`: one listing page and one article, fetched now, field by field.

For an operator with internet access to see within a minute whether a real profile still
matches its site. It fetches politely (two or three requests, the project's User-Agent).
"""

from __future__ import annotations

import json
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from parsel import Selector

from crawler.discovery.feeds import feed_entries
from crawler.discovery.links import page_links
from crawler.discovery.sitemaps import sitemap_entries
from crawler.extract import ExtractionError, extract_api_article, extract_article
from crawler.fetch import fetch_page
from crawler.sites import SiteProfile

CHECKED_FIELDS = ("title", "published", "author_unit", "summary", "body_text", "attachments")


@dataclass
class CheckResult:
    ok: bool
    lines: list[str]


def _first_article(profile: SiteProfile, say: Callable[[str], None]) -> tuple[str, dict | None]:
    """The URL (and, for API sites, the list item) of one article the site lists now."""
    for source in profile.sources:
        if source.kind == "json_api":
            options = source.options
            categories = options.get("categories") or []
            if not categories and options.get("categories_url"):
                listed, _ = fetch_page(urljoin(profile.base_url, options["categories_url"]))
                categories = [c.get(options.get("category_key", "id")) for c in json.loads(listed)]
            url = urljoin(profile.base_url, options["url"]).format(offset=0, limit=5)
            body = {k: str(v).format(category=categories[0]) for k, v in options["body"].items()}
            items, _ = fetch_page(url, json.dumps(body).encode(), "application/json")
            item = json.loads(items)[0]
            say(f"listing: {url} (JSON list API) — OK")
            return urljoin(profile.base_url, options["article_url"].format(**item)), item
        if not source.urls:
            continue
        url = source.urls[0]
        body, _ = fetch_page(url)
        if source.kind == "feed":
            candidates = [e.url for e in feed_entries(body)]
        elif source.kind == "sitemap":
            candidates = [e.url for e in sitemap_entries(body)]
        else:
            candidates = [urljoin(url, h) for h in page_links(Selector(body=body, base_url=url))]
        articles = [c for c in candidates if profile.is_article(c)]
        say(f"listing: {url} ({source.kind}) — {len(articles)} article links")
        if articles:
            return articles[0], None
    raise LookupError("no article link found on the site's first listing pages")


def check_site(profile: SiteProfile, say: Callable[[str], None] = print) -> CheckResult:
    """Fetch one listing and one article of `profile`'s site and report every field."""
    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        say(line)

    try:
        url, api_item = _first_article(profile, report)
        if api_item is not None and profile.api:
            api_url = urljoin(profile.base_url, profile.api["url"].format(**api_item))
            article = extract_api_article(json.loads(fetch_page(api_url)[0]), url, profile)
        else:
            body, content_type = fetch_page(url)
            article = extract_article(body, url, profile, content_type=content_type)
    except (OSError, urllib.error.URLError, ValueError, LookupError, ExtractionError) as error:
        report(f"FAILED: {error}")
        return CheckResult(False, lines)
    report(f"article: {url} (read by the {article.extraction_path} path)")
    fields = article.to_dict()
    for name in CHECKED_FIELDS:
        value = fields[name]
        shown = value if not isinstance(value, str) or len(value) < 90 else value[:87] + "..."
        report(f"  {'ok ' if value else '-- '} {name}: {shown!r}")
    ok = bool(article.title and article.body_text) and article.extraction_path != "generic"
    if article.extraction_path == "generic":
        report("WARNING: the profile's selectors no longer match; the generic path read the page")
    return CheckResult(ok, lines)
