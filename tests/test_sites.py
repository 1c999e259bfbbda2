"""The site registry: profiles load, and each real profile recognises the real URLs of its site."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sites import RegistryError, find_site, get_site, load_sites

REAL_SITES = sorted(slug for slug, site in load_sites().items() if not site.twin_of)


def test_every_real_profile_has_url_examples_and_every_twin_a_real_site() -> None:
    sites = load_sites()
    for slug in REAL_SITES:
        assert sites[slug].examples["articles"], f"{slug} has no article URL examples"
    for site in sites.values():
        if site.twin_of:
            assert site.twin_of in REAL_SITES
            assert site.agency == sites[site.twin_of].agency
            assert site.confidence == sites[site.twin_of].confidence


@pytest.mark.parametrize("slug", REAL_SITES)
def test_real_profile_reads_the_url_shapes_of_its_evidence(slug: str) -> None:
    """The profile's `examples` (URL shapes from its sources) meet its rules."""
    site = get_site(slug)
    examples = site.examples
    for url in examples["articles"]:
        assert site.is_article(url), url
        assert find_site(url) == site, url
    for url in examples["listings"]:
        assert site.is_listing(url), url
        assert not site.is_article(url), url
    for url in examples["elsewhere"]:
        assert not (site.is_article(url) or site.is_listing(url)), url


def test_replica_twin_follows_the_replica_url() -> None:
    twin = get_site("replica-thads-dongthap", "http://127.0.0.1:9999")
    assert twin.base_url == "http://127.0.0.1:9999/thads.moj.gov.vn/dongthap/"
    assert twin.is_article(
        "http://127.0.0.1:9999/thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=3"
    )


def test_every_real_profile_has_a_twin_derived_by_rule() -> None:
    """A twin is its real entry under the real host's virtual path, with the family's
    `[family.twin]` on top (politeness; THADS twins stay on for merged provinces)."""
    sites = load_sites("http://127.0.0.1:9999")
    for slug in REAL_SITES:
        real, twin = sites[slug], sites[f"replica-{slug}"]
        assert twin.twin_of == slug
        assert twin.base_url.startswith("http://127.0.0.1:9999/")
        assert (twin.rules, twin.sources[0].kind) == (real.rules, real.sources[0].kind)
        assert twin.politeness["download_delay"] == 0
    assert not sites["thads-kontum"].enabled and sites["replica-thads-kontum"].enabled
    assert not sites["replica-mic"].enabled


