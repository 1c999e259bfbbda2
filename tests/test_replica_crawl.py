"""Every replica site crawled through its twin profile, each article compared with its truth."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.store import CHILD_TABLES
from crawler.evaluation.metrics import body_scores
from crawler.sites import get_site, load_sites
from replica.catalog import build_sites
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import read_truth, run_govarchive

# The crawl of every twin, in a child process.
pytestmark = pytest.mark.slow

CONFIG = SiteConfig(articles=30)
EXACT_FIELDS = (
    "title",
    "published",
    "author_unit",
    "author",
    "body_text",
    "summary",
    "attachments",
    "cited_documents",
    "images",
    "tags",
)
# On obfuscated pages (the generic path) title and date must be exact and the body close
# (shingle F1); the author unit must be right on nearly every page of every site.
GENERIC_BODY_F1 = 0.97
GENERIC_AUTHOR_UNIT_RATE = 0.95


def twin_of(real_slug: str) -> str:
    twins = [s.slug for s in load_sites().values() if s.twin_of == real_slug]
    assert twins, f"replica site {real_slug} has no twin profile in crawler/sites"
    return twins[0]


SITES = sorted(site.slug for site in build_sites(CONFIG))


def exact_fields(profile) -> tuple[str, ...]:
    """The fields a twin's crawl must archive exactly on plain pages: those its profile places
    (by a selector, an API key, or the body they come from). A profile that places no body
    leans on the generic path for everything (its sources show no markup: docs/evidence.md),
    and is held to the generic path's standard."""
    if profile.api:
        return EXACT_FIELDS
    if not profile.rules.body:
        return ()
    unplaced = {"summary": profile.rules.summary, "tags": profile.rules.tags}
    return tuple(name for name in EXACT_FIELDS if unplaced.get(name, True))


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "obfuscated"])
def crawl(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[tuple[bool, Path, list]]:
    obfuscated = request.param
    with ReplicaServer(port=0, config=CONFIG, obfuscate=obfuscated) as server:
        db = tmp_path_factory.mktemp("crawl") / "archive.db"
        twins = [twin_of(slug) for slug in SITES]
        result = run_govarchive(
            "crawl", *twins, "--db", str(db), "--replica-url", server.url, "--log-level", "WARNING"
        )
        assert result.returncode == 0, result.stdout + result.stderr[-3000:]
        yield obfuscated, db, [line for line in read_truth(server.url)], server.url


def archived_rows(db: Path) -> dict[str, dict]:
    """Each archived article with its lists (attachments, cited documents…) put back in."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = {row["url"]: dict(row) for row in conn.execute("SELECT * FROM articles")}
        for table, columns in CHILD_TABLES.items():
            for row in rows.values():
                row[table] = []
            query = f"SELECT * FROM {table} ORDER BY article_url, position"
            for child in conn.execute(query):
                rows[child["article_url"]][table].append({c: child[c] for c in columns})
    for row in rows.values():
        row["tags"] = json.loads(row["tags"] or "[]")
    return rows


@pytest.mark.parametrize("site", SITES)
def test_site_archive_matches_truth(crawl, site: str) -> None:
    obfuscated, db, truth, replica_url = crawl
    profile = get_site(twin_of(site), replica_url)
    rows = archived_rows(db)
    lines = [t for t in truth if t["site"] == site and t.get("status", "live") == "live"]
    assert lines, f"no truth for {site}"
    problems: list[str] = []
    units_right: list[bool] = []
    for line in lines:
        row = rows.get(profile.canonical(line["url"]))
        if row is None:
            problems.append(f"{line['url']}: not archived")
            continue
        exact = () if obfuscated else exact_fields(profile)
        if exact:
            for name in exact:
                if row[name] != line[name]:
                    problems.append(f"{line['url']}: {name} {row[name]!r} != {line[name]!r}")
            continue
        for name in ("title", "published"):
            if row[name] != line[name]:
                problems.append(f"{line['url']}: {name} {row[name]!r} != {line[name]!r}")
        f1 = body_scores(row["body_text"] or "", line["body_text"])[2]
        if f1 < GENERIC_BODY_F1:
            problems.append(f"{line['url']}: body F1 {f1:.3f} < {GENERIC_BODY_F1}")
        units_right.append(row["author_unit"] == line["author_unit"])
    if units_right and sum(units_right) / len(units_right) < GENERIC_AUTHOR_UNIT_RATE:
        problems.append(f"author_unit right on {sum(units_right)} of {len(units_right)} pages")
    assert not problems, f"{len(problems)} of {len(lines)} articles differ:\n" + "\n".join(
        problems[:20]
    )


def test_crawl_follows_the_replica_knobs(replica_factory, tmp_path: Path) -> None:
    """New articles are archived and removed ones are not: the knobs reach the crawler."""
    server = replica_factory(config=SiteConfig(articles=20, new_articles=4, remove=2))
    db = tmp_path / "knobs.db"
    twin = twin_of("thads-dongthap")
    result = run_govarchive("crawl", twin, "--db", str(db), "--replica-url", server.url)
    assert result.returncode == 0, result.stderr[-3000:]
    truth = read_truth(server.url, "thads-dongthap")
    profile = get_site(twin, server.url)
    live = {profile.canonical(t["url"]) for t in truth if t["status"] == "live"}
    removed = {profile.canonical(t["url"]) for t in truth if t["status"] == "removed"}
    assert len(removed) == 2 and len(live) == 20 + 4 - 2
    assert set(archived_rows(db)) == live
