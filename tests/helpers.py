"""Test helpers: HTTP to the replica, the CLI in a child process, Scrapy responses of requests.

Fixtures live in conftest.py; this module holds the plain functions tests import.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from pathlib import Path
from typing import Any

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.test import get_reactor_settings

from crawler import settings as project
from crawler.sites import get_site
from crawler.spiders.portal import PortalSpider
from crawler.spiders.sources import ListingSources

ROOT = Path(__file__).resolve().parent.parent
GOVARCHIVE = [sys.executable, "-m", "crawler.cli"]
# The seed's site: the replica of Cục THADS Đồng Tháp, and its seed article.
REPLICA_SITE = "replica-thads-dongthap"
# What every replica truth record states (a SharePoint list site adds its list and item id).
TRUTH_FIELDS = frozenset(
    {
        "site",
        "url",
        "title",
        "published",
        "updated",
        "author_unit",
        "author",
        "summary",
        "category",
        "tags",
        "attachments",
        "images",
        "body_text",
        "first_paragraph",
        "last_paragraph",
        "paragraph_count",
        "cited_documents",
        "status",
        "edited",
    }
)
SEED_TITLE = (
    "Thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
    "trên cơ sở giới năm 2021"
)

# One twin of every portal family (a family's twins share their code paths).
FAMILY_TWINS = {
    "thads-sharepoint": "replica-thads-dongthap",
    "moj-portal": "replica-moj",
    "moj-portal-thads": "replica-thads-new-dongthap",
    "baochinhphu-cms": "replica-baochinhphu",
    "baochinhphu-cms-days": "replica-mst",
    "hanoi": "replica-hanoi",
    "liferay": "replica-dongthap-gov",
    "moh-bridge": "replica-moh",
    "aspnet-docs": "replica-chinhphu-vanban",
    "json-api": "replica-mof",
    "mic": "replica-mic",
    "dangcongsan": "replica-dangcongsan",
    "ministry-portals": "replica-moit",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes:
    """The body at `url` (an HTTP error raises)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def http_request(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, Message, bytes]:
    """Status, headers and body of one request; an HTTP error status is an answer too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def read_truth(replica_url: str, site: str | None = None) -> list[dict]:
    """The replica's truth records (every site's, or one site's)."""
    query = f"?site={site}" if site else ""
    lines = fetch(f"{replica_url}/__replica__/truth.jsonl{query}").decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def scrapy_crawl_command(site: str, db: Path, replica_url: str, *settings: str) -> list[str]:
    """`scrapy crawl portal` of `site` into `db` from the replica, with `-s` settings (they
    outrank a profile's)."""
    command = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"site={site}"]
    for setting in (f"ARCHIVE_DB={db}", f"REPLICA_URL={replica_url}", *settings):
        command += ["-s", setting]
    return command


def run_govarchive(
    *args: str, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process (Twisted's reactor runs once per process), with this
    process's environment and `env` on top."""
    return subprocess.run(
        [*GOVARCHIVE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )


class Processes:
    """The commands a test starts in the background: each still running when the test ends
    (passed, failed or interrupted) is killed and waited for."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[str]] = []

    def start(self, command: list[str], **options: Any) -> subprocess.Popen[str]:
        process = subprocess.Popen(command, text=True, **options)
        self.started.append(process)
        return process

    def __enter__(self) -> Processes:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            with process:  # closes its pipes and waits for it
                pass


def wait_while_running(
    process: subprocess.Popen[str], done: Callable[[], object], what: str
) -> None:
    """Until `done()`, failing if `process` ends first or a minute passes (`what` says why)."""
    deadline = time.monotonic() + 60
    while not done():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until `url` answers, failing early if `process` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before serving {url}")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


def download(request: Request) -> Response:
    """The Scrapy response a crawl would get for `request` (its method, headers and body sent
    as they are), with the request attached: what a spider callback is handed. No cookies,
    redirects followed by urllib."""
    headers = {k.decode(): b", ".join(v).decode() for k, v in request.headers.items()}
    status, answer, body = http_request(
        request.url, request.body or None, headers, method=request.method
    )
    response_headers = Headers([(k, v) for k, v in answer.items()])
    cls = responsetypes.from_args(headers=response_headers, url=request.url, body=body)
    return cls(url=request.url, status=status, headers=response_headers, body=body, request=request)


def project_settings(**overrides: Any) -> dict[str, Any]:
    """The project's Scrapy settings (crawler/settings.py) as a dict, with `overrides`."""
    return {name: getattr(project, name) for name in dir(project) if name.isupper()} | overrides


def make_spider(slug: str, settings: dict[str, Any], spidercls: type = PortalSpider) -> Any:
    """The spider of site `slug` on a crawler made as `Crawler.crawl()` makes it: the spider
    first (it writes its profile's politeness into the settings), then the crawler's settings
    applied (extensions built, settings frozen). Nothing is started; `crawler.spider` is set,
    so middlewares and pipelines built from the crawler see it."""
    # No extensions: nothing is started for them to watch (their spider_closed would fail).
    settings = {**get_reactor_settings(), "EXTENSIONS_BASE": {}, **settings}
    crawler = Crawler(spidercls, settings)
    spider = spidercls.from_crawler(crawler, site=slug)
    crawler.spider = spider
    crawler._apply_settings()  # what get_crawler() does; there is no public way after the spider
    return spider


def end_crawl(crawler: Crawler) -> None:
    """What the engine sends when a crawl ends: spider_closed, then engine_stopped."""
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")
    crawler.signals.send_catch_log(signals.engine_stopped)


class Walker(ListingSources):
    """Just enough of the portal spider to run the listing callbacks."""

    def __init__(self) -> None:
        self.profile = get_site("baochinhphu")
        self.logger = logging.getLogger("test")

    def article_requests(self, found: Any, source: Any) -> tuple[list[scrapy.Request], bool]:
        return [scrapy.Request(url) for url, _ in found], False

    def keep_paging(self, source: Any, stale_pages: int) -> bool:
        return True

    def walks_every_page(self) -> bool:
        return False

    def listing_request(self, url: str, source: Any, depth: int, **kw: Any) -> scrapy.Request:
        return scrapy.Request(url, cb_kwargs={"source": source, "depth": depth, **kw})

    def listing_failed(self, failure: Any) -> None: ...
