"""The `govarchive` command line: crawl, serve, extract, and the replica demo."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import click

from crawler.cli_archive import diff, export, reextract
from crawler.cli_contact import capture, check, learn, replay
from crawler.cli_distributed import ingest, seed, worker
from crawler.cli_ops import status, update
from crawler.cli_options import max_articles_option, replica_url_option

# crawler.extract and crawler.sites load the extractors (half a second): imported in the
# commands that use them, so `update` finds a held lock and exits within a second.

DEFAULT_DB = Path("data/archive.db")
DEMO_DB = Path("data/demo.db")


def _print_results(results: list) -> bool:
    """Print one line per site; True when every site finished, fetched something and left
    nothing behind (a listing page or an article that failed after its retries)."""
    ok = True
    for result in results:
        healthy = result.finish_reason == "finished" and result.pages > 0 and not result.left_behind
        ok = ok and healthy
        behind = (
            f"; left behind: {result.listing_failures} listing pages, "
            f"{result.articles_left_behind} articles (see fetches.error)"
            if result.left_behind
            else ""
        )
        click.echo(
            f"{result.site}: {result.new} new, {result.changed} changed, "
            f"{result.unchanged} unchanged, {result.removed} removed articles, "
            f"{result.failures} unreadable pages, {result.pages} responses, "
            f"{result.errors} errors ({result.finish_reason}){behind}"
        )
    return ok


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govarchive")
def main() -> None:
    """govarchive: crawl Vietnamese government portals into a searchable SQLite archive.

    Example: govarchive demo
    """


@main.command()
@click.argument("sites", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file to write (created if missing).",
)
@replica_url_option
@click.option(
    "--log-level",
    default="INFO",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
)
@click.option(
    "--full",
    is_flag=True,
    help="Walk every listing page and re-check every archived article (conditional GET).",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Archive only articles published on or after this date (YYYY-MM-DD), and re-check "
    "archived ones published since then instead of the last --revisit-days.",
)
@max_articles_option
@click.option(
    "--revisit-days",
    type=click.IntRange(min=0),
    default=14,
    show_default=True,
    help="Re-check archived articles published in the last N days for edits.",
)
@click.option(
    "--overlap",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Listing pages holding only archived articles still followed before paging stops.",
)
def crawl(
    sites: tuple[str, ...],
    db: Path,
    replica_url: str | None,
    log_level: str,
    full: bool,
    since: datetime | None,
    max_articles: int,
    revisit_days: int,
    overlap: int,
) -> None:
    """Crawl SITES (profile slugs) into the archive: incrementally, unless --full.

    An incremental run (what cron runs) walks listings newest first and stops paging once a
    page holds only archived articles; it re-checks recent articles for edits with a
    conditional GET. Every request goes to the `fetches` table and the run to `crawl_runs`.
    Same as `scrapy crawl portal -a site=SLUG -s ARCHIVE_DB=PATH`, for several sites at once.
    Exits 1 if a site fetched nothing, did not finish, or left listing pages or articles
    behind (failed after retries; the next run fetches them), 75 (at once) if another crawl or
    update holds the archive's lock.

    Example: govarchive crawl thads-dongthap --db data/archive.db --since 2026-01-01
    """
    from archive import EXIT_LOCKED, ArchiveError, ArchiveLock, LockHeld, check_archive_path
    from crawler.run import run_crawl
    from crawler.sites import RegistryError

    try:
        check_archive_path(db, must_exist=False)
        lock = ArchiveLock(db).acquire()
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    except LockHeld as error:
        click.echo(f"govarchive crawl: {error}", err=True)
        raise SystemExit(EXIT_LOCKED) from None
    plan = {
        "CRAWL_MODE": "full" if full else "incremental",
        "CRAWL_SINCE": since.date().isoformat() if since else None,
        "MAX_ARTICLES": max_articles,
        "REVISIT_DAYS": revisit_days,
        "INCREMENTAL_OVERLAP": overlap,
    }
    try:
        results = run_crawl(list(sites), db, replica_url, LOG_LEVEL=log_level, **plan)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None
    finally:
        lock.release()
    if not _print_results(results):
        raise SystemExit(1)


@main.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=DEMO_DB,
    show_default=True,
    help="Archive file for the demo.",
)
@click.option("--no-serve", is_flag=True, help="Stop after the crawl instead of serving.")
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
@click.option("--articles", default=45, show_default=True, help="Articles per replica site.")
@click.option(
    "--replica-port",
    default=8000,
    show_default=True,
    help="Port for the replica portals; fixed, so article URLs stay the same across demos.",
)
@click.option(
    "--log-level",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
)
def demo(
    db: Path, no_serve: bool, port: int, articles: int, replica_port: int, log_level: str
) -> None:
    """Start the replica portals, crawl every replica site into DB, then serve it.

    Datasette answers at http://127.0.0.1:PORT until Ctrl-C; the replica keeps running
    meanwhile, so the archive's source links open.

    Example: govarchive demo --db /tmp/demo.db --no-serve
    """
    from archive.web import serve as serve_archive
    from crawler.run import run_crawl
    from crawler.sites import load_sites
    from replica.server import ReplicaServer

    twins = [site.slug for site in load_sites().values() if site.twin_of]
    try:
        replica = ReplicaServer(port=replica_port, articles=articles)
        replica.start()
    except OSError as error:
        raise click.ClickException(
            f"cannot start the replica on port {replica_port} ({error}); "
            "pick another with --replica-port"
        ) from None
    try:
        click.echo(f"Replica portals at {replica.url}; crawling {', '.join(twins)} into {db} ...")
        results = run_crawl(twins, db, replica.url, LOG_LEVEL=log_level)
        if not _print_results(results):
            raise SystemExit(1)
        if not no_serve:
            base = f"http://127.0.0.1:{port}"
            click.echo(f"Serving the archive at {base}/ (search {base}/-/search; Ctrl-C to stop)")
            serve_archive(db, port=port)
    finally:
        replica.stop()


@main.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file to serve.",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
def serve(db: Path, host: str, port: int) -> None:
    """Serve an archive with Datasette (read-only) until Ctrl-C.

    Datasette runs from its configuration directory archive/ (docs/datasette.md): search at
    /-/search, articles per month at /-/charts, site health at /-/health.

    Example: govarchive serve --db data/archive.db --port 8001
    """
    from archive import Archive, ArchiveError
    from archive.web import serve as serve_archive

    try:
        Archive.open_readonly(db).close()
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    base = f"http://{host}:{port}"
    click.echo(f"Serving {db} at {base}/ (search {base}/-/search; Ctrl-C to stop)")
    serve_archive(db, host=host, port=port)


@main.command()
@click.option("--port", default=8000, show_default=True, help="Port to listen on (127.0.0.1).")
@click.option("--seed", default=1, show_default=True, help="Generation seed.")
@click.option("--articles", default=45, show_default=True, help="Articles per replica site.")
@click.option("--new-articles", default=0, help="That many newer articles on top of listings.")
@click.option("--edit-rate", default=0.0, help="Share of articles whose text has changed.")
@click.option("--edits", default=0, help="That many of the newest articles were edited.")
@click.option("--remove", default=0, help="That many articles answer 404/410.")
@click.option("--obfuscate", is_flag=True, help="Randomize class names, ids and nesting per site.")
@click.option(
    "--faults",
    default="",
    metavar="SPEC",
    help="Faults to inject, e.g. 5xx=0.1:3,reset,slow=0.01:40,trap (docs/replica.md).",
)
@click.option("--crawl-delay", type=float, default=None, help="Crawl-delay in robots.txt.")
@click.option("--verbose", is_flag=True, help="Log every request to stderr.")
def replica(**knobs: object) -> None:
    """Serve every replica portal alone, until Ctrl-C.

    Example: govarchive replica --port 8000 --articles 100 --obfuscate --faults 5xx=0.05,trap
    """
    from replica.cli import main as serve_replica

    argv = []
    for name, value in knobs.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            argv.append(flag)
        elif value not in (None, False, ""):
            argv += [flag, str(value)]
    raise SystemExit(serve_replica(argv))


@main.command()
@click.argument("file", type=click.File("rb"))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--site", default=None, help="Profile slug; by default the one owning URL.")
def extract(file: BinaryIO, url: str, site: str | None) -> None:
    """Print the fields extracted from one saved page FILE as JSON.

    Example: govarchive extract page.html --url https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/HoatDongDoanThe/View_Detail.aspx?ItemID=36
    """
    from crawler.extract import ExtractionError, extract_article
    from crawler.sites import RegistryError, find_site, get_site

    try:
        profile = get_site(site) if site else find_site(url)
        article = extract_article(file.read(), url, profile)
    except (ExtractionError, RegistryError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


@main.command(name="eval")
@click.option("--articles", default=20, show_default=True, help="Articles per replica site.")
@click.option(
    "--devset",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The trafilatura-eval dev set folder (default: ../shared/data/trafilatura-eval).",
)
@click.option("--no-devset", is_flag=True, help="Score the replicas only.")
@click.option("--devset-limit", type=int, default=None, help="Score only the first N dev pages.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the scores to this JSON file.",
)
def evaluate(
    articles: int,
    devset: Path | None,
    no_devset: bool,
    devset_limit: int | None,
    json_path: Path | None,
) -> None:
    """Score extraction per field: every replica site (profile path, and the generic path on
    obfuscated pages) and the real-world dev set, each against trafilatura on the same pages.

    Example: govarchive eval --articles 20 --json data/eval.json
    """
    from crawler.evaluation.devset import DEFAULT_DEVSET
    from crawler.evaluation.run import evaluate as run_evaluation
    from crawler.evaluation.run import format_report

    chosen = None if no_devset else (devset or DEFAULT_DEVSET)
    report = run_evaluation(
        articles, chosen, devset_limit, progress=lambda m: click.echo(m, err=True)
    )
    click.echo(format_report(report))
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


@main.command()
@click.option(
    "--which",
    "url",
    default=None,
    metavar="URL",
    help="Say which profile owns URL and whether it reads it as an article or a listing page.",
)
@replica_url_option
def sites(url: str | None, replica_url: str | None) -> None:
    """List the site profiles: slug, family, confidence (evidenced, partial or assumed: see
    docs/evidence.md), agency and base URL.

    Example: govarchive sites --which https://baochinhphu.vn/thoi-su.htm
    """
    from crawler.sites import load_sites

    if url is not None:
        from crawler.sites import find_site

        site = find_site(url, replica_url)
        if site is None:
            raise click.ClickException(f"no profile owns {url}; the generic path would read it")
        if site.is_article(url):
            read = "reads it as an article"
        elif site.is_listing(url):
            read = "reads it as a listing page"
        else:
            read = "neither an article nor a listing page: not followed"
        click.echo(f"{site.slug} ({site.family}, {site.confidence}): {read}")
        click.echo(f"  canonical URL: {site.canonical(url)}")
        return
    for site in load_sites(replica_url).values():
        twin = f" (replica of {site.twin_of})" if site.twin_of else ""
        off = "" if site.enabled else " [disabled]"
        click.echo(
            f"{site.slug}\t{site.family}\t{site.confidence}\t{site.agency}\t{site.base_url}{twin}{off}"
        )


for command in (reextract, diff, export, update, status, check, capture, learn, replay):
    main.add_command(command)
for command in (seed, worker, ingest):  # a distributed crawl (crawler/cli_distributed.py)
    main.add_command(command)

if __name__ == "__main__":
    main()
