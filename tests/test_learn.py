"""`govarchive learn`: a profile learned from a capture of a twin by its URL alone (its own
profile never read, neither to capture nor to learn) reads the captured articles as the twin's
truth says, replays, and crawls the twin."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from collections.abc import Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from crawler.cli import main
from crawler.explore import explore_sites
from crawler.extract import Article
from crawler.learn.align import day, f1, words
from crawler.learn.discover import discover
from crawler.learn.learn import Learned, learn_capture, save
from crawler.learn.pages import Page
from crawler.learn.review import review_lines
from crawler.replay import replay_capture
from crawler.sites import get_site, load_sites
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import read_truth, run_govarchive

# Twins of every family whose articles are HTML pages.
LEARNED_TWINS = [
    "replica-thads-dongthap",
    "replica-moj",
    "replica-thads-new-dongthap",
    "replica-baochinhphu",
    "replica-mst",
    "replica-hanoi",
    "replica-dongthap-gov",
    "replica-chinhphu-vanban",
    "replica-mic",
    "replica-dangcongsan",
    "replica-moit",
]
# Their obfuscated twins (random classes and nesting per site) it reads exactly too.
OBFUSCATED_TWINS = LEARNED_TWINS
# Twins whose pages are script shells over a JSON API: learn recognises the family by the
# endpoints the scripts call and applies its defaults (nothing in the capture to align).
API_TWINS = {"replica-moh": "moh-bridge", "replica-mof": "json-api"}


# The fast suite learns three families; the others run with the slow tests.
_FAST = ("replica-thads-dongthap", "replica-baochinhphu", "replica-chinhphu-vanban")
# Captured whichever tests are selected: the two-template test mixes their articles.
_ALWAYS = {"replica-thads-dongthap", "replica-moj"}


@pytest.fixture(scope="module")
def twins() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, config=SiteConfig(articles=20)) as server:
        yield server


@pytest.fixture(scope="module")
def obfuscated() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, config=SiteConfig(articles=20), obfuscate=True) as server:
        yield server


def _selected(request: pytest.FixtureRequest, fixture: str) -> set[str]:
    """The twins that the selected tests of this module read through `fixture`."""
    found = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if callspec and "slug" in callspec.params and fixture in getattr(item, "fixturenames", ()):
            found.add(callspec.params["slug"])
    return found


def _capture_all(server: ReplicaServer, slugs: set[str], out: Path) -> BaseProcess:
    """Captures of `slugs` by URL alone, side by side in one child process (Twisted's
    reactor runs once per process), into out/<slug>."""
    jobs = [(get_site(slug, server.url).base_url, out / slug) for slug in sorted(slugs)]
    process = multiprocessing.get_context("spawn").Process(
        target=explore_sites, args=(jobs,), kwargs={"replica_url": server.url}
    )
    process.start()
    return process


@pytest.fixture(scope="module")
def captures(
    request: pytest.FixtureRequest,
    twins: ReplicaServer,
    obfuscated: ReplicaServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[str, Path]]:
    """Each twin the selected tests need captured once, plain and obfuscated at once."""
    wanted = {
        "plain": _ALWAYS | _selected(request, "plain") | _selected(request, "crawled"),
        "obfuscated": _selected(request, "obfuscated_learned"),
    }
    servers = {"plain": twins, "obfuscated": obfuscated}
    folder = tmp_path_factory.mktemp("captures")
    running = [
        _capture_all(servers[kind], slugs, folder / kind) for kind, slugs in wanted.items() if slugs
    ]
    for process in running:
        process.join(timeout=600)
        assert process.exitcode == 0
    found: dict[str, dict[str, Path]] = {}
    for kind, slugs in wanted.items():
        for slug in slugs:
            capture = folder / kind / slug
            manifest = json.loads((capture / "manifest.json").read_text(encoding="utf-8"))
            assert manifest["profile"]["family"] is None  # the twin's own profile unread
            assert manifest["base_url"] == get_site(slug, servers[kind].url).base_url
            found.setdefault(kind, {})[slug] = capture
    return found


class _Learned(dict):
    """Each capture learned once, when a test first asks for it."""

    def __init__(self, captures: dict[str, Path]) -> None:
        super().__init__()
        self.captures = captures

    def __missing__(self, slug: str) -> Learned:
        self[slug] = learn_capture(self.captures[slug], f"learned-{slug}", "Agency")
        return self[slug]


@pytest.fixture(scope="module")
def plain(captures: dict[str, dict[str, Path]]) -> _Learned:
    return _Learned(captures["plain"])


@pytest.fixture(scope="module")
def obfuscated_learned(captures: dict[str, dict[str, Path]]) -> _Learned:
    return _Learned(captures.get("obfuscated", {}))


def _capture(slug: str, url: str, out: Path, articles: int = 8) -> Path:
    """A capture of the twin by its URL alone with the CLI, as of a site with no profile."""
    address = get_site(slug, url).base_url
    result = run_govarchive(
        "capture", address, "--out", str(out), "--articles", str(articles), "--replica-url", url
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"]["family"] is None and manifest["base_url"] == address
    return out


def _truth(url: str, slug: str) -> dict[str, dict]:
    real = get_site(slug, url).twin_of
    return {record["url"].lower(): record for record in read_truth(url, real)}


def _assert_exact(learned: Learned, truth: dict[str, dict]) -> None:
    assert learned.verdicts
    for verdict in learned.verdicts:
        article, record = verdict.learned, truth[verdict.url.lower()]
        assert article is not None and article.extraction_path == "profile", verdict.url
        assert article.title == record["title"]
        assert str(day(article.published)) == record["published"][:10]
        assert article.author_unit == record["author_unit"]
        assert f1(words(article.body_text), words(record["body_text"])) >= 0.99


@pytest.mark.parametrize(
    "slug",
    [pytest.param(s, marks=() if s in _FAST else pytest.mark.slow) for s in LEARNED_TWINS],
)
def test_a_learned_profile_reads_the_captured_articles_as_the_truth(
    twins: ReplicaServer, plain: _Learned, slug: str
) -> None:
    learned = plain[slug]
    # mic: the generic path misreads some of its articles (the truth is the judge here), and
    # an article of its other template, when the capture happens to hold one, is left to it.
    captured = len(learned.verdicts) + len(learned.minority)
    assert captured >= 8 and len(learned.minority) <= (slug == "replica-mic")
    assert learned.exact or slug == "replica-mic"
    assert learned.document["site"][0]["confidence"] == "learned"
    _assert_exact(learned, _truth(twins.url, slug))


def test_learn_writes_a_profile_that_replays_on_its_capture(
    captures: dict[str, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    capture = captures["plain"]["replica-thads-dongthap"]
    result = CliRunner().invoke(
        main, ["learn", str(capture), "--slug", "learned-dongthap", "--agency", "Cục THADS"]
    )
    assert result.exit_code == 0, result.output
    assert "family thads-sharepoint" in result.output
    profile = capture / "profile.toml"
    monkeypatch.setenv("GOVARCHIVE_SITES", str(profile))
    replay = run_govarchive("replay", str(capture), "--site", "learned-dongthap")
    assert replay.returncode == 0, replay.stdout + replay.stderr[-2000:]
    assert "OK: the learned-dongthap profile fits the site" in replay.stdout


@pytest.mark.parametrize(
    "slug",
    [
        pytest.param(slug, marks=() if slug == "replica-thads-dongthap" else pytest.mark.slow)
        for slug in OBFUSCATED_TWINS
    ],
)
def test_learn_on_obfuscated_markup_finds_the_same_fields(
    obfuscated: ReplicaServer, obfuscated_learned: _Learned, slug: str
) -> None:
    learned = obfuscated_learned[slug]
    assert learned.family is None  # the family's class names are gone
    assert learned.exact
    _assert_exact(learned, _truth(obfuscated.url, slug))


def test_a_capture_by_url_fetches_robots_feeds_listings_and_articles(
    twins: ReplicaServer, tmp_path: Path
) -> None:
    capture = _capture("replica-baochinhphu", twins.url, tmp_path / "c")
    manifest = json.loads((capture / "manifest.json").read_text(encoding="utf-8"))
    kinds = [(record["kind"], record["callback"]) for record in manifest["records"][1:]]
    assert manifest["records"][0]["kind"] == "robots"
    assert ("listing", "parse_feed") in kinds  # the feed the home page announces
    assert kinds.count(("listing", "parse_links")) >= 2  # the home page and a section
    truth = _truth(twins.url, "replica-baochinhphu")
    articles = [r["url"] for r in manifest["records"] if r["kind"] == "article"]
    assert len(articles) == 8 and all(url.lower() in truth for url in articles)


def test_a_capture_by_url_of_script_shells_asks_the_list_and_article_api_they_call(
    twins: ReplicaServer, tmp_path: Path
) -> None:
    capture = _capture("replica-moh", twins.url, tmp_path / "c")  # exits 0: 8 articles
    manifest = json.loads((capture / "manifest.json").read_text(encoding="utf-8"))
    listings = [r for r in manifest["records"] if r["kind"] == "listing"]
    answers = [r for r in manifest["records"] if r["kind"] == "api"]
    assert listings and all(r["callback"] == "parse_json_list" for r in listings)
    assert {r["method"] for r in listings + answers} == {"POST"}
    assert manifest["profile"]["sources"][listings[0]["source"]]["kind"] == "json_api"
    truth = {_key(r["url"]) for r in _truth(twins.url, "replica-moh").values()}
    assert len(answers) == 8 and all(_key(r["cb_kwargs"]["article_url"]) in truth for r in answers)
    assert any(r["url"] == manifest["base_url"] for r in manifest["scripts"])  # the shell


def test_two_templates_are_named_and_the_minority_left_to_the_generic_path(
    captures: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    first = captures["plain"]["replica-thads-dongthap"]
    second = captures["plain"]["replica-moj"]
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    other = json.loads((second / "manifest.json").read_text(encoding="utf-8"))
    # One capture process names both WARC files alike: each keeps its folder's name.
    for folder in (first, second):
        for warc in folder.glob("*.warc.gz"):
            shutil.copy(warc, mixed / f"{folder.name}-{warc.name}")
    for capture, records in ((first, manifest["records"]), (second, other["records"])):
        for record in records:
            if record["warc_file"]:
                record["warc_file"] = f"{capture.name}-{record['warc_file']}"
    thads = [record for record in manifest["records"] if record["kind"] == "article"][:7]
    moj = [record for record in other["records"] if record["kind"] == "article"][:3]
    manifest["records"] = [r for r in manifest["records"] if r["kind"] != "article"] + thads + moj
    (mixed / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    learned = learn_capture(mixed, "learned-mixed", "A")
    assert sorted(learned.minority) == sorted(record["url"] for record in moj)
    assert len(learned.verdicts) == 7 and learned.exact
    result = CliRunner().invoke(main, ["learn", str(mixed), "--slug", "x", "--agency", "A"])
    assert "two templates: 3 of 10 articles follow another one" in result.output


@pytest.mark.parametrize("slug", sorted(API_TWINS))
def test_script_shells_are_learned_as_the_api_family_their_scripts_call(
    twins: ReplicaServer, plain: _Learned, slug: str
) -> None:
    learned = plain[slug]
    assert learned.api is not None and learned.api.name == API_TWINS[slug]
    family = learned.document["family"]
    assert (
        family["name"] == API_TWINS[slug]
        and family["api"]["url"] == learned.api.defaults["api"]["url"]
    )
    assert [spec["kind"] for spec in family["discover"]] == ["json_api"]
    assert learned.document["site"][0]["confidence"] == "learned"
    lines = review_lines(learned)
    assert f"family {API_TWINS[slug]} (a JSON API: its scripts call" in lines[0]
    # The capture asked the list API and >= 8 article API answers; learn read each with the
    # family's JSON paths, as the truth says.
    assert len(learned.api_readings) >= 8 and learned.exact
    truth = {_key(r["url"]): r for r in _truth(twins.url, slug).values()}
    for reading in learned.api_readings:
        _assert_as_truth(reading.article, truth[_key(reading.url)], reading.url)
    assert any(line.startswith("title ") and "8/8 answers read" in line for line in lines)


@pytest.mark.parametrize("slug", sorted(API_TWINS))
def test_a_learned_api_profile_replays_on_its_capture(
    twins: ReplicaServer, plain: _Learned, slug: str, tmp_path: Path
) -> None:
    save(plain[slug], tmp_path / "profile.toml")
    capture = plain.captures[slug]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GOVARCHIVE_SITES", str(tmp_path / "profile.toml"))
        load_sites.cache_clear()
        try:
            profile = get_site(f"learned-{slug}", twins.url)
            report = replay_capture(capture, profile)
            result = CliRunner().invoke(main, ["replay", str(capture), "--site", profile.slug])
        finally:
            load_sites.cache_clear()
    assert result.exit_code == 0, result.output
    assert f"OK: the learned-{slug} profile fits the site" in result.output
    steps = [step for step in report.articles if step.article is not None]
    assert len(steps) >= 8
    truth = {_key(r["url"]): r for r in _truth(twins.url, slug).values()}
    for step in steps:
        _assert_as_truth(step.article, truth[_key(step.url)], step.url)


def _assert_as_truth(article: Article | None, record: dict, url: str) -> None:
    assert article is not None, url
    assert article.title == record["title"], url
    assert str(day(article.published)) == record["published"][:10], url
    assert article.author_unit == record["author_unit"], url
    assert f1(words(article.body_text), words(record["body_text"])) >= 0.99, url


def test_learn_explains_a_folder_without_a_capture(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["learn", str(tmp_path), "--slug", "x", "--agency", "A"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path} holds no manifest.json: not a capture"


def _key(url: str) -> str:
    """An article's URL as the archive may key it (its canonical form sorts the query)."""
    parts = urlsplit(url.lower())
    return parts._replace(query=urlencode(sorted(parse_qsl(parts.query)))).geturl()


