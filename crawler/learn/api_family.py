"""Known JSON-API families: recognised by the endpoints a capture's pages and scripts call."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.learn.pages import Page
from crawler.sites import SITES_DIR, SiteProfile, _build

# What a learned API profile copies from the family's file: how it lists and reads articles.
_COPIED = ("article_pattern", "listing_pattern", "max_listing_depth", "discover", "api")


@dataclass(frozen=True, slots=True)
class ApiFamily:
    """A family whose articles are JSON answers, as its TOML file (family or sole site) states."""

    name: str
    source: str  # crawler/sites/<file>.toml
    markers: tuple[str, ...]  # how its scripts name each endpoint: "reads?offset="
    defaults: dict[str, Any] = field(default_factory=dict)  # the _COPIED keys


def marker(url: str) -> str:
    """An endpoint as a page's script spells it: its last path segment and first parameter
    ("api/article/reads?offset={offset}&limit=20" -> "reads?offset=")."""
    parts = urlsplit(url)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    first = parts.query.split("&", 1)[0].split("=", 1)[0]
    return f"{name}?{first}=" if first else name


def _family(path: Path) -> ApiFamily | None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    stated = {key: document["family"][key] for key in _COPIED if key in document["family"]}
    sites = document.get("site", [])
    if len(sites) == 1:  # a family of one site states its own endpoints on the site
        stated |= {key: sites[0][key] for key in _COPIED if key in sites[0]}
    lists = [s for s in stated.get("discover", []) if s.get("kind") == "json_api"]
    if not lists or not stated.get("api", {}).get("url"):
        return None
    urls = [spec["url"] for spec in lists] + [stated["api"]["url"]]
    markers = tuple(dict.fromkeys(marker(url) for url in urls))
    source = f"crawler/sites/{path.name}"
    return ApiFamily(document["family"]["name"], source, markers, stated)


@cache
def api_families() -> tuple[ApiFamily, ...]:
    """Every family of the registry whose lists and articles come from a JSON API."""
    found = (_family(path) for path in sorted(SITES_DIR.glob("*.toml")))
    return tuple(family for family in found if family is not None)


def recognise_api(pages: Sequence[Page]) -> ApiFamily | None:
    """The API family every one of whose endpoints the captured pages or scripts name; None
    when none (or more than one) does."""
    text = "\n".join(page.text for page in pages if page.kind in ("listing", "script"))
    found = [family for family in api_families() if all(m in text for m in family.markers)]
    return found[0] if len(found) == 1 else None


def api_profile(family: ApiFamily, base: dict[str, Any], seen: str) -> dict[str, Any]:
    """The learned profile `base` (its site entry and capture evidence) with the family's
    lists and article API in place of selectors: the capture holds no article to learn from."""
    learned = {key: value for key, value in base["family"].items() if key != "selectors"}
    learned |= family.defaults | {"name": family.name}
    site = base["site"][0]
    evidence = site["evidence"][0]
    evidence["covers"] = ["urls", "api"]
    evidence["shows"] = (
        f"{seen}; its scripts call {', '.join(family.markers)}: the {family.name} family's "
        f"list and article API, whose defaults ({family.source}) this profile copies"
    )
    return {"family": learned, "site": [site]}


def capture_site_profile(family: ApiFamily, base_url: str) -> SiteProfile:
    """A profile of the family's lists and article API at `base_url`, for a capture to ask them
    as a crawl would (it reads no page, so it needs no selectors and no evidence)."""
    entry = {"slug": "capture", "agency": "", "base_url": base_url, "confidence": "assumed"}
    # The registry's own builder, so the family's lists and API read as in a crawl.
    return _build({"name": family.name, **family.defaults}, entry, Path(family.source))
