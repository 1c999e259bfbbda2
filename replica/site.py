"""The interface every replica site implements, plus the small helpers sites share."""

from __future__ import annotations

import base64
import hashlib
import tomllib
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl

T = TypeVar("T")


@dataclass(frozen=True)
class Response:
    """What a site answers; the server adds Content-Length, Date and conditional-GET handling."""

    status: int
    body: bytes | Iterable[bytes] = b""  # an iterable is streamed (no Content-Length)
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    last_modified: datetime | None = None  # timezone-aware


def plain(
    status: int, text: str, content_type: str = "text/plain; charset=utf-8", headers: Any = ()
) -> Response:
    """A text answer: the replica's own pages, and the answers of faults and errors."""
    return Response(status, text.encode("utf-8"), content_type, tuple(headers))


@dataclass(frozen=True)
class Request:
    """What a site sees of a request: `path` percent-decoded, header names lower-cased."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes = b""


@dataclass(frozen=True)
class SiteConfig:
    """How a site is generated, and how it has changed since the base state.

    `articles` is the base state; `new_articles` more appear at the top of the listings,
    `edit_rate` of the articles carry changed text (and a later Last-Modified), so do the
    `edits` newest base articles (corrections come soon after publication), and `remove`
    articles answer 404/410 and leave the listings. `trap` makes listings page on forever.
    """

    seed: int = 1
    articles: int = 45
    new_articles: int = 0
    edit_rate: float = 0.0
    edits: int = 0
    remove: int = 0
    trap: bool = False


class Site(Protocol):
    """One replica site: the real `host` it imitates, mounted at `prefix` ("/<host>/...")."""

    slug: str  # names the site everywhere: truth records, sites.json, crawler profile
    family: str
    host: str
    prefix: str

    def handle(self, request: Request) -> Response:
        """Answer a request whose path starts with `prefix` (in any letter case)."""
        ...

    def robots(self) -> str:
        """This host's robots.txt rules (paths relative to the host root), or ""."""
        ...

    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        """Yield the expected record of every article, its `url` starting with base_url."""
        ...

    def article_count(self) -> int: ...


def query_ci(query: str) -> dict[str, str]:
    """Parse a query string with lower-cased keys (ASP.NET reads them case-insensitively)."""
    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        params.setdefault(key.lower(), value)
    return params


def digest(*parts: object, size: int = 16) -> bytes:
    """Stable bytes from any parts; unlike hash() it does not change between runs."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.shake_256(text.encode("utf-8")).digest(size)


def number(*parts: object, below: int) -> int:
    """A stable integer in [0, below) derived from the parts."""
    return int.from_bytes(digest(*parts, size=8), "big") % below


def pick(options: Sequence[T], *parts: object) -> T:
    return options[number(*parts, below=len(options))]


def stable_uuid(*parts: object) -> uuid.UUID:
    return uuid.UUID(bytes=digest(*parts), version=4)


def junk_base64(*parts: object, size: int) -> str:
    """Deterministic base64 that looks like an ASP.NET __VIEWSTATE blob."""
    return base64.b64encode(b"\xff\x01\x0f\x0f" + digest(*parts, size=size)).decode("ascii")


def collapse(text: str) -> str:
    """Collapse runs of whitespace (NBSP included, as str.split does) and trim."""
    return " ".join(text.split())


def truth_line(site: str, url: str, title: str, paragraphs: Iterable[str], **fields: Any) -> dict:
    """A truth record (docs/replica.md), its keys in their order: the body fields made of the
    paragraphs (white space collapsed, empty ones dropped), the rest as given, else empty."""
    kept = [p for p in map(collapse, paragraphs) if p]
    record: dict[str, Any] = {"site": site, "url": url, "title": title, **dict.fromkeys(_NULLS)}
    record.update(tags=[], attachments=[], images=[], body_text="\n\n".join(kept))
    record.update(first_paragraph=(kept or [None])[0], last_paragraph=(kept or [None])[-1])
    record.update(paragraph_count=len(kept), cited_documents=[], status="live", edited=False)
    return {**record, **fields}


_NULLS = ("published", "updated", "author_unit", "author", "summary", "category")


def template(module_file: str, name: str) -> str:
    """A markup template kept beside a family's code (`templates/<name>`), byte for byte."""
    return (Path(module_file).parent / "templates" / name).read_bytes().decode("utf-8")


def templates(module_file: str) -> dict[str, str]:
    """Every `.html` template beside a family's code, by its name without the extension."""
    folder = Path(module_file).parent / "templates"
    return {path.stem: template(module_file, path.name) for path in folder.glob("*.html")}


@cache
def data_file(module_file: str, name: str) -> dict[str, Any]:
    """A TOML data file kept beside a family's code, read once (callers must not change it)."""
    with (Path(module_file).parent / name).open("rb") as handle:
        return tomllib.load(handle)
