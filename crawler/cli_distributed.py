"""`govarchive` commands of a distributed crawl: seed (start points into the queues once),
worker (fetch, through Redis) and ingest (the one writer of the archive)."""

from __future__ import annotations

import functools
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn, cast

import click

from crawler.cli_options import replica_url_option

DEFAULT_DB = Path("data/archive.db")
EXIT_REDIS_LOST = 69  # sysexits.h's EX_UNAVAILABLE

redis_option = click.option(
    "--redis",
    "redis_url",
    envvar="GOVARCHIVE_REDIS",
    required=True,
    help="The Redis shared by the run's workers and its writer (or GOVARCHIVE_REDIS).",
)


db_read_option = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="The archive, read for what is archived already (never written but by ingest).",
)
redis_wait_option = click.option(
    "--redis-wait",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for a Redis that stops answering (a restart) before giving up "
    f"with exit {EXIT_REDIS_LOST}.",
)
log_level_option = click.option(
    "--log-level",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
)


@click.command()
@click.argument("sites", nargs=-1, required=True)
@redis_option
@click.option(
    "--run",
    default=None,
    help="The run's name (default: the time now, UTC); workers join the run seeded last.",
)
@db_read_option
@replica_url_option
@redis_wait_option
@log_level_option
def seed(
    sites: tuple[str, ...],
    redis_url: str,
    run: str | None,
    db: Path,
    replica_url: str | None,
    redis_wait: float,
    log_level: str,
) -> None:
    """Start a distributed run of SITES: each site's start points (its listings, and the
    archived articles due for a re-check) go into the site's shared queue once, marked seen
    for the run; then start `govarchive worker` processes, as many as you like.

    Example: govarchive seed thads-dongthap moj --redis redis://127.0.0.1:6379/0
    """
    from crawler.distributed.connection import RUN, connect, site_key
    from crawler.distributed.settings import worker_settings

    _check(redis_url)
    run = run or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    then = "seed the run again once it answers"
    gave_up = functools.partial(_redis_lost, "seed", redis_url, then)
    overrides = worker_settings(redis_url, run, "seed", "seed", redis_wait, gave_up)
    results = _crawl(sites, db, replica_url, log_level, overrides | {"ITEM_PIPELINES": {}})
    client = connect(redis_url)
    client.set(RUN, run)
    for result in results:
        queued = client.zcard(site_key(result.site, "requests"))
        click.echo(f"{result.site}: {queued} requests queued for run {run}")


@click.command()
@click.argument("sites", nargs=-1, required=True)
@redis_option
@click.option(
    "--run",
    default=None,
    help="The run to work on (default: the run `govarchive seed` seeded last).",
)
@db_read_option
@replica_url_option
@redis_wait_option
@log_level_option
def worker(
    sites: tuple[str, ...],
    redis_url: str,
    run: str | None,
    db: Path,
    replica_url: str | None,
    redis_wait: float,
    log_level: str,
) -> None:
    """Crawl SITES as one worker of a distributed run seeded by `govarchive seed`: requests
    come from and go to the run's shared queue per site (scrapy-redis), hosts are asked one
    request at a time across all workers, and the records go to a Redis stream for
    `govarchive ingest`. Start as many as you like, on any machine that reaches the Redis.
    Exits 1 when pages were left behind (failed, or held by a worker of the run that died):
    the next run fetches them. Exits 69 at once when the Redis stopped answering for longer
    than --redis-wait: what the worker held is fetched by the next run.

    Example: govarchive worker thads-dongthap --redis redis://127.0.0.1:6379/0
    """
    from crawler.distributed.connection import RUN, connect
    from crawler.distributed.records import worker_name
    from crawler.distributed.settings import worker_settings

    _check(redis_url)
    if run is None:
        seeded = cast("bytes | None", connect(redis_url).get(RUN))  # the client does not decode
        if seeded is None:
            raise click.UsageError("no run seeded on this Redis: run govarchive seed first")
        run = seeded.decode()
    then = "the next run fetches what this worker held"
    gave_up = functools.partial(_redis_lost, "worker", redis_url, then)
    overrides = worker_settings(redis_url, run, worker_name(), "worker", redis_wait, gave_up)
    results = _crawl(sites, db, replica_url, log_level, overrides)
    for result in results:
        click.echo(f"{result.site}: {result.pages} responses ({result.finish_reason})")
    if any(result.left_behind for result in results):
        # Listings or articles failed, or a worker of the run died holding requests.
        click.echo("pages were left behind: the next run fetches them", err=True)
        raise SystemExit(1)


