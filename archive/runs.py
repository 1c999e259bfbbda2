"""Runs as an operator sees them: killed runs found and marked, and each site's state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from archive.drift import describe
from archive.lock import pid_alive
from archive.retries import retry_counts


def outcome(status: str | None, pid: int | None, started_at: str | None = None) -> str | None:
    """A run's outcome: its status, or `interrupted` for a run left `running` by a dead pid."""
    if status == "running" and not pid_alive(pid, started_at):
        return "interrupted"
    return status


def _columns(db: Database, table: str) -> set[str]:
    return {column.name for column in db.table(table).columns}


def mark_interrupted(db: Database) -> list[dict[str, Any]]:
    """Mark as `interrupted` every run left `running` by a process that no longer exists
    (call it holding the archive's lock); return those runs."""
    if "pid" not in _columns(db, "crawl_runs"):
        return []
    killed = [
        row
        for row in db.query(
            "SELECT id, site, pid, started_at FROM crawl_runs WHERE status = ?", ["running"]
        )
        if not pid_alive(row["pid"], row["started_at"])
    ]
    if killed:
        with db.atomic():
            for row in killed:
                db.table("crawl_runs").update(row["id"], {"status": "interrupted"})
    return killed


@dataclass(slots=True)
class SiteState:
    """One line of `govarchive status`."""

    site: str
    last_success: str | None
    articles: int
    new_7d: int
    pending_retry: int  # failed article URLs a later run asks again (archive/retries.py)
    given_up: int  # failed article URLs past the retry limit, no longer asked
    drift: str | None  # None: never judged; "": no drift; else the drifted fields described
    last_run: str | None
    last_run_at: str | None

    @property
    def drifted(self) -> bool:
        return bool(self.drift)


def site_states(db: Database, now: datetime | None = None) -> list[SiteState]:
    """Every site the archive knows, with what an operator checks each morning."""
    now = now or datetime.now(UTC)
    week = (now - timedelta(days=7)).isoformat(timespec="seconds")
    columns = _columns(db, "crawl_runs")
    pid = "pid" if "pid" in columns else "NULL AS pid"
    drift = "drift, quality" if "drift" in columns else "NULL AS drift, NULL AS quality"
    totals = dict(db.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    new = dict(
        db.execute(
            "SELECT site, count(*) FROM articles WHERE first_seen >= ? GROUP BY site", [week]
        ).fetchall()
    )
    successes = dict(
        db.execute(
            "SELECT site, max(finished_at) FROM crawl_runs WHERE status = 'finished' GROUP BY site"
        ).fetchall()
    )
    last_runs = {
        row["site"]: row
        for row in db.query(
            f"SELECT site, status, started_at, {pid} FROM crawl_runs WHERE id IN "
            "(SELECT max(id) FROM crawl_runs GROUP BY site)"
        )
    }
    verdicts = {
        row["site"]: row
        for row in db.query(
            f"SELECT site, {drift} FROM crawl_runs WHERE id IN "
            "(SELECT max(id) FROM crawl_runs WHERE drift IS NOT NULL GROUP BY site)"
            if "drift" in columns
            else "SELECT NULL AS site WHERE 0"
        )
    }
    retries = retry_counts(db, now)
    sites = sorted(
        set(totals)
        | set(last_runs)
        | set(retries)
        | {s for (s,) in db.execute("SELECT slug FROM sites").fetchall()} - {None}
    )
    states = []
    for site in sites:
        run = last_runs.get(site) or {}
        verdict = verdicts.get(site)
        states.append(
            SiteState(
                site=site,
                last_success=successes.get(site),
                articles=totals.get(site, 0),
                new_7d=new.get(site, 0),
                pending_retry=retries.get(site, (0, 0))[0],
                given_up=retries.get(site, (0, 0))[1],
                drift=None if verdict is None else describe(verdict["drift"], verdict["quality"]),
                last_run=outcome(run.get("status"), run.get("pid"), run.get("started_at")),
                last_run_at=run.get("started_at"),
            )
        )
    return states
