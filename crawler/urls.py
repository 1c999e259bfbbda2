"""URL canonicalisation: one spelling per page, so the same article is stored once."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that name a visitor or a campaign, never a page.
TRACKING_PARAMS = frozenset(
    {
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "fbclid",
        "gclid",
        "zarsrc",
        "jsessionid",
        "phpsessid",
        "aspsessionid",
        "asp.net_sessionid",
        "sid",
        "sessionid",
    }
)


@lru_cache(maxsize=65536)
def canonical_url(
    url: str,
    *,
    case_insensitive: bool = False,
    scheme: str | None = None,
    ignore_params: frozenset[str] = frozenset(),
) -> str:
    """The identity of `url`: default ports, fragment and tracking parameters dropped, query sorted.

    `case_insensitive` lowercases the path and the query keys (SharePoint serves any letter
    case); `scheme` forces one scheme for a host that answers on both http and https;
    `ignore_params` (lowercase) are navigation parameters a site adds to links (Liferay's
    `redirect`), dropped like tracking parameters.
    """
    parts = urlsplit(url.strip())
    scheme = (scheme or parts.scheme).lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.port and parts.port not in DEFAULT_PORTS.values():
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    path = path.split(";", 1)[0]  # ";jsessionid=…" path parameters
    query = [
        (key.lower() if case_insensitive else key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and key.lower() not in ignore_params
    ]
    if case_insensitive:
        path = unquote(path).lower()
    rebuilt = urlunsplit((scheme, host, path, urlencode(query), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)
