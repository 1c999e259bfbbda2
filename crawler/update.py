"""`govarchive update`: every enabled site crawled incrementally, sites in parallel processes,
under the archive's lock, with a log per run, drift verdicts and documented exit codes."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive import Archive, ArchiveLock, drift, mark_interrupted, read_only_connection
from crawler.sites import SiteProfile, get_site, load_sites
from crawler.worker import die_with_parent

# Exit codes (docs/operations.md); EXIT_LOCKED (75) is archive.lock's.
EXIT_OK, EXIT_FAILED, EXIT_DRIFT = 0, 1, 3
POLL_SECONDS = 0.5
# A worker asked to stop (SIGTERM: Scrapy closes the run) gets this long before SIGKILL.
STOP_GRACE_SECONDS = 30
log = logging.getLogger("govarchive.update")


def select_sites(slugs: tuple[str, ...] | list[str], replica_url: str | None) -> list[SiteProfile]:
    """The named sites (any, even disabled); or, with none named, every enabled real site, or
    every enabled replica twin when a replica URL is given (twins never join a real update)."""
    if slugs:
        return [get_site(slug, replica_url) for slug in dict.fromkeys(slugs)]
    sites = load_sites(replica_url).values()
    return [site for site in sites if site.enabled and bool(site.twin_of) == bool(replica_url)]


@dataclass(slots=True)
class SiteRun:
    """One site's worker process and what became of it."""

    site: SiteProfile
    process: subprocess.Popen[str] | None = None
    started: float = 0.0
    run_id: int | None = None
    result: dict[str, Any] = field(default_factory=dict)
    outcome: str = "waiting"  # waiting, running, finished, failed, timeout, stopped
    drifted: list[str] = field(default_factory=list)
    drift_text: str = ""

    @property
    def failed(self) -> bool:
        result = self.result
        return not (
            self.outcome == "finished"
            and result.get("finish_reason") == "finished"
            and result.get("pages", 0) > 0
            and not result.get("listing_failures")
            and not result.get("articles_left_behind")
        )

    def line(self) -> str:
        r = self.result
        if not r:
            return f"{self.site.slug}: {self.outcome} (no result; see the log)"
        text = (
            f"{self.site.slug}: {r['new']} new, {r['changed']} changed, {r['unchanged']} "
            f"unchanged, {r['removed']} removed articles, {r['failures']} unreadable pages, "
            f"{r['pages']} responses, {r['errors']} errors ({r['finish_reason']})"
        )
        if self.outcome not in ("finished",):
            text += f" [{self.outcome}]"
        if self.drifted:
            text += f"; DRIFT: {self.drift_text}"
        return text


class Progress:
    """Bars per site on a terminal (tqdm); nothing at all otherwise (cron mails any output)."""

    def __init__(self, runs: list[SiteRun], enabled: bool) -> None:
        self.bars: dict[str, Any] = {}
        if not enabled:
            return
        from tqdm import tqdm

        width = max(len(run.site.slug) for run in runs)
        for position, run in enumerate(runs):
            self.bars[run.site.slug] = tqdm(
                desc=run.site.slug.ljust(width),
                unit=" req",
                position=position,
                leave=True,
                file=sys.stderr,
                dynamic_ncols=True,
            )

    def show(self, run: SiteRun, requests: int, new: int) -> None:
        bar = self.bars.get(run.site.slug)
        if bar is not None:
            bar.n = requests
            bar.set_postfix_str(f"{new} new, {run.outcome}", refresh=True)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


