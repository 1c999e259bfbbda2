"""Request fingerprints on canonical URLs, so case, scheme and port variants are fetched once."""

from __future__ import annotations

import hashlib

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter

from crawler.meta import CANONICAL_URL


class CanonicalFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprint, taken over the request's canonical URL when the spider set one.

    A redirect's target is a request of its own: even where its canonical URL is the source's
    (http -> https, a letter case fixed), the source was already seen and the target would be
    dropped as its duplicate, so the article behind every redirect was lost.
    """

    def fingerprint(self, request: Request) -> bytes:
        canonical = request.meta.get(CANONICAL_URL)
        if canonical is None:
            return super().fingerprint(request)
        redirected = " redirected" if request.meta.get("redirect_urls") else ""
        return hashlib.sha1(f"{request.method} {canonical}{redirected}".encode()).digest()
