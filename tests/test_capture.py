"""`govarchive capture` and `replay`: a first contact kept as WARC, read again offline exactly as
the crawl reads it; every capture kept in tests/captures/<slug>/ is replayed as a test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.rows import article_row
from crawler.cli import main
from crawler.replay import replay_capture
from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import FAMILY_TWINS, run_govarchive

# Captures made by crawls in child processes.
pytestmark = pytest.mark.slow

CAPTURES = Path(__file__).parent / "captures"
# What a crawl archives of an article, compared field by field with the replay's reading.
COMPARED = ("title", "published", "updated", "summary", "body_text", "body_html", "author_unit")
COMPARED += ("author", "category", "tags", "language", "extraction_path", "warnings")


@pytest.fixture(scope="module")
def twins() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, config=SiteConfig(articles=20)) as server:
        yield server


@pytest.fixture(scope="module")
def crawled(twins: ReplicaServer, tmp_path_factory: pytest.TempPathFactory) -> Database:
    """One crawl of a twin of every family: what the archive holds is the reference."""
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    result = run_govarchive(
        "crawl",
        *FAMILY_TWINS.values(),
        "--db",
        str(db),
        "--replica-url",
        twins.url,
        "--log-level",
        "ERROR",
        timeout=600,
    )
    assert db.exists(), result.stderr[-3000:]
    return Database(db)


def _capture(slug: str, url: str, out: Path, articles: int = 8) -> None:
    result = run_govarchive(
        "capture", slug, "--out", str(out), "--articles", str(articles), "--replica-url", url
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("family", sorted(FAMILY_TWINS))
def test_replay_reads_a_capture_exactly_as_the_crawl_archived_it(
    twins: ReplicaServer, crawled: Database, tmp_path: Path, family: str
) -> None:
    slug = FAMILY_TWINS[family]
    _capture(slug, twins.url, tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    kinds = {record["kind"] for record in manifest["records"]}
    assert {"robots", "listing"} <= kinds and kinds & {"article", "api"}
    assert all(record["warc_file"] for record in manifest["records"])
    report = replay_capture(tmp_path, get_site(slug, twins.url))
    read = [step.article for step in report.articles if step.article is not None]
    assert len(read) == len([r for r in manifest["records"] if r["kind"] in ("article", "api")])
    for article in read:
        (archived,) = crawled.query("SELECT * FROM articles WHERE url = ?", [article.url])
        replayed = article_row(article.to_dict())
        assert {f: replayed[f] for f in COMPARED} == {f: archived[f] for f in COMPARED}
    assert sum(step.article_links for step in report.listings) > 0


def test_replay_of_a_capture_whose_markup_changed_names_the_fields(
    replica_factory, tmp_path: Path
) -> None:
    server = replica_factory(config=SiteConfig(articles=20), obfuscate=True)
    _capture("replica-thads-dongthap", server.url, tmp_path, articles=3)
    result = CliRunner().invoke(main, ["replay", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "read by the generic path: the profile's selectors found no body" in result.output
    changed = [line for line in result.output.splitlines() if line.startswith("    !! ")]
    assert any(line.startswith("    !! title [generic]") for line in changed), result.output
    assert all("<- " in line for line in changed)


def test_replay_with_another_sites_profile_fails(twins: ReplicaServer, tmp_path: Path) -> None:
    _capture("replica-thads-dongthap", twins.url, tmp_path, articles=3)
    result = CliRunner().invoke(main, ["replay", str(tmp_path), "--site", "replica-dangcongsan"])
    assert result.exit_code == 1, result.output
    assert "with replica-dangcongsan" in result.output.splitlines()[0]
    assert "no article links" in result.output
    assert "read by the generic path" in result.output


def test_capture_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["capture", "replica-moj", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "is not empty" in result.output


def test_replay_explains_a_folder_without_a_capture(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["replay", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path} holds no manifest.json: not a capture"


@pytest.mark.parametrize(
    "capture", sorted(p.name for p in CAPTURES.iterdir() if (p / "manifest.json").exists())
)
def test_every_kept_capture_replays_as_recorded(capture: str) -> None:
    """A capture dropped into tests/captures/<slug>/ (with the replay's output as replay.txt)
    is a test: the profile must still read it, and read it as it did."""
    folder = CAPTURES / capture
    result = CliRunner().invoke(main, ["replay", str(folder)])
    assert result.exit_code == 0, result.output
    expected = folder / "replay.txt"
    if expected.exists():
        assert result.output == expected.read_text(encoding="utf-8")