class Update:
    """One `govarchive update`: call run() holding the archive's lock."""

    def __init__(
        self,
        db: Path,
        sites: list[SiteProfile],
        *,
        parallel: int,
        replica_url: str | None,
        settings: dict[str, Any],
        site_timeout: float,
        log_file: Path,
        lock: ArchiveLock,
    ) -> None:
        self.db = db
        self.runs = [SiteRun(site) for site in sites]
        self.parallel = max(1, parallel)
        self.replica_url = replica_url
        self.settings = settings
        self.site_timeout = site_timeout
        self.log_file = log_file
        self.lock = lock
        self.stop_asked = False
        self.first_new_run = 0

    def run(self, progress: Progress) -> int:
        archive = Archive.open(self.db)  # creates and migrates before any worker writes
        try:
            for killed in mark_interrupted(archive.db):
                log.warning(
                    "run %s of %s (pid %s, started %s) was killed: marked interrupted",
                    killed["id"],
                    killed["site"],
                    killed["pid"],
                    killed["started_at"],
                )
            self.first_new_run = (
                archive.db.execute("SELECT coalesce(max(id), 0) FROM crawl_runs").fetchone()[0] + 1
            )
        finally:
            archive.close()
        previous = signal.signal(signal.SIGTERM, self._stop)
        try:
            self._loop(progress)
        finally:
            signal.signal(signal.SIGTERM, previous)
        return self._exit_code()

    def _stop(self, signum: int, frame: object) -> None:
        self.stop_asked = True

    def _loop(self, progress: Progress) -> None:
        waiting = list(self.runs)
        running: list[SiteRun] = []
        while waiting or running:
            while waiting and len(running) < self.parallel and not self.stop_asked:
                run = waiting.pop(0)
                self._start(run)
                running.append(run)
            if self.stop_asked:
                for run in waiting:
                    run.outcome = "stopped"
                waiting = []
            for run in list(running):
                if run.process is not None and run.process.poll() is not None:
                    running.remove(run)
                    self._finish(run)
                elif self.stop_asked or time.monotonic() - run.started > self.site_timeout:
                    run.outcome = "stopped" if self.stop_asked else "timeout"
                    self._terminate(run)
            self._show(progress, running)
            time.sleep(POLL_SECONDS)

    def _start(self, run: SiteRun) -> None:
        settings = {
            **self.settings,
            "LOG_FORMAT": f"%(asctime)s [{run.site.slug}] [%(name)s] %(levelname)s: %(message)s",
        }
        job = {
            "site": run.site.slug,
            "db": str(self.db),
            "replica_url": self.replica_url,
            "settings": settings,
        }
        with self.log_file.open("ab") as log_stream:
            # The child holds the archive's lock with us: no crawl outlives a killed update
            # unlocked (and, on Linux, none outlives it at all: die_with_parent).
            run.process = subprocess.Popen(
                [sys.executable, "-m", "crawler.worker", json.dumps(job)],
                stdout=subprocess.PIPE,
                stderr=log_stream,
                stdin=subprocess.DEVNULL,
                text=True,
                pass_fds=[self.lock.fd] if self.lock.fd is not None else [],
                preexec_fn=die_with_parent,
                cwd=Path.cwd(),
            )
        run.started = time.monotonic()
        run.outcome = "running"
        log.info("%s: started (pid %d)", run.site.slug, run.process.pid)

    def _terminate(self, run: SiteRun) -> None:
        assert run.process is not None
        log.warning("%s: %s; stopping its crawl", run.site.slug, run.outcome)
        run.process.terminate()
        try:
            run.process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            run.process.kill()
            run.process.wait()

    def _finish(self, run: SiteRun) -> None:
        assert run.process is not None
        output = run.process.stdout.read() if run.process.stdout else ""
        lines = [line for line in output.splitlines() if line.startswith("{")]
        if lines:
            run.result = json.loads(lines[-1])
            run.run_id = run.result.get("run_id")
        if run.outcome == "running":
            run.outcome = "finished" if run.process.returncode == 0 and lines else "failed"
        archive = Archive.open(self.db)
        try:
            mark_interrupted(archive.db)  # a worker that died leaves its run `running`
            run.run_id = run.run_id or self._last_run(archive, run.site.slug)
            if run.run_id is not None:
                places_body = bool(run.site.rules.body or run.site.api)
                quality = drift.measure(archive.db, run.run_id, profile_places_body=places_body)
                run.drifted = drift.record(archive.db, run.run_id, quality)
                run.drift_text = drift.describe(",".join(run.drifted), quality.to_json())
                log.info("%s: quality %s", run.site.slug, quality.to_json())
        finally:
            archive.close()
        log.info("%s", run.line())
        if run.drifted:
            log.error("%s: layout drift: %s", run.site.slug, run.drift_text)

    def _last_run(self, archive: Archive, site: str) -> int | None:
        row = archive.db.execute(
            "SELECT max(id) FROM crawl_runs WHERE site = ? AND id >= ?", [site, self.first_new_run]
        ).fetchone()
        return row[0]

    def _show(self, progress: Progress, running: list[SiteRun]) -> None:
        if not progress.bars:
            return
        try:
            conn = read_only_connection(self.db)
        except Exception:  # a progress display must never stop the update
            return
        try:
            for run in self.runs:
                rows = conn.execute(
                    "SELECT id, (SELECT count(*) FROM fetches WHERE run_id = r.id), "
                    "(SELECT count(*) FROM article_versions WHERE run_id = r.id AND version = 1) "
                    "FROM crawl_runs r WHERE site = ? AND id >= ? ORDER BY id DESC LIMIT 1",
                    [run.site.slug, self.first_new_run],
                ).fetchall()
                requests, new = (rows[0][1], rows[0][2]) if rows else (0, 0)
                progress.show(run, requests, new)
        except Exception:
            pass
        finally:
            conn.close()

    def _exit_code(self) -> int:
        if any(run.failed for run in self.runs):
            return EXIT_FAILED
        if any(run.drifted for run in self.runs):
            return EXIT_DRIFT
        return EXIT_OK


def log_path(db: Path, now: datetime | None = None) -> Path:
    """data/logs/update-YYYYmmddTHHMMSSZ-PID.log, beside the archive."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return db.absolute().parent / "logs" / f"update-{stamp}-{os.getpid()}.log"


def start_logging(path: Path, level: str) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [update] %(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(getattr(logging, level))
    log.propagate = False
    return handler
