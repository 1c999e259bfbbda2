"""`govarchive capture`: first contact with a portal kept as WARC plus a manifest, for replay."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from crawler.extract import EXTRACTOR_VERSION
from crawler.manifest import MANIFEST
from crawler.probe import ArticleStep, ListingStep, ProbeReport, run_probe
from crawler.sites import SiteProfile

CAPTURE_PAGES = 2  # listing pages per source


def profile_snapshot(profile: SiteProfile) -> dict[str, Any]:
    """What of a profile decides how its pages are read, and a version digest of it."""
    snapshot = {
        "family": profile.family,
        "article_pattern": profile.article_pattern.pattern,
        "listing_pattern": profile.listing_pattern.pattern,
        "selectors": {k: list(v) for k, v in dataclasses.asdict(profile.rules).items() if v},
        "api": dict(profile.api),
        "sources": [
            {"kind": s.kind, "urls": list(s.urls), "options": dict(s.options)}
            for s in profile.sources
        ],
        "confidence": profile.confidence,
    }
    encoded = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, default=str)
    return {"version": hashlib.sha256(encoded.encode()).hexdigest()[:16], **snapshot}


def manifest_of(
    report: ProbeReport, profile: SiteProfile, replica_url: str | None
) -> dict[str, Any]:
    """The manifest of a capture: the site, its profile, and where each record is."""
    records = [
        {
            "url": fetch["url"],
            "kind": "robots",
            "status": fetch.get("status"),
            "warc_file": fetch.get("warc_file"),
            "warc_offset": fetch.get("warc_offset"),
        }
        for fetch in report.fetches
        if fetch.get("kind") == "robots"
    ]
    steps: list[ListingStep | ArticleStep] = [*report.listings, *report.articles]
    records += [step.record for step in steps if step.record and step.record["warc_file"]]
    return {
        "site": profile.slug,
        "base_url": profile.base_url,
        "replica_url": replica_url if profile.twin_of else None,
        "captured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "govarchive": version("govarchive"),
        "extractor_version": EXTRACTOR_VERSION,
        "profile": profile_snapshot(profile),
        "records": records,
    }


def capture_site(
    profile: SiteProfile,
    out: Path,
    *,
    articles: int = 8,
    replica_url: str | None = None,
    log_level: str | None = None,
) -> tuple[ProbeReport, dict[str, Any]]:
    """Fetch robots.txt, two listing pages per source and `articles` articles of the site into
    `out` as WARC, and write the manifest beside (blocks; once per process)."""
    out.mkdir(parents=True, exist_ok=True)
    report = run_probe(
        profile.slug,
        replica_url,
        pages=CAPTURE_PAGES,
        articles=articles,
        warc_dir=out,
        log_level=log_level,
    )
    manifest = manifest_of(report, profile, replica_url)
    text = json.dumps(manifest, ensure_ascii=False, indent=1, default=str)
    (out / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return report, manifest
