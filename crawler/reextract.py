"""Re-extraction: rebuild every extracted field of an archive from its WARC snapshots, offline."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive import Archive, read_snapshot
from crawler.extract import ExtractionError, extract_api_article, extract_article
from crawler.sites import SiteProfile, load_sites

BATCH = 200


@dataclass(slots=True)
class ReextractResult:
    """What a re-extraction did."""

    versions: int = 0
    articles: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.versions / self.seconds if self.seconds else 0.0


def extract_snapshot(
    body: bytes,
    snapshot_url: str,
    content_type: str | None,
    article_url: str,
    profile: SiteProfile | None,
) -> dict[str, Any]:
    """The extracted fields of one archived response, as the crawl produced them."""
    if profile is not None and profile.api and snapshot_url != article_url:
        article = extract_api_article(json.loads(body), article_url, profile)
    else:
        article = extract_article(body, snapshot_url, profile, content_type=content_type)
    return article.to_dict()


def reextract(
    db_path: Path,
    warc_dir: Path,
    site: str | None = None,
    progress: Callable[[int], None] = lambda done: None,
    versions: list[dict[str, Any]] | None = None,
) -> ReextractResult:
    """Re-extract every version of every article (of `site`) from its WARC record, or the
    `versions` given (rows of Archive.versions_to_reextract); `progress` hears how many more
    are done."""
    started = time.perf_counter()
    archive = Archive.open(db_path)
    profiles = load_sites()
    result = ReextractResult()
    try:
        if versions is None:
            versions = archive.versions_to_reextract(site)
        for batch in _batches(versions):
            records: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
            for version in batch:
                try:
                    snapshot = read_snapshot(warc_dir, version["warc_file"], version["warc_offset"])
                    fields = extract_snapshot(
                        snapshot.body,
                        snapshot.url,
                        snapshot.header("Content-Type"),
                        version["article_url"],
                        profiles.get(version["site"]),
                    )
                except (OSError, ValueError, ExtractionError) as error:
                    result.failures.append((version["article_url"], str(error)))
                    continue
                # The archive's identity and fetch facts stay; only extracted fields change.
                fields["url"] = version["article_url"]
                records.append((version, fields))
            result.articles += archive.rewrite_extraction(records)
            result.versions += len(batch)
            progress(len(batch))
    finally:
        archive.close()
    result.seconds = time.perf_counter() - started
    return result


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
