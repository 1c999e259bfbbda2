"""Scrapy settings for govarchive: polite by default; a site profile may loosen them explicitly."""

from __future__ import annotations

import os

BOT_NAME = "govarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are, and where a webmaster can reach the operator (set GOVARCHIVE_CONTACT).
CONTACT_URL = os.environ.get("GOVARCHIVE_CONTACT", "https://github.com/govarchive/govarchive")
USER_AGENT = f"govarchive/0.1 (+{CONTACT_URL})"

# Politeness: small government servers. Profiles may override per site (see crawler/sites/).
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# Scrapy starts this many asyncio workers for every response's output, however few items it
# holds (the default 100 meant ~100 tasks per article page, a third of the crawl's CPU). Our
# pipelines write synchronously in batches, so more than a few workers never overlap work.
CONCURRENT_ITEMS = 4
# Scrapy's check that a callback generator returns no value (a development aid) reads and
# tokenizes the callback's source again whenever no request holding that bound method is
# alive (its cache is weakly keyed): in a crawl, about once per listing page.
WARN_ON_GENERATOR_RETURN_VALUE = False
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# The size limit of one page, decompressed: a bigger answer is cancelled (a decompression bomb
# is stopped there too) and recorded as too large in fetches.error and extraction_failures,
# never extracted (a 50 MB page took 45 s and 2 GB; news pages with inline pictures stay
# under a few MB).
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# With 0, article pages this big or bigger are extracted in a thread (crawler/middlewares.py)
# and a usual article page (30-150 KB) in the spider's callback; with N, every article page
# is extracted in N worker processes, off the crawl process (no faster on the 2-core bench
# machine, where the replica and the writer share the other core: docs/benchmarks.md).
EXTRACT_WORKERS = 0
EXTRACT_IN_THREAD_BYTES = 512 * 1024

# A profile's TLS cipher string reaches OpenSSL as written (crawler/tls.py). Certificates are
# not verified, as in Scrapy's default: portals with expired or incomplete chains are common.
DOWNLOADER_CLIENTCONTEXTFACTORY = "crawler.tls.CipherStringContextFactory"

# The same article under different spellings is one request (see crawler/fingerprint.py).
REQUEST_FINGERPRINTER_CLASS = "crawler.fingerprint.CanonicalFingerprinter"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's redirects, with the target under its own identity and loops and off-site
    # targets refused with a reason (crawler/redirects.py).
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    # Scrapy's robots.txt, its rules given to every request that waited for them.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtForAll": 100,
    "crawler.redirects.SiteRedirectMiddleware": 600,
    # After CookiesMiddleware (700) on the way back, so the retried request's cookie is stored.
    "crawler.middlewares.CookieChallengeMiddleware": 650,
    # Last on the way back (after decompression, redirects and retries): article pages are
    # extracted off the event loop.
    "crawler.middlewares.ExtractOffLoop": 50,
    # Waits its turn per host (Crawl-delay, Retry-After) just before the fetch log starts
    # its clock.
    "crawler.politeness.PolitenessMiddleware": 940,
    # Next to the downloader: sees every attempt, and bodies as received (still compressed).
    "crawler.fetchlog.FetchLogMiddleware": 950,
}

ITEM_PIPELINES = {
    "crawler.pipelines.FieldCoveragePipeline": 100,
    "crawler.pipelines.ArchivePipeline": 800,
}

# Where the archive lives and how many items go into one transaction.
ARCHIVE_DB = "data/archive.db"
ARCHIVE_BATCH_SIZE = 200
# Who does the archive's writes and the WARC records (crawler/archiving.py): "thread", one
# writer thread with its own connection, so fetching and extraction never wait on SQLite,
# gzip or WARC I/O; "inline", each write when asked, on the crawl's connection.
ARCHIVE_WRITER = "thread"
# Byte-exact snapshots of every response, as gzip WARC files in WARC_DIR (default: "warc"
# beside the archive file). Raw bytes live there, never in the database Datasette serves.
WARC_ENABLED = True
# GOVARCHIVE_WARC_DIR puts them elsewhere (another disk).
WARC_DIR = os.environ.get("GOVARCHIVE_WARC_DIR") or None
# Per-host turns shared with every other crawl on the machine: lock files under
# POLITENESS_DIR/hosts (default: beside the archive file; see crawler/hostledger.py).
POLITENESS_DIR = None

# Incremental runs (what cron runs): listings are walked newest first and paging stops once
# INCREMENTAL_OVERLAP pages in a row held only archived articles; articles published in the
# last REVISIT_DAYS days are re-checked with a conditional GET. CRAWL_MODE = "full" re-walks
# everything; CRAWL_SINCE (YYYY-MM-DD) archives only articles published since then;
# MAX_ARTICLES (0: no limit) caps the new articles one run fetches.
CRAWL_MODE = "incremental"
INCREMENTAL_OVERLAP = 1
REVISIT_DAYS = 14
CRAWL_SINCE = None
MAX_ARTICLES = 0
# Pagination traps (a pager that never ends, jumps to ?Page=3980): a source's walk stops after
# EMPTY_LISTING_PAGES listing pages in a row linking to no article the run had not seen yet,
# and at MAX_LISTING_PAGES listing pages per source per run (then the next run walks on).
EMPTY_LISTING_PAGES = 10
MAX_LISTING_PAGES = 20000

# Where the replica portals answer (replica-* profiles point there).
REPLICA_URL = os.environ.get("GOVARCHIVE_REPLICA_URL", "http://127.0.0.1:8000")

LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 15.0
# No listening socket of any kind: Scrapy's telnet console and its remote-control HTTP server
# (which runs Python code sent to it) stay off.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Switched off, the remote-control extension would still be imported, and with it aiohttp:
# 0.2 s of CPU in every crawl process. Not listed, it is never loaded.
EXTENSIONS = {"scrapy.extensions.remote_control.RemoteControl": None}
FEED_EXPORT_ENCODING = "utf-8"
