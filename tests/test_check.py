"""`govarchive check`: one listing and one article of a site, field by field (on the replicas)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from crawler.check import check_site
from crawler.cli import main
from crawler.sites import load_sites
from replica.site import SiteConfig

TWINS = sorted(slug for slug, site in load_sites().items() if site.twin_of)


@pytest.fixture
def small_replica(replica_factory):
    return replica_factory(config=SiteConfig(articles=20))


@pytest.mark.parametrize("slug", TWINS)
def test_check_passes_on_every_replica_twin(small_replica, slug: str) -> None:
    said: list[str] = []
    result = check_site(load_sites(small_replica.url)[slug], say=said.append)
    assert result.ok, "\n".join(said)
    assert said[0].startswith("listing: ") and any(line.startswith("article: ") for line in said)
    assert any(line.strip().startswith("ok  title:") for line in said)


def test_check_fails_when_the_layout_changed(replica_factory) -> None:
    server = replica_factory(config=SiteConfig(articles=20), obfuscate=True)
    result = CliRunner().invoke(
        main, ["check", "replica-thads-dongthap", "--replica-url", server.url]
    )
    assert result.exit_code == 1
    assert "the profile's selectors no longer match" in result.output


def test_check_names_an_unreachable_site(replica_factory) -> None:
    server = replica_factory(config=SiteConfig(articles=20))
    url = server.url
    server.stop()
    result = CliRunner().invoke(main, ["check", "replica-moj", "--replica-url", url])
    assert result.exit_code == 1
    assert "FAILED:" in result.output
