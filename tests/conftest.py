"""Shared fixtures: a running replica portal, and an archive crawled from it.

Plain helper functions are in tests/helpers.py."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.spiders.portal import PortalSpider
from replica.server import ReplicaServer
from tests import helpers

# The files that take longest, longest first (each file's time in a whole run, 2026-12-07),
# started first: pytest-xdist hands files to its workers in collection order, and a long file
# started last keeps the run waiting. test_learn and test_bad_input are the longest of the fast
# suite (-m "not slow") too.
LONGEST_FIRST = (
    "test_snapshots.py",
    "test_eval_gate.py",
    "test_faults.py",
    "test_replica_crawl.py",
    "test_seed_slice.py",
    "test_fault_cases.py",
    "test_incremental.py",
    "test_check.py",
    "test_distributed.py",
    "test_capture.py",
    "test_politeness.py",
    "test_learn.py",
    "test_crash.py",
    "test_update.py",
    "test_search_during_update.py",
    "test_retries.py",
    "test_read_only.py",
    "test_replica_scale.py",
    "test_browser.py",
    "test_bad_input.py",
)


def pytest_configure(config: pytest.Config) -> None:
    # A run stopped with SIGTERM (a CI job's timeout, `kill`) ends like one stopped with
    # Ctrl-C: every fixture is torn down, so no redis-server, worker or server a test started
    # outlives it. Ctrl-C reaches every process of the terminal's group, SIGTERM only the one
    # it is sent to: pytest-xdist's controller passes it on to its workers at once (asked to
    # exit, a worker would interrupt itself only after 5 s, and be killed after 10).
    controller = config.getoption("numprocesses", None) and not hasattr(config, "workerinput")
    signal.signal(signal.SIGTERM, _interrupt_workers if controller else _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _interrupt_workers(signum: int, frame: object) -> None:
    for child in _children():
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGTERM)
    raise KeyboardInterrupt


def _children() -> list[int]:
    """The processes whose parent is this one (Linux: read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # The command name in parentheses may hold spaces: the parent's pid follows it.
            if int(stat.read_text().rpartition(")")[2].split()[1]) == os.getpid():
                found.append(int(stat.parent.name))
    return found


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture
def replica_factory() -> Iterator[Callable[..., ReplicaServer]]:
    """Start replica servers with any knobs (config, obfuscate, faults, crawl_delay); every
    server started is stopped when the test ends, passed or failed."""
    started: list[ReplicaServer] = []

    def start(**knobs: object) -> ReplicaServer:
        server = ReplicaServer(port=0, **knobs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def processes() -> Iterator[helpers.Processes]:
    """Start commands in the background; any still running when the test ends is killed."""
    with helpers.Processes() as started:
        yield started


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0) as server:
        yield server


@pytest.fixture(scope="session")
def truth(replica: ReplicaServer) -> list[dict]:
    """The truth of the seed's site, the replica of Cục THADS Đồng Tháp."""
    return helpers.read_truth(replica.url, "thads-dongthap")


@pytest.fixture(scope="session")
def first_crawl(
    replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """An archive made by one `govarchive crawl` of the replica twin, and the crawl's log."""
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    result = helpers.run_govarchive(
        "crawl", helpers.REPLICA_SITE, "--db", str(db), "--replica-url", replica.url
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return db, result.stderr


@pytest.fixture(scope="session")
def crawled_db(first_crawl: tuple[Path, str]) -> Path:
    return first_crawl[0]


@pytest.fixture(scope="session")
def crawl_log(first_crawl: tuple[Path, str]) -> str:
    return first_crawl[1]


@pytest.fixture
def spider_for(replica: ReplicaServer, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Make a site's portal spider on an unstarted crawler with the project's settings (and
    any given), pointed at the session's replica, writing to a fresh archive in tmp_path. The
    crawls end at teardown (spider_closed, engine_stopped), which closes their archive."""
    made: list[PortalSpider] = []

    def make(slug: str, spidercls: type = PortalSpider, **settings: Any) -> Any:
        defaults = {"ARCHIVE_DB": str(tmp_path / "archive.db"), "REPLICA_URL": replica.url}
        spider = helpers.make_spider(
            slug, helpers.project_settings(**defaults, **settings), spidercls
        )
        made.append(spider)
        return spider

    yield make
    for spider in made:
        helpers.end_crawl(spider.crawler)
