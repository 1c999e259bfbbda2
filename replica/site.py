"""The interface every replica site implements, plus the small helpers sites share."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
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


class Site(Protocol):
    """One replica site mounted under its own path prefix (e.g. "/dongthap/")."""

    slug: str  # names the site everywhere: truth records, sites.json, crawler profile
    family: str
    prefix: str

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str]) -> Response:
        """Answer a request; `path` is percent-decoded, `headers` have lower-case names."""
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
