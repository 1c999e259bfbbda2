"""govarchive crawler: Scrapy project, site profiles and the pure extraction functions."""

import os

# Scrapy's cookie middleware asks tldextract for public suffixes, and tldextract would download
# the Public Suffix List on first use (tracebacks on a machine without internet). No URL: it
# reads the list shipped in its package. Read when Scrapy's cookie module is imported, which
# comes after this package (the settings and the spiders live here).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
