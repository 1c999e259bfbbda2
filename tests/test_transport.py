"""Per-site transport: a portal whose TLS handshake offers a 1024-bit DH key is reached with
its profile's cipher string, and refused without it (a real TLS server on 127.0.0.1)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.sites import load_sites
from replica.site import SiteConfig
from tests.helpers import ROOT, run_govarchive

# Crawls and checks over legacy TLS, in child processes.
pytestmark = pytest.mark.slow

LEGACY_TLS_TWINS = sorted(
    slug for slug, site in load_sites().items() if site.twin_of and site.tls_ciphers
)


def test_moh_needs_the_legacy_security_level() -> None:
    # docs/evidence.md: moh.gov.vn's handshake offers a DH key OpenSSL 3 refuses by default.
    assert "replica-moh" in LEGACY_TLS_TWINS
    assert "@SECLEVEL=1" in load_sites()["moh"].tls_ciphers


@pytest.fixture
def legacy_tls_replica(replica_factory):
    return replica_factory(config=SiteConfig(articles=18), legacy_tls=True)


@pytest.mark.parametrize("slug", LEGACY_TLS_TWINS)
def test_the_profiles_cipher_string_reaches_the_portal(
    legacy_tls_replica, tmp_path: Path, slug: str
) -> None:
    assert legacy_tls_replica.url.startswith("https://")
    db = tmp_path / "a.db"
    result = run_govarchive(
        "crawl",
        slug,
        "--db",
        str(db),
        "--replica-url",
        legacy_tls_replica.url,
        "--max-articles",
        "2",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


@pytest.mark.parametrize("slug", LEGACY_TLS_TWINS)
def test_without_it_the_handshake_fails_and_the_crawl_says_so(
    legacy_tls_replica, tmp_path: Path, slug: str
) -> None:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "portal",
        "-a",
        f"site={slug}",
        "-s",
        f"ARCHIVE_DB={tmp_path / 'a.db'}",
        "-s",
        f"REPLICA_URL={legacy_tls_replica.url}",
        "-s",
        "DOWNLOADER_CLIENT_TLS_CIPHERS=DEFAULT",
        "-s",
        "RETRY_TIMES=0",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "dh key too small" in result.stderr
    with sqlite3.connect(tmp_path / "a.db") as conn:
        errors = [e for (e,) in conn.execute("SELECT error FROM fetches WHERE error IS NOT NULL")]
        assert errors and conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_check_reaches_the_portal_with_the_profiles_cipher_string(legacy_tls_replica) -> None:
    result = run_govarchive("check", "replica-moh", "--replica-url", legacy_tls_replica.url)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "article 1: " in result.stdout


def test_check_names_the_small_dh_key_a_profile_without_it_meets(legacy_tls_replica) -> None:
    # dangcongsan's profile states no cipher string: OpenSSL 3 refuses the 1024-bit key.
    result = run_govarchive("check", "replica-dangcongsan", "--replica-url", legacy_tls_replica.url)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    (failed,) = [
        line
        for line in result.stdout.splitlines()
        if line.startswith("listing") and "FAILED:" in line
    ]
    assert legacy_tls_replica.url in failed and "TLS handshake failed" in failed, failed
    assert "dh key too small" in failed, failed
