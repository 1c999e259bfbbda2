"""Failed article fetches asked again by later runs from `fetches` (archive/retries.py): after
their backoff, whether or not a listing still links them, and given up past the limit."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from archive.retries import FailedUrl
from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import run_govarchive
from tests.reliability.conftest import BOUND, SITE, Faulty

pytestmark = pytest.mark.slow

# robots.txt Disallow of the twin's one listing page (only it: `$` ends the path), so a run
# walks no listing and finds nothing new by itself.
HOME = "/thads.moj.gov.vn/dongthap/$"


def left_behind(bed: Faulty) -> list[str]:
    """The articles the fault's crawl could not get (cut short on every try)."""
    first = bed.crawl()
    assert first.returncode == 1 and first.seconds < BOUND, first.stdout
    urls = sorted(
        row["url"]
        for row in first.query(
            "SELECT DISTINCT url FROM fetches WHERE kind = 'article' AND error IS NOT NULL"
        )
    )
    assert len(urls) >= 2, urls
    return urls


def unlisted(bed: Faulty) -> None:
    """Heal the fault with the listing closed by robots.txt: no link leads to the articles."""
    assert bed.server is not None
    port = bed.server.port
    bed.server.stop()
    config = SiteConfig(articles=bed.articles)
    bed.server = ReplicaServer(port=port, config=config, disallow=[HOME]).start()


def fail_earlier(bed: Faulty, urls: list[str], ago: timedelta) -> None:
    """Date the failed fetches of `urls` back by `ago` (the clock of the recorded runs)."""
    when = (datetime.now(UTC) - ago).isoformat(timespec="milliseconds")
    with sqlite3.connect(bed.db) as conn:
        conn.executemany(
            "UPDATE fetches SET fetched_at = ? WHERE url = ? AND kind = 'article'",
            [(when, url) for url in urls],
        )


def asked(run, urls: list[str]) -> set[str]:
    fetched = run.query("SELECT url FROM fetches WHERE run_id = ?", (run.run["id"],))
    return {row["url"] for row in fetched} & set(urls)


def test_a_failed_article_is_asked_again_after_its_backoff_though_no_listing_links_it(
    faulty,
) -> None:
    bed = faulty("truncate=0.3")
    failed = left_behind(bed)
    waited, waiting = failed[::2], failed[1::2]
    fail_earlier(bed, waited, timedelta(hours=2))  # one failed run: the backoff is 1 h
    unlisted(bed)
    second = bed.crawl()
    assert second.returncode == 0 and second.seconds < BOUND, second.stdout
    assert asked(second, failed) == set(waited)  # not those failed a moment ago
    canonical = get_site(SITE, second.replica_url).canonical
    archived = set(second.archived())
    assert {canonical(url) for url in waited} <= archived
    assert not {canonical(url) for url in waiting} & archived
    status = run_govarchive("status", "--db", str(bed.db))
    line = next(line for line in status.stdout.splitlines() if line.startswith(SITE))
    pending, given_up = line.split()[4:6]
    assert (pending, given_up) == (str(len(waiting)), "0"), status.stdout


def test_a_failed_article_past_the_limit_is_given_up(faulty) -> None:
    bed = faulty("truncate=0.3")
    failed = left_behind(bed)
    fail_earlier(bed, failed, timedelta(days=15))  # first failed past GIVE_UP_AFTER (14 days)
    unlisted(bed)
    second = bed.crawl()
    assert second.returncode == 0, second.stdout
    assert not asked(second, failed)
    given_up = second.query("SELECT url, attempts, last_error FROM retries_given_up")
    assert sorted(row["url"] for row in given_up) == failed
    assert all("ResponseDataLossError" in row["last_error"] for row in given_up)
    status = run_govarchive("status", "--db", str(bed.db))
    line = next(line for line in status.stdout.splitlines() if line.startswith(SITE))
    assert line.split()[4:6] == ["0", str(len(failed))], status.stdout


@pytest.mark.parametrize(
    ("attempts", "wait", "given_up"),
    [
        (1, timedelta(hours=1), False),
        (2, timedelta(hours=2), False),
        (5, timedelta(hours=16), False),
        (6, timedelta(days=1), False),  # capped
        (8, timedelta(days=1), True),  # MAX_ATTEMPTS
    ],
)
def test_the_wait_doubles_per_failed_run_and_the_eighth_gives_up(
    attempts: int, wait: timedelta, given_up: bool
) -> None:
    last = datetime(2026, 12, 1, tzinfo=UTC)
    failed = FailedUrl("u", "s", attempts, last.isoformat(), last.isoformat(), None)
    assert failed.due_at() == last + wait
    assert failed.past_limit(last) is given_up
