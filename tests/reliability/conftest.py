"""Fault runs: a crawl of one replica twin while the replica misbehaves, then the crawl
that heals the archive once the fault is off (the same port, so the same URLs)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import read_truth, run_govarchive

SITE = "replica-thads-dongthap"
TRUTH_SITE = "thads-dongthap"
ARTICLES = 30
# A 30-article twin crawls in about 3 s here; every bound leaves a loaded machine room.
BOUND = 60.0


@dataclass
class FaultRun:
    """One `govarchive crawl` (or `update`) of the twin: its exit code, time, output and
    archive."""

    db: Path
    replica_url: str
    returncode: int
    seconds: float
    stdout: str
    stderr: str
    run: dict[str, Any] = field(default_factory=dict)

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with sqlite3.connect(self.db) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute(sql, params).fetchall()

    def live(self) -> set[str]:
        """The canonical URLs of the articles the replica serves (its truth)."""
        site = get_site(SITE, self.replica_url)
        truth = read_truth(self.replica_url, TRUTH_SITE)
        return {site.canonical(line["url"]) for line in truth if line["status"] == "live"}

    def archived(self) -> list[str]:
        return [row["url"] for row in self.query("SELECT url FROM articles")]

    def fetch_errors(self) -> list[sqlite3.Row]:
        """This run's fetches that carry a reason (an error, or a failing answer)."""
        return self.query(
            "SELECT url, kind, status, error FROM fetches WHERE run_id = ? "
            "AND (error IS NOT NULL OR status >= 400)",
            (self.run["id"],),
        )


@dataclass
class Faulty:
    """A replica with a fault on, and the crawls of it into one archive."""

    tmp_path: Path
    faults: str | None
    articles: int = ARTICLES
    knobs: dict[str, Any] = field(default_factory=dict)
    server: ReplicaServer | None = None

    def __post_init__(self) -> None:
        self.tmp_path.mkdir(parents=True, exist_ok=True)
        self.db = self.tmp_path / "archive.db"
        self.server = ReplicaServer(
            port=0, config=SiteConfig(articles=self.articles), faults=self.faults, **self.knobs
        ).start()

    def crawl(
        self, *args: str, env: dict[str, str] | None = None, command: str = "crawl"
    ) -> FaultRun:
        """`govarchive crawl` (or `update`, the cron job's command) of the twin."""
        assert self.server is not None
        started = time.monotonic()
        where = ("--db", str(self.db), "--replica-url", self.server.url)
        result = run_govarchive(command, SITE, *where, *args, env=env)
        run = FaultRun(
            self.db,
            self.server.url,
            result.returncode,
            time.monotonic() - started,
            result.stdout,
            result.stderr,
        )
        rows = (
            run.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
            if self.db.exists()
            else []
        )
        run.run = dict(rows[0]) if rows else {}
        return run

    def heal(self) -> None:
        """Switch the fault off: the same site on the same port, answering plainly."""
        assert self.server is not None
        port = self.server.port
        self.server.stop()
        self.server = ReplicaServer(port=port, config=SiteConfig(articles=self.articles)).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def faulty(tmp_path: Path) -> Iterator[Callable[..., Faulty]]:
    """Start a replica with a fault SPEC (and any ReplicaServer knobs); stopped at teardown."""
    made: list[Faulty] = []

    def start(faults: str | None, articles: int = ARTICLES, **knobs: Any) -> Faulty:
        bed = Faulty(tmp_path / f"bed{len(made)}", faults, articles, knobs)
        made.append(bed)
        return bed

    yield start
    for bed in made:
        bed.stop()
