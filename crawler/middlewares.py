"""Downloader middleware that answers the legacy JS cookie challenge some portals serve."""

from __future__ import annotations

import re

from scrapy import Request
from scrapy.http import Response

# <script>document.cookie="N=V; path=/";location.reload();</script> — the whole page.
_CHALLENGE = re.compile(rb"""document\.cookie\s*=\s*["']([^=;"'\s]+)=([^;"']*)""")
_MAX_CHALLENGE_BYTES = 4096
_ANSWERED = "cookie_challenge_answered"


class CookieChallengeMiddleware:
    """Re-requests a page once with the cookie a JS challenge page sets.

    The cookie goes into Scrapy's cookie jar with the retried request, so later requests to
    the host carry it too and meet no challenge.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        body = response.body
        if len(body) > _MAX_CHALLENGE_BYTES or request.meta.get(_ANSWERED):
            return response
        match = _CHALLENGE.search(body)
        if match is None or b"<p" in body.lower():
            return response
        name, value = (part.decode("latin-1") for part in match.groups())
        return request.replace(
            cookies={**(request.cookies if isinstance(request.cookies, dict) else {}), name: value},
            meta={**request.meta, _ANSWERED: True},
            dont_filter=True,
        )