def test_a_hand_written_twin_fails_at_load(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    _registry_of(tmp_path, monkeypatch, '[[site]]\nslug = "replica-x"\ntwin_of = "test-site"\n')
    try:
        with pytest.raises(RegistryError, match="twins are derived"):
            load_sites()
    finally:
        load_sites.cache_clear()


def test_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(RegistryError, match="thads-dongthap"):
        get_site("no-such-site")


@pytest.mark.parametrize(
    ("selector", "problem"),
    [
        ("//div[@id='content']", "is XPath; profiles state CSS selectors"),
        ("div[[broken", "is not a CSS selector lexbor can read"),
    ],
)
def test_a_selector_the_profile_path_cannot_use_fails_at_load(
    tmp_path, monkeypatch: pytest.MonkeyPatch, selector: str, problem: str
) -> None:
    (tmp_path / "family.toml").write_text(
        f"""
[family]
name = "test-family"
article_pattern = 'a/\\d+$'
listing_pattern = '$'

[family.selectors]
title = ["h1"]
body = ["{selector}"]

[[site]]
slug = "test-site"
agency = "Test"
base_url = "https://example.gov.vn/"
""",
        encoding="utf-8",
    )
    monkeypatch.setattr("crawler.sites.SITES_DIR", tmp_path)
    load_sites.cache_clear()  # the registry is read once per process
    try:
        with pytest.raises(RegistryError, match=f"family.toml: site 'test-site': .*{problem}"):
            load_sites()
    finally:
        load_sites.cache_clear()


def _registry_of(tmp_path, monkeypatch: pytest.MonkeyPatch, site_toml: str) -> None:
    """Point the registry at one family file holding `site_toml` as its only site."""
    (tmp_path / "family.toml").write_text(
        f"""
[family]
name = "test-family"
article_pattern = 'a/\\d+$'
listing_pattern = '(?:list)?$'

[[site]]
slug = "test-site"
agency = "Test"
base_url = "https://example.gov.vn/"
{site_toml}
""",
        encoding="utf-8",
    )
    monkeypatch.setattr("crawler.sites.SITES_DIR", tmp_path)
    load_sites.cache_clear()


SOURCE = "github:someone/crawler@0123456789abcdef0123456789abcdef01234567:sites/example.py"


@pytest.mark.parametrize(
    ("site_toml", "problem"),
    [
        ('confidence = "evidenced"', "needs evidence covering 'urls' and 'selectors'"),
        (
            f'confidence = "evidenced"\n[[site.evidence]]\nsource = "{SOURCE}"\n'
            'seen = "2025-01-02"\ncovers = ["urls"]\nshows = "article URLs"',
            "it covers \\['urls'\\]",
        ),
        ('confidence = "partial"', "'partial' needs at least one evidence entry"),
        ('confidence = "sure"', "confidence 'sure' is not one of"),
        (
            '[[site.evidence]]\nsource = "github:someone/crawler:sites/example.py"\n'
            'seen = "2025-01-02"\ncovers = ["urls"]\nshows = "x"',
            "neither github:owner/repo@<commit>:path nor a URL",
        ),
        (
            f'[[site.evidence]]\nsource = "{SOURCE}"\nseen = "last year"\ncovers = ["urls"]\n'
            'shows = "x"',
            "seen 'last year' is not a YYYY-MM-DD date",
        ),
        (
            f'[[site.evidence]]\nsource = "{SOURCE}"\nseen = "2025-01-02"\ncovers = ["looks"]\n'
            'shows = "x"',
            "covers \\['looks'\\] not among",
        ),
        ('transport = { cipher = "x" }', "transport: unknown keys \\['cipher'\\]"),
    ],
)
def test_a_claim_without_its_evidence_fails_at_load(
    tmp_path, monkeypatch: pytest.MonkeyPatch, site_toml: str, problem: str
) -> None:
    _registry_of(tmp_path, monkeypatch, site_toml)
    try:
        with pytest.raises(RegistryError, match=f"family.toml: site 'test-site': .*{problem}"):
            load_sites()
    finally:
        load_sites.cache_clear()


def test_evidenced_profile_and_its_aliases(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    _registry_of(
        tmp_path,
        monkeypatch,
        'confidence = "evidenced"\n'
        'transport = { aliases = ["https://www.example.gov.vn/"], '
        'tls_ciphers = "DEFAULT:@SECLEVEL=1" }\n'
        f'[[site.evidence]]\nsource = "{SOURCE}"\nseen = "2025-01-02"\n'
        'covers = ["urls", "selectors"]\nshows = "article URLs and the title selector"\n',
    )
    try:
        site = get_site("test-site")
        assert site.confidence == "evidenced"
        assert site.evidence[0].covers == {"urls", "selectors"}
        assert site.tls_ciphers == "DEFAULT:@SECLEVEL=1"
        assert site.hosts == ("example.gov.vn", "www.example.gov.vn")
        # The www. host is the same site: owned, and stored under the base URL.
        assert site.is_article("https://www.example.gov.vn/a/12")
        assert site.canonical("http://WWW.example.gov.vn/a/12") == "https://example.gov.vn/a/12"
        twin = get_site("replica-test-site", "http://127.0.0.1:9999")
        assert twin.confidence == "evidenced"
        assert twin.is_article("http://127.0.0.1:9999/www.example.gov.vn/a/12")
        assert twin.canonical("http://127.0.0.1:9999/www.example.gov.vn/a/12") == (
            "http://127.0.0.1:9999/example.gov.vn/a/12"
        )
    finally:
        load_sites.cache_clear()


EVIDENCE_DOC = Path(__file__).resolve().parent.parent / "docs" / "evidence.md"


@pytest.mark.parametrize("slug", REAL_SITES)
def test_docs_evidence_lists_each_profile_and_cites_its_sources(slug: str) -> None:
    """docs/evidence.md states each profile's confidence and cites every source its profile
    names (the repository, or the page's address)."""
    doc = EVIDENCE_DOC.read_text(encoding="utf-8")
    site = get_site(slug)
    (row,) = [line for line in doc.splitlines() if line.startswith(f"| `{slug}`")]
    assert f"| {site.confidence} |" in row
    for evidence in site.evidence:
        cited = evidence.source.split("@")[0].removeprefix("github:")
        if evidence.source.startswith("http"):
            cited = evidence.source.split("://", 1)[1].split("?")[0][:60]
        assert cited in doc, f"{slug}: {evidence.source} is not cited in docs/evidence.md"
