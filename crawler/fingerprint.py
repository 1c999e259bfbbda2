"""Request fingerprints on canonical URLs, so case, scheme and port variants are fetched once."""

from __future__ import annotations

import hashlib

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter

from crawler.meta import CANONICAL_URL


class CanonicalFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprint, taken over the request's canonical URL when the spider set one."""

    def fingerprint(self, request: Request) -> bytes:
        canonical = request.meta.get(CANONICAL_URL)
        if canonical is None:
            return super().fingerprint(request)
        return hashlib.sha1(f"{request.method} {canonical}".encode()).digest()
