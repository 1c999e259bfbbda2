"""One page fetched outside Scrapy (for check and eval): 5xx retried, JS cookie challenge met."""

from __future__ import annotations

import urllib.error
import urllib.request

from crawler.discovery.challenge import cookie_challenge
from crawler.settings import USER_AGENT


def fetch_page(
    url: str, data: bytes | None = None, content_type: str | None = None, attempts: int = 3
) -> tuple[bytes, str | None]:
    """(body, Content-Type) of `url`, as the crawler would get it; POSTs `data` when given."""
    headers = {"User-Agent": USER_AGENT, **({"Content-Type": content_type} if content_type else {})}
    cookie = ""
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(
            url, data=data, headers={**headers, **({"Cookie": cookie} if cookie else {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body, received_type = response.read(), response.headers.get("Content-Type")
        except urllib.error.HTTPError as error:
            if error.code < 500 or attempt == attempts:
                raise
            continue
        if not cookie and (challenge := cookie_challenge(body)):
            cookie = "=".join(challenge)
            continue
        return body, received_type
    raise urllib.error.URLError(f"{url}: no answer after {attempts} attempts")
