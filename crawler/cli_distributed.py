"""`govarchive` commands of a distributed crawl: worker (fetch, through Redis) and ingest
(the one writer of the archive)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from crawler.cli_options import replica_url_option

DEFAULT_DB = Path("data/archive.db")

redis_option = click.option(
    "--redis",
    "redis_url",
    envvar="GOVARCHIVE_REDIS",
    required=True,
    help="The Redis shared by the run's workers and its writer (or GOVARCHIVE_REDIS).",
)


@click.command()
@click.argument("sites", nargs=-1, required=True)
@redis_option
@click.option(
    "--run",
    default=lambda: datetime.now(UTC).strftime("%Y-%m-%d"),
    show_default="today (UTC)",
    help="The run's name: workers of one run share its set of seen requests.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="The archive, read for what is archived already (never written by a worker).",
)
@replica_url_option
@click.option(
    "--log-level",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
)
def worker(
    sites: tuple[str, ...],
    redis_url: str,
    run: str,
    db: Path,
    replica_url: str | None,
    log_level: str,
) -> None:
    """Crawl SITES as one worker of a distributed run: requests come from and go to the
    run's shared queue per site (scrapy-redis), hosts are asked one request at a time across
    all workers, and the records go to a Redis stream for `govarchive ingest`. Start as many
    as you like, on any machine that reaches the Redis; the first seeds the start points.

    Example: govarchive worker thads-dongthap --redis redis://127.0.0.1:6379/0
    """
    from crawler.distributed.records import worker_name
    from crawler.distributed.settings import worker_settings
    from crawler.run import run_crawl
    from crawler.sites import RegistryError

    overrides = worker_settings(redis_url, run, worker_name())
    try:
        results = run_crawl(list(sites), db, replica_url, LOG_LEVEL=log_level, **overrides)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None
    for result in results:
        click.echo(f"{result.site}: {result.pages} responses ({result.finish_reason})")


@click.command()
@redis_option
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file to write (created if missing).",
)
@click.option("--drain", is_flag=True, help="Stop once the stream holds nothing new.")
def ingest(redis_url: str, db: Path, drain: bool) -> None:
    """Write what the workers of distributed runs sent (articles, fetches, runs) into the
    archive, as its one writer, in the order sent; each record is removed from Redis once
    its transaction committed. Runs until stopped, or with --drain until the stream is empty.
    Exits 75 if another crawl, update or ingest holds the archive's lock.

    Example: govarchive ingest --redis redis://127.0.0.1:6379/0 --db data/archive.db --drain
    """
    import redis

    from archive import (
        EXIT_LOCKED,
        Archive,
        ArchiveError,
        ArchiveLock,
        LockHeld,
        check_archive_path,
    )
    from crawler.distributed.connection import connect
    from crawler.distributed.records import ingest as drain_stream

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
        made = drain_stream(connect(redis_url), archive, drain=drain)
    except redis.RedisError as error:
        raise click.ClickException(f"Redis at {redis_url}: {error}") from None
    finally:
        archive.close()
        lock.release()
    click.echo(f"{made} records written to {db}")
