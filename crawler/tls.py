"""TLS for portals that need a cipher string Twisted cannot express (`DEFAULT:@SECLEVEL=1`)."""

from __future__ import annotations

import warnings
from typing import Any

from scrapy.core.downloader.contextfactory import ScrapyClientContextFactory
from scrapy.crawler import Crawler
from scrapy.exceptions import ScrapyDeprecationWarning
from twisted.internet.ssl import CertificateOptions

# Scrapy's own setting, which a profile's `transport.tls_ciphers` sets for its site.
CIPHERS_SETTING = "DOWNLOADER_CLIENT_TLS_CIPHERS"


# Scrapy 2.19 marks its context factory (and the setting that names one) deprecated without a
# replacement that can set OpenSSL's security level; tests/test_transport.py guards the hook.
warnings.filterwarnings(
    "ignore",
    message=".*(ScrapyClientContextFactory|'DOWNLOADER_CLIENTCONTEXTFACTORY' setting) is "
    "deprecated",
    category=ScrapyDeprecationWarning,
)


class CipherStringContextFactory(ScrapyClientContextFactory):
    """Scrapy's context factory, handing OpenSSL the profile's cipher string as written.

    Twisted expands a cipher string into a list of cipher names, which drops `@SECLEVEL=1`:
    a portal whose handshake offers a 1024-bit DH key (OpenSSL 3 refuses keys under 2048 bits
    at its default level 2) stays unreachable. OpenSSL reads the level from the string.
    """

    def __init__(self, *args: Any, cipher_string: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cipher_string = cipher_string

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        ciphers = crawler.settings.get(CIPHERS_SETTING)
        return super().from_crawler(crawler, *args, cipher_string=ciphers, **kwargs)

    def _get_cert_options(self) -> CertificateOptions:
        options = super()._get_cert_options()
        if self.cipher_string:
            options._cipherString = self.cipher_string
        return options
