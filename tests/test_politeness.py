"""Politeness, observed from the replica's side: request spacing per host, robots.txt
Disallow, Retry-After; and the defaults a profile has to loosen explicitly."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from crawler.politeness import retry_after_seconds
from crawler.run import crawl_settings
from crawler.sites import load_sites
from replica.server import ReplicaServer, Served
from replica.site import SiteConfig
from tests.helpers import ROOT, Processes, read_truth, run_govarchive, scrapy_crawl_command

SITE = "replica-thads-dongthap"
PREFIX = "/thads.moj.gov.vn/dongthap/"
SMALL = SiteConfig(articles=18)  # the smallest THADS replica


def site_requests(replica: ReplicaServer) -> list[Served]:
    """What the crawler asked this site for (robots.txt included), in order of arrival."""
    return [
        served
        for served in replica.served()
        if served.target.lower().startswith(PREFIX) or served.target == "/robots.txt"
    ]


def gaps(requests: list[Served]) -> list[float]:
    return [b.arrived - a.arrived for a, b in itertools.pairwise(requests)]


def crawl(replica: ReplicaServer, db: Path, *args: str) -> None:
    result = run_govarchive("crawl", SITE, "--db", str(db), "--replica-url", replica.url, *args)
    assert result.returncode == 0, result.stderr[-3000:]


def test_defaults_are_polite() -> None:
    settings = crawl_settings(Path("unused.db"))
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert settings.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.get("USER_AGENT").startswith("govarchive/")
    assert "+http" in settings.get("USER_AGENT")  # a contact URL


def test_contact_url_is_the_operators(tmp_path: Path) -> None:
    code = "from crawler.run import crawl_settings; print(crawl_settings('x').get('USER_AGENT'))"
    env = {"GOVARCHIVE_CONTACT": "https://example.org/crawler-contact", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert "(+https://example.org/crawler-contact)" in out.stdout


def scrapy_crawl(replica: ReplicaServer, db: Path, *settings: str) -> None:
    """`scrapy crawl portal` with settings from the command line (they outrank a profile)."""
    command = scrapy_crawl_command(SITE, db, replica.url, *settings)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.slow
def test_default_delay_spaces_requests_one_at_a_time(replica_factory, tmp_path: Path) -> None:
    # The replica twin loosens politeness in its profile; the defaults put back from the
    # command line must space requests by at least a second.
    replica = replica_factory(config=SMALL)
    scrapy_crawl(
        replica,
        tmp_path / "a.db",
        "DOWNLOAD_DELAY=1.0",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "AUTOTHROTTLE_ENABLED=True",
        "MAX_ARTICLES=3",
    )
    requests = site_requests(replica)
    assert len(requests) >= 5
    assert min(gaps(requests)) >= 0.98, gaps(requests)


@pytest.mark.slow
def test_crawl_delay_from_robots_is_honoured(replica_factory, tmp_path: Path) -> None:
    replica = replica_factory(config=SMALL, crawl_delay=0.5)
    crawl(replica, tmp_path / "a.db", "--max-articles", "5")
    requests = site_requests(replica)
    assert requests[0].target == "/robots.txt"
    assert len(requests) >= 7
    # The twin allows 8 requests at once and no delay; Crawl-delay overrides both.
    assert min(gaps(requests)) >= 0.49, gaps(requests)


@pytest.mark.slow
def test_robots_disallow_is_respected(replica_factory, tmp_path: Path) -> None:
    closed = f"{PREFIX}noidung/thongbao/"
    replica = replica_factory(config=SiteConfig(articles=30), disallow=[closed])
    truth = read_truth(replica.url, "thads-dongthap")
    assert any(closed in line["url"].lower() for line in truth)  # there is something to skip
    db = tmp_path / "a.db"
    crawl(replica, db)
    assert not [s for s in site_requests(replica) if s.target.lower().startswith(closed)]
    with sqlite3.connect(db) as conn:
        urls = [url for (url,) in conn.execute("SELECT url FROM articles")]
    assert urls and not [url for url in urls if closed in url]
    allowed = [line for line in truth if closed not in line["url"].lower()]
    assert len(urls) == sum(1 for line in allowed if line["status"] == "live")


@pytest.mark.slow
def test_retry_after_is_waited(replica_factory, tmp_path: Path) -> None:
    replica = replica_factory(config=SMALL, faults="429=0.4:1")
    db = tmp_path / "a.db"
    # One request at a time (the default) and no delay of our own: only Retry-After spaces them.
    scrapy_crawl(replica, db, "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    requests = site_requests(replica)
    limited = [i for i, served in enumerate(requests) if served.status == 429]
    assert limited, "the fault should have answered 429 at least once"
    for i in limited:
        if i + 1 < len(requests):
            assert requests[i + 1].arrived - requests[i].arrived >= 0.98
    unlimited = [g for i, g in enumerate(gaps(requests)) if i not in limited]
    assert min(unlimited) < 0.5  # so the waits above were Retry-After's, not a delay's
    with sqlite3.connect(db) as conn:
        archived = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    live = [line for line in read_truth(replica.url, "thads-dongthap") if line["status"] == "live"]
    assert archived == len(live)  # every rate-limited page came in on a later try


def test_retry_after_accepts_seconds_and_dates() -> None:
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


THADS_TWINS = sorted(
    slug
    for slug, site in load_sites().items()
    if site.twin_of and site.family == "thads-sharepoint"
)
# The project's defaults, put back from the command line over the twins' loosened politeness.
REAL_POLITENESS = (
    "DOWNLOAD_DELAY=1.0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=1",
    "AUTOTHROTTLE_ENABLED=True",
)


def start_crawl(
    processes: Processes, replica: ReplicaServer, db: Path, slugs: list[str]
) -> subprocess.Popen[str]:
    """Crawl `slugs` in one run (one process) with the real politeness settings."""
    code = (
        "import sys; from pathlib import Path; from crawler.run import run_crawl; "
        "settings = dict(s.split('=', 1) for s in sys.argv[3].split(';')); "
        "run_crawl(sys.argv[4:], Path(sys.argv[1]), sys.argv[2], MAX_ARTICLES=2, **settings)"
    )
    command = [sys.executable, "-c", code, str(db), replica.url, ";".join(REAL_POLITENESS), *slugs]
    return processes.start(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def host_gaps(*dbs: Path) -> dict[str, list[float]]:
    """Per host, the seconds between one answer and the next request, read from `fetches`."""
    rows: list[tuple[str, datetime, datetime]] = []
    for db in dbs:
        with sqlite3.connect(db) as conn:
            sql = "SELECT host, started_at, fetched_at FROM fetches WHERE started_at IS NOT NULL"
            rows += [
                (h, datetime.fromisoformat(s), datetime.fromisoformat(f))
                for h, s, f in conn.execute(sql)
            ]
    by_host: dict[str, list[tuple[datetime, datetime]]] = {}
    for host, started, fetched in sorted(rows, key=lambda row: row[1]):
        by_host.setdefault(host, []).append((started, fetched))
    return {
        host: [(b[0] - a[1]).total_seconds() for a, b in itertools.pairwise(times)]
        for host, times in by_host.items()
    }


@pytest.mark.slow
def test_sites_sharing_a_host_share_its_turns(
    replica_factory, processes: Processes, tmp_path: Path
) -> None:
    """All eleven THADS sub-sites of thads.moj.gov.vn in one run with the real settings (what
    the README promises an operator): one request at a time to the host and at least a second
    between an answer and the next request, read from `fetches`. (Two crawlers sharing a
    host's turns are unit-tested in tests/test_middlewares.py.)"""
    replica = replica_factory(config=SMALL)
    db = tmp_path / "a.db"
    twins = THADS_TWINS
    crawl = start_crawl(processes, replica, db, twins)
    _, stderr = crawl.communicate(timeout=600)
    assert crawl.returncode == 0, stderr[-3000:]
    with sqlite3.connect(db) as conn:
        sites = {site for (site,) in conn.execute("SELECT DISTINCT site FROM crawl_runs")}
    assert sites == set(twins)
    gaps = host_gaps(db)
    thads = gaps[replica.url.split("//")[1] + "/thads.moj.gov.vn"]
    assert len(thads) >= 2 * len(twins)
    assert min(thads) >= 0.998, sorted(thads)[:5]


@pytest.mark.slow
def test_runs_sharing_an_archive_folder_share_a_hosts_turns(
    replica_factory, processes: Processes, tmp_path: Path
) -> None:
    """Two crawl processes at once, each of another THADS sub-site: the host ledger beside
    their archives keeps the host's pace across both."""
    replica = replica_factory(config=SMALL)
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    crawls = [
        start_crawl(processes, replica, first, ["replica-thads-dongthap"]),
        start_crawl(processes, replica, second, ["replica-thads-langson"]),
    ]
    for crawl in crawls:
        _, stderr = crawl.communicate(timeout=600)
        assert crawl.returncode == 0, stderr[-3000:]
    thads = host_gaps(first, second)[replica.url.split("//")[1] + "/thads.moj.gov.vn"]
    assert len(thads) >= 4
    assert min(thads) >= 0.998, sorted(thads)[:5]
