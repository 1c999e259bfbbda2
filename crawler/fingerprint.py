"""Request fingerprints on canonical URLs, so case, scheme and port variants are fetched once."""

from __future__ import annotations

import hashlib

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter


class CanonicalFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprint, taken over `request.meta["canonical_url"]` when the spider set it."""

    def fingerprint(self, request: Request) -> bytes:
        canonical = request.meta.get("canonical_url")
        if canonical is None:
            return super().fingerprint(request)
        return hashlib.sha1(f"{request.method} {canonical}".encode()).digest()