def _redis_lost(command: str, redis_url: str, then: str, error: Exception) -> NoReturn:
    """The Redis is gone past the wait: stop the process at once. A worker's requests, seen
    set and records are in that Redis and the archive is ingest's, so it holds nothing to
    save; ingest closes its runs as interrupted, and the next run fetches what it held."""
    sys.stderr.write(
        f"govarchive {command}: Redis at {redis_url} stopped answering ({error}): stopped; {then}\n"
    )
    sys.stderr.flush()
    sys.stdout.flush()
    os._exit(EXIT_REDIS_LOST)  # an exception would be logged by Scrapy's engine and ignored


def _check(redis_url: str) -> None:
    from crawler.distributed.connection import unreachable

    if (reason := unreachable(redis_url)) is not None:
        raise click.ClickException(reason)


def _crawl(
    sites: tuple[str, ...], db: Path, replica_url: str | None, log_level: str, overrides: dict
) -> list:
    from crawler.run import run_crawl
    from crawler.sites import RegistryError

    try:
        return run_crawl(list(sites), db, replica_url, LOG_LEVEL=log_level, **overrides)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None


@click.command()
@redis_option
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file to write (created if missing).",
)
@click.option(
    "--warc-dir",
    type=click.Path(path_type=Path),
    envvar="GOVARCHIVE_WARC_DIR",
    default=None,
    help="Where the WARC files go (default: warc/ beside the archive; or GOVARCHIVE_WARC_DIR).",
)
@click.option("--drain", is_flag=True, help="Stop once the stream holds nothing new.")
def ingest(redis_url: str, db: Path, warc_dir: Path | None, drain: bool) -> None:
    """Write what the workers of distributed runs sent (articles, fetches, runs, and the
    responses as WARC records) into the archive, as its one writer, in the order sent; each
    record is removed from Redis once its transaction committed. A run whose worker died is
    marked interrupted. Runs until stopped (SIGTERM: after the record it is making), or with
    --drain until the stream is empty. A Redis that stops answering is waited for about a
    minute (a restart), then ingest exits 1; told to stop meanwhile, it stops at its next try.
    Exits 75 if another crawl, update or ingest holds the archive's lock.

    Example: govarchive ingest --redis redis://127.0.0.1:6379/0 --db data/archive.db --drain
    """
    import signal
    import threading

    import redis

    from archive import (
        EXIT_LOCKED,
        Archive,
        ArchiveError,
        ArchiveLock,
        LockHeld,
        check_archive_path,
    )
    from crawler.distributed.connection import connect, redis_params
    from crawler.distributed.ingest import ingest as drain_stream

    _check(redis_url)
    try:
        check_archive_path(db, must_exist=False)
        lock = ArchiveLock(db).acquire()
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    except LockHeld as error:
        click.echo(f"govarchive ingest: {error}", err=True)
        raise SystemExit(EXIT_LOCKED) from None
    archive = Archive.open(db)
    try:
        warc_dir = warc_dir or db.parent / "warc"
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        # Told to stop while Redis does not answer: stop at the next failed try, not after
        # a minute of them.
        client = connect(redis_url, redis_params(keep_trying=lambda: not stop.is_set()))
        made = drain_stream(client, archive, drain=drain, warc_dir=warc_dir, stopping=stop.is_set)
    except redis.RedisError as error:
        raise click.ClickException(f"Redis at {redis_url}: {error}") from None
    finally:
        archive.close()
        lock.release()
    click.echo(f"{made} records written to {db}")
