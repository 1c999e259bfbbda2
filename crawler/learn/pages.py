"""The pages of a capture folder, read back from its WARC records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive import read_snapshot
from crawler.extract.decode import decode_html
from crawler.extract.errors import ExtractionError
from crawler.manifest import CaptureError


class LearnError(CaptureError):
    """A capture that cannot be learned from; the message says why."""


@dataclass(frozen=True, slots=True)
class Page:
    """One captured answer: its URL, what the capture took it for, and its text."""

    url: str
    kind: str  # robots, listing, article, feed, sitemap, script
    status: int
    text: str
    content_type: str


def read_pages(directory: Path, manifest: dict[str, Any]) -> list[Page]:
    """Every captured answer with status 200, in capture order, then the scripts the home
    page loads (kept apart: replay has nothing to do with them)."""
    pages = []
    scripts = [{**record, "kind": "script"} for record in manifest.get("scripts", [])]
    for record in [*manifest.get("records", []), *scripts]:
        if not record.get("warc_file") or record.get("status") != 200:
            continue
        try:
            snapshot = read_snapshot(directory, record["warc_file"], record["warc_offset"])
        except (OSError, ValueError) as error:
            raise LearnError(f"{record['url']}: its WARC record cannot be read ({error})") from None
        headers = {k.lower(): v for k, v in snapshot.headers}
        content_type = headers.get("content-type", "")
        try:
            text = decode_html(snapshot.body, content_type or None, nfc=True)
        except ExtractionError:
            continue  # an image or a PDF: nothing to learn from
        pages.append(Page(record["url"], record["kind"], snapshot.status, text, content_type))
    return pages
