"""`govarchive` commands for running an archive unattended: update (what cron runs), status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.cli_options import max_articles_option

if TYPE_CHECKING:
    from archive import ArchiveLock

DEFAULT_DB = Path("data/archive.db")
# Six hours: longer than any incremental walk at the polite pace; a hung site ends, not the run.
SITE_TIMEOUT = 6 * 3600


def _fail(command: str, message: str, code: int = 1) -> None:
    click.echo(f"govarchive {command}: {message}", err=True)
    raise SystemExit(code)


@click.command()
@click.argument("sites", nargs=-1)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file to update (created if missing).",
)
@click.option(
    "--parallel",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Sites crawled at once, each in a process of its own.",
)
@click.option(
    "--replica-url",
    default=None,
    help="Where the replica answers: with no SITE, update every enabled twin.",
)
@click.option(
    "--log-level",
    default="INFO",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
    help="What the run's log under logs/ beside the archive keeps.",
)
@click.option(
    "--site-timeout",
    type=click.FloatRange(min=1),
    default=SITE_TIMEOUT,
    show_default=True,
    help="Seconds after which a site's crawl is stopped.",
)
@max_articles_option
@click.option(
    "--progress/--no-progress", default=None, help="Bars per site (default: only on a terminal)."
)
def update(
    sites: tuple[str, ...],
    db: Path,
    parallel: int,
    replica_url: str | None,
    log_level: str,
    site_timeout: float,
    max_articles: int,
    progress: bool | None,
) -> None:
    """Crawl every enabled site (or SITES) incrementally into the archive: what cron runs.

    Sites run in parallel processes; each host still gets one request at a time across all
    of them (and across any other crawl beside the same archive). Without SITES: every enabled
    real portal, or with --replica-url every enabled replica twin. A lock beside the archive
    lets one update run at a time: a second exits at once with 75, naming the holder. Each
    run logs to logs/update-*.log beside the archive; on a terminal a bar per site shows
    progress, under cron it prints nothing unless something went wrong.

    Exit codes: 0 every site finished and nothing drifted; 1 a site failed (fetched nothing,
    did not finish, or timed out); 3 a site's layout drifted (its new articles lost a title,
    date or body, or its profile's selectors stopped finding the body; see `status`);
    75 another run holds the lock.

    Example: govarchive update --db data/archive.db --parallel 4
    """
    from archive import EXIT_LOCKED, ArchiveError, ArchiveLock, LockHeld, check_archive_path

    try:
        check_archive_path(db, must_exist=False)
    except ArchiveError as error:
        _fail("update", str(error))
    lock = ArchiveLock(db)
    try:
        lock.acquire()
    except LockHeld as error:
        _fail("update", str(error), EXIT_LOCKED)
    except OSError as error:
        _fail("update", f"cannot lock {lock.path}: {error.strerror}")
    try:
        raise SystemExit(
            _run_update(
                sites,
                db,
                parallel,
                replica_url,
                log_level,
                site_timeout,
                max_articles,
                progress,
                lock,
            )
        )
    finally:
        lock.release()


def _run_update(
    sites: tuple[str, ...],
    db: Path,
    parallel: int,
    replica_url: str | None,
    log_level: str,
    site_timeout: float,
    max_articles: int,
    progress: bool | None,
    lock: ArchiveLock,
) -> int:
    from crawler.sites import RegistryError
    from crawler.update import (
        EXIT_OK,
        Progress,
        Update,
        log,
        log_path,
        select_sites,
        start_logging,
    )

    try:
        chosen = select_sites(sites, replica_url)
    except RegistryError as error:
        _fail("update", str(error), 2)
    if not chosen:
        _fail("update", "no enabled site to update")
    path = log_path(db)
    start_logging(path, log_level)
    if lock.recovered is not None:
        log.warning("recovered a stale lock: %s", lock.recovered.describe())
    log.info("update of %s: %s", db, ", ".join(site.slug for site in chosen))
    settings = {"CRAWL_MODE": "incremental", "LOG_LEVEL": log_level, "MAX_ARTICLES": max_articles}
    run = Update(
        db,
        chosen,
        parallel=parallel,
        replica_url=replica_url,
        settings=settings,
        site_timeout=site_timeout,
        log_file=path,
        lock=lock,
    )
    show = sys.stderr.isatty() if progress is None else progress
    bars = Progress(run.runs, show)
    try:
        code = run.run(bars)
    finally:
        bars.close()
    log.info("exit %d", code)
    if show or code != EXIT_OK:
        for run_ in run.runs:
            click.echo(run_.line())
        if code != EXIT_OK:
            click.echo(f"exit {code}; log: {path}", err=True)
    return code


@click.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file (opened read-only).",
)
def status(db: Path) -> None:
    """Per site: last success, articles (total, new in 7 days), failed articles pending retry
    and given up after the retry limit, layout drift and the last run's outcome (a run killed
    outright shows as interrupted).

    Reads the archive without writing to it (works in a read-only folder).

    Example: govarchive status --db data/archive.db
    """
    from archive import Archive, ArchiveError, site_states

    try:
        archive = Archive.open_readonly(db)
    except ArchiveError as error:
        _fail("status", str(error))
    try:
        states = site_states(archive.db)
    finally:
        archive.close()
    if not states:
        click.echo(f"{db}: no sites crawled yet")
        return
    headers = (
        "site",
        "last success",
        "articles",
        "new 7d",
        "retry",
        "given up",
        "last run",
        "drift",
    )
    rows = [
        (
            s.site,
            (s.last_success or "never")[:19],
            str(s.articles),
            str(s.new_7d),
            str(s.pending_retry),
            str(s.given_up),
            s.last_run or "—",
            "not judged" if s.drift is None else (f"DRIFT: {s.drift}" if s.drift else "ok"),
        )
        for s in states
    ]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    for row in [headers, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]))
