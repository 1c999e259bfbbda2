"""`govarchive` commands for first contact with a portal: check, capture, learn, replay."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli_options import replica_url_option


@click.command()
@click.argument("site")
@replica_url_option
@click.option("--verbose", is_flag=True, help="Show Scrapy's log on stderr.")
def check(site: str, replica_url: str | None, verbose: bool) -> None:
    """Fetch SITE now on the crawl's own download path (robots.txt, retries, TLS, cookie
    challenge) and print every step: each source's first listing page and the next one, then
    three articles with each field and the path that read it. Exits 1 when a step fails or a
    field the profile promises is missing or had to be read by the generic path.

    Example: govarchive check thads-dongthap
    """
    from crawler.check import check_site
    from crawler.sites import RegistryError, get_site

    try:
        profile = get_site(site, replica_url)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None
    if not check_site(profile, replica_url, click.echo, "INFO" if verbose else None).ok:
        raise SystemExit(1)


@click.command()
@click.argument("site")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the WARC file and manifest.json (new, or empty).",
)
@click.option(
    "--articles", type=click.IntRange(min=1), default=8, show_default=True, help="Articles to keep."
)
@replica_url_option
@click.option("--verbose", is_flag=True, help="Show Scrapy's log on stderr.")
def capture(site: str, out: Path, articles: int, replica_url: str | None, verbose: bool) -> None:
    """Keep a first contact with SITE for offline work: robots.txt, the first two listing pages
    of each source and N articles, fetched politely on the crawl's own path, as WARC in OUT
    with a manifest.json naming each record. `govarchive replay OUT` reads it back.

    SITE may be a URL instead, for a site with no profile yet: robots.txt, the home page, the
    feeds and sitemaps it and robots.txt announce, a few listing pages of its menus and the
    articles they link to (links of one shape naming an item, kept where the generic path
    reads a title, a date and a body), for `govarchive learn OUT`. When its pages are script
    shells calling a known family's JSON API, that family's list API and N article API answers
    instead. With --replica-url, a real portal's URL is fetched from its twin on the replica.

    Example: govarchive capture thads-dongthap --out captures/thads-dongthap --articles 8

    Example: govarchive capture https://soyte.dongnai.gov.vn/ --out captures/soyte --articles 12
    """
    if out.exists() and any(out.iterdir()):
        raise click.ClickException(f"{out} is not empty; capture into a new folder")
    if site.startswith(("http://", "https://")):
        _capture_url(site, out, articles, replica_url, verbose)
        return
    from crawler.capture import capture_site
    from crawler.check import report_lines
    from crawler.sites import RegistryError, get_site

    try:
        profile = get_site(site, replica_url)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None
    report, manifest = capture_site(
        profile,
        out,
        articles=articles,
        replica_url=replica_url,
        log_level="INFO" if verbose else None,
    )
    for line in report_lines(report, profile)[0]:
        click.echo(line)
    _captured(manifest, out)
    if not report.articles:
        raise SystemExit(1)


def _captured(manifest: dict, out: Path) -> None:
    kinds = [record["kind"] for record in manifest["records"]]
    counts = ", ".join(f"{kinds.count(k)} {k}" for k in ("robots", "listing", "article", "api"))
    size = sum(path.stat().st_size for path in out.iterdir()) // 1024
    click.echo(f"captured {len(kinds)} records ({counts}) into {out / 'manifest.json'} ({size} KB)")


def _capture_url(
    url: str, out: Path, articles: int, replica_url: str | None, verbose: bool
) -> None:
    """A capture of a site with no profile (crawler/explore.py)."""
    from crawler.explore import explore_site

    report, manifest = explore_site(
        url, out, articles=articles, replica_url=replica_url, log_level="INFO" if verbose else None
    )
    if report.api is not None:
        click.echo(f"its scripts call the {report.api.name} family's API: asked as it lists")
    for record in manifest["records"]:
        click.echo(f"{record['kind']:<8} {record['url']} — HTTP {record['status']}")
    for page in report.not_articles:
        click.echo(f"skipped  {page} — neither a list of articles nor an article")
    for failure in report.failures:
        click.echo(f"FAILED   {failure}")
    _captured(manifest, out)
    if len(report.articles) < articles:
        click.echo(f"only {len(report.articles)} of {articles} articles found", err=True)
        raise SystemExit(1)


@click.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--slug", required=True, help="Name of the new site profile (e.g. soyte-dongnai).")
@click.option(
    "--agency", required=True, help="The agency the portal speaks for, as it names itself."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Profile file to write [default: DIRECTORY/profile.toml].",
)
def learn(directory: Path, slug: str, agency: str, out: Path | None) -> None:
    """Learn a site profile from a capture made by `govarchive capture`: article and listing
    URL patterns, pagination, feeds and sitemaps from the links; title, date, body, byline and
    summary selectors kept only where they read every captured article as the generic path
    does; a known family's defaults when its selectors hold. Writes the profile (confidence
    "learned", its evidence the capture) and prints a table to review it by. Load it with
    GOVARCHIVE_SITES=OUT for replay, check and crawl. Exits 1 when some field disagrees.

    Example: govarchive learn captures/soyte --slug soyte-dongnai --agency "Sở Y tế Đồng Nai"
    """
    from crawler.learn.learn import learn_capture, save
    from crawler.learn.review import print_review
    from crawler.manifest import CaptureError

    try:
        learned = learn_capture(directory, slug, agency)
    except CaptureError as error:  # LearnError is one too
        raise click.ClickException(str(error)) from None
    path = out or directory / "profile.toml"
    save(learned, path)
    print_review(learned, click.echo)
    click.echo(
        f"wrote {path}; check it: "
        f"GOVARCHIVE_SITES={path} govarchive replay {directory} --site {slug}"
    )
    if not learned.exact:
        raise SystemExit(1)


@click.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--site", default=None, help="Profile to replay with (default: the capture's).")
def replay(directory: Path, site: str | None) -> None:
    """Run a profile OFFLINE on a capture made by `govarchive capture`, and print what a crawl
    would archive: article links and further pages per listing page, each article's fields
    with the path that read them. Exits 1 when the profile fails: a listing without article
    links, a promised field missing, or the generic path had to read an article.

    Example: govarchive replay captures/thads-dongthap --site thads-dongthap
    """
    from crawler.manifest import CaptureError
    from crawler.replay import replay as replay_capture
    from crawler.sites import RegistryError

    try:
        result = replay_capture(directory, site, say=click.echo)
    except (CaptureError, RegistryError) as error:
        raise click.ClickException(str(error)) from None
    if not result.ok:
        raise SystemExit(1)
