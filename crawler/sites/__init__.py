"""The site registry: portal profiles loaded from the TOML files beside this module."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.extract.selectors import PageRules
from crawler.sites.evidence import Evidence, confidence_of, examples_of, transport_of
from crawler.urls import canonical_url

SITES_DIR = Path(__file__).parent
DEFAULT_REPLICA_URL = "http://127.0.0.1:8000"
REPLICA_URL_ENV = "GOVARCHIVE_REPLICA_URL"
# More profile files or folders of them (`govarchive learn` writes one), os.pathsep-separated.
EXTRA_SITES_ENV = "GOVARCHIVE_SITES"

_SITE_KEYS = frozenset(
    [
        "slug",
        "agency",
        "base_url",
        "start_urls",
        "twin_of",
        "enabled",
        "politeness",
        "selectors",
        "max_listing_depth",
        "discover",
        "api",
        "article_pattern",
        "listing_pattern",
        "confidence",
        "assumed",
        "evidence",
        "examples",
        "transport",
    ]
)
DISCOVERY_KINDS = {"links", "feed", "sitemap", "timeline", "postback", "json_api"}


class RegistryError(ValueError):
    """A site profile is missing, unknown or malformed; the message names it."""


@dataclass(frozen=True, slots=True)
class Source:
    """One way a site lists its articles: a kind, where it starts, and its options."""

    kind: str
    urls: tuple[str, ...]
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Names the source within its site (for crawl-wide bookkeeping)."""
        return f"{self.kind} {' '.join(self.urls)} {self.options.get('url', '')}".strip()


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """Everything the crawler and extractor know about one portal."""

    slug: str
    agency: str
    family: str
    base_url: str
    article_pattern: re.Pattern[str]
    listing_pattern: re.Pattern[str]
    rules: PageRules
    case_insensitive_urls: bool = False
    max_listing_depth: int = 1000
    enabled: bool = True
    twin_of: str | None = None
    politeness: Mapping[str, Any] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    ignore_params: frozenset[str] = frozenset()
    # For sites whose article pages are empty shells (SPAs): where the article's JSON is,
    # and which JSON keys hold which field.
    api: Mapping[str, Any] = field(default_factory=dict)
    # What backs the profile's claims about the real portal (docs/evidence.md).
    confidence: str = "assumed"
    evidence: tuple[Evidence, ...] = ()
    assumed: tuple[str, ...] = ()
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Other base URLs the same site answers on (the www. host): owned, and stored as base_url.
    aliases: tuple[str, ...] = ()
    # OpenSSL cipher string for the site's hosts (DEFAULT:@SECLEVEL=1 for small DH keys).
    tls_ciphers: str | None = None

    def canonical(self, url: str) -> str:
        """The identity of `url` on this site (its scheme, host, letter case rules, no fragment)."""
        scheme = urlsplit(self.base_url).scheme
        canonical = canonical_url(
            url,
            case_insensitive=self.case_insensitive_urls,
            scheme=scheme,
            ignore_params=self.ignore_params,
        )
        for alias in self.aliases:
            alias_base = canonical_url(
                alias, case_insensitive=self.case_insensitive_urls, scheme=scheme
            )
            if canonical.startswith(alias_base):
                base = canonical_url(
                    self.base_url, case_insensitive=self.case_insensitive_urls, scheme=scheme
                )
                return base + canonical[len(alias_base) :]
        return canonical

    @property
    def hosts(self) -> tuple[str, ...]:
        """Every host name the site answers on (its own and its aliases')."""
        urls = (self.base_url, *self.aliases)
        return tuple(dict.fromkeys(urlsplit(url).netloc.lower() for url in urls))

    def politeness_host(self, url: str) -> str:
        """The host a request to `url` counts against: an alias counts as the site's own host;
        on the replica, the real host whose virtual path a twin's URLs start with."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if self.twin_of:
            # The replica's one robots.txt stands in for the real host's own.
            path = urlsplit(self.base_url).path if parts.path == "/robots.txt" else parts.path
            return f"{host}/{path.lstrip('/').split('/', 1)[0].lower()}"
        return self.hosts[0] if host in self.hosts else host

    def owns(self, url: str) -> bool:
        return self.relative(url) is not None

    def relative(self, url: str) -> str | None:
        """The canonical URL's part after the base URL (None when the site does not own it)."""
        canonical, base = self.canonical(url), self.canonical(self.base_url)
        return canonical[len(base) :] if canonical.startswith(base) else None

    def public_fields(self) -> dict[str, Any]:
        """What the archive's `sites` table says of this profile."""
        return {
            "slug": self.slug,
            "agency": self.agency,
            "family": self.family,
            "base_url": self.base_url,
            "enabled": int(self.enabled),
            "twin_of": self.twin_of,
            "confidence": self.confidence,
        }

    def is_article(self, url: str) -> bool:
        relative = self.relative(url)
        return relative is not None and bool(self.article_pattern.match(relative))

    def is_listing(self, url: str) -> bool:
        relative = self.relative(url)
        return (
            relative is not None
            and not self.article_pattern.match(relative)
            and bool(self.listing_pattern.match(relative))
        )


