"""The learned profile as a TOML file the registry reads ($GOVARCHIVE_SITES)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

# A twin on this machine needs no gentleness (the replica families' own twin politeness).
_LOCAL_POLITENESS = {
    "download_delay": 0,
    "concurrent_requests_per_domain": 8,
    "autothrottle": False,
}


def profile_document(
    *,
    slug: str,
    agency: str,
    family: str,
    base_url: str,
    replica_url: str | None,
    capture: Path,
    selectors: dict[str, list[str]],
    settings: dict[str, Any],
    article_pattern: str,
    listing_pattern: str,
    discover: list[dict[str, Any]],
    shows: str,
) -> dict[str, Any]:
    """The TOML document of one learned site: a family of its own holding what was learned
    (with the recognised family's defaults), and the site entry with its capture as evidence."""
    site: dict[str, Any] = {"slug": slug, "agency": agency, "base_url": base_url}
    if replica_url and base_url.startswith(replica_url.rstrip("/") + "/"):
        site["base_url"] = "{replica}" + base_url[len(replica_url.rstrip("/")) :]
        site["politeness"] = dict(_LOCAL_POLITENESS)
    site["confidence"] = "learned"
    site["evidence"] = [
        {
            "source": f"capture:{capture}",
            "seen": date.today().isoformat(),
            "covers": ["urls", "listing", "pagination", "selectors", "dates"],
            "shows": shows,
        }
    ]
    return {
        "family": {
            "name": family,
            "description": f"learned by `govarchive learn` from {capture}",
            **settings,
            "article_pattern": article_pattern,
            "listing_pattern": listing_pattern,
            "discover": discover,
            "selectors": selectors,
        },
        "site": [site],
    }


def write_profile(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Learned by `govarchive learn`; review before crawling (docs/adding-a-portal.md).\n"
    path.write_text(header + tomli_w.dumps(document, multiline_strings=False), encoding="utf-8")
