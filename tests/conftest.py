"""Shared fixtures: a running replica portal, and an archive crawled from it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from replica.server import ReplicaServer

ROOT = Path(__file__).resolve().parent.parent
GOVARCHIVE = [sys.executable, "-m", "crawler.cli"]
REPLICA_SITE = "replica-thads-dongthap"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def read_truth(replica_url: str, site: str | None = None) -> list[dict]:
    query = f"?site={site}" if site else ""
    lines = fetch(f"{replica_url}/__replica__/truth.jsonl{query}").decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def run_govarchive(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process (Twisted's reactor runs once per process)."""
    return subprocess.run(
        [*GOVARCHIVE, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip


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


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0) as server:
        yield server


@pytest.fixture(scope="session")
def truth(replica: ReplicaServer) -> list[dict]:
    """The truth of the seed's site, the replica of Cục THADS Đồng Tháp."""
    return read_truth(replica.url, "thads-dongthap")


@pytest.fixture(scope="session")
def first_crawl(
    replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """An archive made by one `govarchive crawl` of the replica twin, and the crawl's log."""
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    result = run_govarchive("crawl", REPLICA_SITE, "--db", str(db), "--replica-url", replica.url)
    assert result.returncode == 0, result.stderr[-3000:]
    return db, result.stderr


@pytest.fixture(scope="session")
def crawled_db(first_crawl: tuple[Path, str]) -> Path:
    return first_crawl[0]


@pytest.fixture(scope="session")
def crawl_log(first_crawl: tuple[Path, str]) -> str:
    return first_crawl[1]
