"""`govarchive` commands that work on an archive offline: reextract, diff, export."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from archive import Archive

DEFAULT_DB = Path("data/archive.db")

db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=DEFAULT_DB,
    show_default=True,
    help="Archive file.",
)
warc_option = click.option(
    "--warc-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where the WARC files are (default: warc/ beside the archive file).",
)


def _read(db: Path) -> Archive:
    """The archive opened read-only (nothing written, a read-only folder is fine), or one line
    saying why it cannot be read."""
    from archive import Archive, ArchiveError

    try:
        return Archive.open_readonly(db)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None


def _warc_dir(db: Path, warc_dir: Path | None) -> Path:
    return warc_dir or db.parent / "warc"


@click.command()
@db_option
@warc_option
@click.option("--site", default=None, help="Only this site's articles (a profile slug).")
def reextract(db: Path, warc_dir: Path | None, site: str | None) -> None:
    """Rebuild every extracted field from the WARC snapshots, without any network.

    Every version of every article is read from its WARC record and extracted again with
    this version of the extractor (its version is recorded); fetch facts and history stay.

    Example: govarchive reextract --db data/archive.db --site thads-dongthap
    """
    from archive import ArchiveError, check_archive_path
    from crawler.reextract import reextract as run

    try:
        check_archive_path(db, must_exist=False)  # it writes: a read-only folder says so
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    archive = _read(db)
    versions = archive.versions_to_reextract(site)
    archive.close()
    with click.progressbar(length=len(versions), label="Re-extracting", file=sys.stderr) as bar:
        result = run(db, _warc_dir(db, warc_dir), progress=bar.update, versions=versions)
    click.echo(
        f"{result.versions} versions re-extracted ({result.articles} current articles) in "
        f"{result.seconds:.1f} s, {result.rate:.0f} versions/s; {len(result.failures)} failed"
    )
    for url, reason in result.failures:
        click.echo(f"  {url}: {reason}", err=True)
    if result.failures:
        raise SystemExit(1)


def _archived_url(archive: Archive, url: str) -> str:
    """The archive's key for `url` as a person copies it: the key itself, the page's link as
    the article page shows it (letter case, tracking parameters, query order), or the URL it
    was fetched from; `url` unchanged when none is archived."""
    from crawler.urls import canonical_url

    spellings = [url.strip(), canonical_url(url), canonical_url(url, case_insensitive=True)]
    # The key first; then a fetched URL or a letter case only one article has.
    for where in ("url = ?", "source_url = ?", "lower(url) = lower(?)"):
        for spelling in dict.fromkeys(spellings):
            sql = f"SELECT url FROM articles WHERE {where} LIMIT 2"
            if len(found := list(archive.db.query(sql, [spelling]))) == 1:
                return found[0]["url"]
    return url


@click.command()
@click.argument("url")
@db_option
@click.option("--from", "old", type=int, default=None, help="Version to compare from.")
@click.option("--to", "new", type=int, default=None, help="Version to compare to.")
def diff(url: str, db: Path, old: int | None, new: int | None) -> None:
    """Show what changed in the article at URL between two versions (by default the last two).

    Example: govarchive diff 'https://thads.moj.gov.vn/dongthap/…?ItemID=24' --db data/archive.db
    """
    from archive import removed_at, version_diff, versions

    archive = _read(db)
    url = _archived_url(archive, url)
    history, removed = versions(archive.db, url), removed_at(archive.db, url)
    archive.close()
    if not history:
        raise click.UsageError(f"no versions of {url} in {db} (give the article's archived URL)")
    by_number = {version["version"]: version for version in history}
    new = new or history[-1]["version"]
    old = old or (history[-2]["version"] if len(history) > 1 else new)
    for number in (old, new):
        if number not in by_number:
            raise click.UsageError(f"{url} has versions {sorted(by_number)}, not {number}")
    click.echo(f"{url}: {len(history)} version(s)" + (f", removed {removed}" if removed else ""))
    lines = version_diff(by_number[old], by_number[new])
    click.echo("\n".join(lines) if lines else f"versions {old} and {new} have the same content")


@click.command()
@db_option
@warc_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "warc"]),
    default="jsonl",
    show_default=True,
)
@click.option("--site", default=None, help="Only this site's articles.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only articles published on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="CSV for spreadsheets: starts with a UTF-8 byte order mark, so Excel reads Vietnamese.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (default: standard output; required for warc).",
)
def export(
    db: Path,
    warc_dir: Path | None,
    fmt: str,
    site: str | None,
    since: datetime | None,
    excel: bool,
    output: Path | None,
) -> None:
    """Export articles as JSON lines or CSV, or their snapshots as one WARC file.

    The WARC export copies each version's response and request records byte for byte.

    Example: govarchive export --format csv --excel --since 2021-01-01 -o articles.csv
    """
    from archive import write_csv, write_jsonl, write_warc

    if excel and fmt != "csv":
        raise click.UsageError("--excel is for --format csv")
    day = since.date().isoformat() if since else None
    archive = _read(db)
    try:
        if fmt == "warc":
            if output is None:
                raise click.UsageError("--format warc needs --output FILE")
            with output.open("wb") as out:
                try:
                    count = write_warc(archive.db, _warc_dir(db, warc_dir), out, site, day)
                except FileNotFoundError as error:
                    raise click.ClickException(
                        f"a WARC file is missing: {error.filename} (is --warc-dir right?)"
                    ) from None
        else:
            writer = write_jsonl if fmt == "jsonl" else write_csv
            with click.open_file(str(output or "-"), "w", encoding="utf-8") as out:
                if excel:
                    out.write("\ufeff")
                count = writer(archive.db, out, site, day)
    finally:
        archive.close()
    click.echo(f"{count} {'records' if fmt == 'warc' else 'articles'} exported", err=True)
