"""200 searches at once against `govarchive serve` while `govarchive update` writes the same
archive: not one answer is a server error (9 of 600 were, before: issue 15, defect 5)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from replica.site import SiteConfig
from tests.helpers import ROOT, free_port, run_govarchive, wait_for_http

pytestmark = pytest.mark.slow

SITE = "replica-thads-dongthap"
SEARCHES = 200
WAVES = 3  # at most: the trial ends with the update
WORDS = ["thi hành án", "dong thap", "quyết định", "hội nghị", "tin", "công tác", "an"]


async def _wave(base: str) -> list[int]:
    limits = httpx.Limits(max_connections=SEARCHES)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        answers = await asyncio.gather(
            *(
                client.get("/-/search", params={"q": WORDS[i % len(WORDS)], "page": 1 + i % 3})
                for i in range(SEARCHES)
            )
        )
    return [answer.status_code for answer in answers]


def test_searches_during_an_update_get_no_server_error(replica_factory, tmp_path: Path) -> None:
    replica = replica_factory(config=SiteConfig(articles=80))
    db = tmp_path / "archive.db"
    first = run_govarchive(
        "crawl", SITE, "--db", str(db), "--replica-url", replica.url, "--max-articles", "20"
    )
    assert db.exists(), first.stdout + first.stderr[-2000:]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    update = None
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/", server)
        update = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crawler.cli",
                "update",
                SITE,
                "--db",
                str(db),
                "--replica-url",
                replica.url,
                "--no-progress",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        statuses: list[int] = []
        while update.poll() is None and len(statuses) < WAVES * SEARCHES:
            statuses += asyncio.run(_wave(base))
        out, err = update.communicate(timeout=300)
    finally:
        if update is not None and update.poll() is None:
            update.kill()
        server.terminate()
        server.wait(10)
    assert update.returncode == 0, out + err[-2000:]
    assert statuses, "the update ended before the first wave of searches"
    assert [s for s in statuses if s >= 500] == [], f"{len(statuses)} answers"
    assert set(statuses) == {200}, sorted(set(statuses))
    with_articles = run_govarchive("status", "--db", str(db))
    assert SITE in with_articles.stdout
