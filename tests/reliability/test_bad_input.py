"""Bad input gets a line, not a traceback: a portal that is down, an archive no crawl has
written. (Bad --db paths: tests/test_update.py.)"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from archive.web import make_datasette
from tests.helpers import free_port, run_govarchive

SITE = "replica-thads-dongthap"


@pytest.mark.parametrize("command", ["crawl", "update", "check"])
def test_a_portal_that_is_down_gets_a_line_and_a_non_zero_exit(
    command: str, tmp_path: Path
) -> None:
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there: connection refused
    db = ["--db", str(tmp_path / "archive.db")] if command != "check" else []
    result = run_govarchive(command, SITE, "--replica-url", down, *db, timeout=120)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
    assert "refused" in result.stdout + result.stderr or "0 responses" in result.stdout


def test_health_of_an_archive_no_crawl_wrote_answers_why(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (text)")
    datasette = make_datasette(db)
    asyncio.run(datasette.invoke_startup())
    answer = asyncio.run(datasette.client.get("/-/health"))
    assert answer.status_code == 503, answer.text[:500]
    assert "archive not ready" in answer.text and "crawl_runs" in answer.text
