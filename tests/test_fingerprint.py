"""CanonicalFingerprinter and CipherStringContextFactory, built from a crawler's settings."""

from __future__ import annotations

import scrapy
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.fingerprint import CanonicalFingerprinter
from crawler.meta import CANONICAL_URL
from crawler.sites import get_site
from crawler.tls import CIPHERS_SETTING, CipherStringContextFactory


def test_spellings_of_one_article_share_a_fingerprint() -> None:
    fingerprinter = build_from_crawler(CanonicalFingerprinter, get_crawler())
    profile = get_site("thads-dongthap")
    spellings = [
        "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=37",
        "http://THADS.moj.gov.vn:80/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=37#top",
    ]
    prints = {
        fingerprinter.fingerprint(scrapy.Request(url, meta={CANONICAL_URL: profile.canonical(url)}))
        for url in spellings
    }
    assert len(prints) == 1


def test_method_and_missing_canonical_url_keep_requests_apart() -> None:
    fingerprinter = build_from_crawler(CanonicalFingerprinter, get_crawler())
    url = "https://example.org/a"
    get = scrapy.Request(url, meta={CANONICAL_URL: url})
    post = scrapy.Request(url, method="POST", meta={CANONICAL_URL: url})
    assert fingerprinter.fingerprint(get) != fingerprinter.fingerprint(post)
    # Without a canonical URL it is Scrapy's own fingerprint (query order, body and all).
    plain = scrapy.Request(url + "?b=1&a=2")
    assert fingerprinter.fingerprint(plain) == fingerprinter.fingerprint(
        scrapy.Request(url + "?a=2&b=1")
    )
    assert fingerprinter.fingerprint(plain) != fingerprinter.fingerprint(scrapy.Request(url))


def test_the_cipher_string_reaches_openssl_as_written() -> None:
    crawler = get_crawler(settings_dict={CIPHERS_SETTING: "DEFAULT:@SECLEVEL=1"})
    factory = CipherStringContextFactory.from_crawler(crawler)
    assert factory._get_cert_options()._cipherString == "DEFAULT:@SECLEVEL=1"
    plain = CipherStringContextFactory.from_crawler(get_crawler())  # Scrapy's "DEFAULT"
    assert plain._get_cert_options()._cipherString == "DEFAULT"
