"""Request meta keys shared by the spiders and the downloader middlewares."""

from __future__ import annotations

# The request's identity on its site (set by the spider; read by the fingerprinter): case,
# scheme and port variants of one article are one request.
CANONICAL_URL = "canonical_url"
# Which part of a crawl a request belongs to: "listing", "article", "revisit", "recheck"
# (robots.txt is recognised by its path); the fetch log records it with the fetch.
KIND = "fetch_kind"
# The listing source an article was found by (crawl-wide bookkeeping of --since).
SOURCE_KEY = "source_key"
# Set by the fetch log on a response's request: where its WARC record is, as the fields of the
# `fetches` row (warc_file, warc_offset, warc_record_id, ...).
SNAPSHOT = "warc_snapshot"
# Set by ExtractOffLoop on an article page's request: what extraction made of the page
# (an Article, or the reason it could not be read), done off the reactor.
EXTRACTED = "extracted_article"
