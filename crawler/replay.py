"""`govarchive replay`: a profile run offline on a capture, by the crawl's own callbacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes

from archive import Archive, read_snapshot
from crawler.check import CheckResult, judge
from crawler.manifest import CaptureError, read_manifest
from crawler.meta import CANONICAL_URL, KIND
from crawler.probe import ListingStep, ProbeReport, ProbeSpider
from crawler.sites import SiteProfile, Source, get_site
from crawler.spiders.portal import CrawlPlan

# The body in a WARC record is decoded already; these would describe the bytes on the wire.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def replay_profile(manifest: dict[str, Any], site: str | None) -> SiteProfile:
    """The profile to replay with: `site`, or the manifest's; a replica twin points where the
    capture was made."""
    return get_site(site or manifest["site"], manifest.get("replica_url"))


def _response(directory: Path, record: dict[str, Any], profile: SiteProfile) -> Response:
    """The response a crawl's callback saw, rebuilt from its WARC record."""
    snapshot = read_snapshot(directory, record["warc_file"], record["warc_offset"])
    headers = Headers([(k, v) for k, v in snapshot.headers if k.lower() not in _WIRE_HEADERS])
    url = record["url"]
    kind = {"api": "article"}.get(record["kind"], record["kind"])
    meta = {KIND: kind, CANONICAL_URL: profile.canonical(url)}
    request = Request(url, method=record.get("method", "GET"), meta=meta)
    cls = responsetypes.from_args(headers=headers, url=url, body=snapshot.body)
    return cls(
        url=url, status=snapshot.status, headers=headers, body=snapshot.body, request=request
    )


def _source(profile: SiteProfile, record: dict[str, Any], captured: list[dict]) -> Source | None:
    """The profile's source that reads a captured listing: the same one if the profile is the
    capture's, else its first source of the same kind."""
    index = record.get("source")
    kind = captured[index]["kind"] if index is not None and index < len(captured) else None
    if index is not None and index < len(profile.sources) and profile.sources[index].kind == kind:
        return profile.sources[index]
    return next((source for source in profile.sources if source.kind == kind), None)


def replay_capture(directory: Path, profile: SiteProfile) -> ProbeReport:
    """What a crawl with `profile` reads from the capture in `directory` (no network)."""
    manifest = read_manifest(directory)
    report = ProbeReport(profile.slug)
    spider = ProbeSpider(
        profile=profile,
        plan=CrawlPlan(),
        archive=Archive.in_memory(),
        report=report,
        pages=10**6,
        articles=10**6,
    )
    captured = manifest["profile"]["sources"]
    for record in manifest["records"]:
        if record["kind"] == "robots":
            report.fetches.append({**record, "kind": "robots"})
            continue
        try:
            response = _response(directory, record, profile)
        except (OSError, ValueError) as error:
            raise CaptureError(
                f"{record['url']}: its WARC record cannot be read ({error})"
            ) from None
        kwargs = dict(record.get("cb_kwargs") or {})
        if record["kind"] == "listing":
            source = _source(profile, record, captured)
            if source is None:
                kind = captured[record["source"]]["kind"]
                problem = f"the {profile.slug} profile has no {kind} source to read it"
                report.listings.append(ListingStep(record["url"], kind, -1, 1, problem=problem))
                continue
            kwargs["source"] = source
        callback: Callable[..., Any] = getattr(spider, record["callback"])
        for _ in callback(response, **kwargs):
            pass
    return report


def replay(
    directory: Path, site: str | None = None, say: Callable[[str], None] = print
) -> CheckResult:
    """Replay the capture in `directory` with `site`'s profile (the capture's by default)."""
    manifest = read_manifest(directory)
    profile = replay_profile(manifest, site)
    say(f"replay of {manifest['site']} (captured {manifest['captured_at']}) with {profile.slug}")
    return judge(replay_capture(directory, profile), profile, say)
