"""A crawl on a machine without internet: no traceback, no connection beyond 127.0.0.1, no
listening port (tldextract reads its bundled suffix list; telnet and remote control are off)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.run import crawl_settings
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import ROOT

# Its cookie challenge puts a cookie in Scrapy's jar, whose domain Scrapy checks against the
# public suffix list: without a bundled list, tldextract would download it here.
SITE = "replica-vpcp"


def test_no_extension_listens() -> None:
    settings = crawl_settings(Path("unused.db"))
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")


def test_tldextract_never_downloads_the_suffix_list() -> None:
    # crawler/__init__.py chose the bundled list before Scrapy's cookie module was imported.
    from scrapy.downloadermiddlewares import cookies

    assert cookies._split_domain.suffix_list_urls == ()


@pytest.mark.slow
def test_a_crawl_without_network_stays_on_loopback(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(config=SiteConfig(articles=18))
    # A fresh machine: no tldextract cache, no Scrapy job files, a home of its own.
    env = {**os.environ, "HOME": str(tmp_path), "TLDEXTRACT_CACHE": str(tmp_path / "tld")}
    env.pop("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", None)
    command = ["crawl", SITE, "--db", str(tmp_path / "a.db"), "--replica-url", replica.url]
    result = subprocess.run(
        [sys.executable, "-m", "tests.netguard", "crawler.cli", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "18 new" in result.stdout
    assert "NETGUARD" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
