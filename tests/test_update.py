"""`govarchive update` as cron runs it: one run at a time per archive (75 for the second),
SIGKILL at any moment recovered, layout drift reported by exit code, `status` and /-/health."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from archive.drift import Quality
from archive.web import make_datasette
from crawler.sites import get_site
from replica.site import SiteConfig
from tests.helpers import GOVARCHIVE, ROOT, read_truth, run_govarchive

# govarchive update and status in child processes.
pytestmark = pytest.mark.slow

SITE = "replica-thads-dongthap"


def update_command(db: Path, replica_url: str, *sites: str) -> list[str]:
    return [
        *GOVARCHIVE,
        "update",
        *(sites or (SITE,)),
        "--db",
        str(db),
        "--replica-url",
        replica_url,
    ]


def runs(db: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT site, status, drift FROM crawl_runs ORDER BY id").fetchall()


def fetch_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for_lock_free(db: Path, timeout: float = 10) -> None:
    """The lock is free once nobody (no update, no crawl worker it started) holds it."""
    fd = os.open(db.with_name(db.name + ".lock"), os.O_RDWR | os.O_CREAT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                assert time.monotonic() < deadline, "the killed update's lock was never freed"
                time.sleep(0.05)
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("now", "before", "drifted"),
    [
        ({"body": 0.9, "title": 0.0}, {"body": 0.0, "title": 0.0}, ["body"]),
        ({"generic_body": 1.0}, {"generic_body": 0.0}, ["generic_body"]),
        ({"body": 0.1}, {"body": 0.02}, []),  # a bad week, not a redesign
        ({"published": 0.95}, {"published": 0.9}, []),  # a site that never states dates
    ],
)
def test_drift_is_a_clear_rise_over_history(now, before, drifted) -> None:
    assert Quality(20, 100, now, before).drifted() == drifted


def test_too_few_articles_are_not_judged() -> None:
    assert Quality(2, 100, {"body": 1.0}, {"body": 0.0}).drifted() == []
    assert not Quality(20, 3, {"body": 1.0}, {"body": 0.0}).judged


def test_two_updates_started_together_one_works_the_other_exits_75(
    replica_factory, tmp_path: Path
) -> None:
    replica = replica_factory(config=SiteConfig(articles=60))
    db = tmp_path / "archive.db"
    command = update_command(db, replica.url)
    started = time.monotonic()
    processes = [
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    ended: dict[int, float] = {}
    while len(ended) < 2:
        for index, process in enumerate(processes):
            if index not in ended and process.poll() is not None:
                ended[index] = time.monotonic() - started
        assert time.monotonic() - started < 300
        time.sleep(0.01)
    codes = sorted(process.returncode for process in processes)
    assert codes == [0, 75], [p.stderr.read()[-2000:] for p in processes]
    loser = next(i for i, p in enumerate(processes) if p.returncode == 75)
    winner = processes[1 - loser]
    # Started on the same instant, both pay the interpreter's start on a shared CPU.
    assert ended[loser] < 2.0, ended
    message = processes[loser].stderr.read().strip().splitlines()
    assert len(message) == 1, message  # one line, no traceback
    assert f"pid {winner.pid}" in message[0] and "update" in message[0] and "started" in message[0]
    assert [(site, status) for site, status, _ in runs(db)] == [(SITE, "finished")]
    assert list((tmp_path / "logs").glob("update-*.log"))


def test_an_update_started_while_another_runs_exits_75_within_a_second(
    replica_factory, tmp_path: Path
) -> None:
    replica = replica_factory(config=SiteConfig(articles=100))
    db = tmp_path / "archive.db"
    lock_file = db.with_name(db.name + ".lock")
    first = subprocess.Popen(
        update_command(db, replica.url),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (lock_file.exists() and f'"pid": {first.pid}' in lock_file.read_text()):
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        started = time.monotonic()
        second = subprocess.run(
            update_command(db, replica.url), cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        elapsed = time.monotonic() - started
    finally:
        first.wait(300)
    # The promise: within a second. About 0.2 s on an idle machine: the lock is taken
    # before anything heavy is imported (archive/__init__.py loads its modules on first use;
    # sqlite-utils, warcio and Scrapy came first and cost 1.2 s).
    assert second.returncode == 75 and elapsed < 1.0, (elapsed, second.stderr)
    assert first.returncode == 0


def test_sigkill_of_update_at_any_moment_is_recovered(replica_factory, tmp_path: Path) -> None:
    replica = replica_factory(config=SiteConfig(articles=200))
    db = tmp_path / "archive.db"
    lock_file = db.with_name(db.name + ".lock")
    kills = []
    # Kill moments: as soon as the lock is taken, after the first request, then deeper in.
    for target in (0, 1, 40, 100, 170):
        process = subprocess.Popen(
            update_command(db, replica.url),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while process.poll() is None:
                assert time.monotonic() < deadline, "the update made no progress"
                holder = lock_file.read_text() if lock_file.exists() else ""
                if f'"pid": {process.pid}' in holder and fetch_count(db) >= target:
                    break
                time.sleep(0.01)
            if process.poll() is None:
                process.kill()
                kills.append(target)
        finally:
            process.kill()
            process.wait()
        wait_for_lock_free(db)  # the crawl worker died with it: the lock is free again
        if db.exists():
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(kills) >= 4, kills
    # A killed run shows as interrupted before anything marks it.
    status = run_govarchive("status", "--db", str(db))
    assert status.returncode == 0 and "interrupted" in status.stdout, status.stdout
    final = subprocess.run(
        update_command(db, replica.url), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert final.returncode == 0, final.stderr[-3000:]
    statuses = [status for _, status, _ in runs(db)]
    assert statuses[-1] == "finished"
    assert set(statuses[:-1]) == {"interrupted"}  # every killed run marked
    logs = sorted((tmp_path / "logs").glob("update-*.log"), key=lambda p: p.stat().st_mtime)
    assert "recovered a stale lock" in logs[-1].read_text()
    site = get_site(SITE, replica.url)
    live = {
        site.canonical(line["url"])
        for line in read_truth(replica.url, "thads-dongthap")
        if line["status"] == "live"
    }
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        archived = [url for (url,) in conn.execute("SELECT url FROM articles")]
    assert sorted(archived) == sorted(live)  # nothing lost, nothing twice


def test_a_twin_switched_to_obfuscated_markup_is_reported_as_drift(
    replica_factory, tmp_path: Path
) -> None:
    replica = replica_factory(config=SiteConfig(articles=20))
    db = tmp_path / "archive.db"
    first = subprocess.run(
        update_command(db, replica.url), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert first.returncode == 0, first.stderr[-3000:]
    assert first.stdout == ""  # quiet without a terminal when all is well
    replica.obfuscate = True  # a redesign: every class name, id and nesting changes
    replica.reconfigure(SiteConfig(articles=20, new_articles=10))
    second = subprocess.run(
        update_command(db, replica.url), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert second.returncode == 3, second.stdout + second.stderr[-3000:]
    assert f"{SITE}:" in second.stdout and "DRIFT: generic_body" in second.stdout
    assert runs(db)[-1] == (SITE, "finished", "generic_body")

    status = run_govarchive("status", "--db", str(db))
    line = next(line for line in status.stdout.splitlines() if line.startswith(SITE))
    assert "DRIFT: generic_body" in line and "body read by the generic path 100%" in line

    datasette = make_datasette(db)
    asyncio.run(datasette.invoke_startup())
    page = asyncio.run(datasette.client.get("/-/health"))
    assert page.status_code == 200
    row = lxml_html.fromstring(page.text).xpath(f"//tr[@data-site='{SITE}']")[0]
    assert "generic_body" in row.xpath("string(td[@class='drift'])")
    assert "layout drift: generic_body" in row.text_content()
    assert "status-bad" in row.get("class")


def test_update_names_no_twin_without_a_replica_url() -> None:
    from crawler.update import select_sites

    real = select_sites((), None)
    assert real and not any(site.twin_of for site in real)
    assert all(site.enabled for site in real)
    twins = select_sites((), "http://127.0.0.1:9")
    assert twins and all(site.twin_of for site in twins)


@pytest.mark.parametrize("command", ["update", "status", "export", "serve", "crawl"])
def test_bad_archive_paths_get_one_line(command: str, tmp_path: Path) -> None:
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("not a database\n")
    for db in (not_sqlite, tmp_path):
        args = [command, *([SITE] if command == "crawl" else []), "--db", str(db)]
        result = subprocess.run(
            [sys.executable, "-m", "crawler.cli", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        # One line says what is wrong (click adds its usage lines to an option it rejects).
        said = [line for line in result.stderr.splitlines() if line.startswith(("Error", "gov"))]
        assert len(said) == 1, result.stderr