def _build(family: Mapping[str, Any], entry: Mapping[str, Any], source: Path) -> SiteProfile:
    unknown = set(entry) - _SITE_KEYS
    if unknown:
        raise RegistryError(f"{source.name}: site {entry.get('slug')!r}: unknown keys {unknown}")
    try:
        selectors = {**family.get("selectors", {}), **entry.get("selectors", {})}
        base_url = entry["base_url"]
        evidence, confidence = confidence_of(family, entry)
        transport = {**family.get("transport", {}), **entry.get("transport", {})}
        aliases, tls_ciphers = transport_of(transport)
        discover = entry.get("discover") or family.get("discover") or [{"kind": "links"}]
        sources = []
        for spec in discover:
            spec = dict(spec)
            kind = spec.pop("kind")
            if kind not in DISCOVERY_KINDS:
                raise RegistryError(f"{source.name}: unknown discovery kind {kind!r}")
            start = spec.pop("start", entry.get("start_urls", [""]))
            sources.append(Source(kind, tuple(urljoin(base_url, p) for p in start), spec))
        return SiteProfile(
            slug=entry["slug"],
            agency=entry["agency"],
            family=family["name"],
            base_url=base_url,
            article_pattern=re.compile(entry.get("article_pattern", family["article_pattern"])),
            listing_pattern=re.compile(entry.get("listing_pattern", family["listing_pattern"])),
            rules=PageRules.from_mapping(selectors),
            case_insensitive_urls=family.get("case_insensitive_urls", False),
            max_listing_depth=entry.get("max_listing_depth", family.get("max_listing_depth", 1000)),
            enabled=entry.get("enabled", True),
            twin_of=entry.get("twin_of"),
            politeness=entry.get("politeness", {}),
            sources=tuple(sources),
            ignore_params=frozenset(p.lower() for p in family.get("ignore_params", [])),
            api={**family.get("api", {}), **entry.get("api", {})},
            confidence=confidence,
            evidence=evidence,
            assumed=tuple(family.get("assumed", [])) + tuple(entry.get("assumed", [])),
            examples=examples_of(entry.get("examples", {})),
            aliases=aliases,
            tls_ciphers=tls_ciphers,
        )
    except KeyError as missing:
        raise RegistryError(f"{source.name}: site {entry.get('slug')!r} lacks {missing}") from None
    except RegistryError:
        raise
    except ValueError as error:  # a selector the profile path cannot use
        raise RegistryError(f"{source.name}: site {entry.get('slug')!r}: {error}") from None


def _replica_base(real_base: str) -> str:
    """Where the replica serves a real base URL: under the real host's virtual path."""
    parts = urlsplit(real_base)
    return f"{{replica}}/{parts.hostname}{parts.path or '/'}"


def _entries_with_twins(
    entries: list[dict[str, Any]], twin_defaults: Mapping[str, Any], source: Path
) -> list[dict[str, Any]]:
    """Site entries, each real site followed by its replica twin `replica-<slug>`, derived by rule:
    the real entry under the real host's virtual path, with the family's `[family.twin]` on top."""
    twins = []
    for real in entries:
        if "twin_of" in real:
            derived = f"{real['slug']} states twin_of: twins are derived from their real entry"
            raise RegistryError(f"{source.name}: {derived}")
        transport = real.get("transport", {})
        aliases = [_replica_base(alias) for alias in transport.get("aliases", [])]
        twin = {
            **real,
            **twin_defaults,
            "slug": f"replica-{real['slug']}",
            "twin_of": real["slug"],
            "base_url": _replica_base(real["base_url"]),
            # The replica speaks plain HTTP; its examples are the real site's.
            "transport": {**transport, "aliases": aliases},
            "examples": {},
        }
        twins.append(twin)
    return entries + twins


def profile_files() -> list[Path]:
    """The registry's TOML files, then those $GOVARCHIVE_SITES names (files or folders)."""
    files = sorted(SITES_DIR.glob("*.toml"))
    for name in filter(None, os.environ.get(EXTRA_SITES_ENV, "").split(os.pathsep)):
        path = Path(name)
        files += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return files


@cache
def load_sites(replica_url: str | None = None) -> dict[str, SiteProfile]:
    """Every profile by slug; replica twins point at `replica_url` (or $GOVARCHIVE_REPLICA_URL)."""
    replica = (replica_url or os.environ.get(REPLICA_URL_ENV) or DEFAULT_REPLICA_URL).rstrip("/")
    sites: dict[str, SiteProfile] = {}
    for source in profile_files():
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        twin_defaults = data["family"].get("twin", {})
        for entry in _entries_with_twins(data.get("site", []), twin_defaults, source):
            entry = {**entry, "base_url": entry["base_url"].replace("{replica}", replica)}
            if aliases := entry.get("transport", {}).get("aliases"):
                aliases = [alias.replace("{replica}", replica) for alias in aliases]
                entry["transport"] = {**entry["transport"], "aliases": aliases}
            profile = _build(data["family"], entry, source)
            if profile.slug in sites:
                raise RegistryError(f"{source.name}: duplicate site slug {profile.slug}")
            sites[profile.slug] = profile
    return sites


def get_site(slug: str, replica_url: str | None = None) -> SiteProfile:
    """The profile named `slug`, or a RegistryError listing the known slugs."""
    sites = load_sites(replica_url)
    if slug not in sites:
        raise RegistryError(f"unknown site {slug!r}; known sites: {', '.join(sorted(sites))}")
    return sites[slug]


def find_site(url: str, replica_url: str | None = None) -> SiteProfile | None:
    """The profile whose base URL is the longest prefix of `url`, if any."""
    owners = [site for site in load_sites(replica_url).values() if site.owns(url)]
    return max(owners, key=lambda site: len(site.base_url), default=None)