@pytest.fixture(scope="module")
def crawled(
    request: pytest.FixtureRequest,
    twins: ReplicaServer,
    plain: _Learned,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """One crawl of every selected twin, each with the profile learned from its capture."""
    slugs = sorted(_selected(request, "crawled"))
    folder = tmp_path_factory.mktemp("learned")
    for slug in slugs:
        save(plain[slug], folder / f"{slug}.toml")
    db = folder / "archive.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GOVARCHIVE_SITES", str(folder))
        sites = [f"learned-{slug}" for slug in slugs]
        result = run_govarchive("crawl", *sites, "--db", str(db), "--replica-url", twins.url)
    assert db.exists(), result.stderr[-3000:]
    return db


@pytest.mark.slow
@pytest.mark.parametrize("slug", [*LEARNED_TWINS, *sorted(API_TWINS)])
def test_a_crawl_with_the_learned_profile_archives_the_twin(
    twins: ReplicaServer, crawled: Path, slug: str
) -> None:
    truth = [r for r in _truth(twins.url, slug).values() if r["status"] == "live"]
    rows = Database(crawled).query("SELECT * FROM articles WHERE site = ?", [f"learned-{slug}"])
    archived = {_key(row["url"]): row for row in rows}
    found = [archived[_key(r["url"])] for r in truth if _key(r["url"]) in archived]
    assert len(found) >= 0.99 * len(truth)
    for record in truth:
        row = archived.get(_key(record["url"]))
        if row is not None:
            fields = (row["title"], (row["published"] or "")[:10] or None, row["author_unit"])
            wanted = (record["title"], (record["published"] or "")[:10] or None)
            assert fields == (*wanted, record["author_unit"]), row["url"]
            if slug in API_TWINS:  # no captured article checked its body: the crawl does
                assert f1(words(row["body_text"]), words(record["body_text"])) >= 0.99


