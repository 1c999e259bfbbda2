"""Redirects: a same-site target is fetched under its own identity, a loop or an off-site
target is refused with a reason the crawl records."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.meta import CANONICAL_URL

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def redirect_problem(request: Request, target: str, profile: Any) -> str | None:
    """Why following a redirect from `request` to `target` loses the page, or None.

    A loop returns to a URL of its own chain (compared exactly: http -> https of one article
    is no loop, though both have one canonical URL); an off-site target is a page this site's
    profile does not own (the offsite filter would drop it without a word).
    """
    chain = [*request.meta.get("redirect_urls", []), request.url]
    if target in chain:
        return f"redirect loop: {' -> '.join([*chain[chain.index(target) :], target])}"
    if profile is not None and not profile.owns(target):
        return f"off-site redirect to {target}"
    return None


def redirect_target(request: Request, response: Response) -> str | None:
    """The absolute URL a redirect answer points to (None when it is no redirect)."""
    location = response.headers.get("Location")
    if response.status not in REDIRECT_STATUSES or not location:
        return None
    return urljoin(request.url, location.decode("latin-1"))


class SiteRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirect handling, with the redirected request named by its own URL.

    The spider names each request by its canonical URL (the fingerprinter's identity); a
    redirected request used to inherit the source's and was dropped as a duplicate of it.
    """

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        result = super().process_response(request, response)
        if not isinstance(result, Request):
            return result
        profile = getattr(self.crawler.spider, "profile", None)
        problem = redirect_problem(request, result.url, profile)
        if problem is not None:
            self.crawler.stats.inc_value("govarchive/redirects_refused")
            raise IgnoreRequest(problem)
        if CANONICAL_URL in result.meta and profile is not None:
            result.meta[CANONICAL_URL] = profile.canonical(result.url)
        return result
