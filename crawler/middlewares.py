"""Downloader middleware that answers the legacy JS cookie challenge some portals serve."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response

from crawler.discovery.challenge import cookie_challenge

_ANSWERED = "cookie_challenge_answered"


class CookieChallengeMiddleware:
    """Re-requests a page once with the cookie a JS challenge page sets.

    The cookie goes into Scrapy's cookie jar with the retried request, so later requests to
    the host carry it too and meet no challenge.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get(_ANSWERED) or (found := cookie_challenge(response.body)) is None:
            return response
        name, value = found
        cookies = request.cookies if isinstance(request.cookies, dict) else {}
        return request.replace(
            cookies={**cookies, name: value},
            meta={**request.meta, _ANSWERED: True},
            dont_filter=True,
        )