def _page(url: str, kind: str, html: str) -> Page:
    return Page(url, kind, 200, html, "text/html; charset=utf-8")


def test_discovery_turns_a_postback_pager_into_a_postback_source_and_names_a_cms() -> None:
    base = "https://vanban.example.vn/"
    rows = "".join(f'<a href="?pageid=7&docid={n}">Văn bản {n}</a>' for n in range(150, 160))
    pager = "<a href=\"javascript:__doPostBack('ctl00$grid','Page$2')\">2</a>"
    wordpress = '<link rel="stylesheet" href="/wp-content/themes/x/style.css">'
    listing = _page(base + "?mode=0&pageid=41", "listing", f"{wordpress}{rows}{pager}")
    articles = [f"{base}?pageid=7&docid={n}" for n in range(150, 153)]
    found = discover([listing, *(_page(u, "article", wordpress) for u in articles)], base, articles)
    assert found.pagination == "postback"
    assert found.postback == ["?mode=0&pageid=41"]
    assert found.cms == "WordPress"
    nukeviet = _page(base, "listing", '<a href="/index.php?language=vi&amp;nv=news&op=a">x</a>')
    assert discover([nukeviet], base, []).cms == "NukeViet"
    assert discover([_page(base, "listing", rows)], base, []).cms is None
