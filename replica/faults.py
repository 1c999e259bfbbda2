"""Fault injection: which replica URLs misbehave and how (the --faults SPEC), and the answers."""

# Over 400 lines on purpose: the SPEC grammar, the URL choice and the seventeen fault answers
# are one table read top to bottom; split, each fault would be spread over two files.

from __future__ import annotations

import dataclasses
import math
import random
import re
import threading
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from http import HTTPStatus
from urllib.parse import unquote, urlsplit

from replica.obfuscate import charset_of
from replica.site import Response, digest, number, plain

# name -> (rate when the SPEC gives only the name, default argument or None if it takes none)
DEFAULTS: dict[str, tuple[float, float | None]] = {
    "5xx": (0.05, 2),  # argument: how many requests fail (500, 502, 503, ...) before one succeeds
    "429": (0.05, 2),  # argument: the Retry-After seconds
    "reset": (0.05, None),
    "slow": (0.02, 5.0),  # argument: seconds before the answer
    "truncate": (0.05, None),
    "charset": (0.05, None),
    "metacharset": (0.05, None),
    "nfd": (0.05, None),
    "huge": (0.01, None),
    "bomb": (0.01, None),
    "redirect_loop": (0.02, None),
    "offsite": (0.02, None),
    "moved": (0.02, None),  # 301 to the page under another URL (a slug corrected), which answers
    "binary": (0.02, None),
    "malformed": (0.05, None),
    "sessionid": (0.10, None),
    "trap": (1.0, None),  # not per URL: sites build endless listings (SiteConfig.trap)
}
INTEGER_ARGS = frozenset({"5xx", "429"})
# Faults that fail a URL's first requests only, in the order a URL goes through them.
TRANSIENT = ("reset", "429", "5xx")
# Faults that replace the page; where several are chosen the first listed wins.
TERMINAL = ("redirect_loop", "offsite", "moved", "binary", "bomb", "huge")
# Faults that rewrite an HTML page (applied in this order).
CONTENT = ("sessionid", "malformed", "nfd", "charset", "metacharset")
HUGE_BYTES = 50 * 1024 * 1024
BOMB_BYTES = 1 << 30
LOOP_MARK = "_loop=1"
MOVED_MARK = "_moved=1"
OFFSITE = "http://example.invalid"
SESSION_PARAMS = frozenset({"asp.net_sessionid", "sid", "jsessionid"})
_JSESSIONID = re.compile(r";jsessionid=[^/?#;]*", re.I)


@dataclass(frozen=True)
class Fault:
    name: str
    rate: float
    arg: float | None = None


@dataclass(frozen=True)
class FaultSpec:
    """Parsed --faults SPEC: `name[=rate[:arg]]` items joined by commas, e.g.
    ``5xx=0.1:3,reset,slow=0.01:40,trap``. A bare name takes its default rate; rate 1 means
    every page."""

    faults: tuple[Fault, ...] = ()

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        faults: dict[str, Fault] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            name, _, value = (s.strip() for s in item.partition("="))
            name = name.lower()
            if name not in DEFAULTS:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(DEFAULTS)}")
            rate, arg = DEFAULTS[name]
            raw_rate, colon, raw_arg = value.partition(":")
            if raw_rate:
                rate = _number(name, "rate", raw_rate)
                if not 0 <= rate <= 1:
                    raise ValueError(f"fault {name}: rate {raw_rate!r} is not between 0 and 1")
                if name == "trap" and rate not in (0, 1):
                    raise ValueError("fault trap: rate must be 0 or 1 (it is all or nothing)")
            if colon:
                if arg is None:
                    raise ValueError(f"fault {name} takes no argument (got {raw_arg!r})")
                arg = _number(name, "argument", raw_arg)
                if arg < 0 or (name in INTEGER_ARGS and (arg != int(arg) or arg < 1)):
                    kind = "a whole number >= 1" if name in INTEGER_ARGS else ">= 0"
                    raise ValueError(f"fault {name}: argument {raw_arg!r} must be {kind}")
            if name in INTEGER_ARGS and arg is not None:
                arg = int(arg)
            faults[name] = Fault(name, rate, arg)
        return cls(tuple(faults.values()))

    @classmethod
    def coerce(cls, spec: FaultSpec | str | None) -> FaultSpec:
        if isinstance(spec, FaultSpec):
            return spec
        return cls.parse(spec) if spec else cls()

    def get(self, name: str) -> Fault | None:
        return next((f for f in self.faults if f.name == name), None)

    def arg(self, name: str) -> float:
        fault = self.get(name)
        value = fault.arg if fault else DEFAULTS[name][1]
        return value if value is not None else 0.0

    @property
    def trap(self) -> bool:
        fault = self.get("trap")
        return fault is not None and fault.rate > 0

    def __str__(self) -> str:
        return ",".join(
            f"{f.name}={f.rate:g}" + (f":{f.arg:g}" if f.arg is not None else "")
            for f in self.faults
        )


def _number(name: str, what: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ValueError(f"fault {name}: {what} {raw!r} is not a number")
    return value


def strip_session(target: str) -> str:
    """The request target without the session ids that the `sessionid` fault adds to links."""
    path, mark, query = target.partition("?")
    path = _JSESSIONID.sub("", path)
    if mark:
        query = "&".join(
            p for p in query.split("&") if p.split("=", 1)[0].lower() not in SESSION_PARAMS
        )
    return path + ("?" + query if query else "")


def fault_key(target: str) -> str | None:
    """What fault selection hashes: the lower-cased path and query, session ids and the loop
    mark removed; None for the replica's own endpoints and robots.txt, which never fail."""
    parts = urlsplit(target)
    target = strip_session(parts.path + ("?" + parts.query if parts.query else ""))
    path, _, query = target.partition("?")
    lower = unquote(path or "/", errors="replace").lower()
    if lower == "/" or lower.startswith("/__replica__/") or lower.endswith("/robots.txt"):
        return None
    query = "&".join(p for p in query.split("&") if p and p not in (LOOP_MARK, MOVED_MARK))
    query = query.lower()
    return lower + ("?" + query if query else "")


def _chosen(name: str, key: str, rate: float) -> bool:
    return int.from_bytes(digest("fault", name, key, size=8), "big") < rate * 2**64


def faults_for(spec: FaultSpec | str | None, path: str) -> set[str]:
    """The faults a request path or URL carries under `spec` (pure: same input, same answer).

    Only the faults the server really shows are returned: one terminal fault at most (in
    TERMINAL order), and none of the content faults beside it; `charset` beats `metacharset`,
    and either makes `nfd` moot. Content faults change only text/html answers.
    """
    spec = FaultSpec.coerce(spec)
    key = fault_key(path)
    if key is None:
        return set()
    chosen = {f.name for f in spec.faults if f.name != "trap" and _chosen(f.name, key, f.rate)}
    terminal = next((name for name in TERMINAL if name in chosen), None)
    if terminal:
        chosen -= {*TERMINAL, *CONTENT} - {terminal}
        if terminal in ("redirect_loop", "offsite", "moved", "huge"):
            chosen.discard("truncate")
    if "charset" in chosen:
        chosen.discard("metacharset")
    if chosen & {"charset", "metacharset"}:
        chosen.discard("nfd")
    return chosen


@dataclass(frozen=True)
class Plan:
    """What the server does with one request."""

    faults: frozenset[str] = frozenset()
    key: str = ""
    reset: bool = False  # close the connection with an RST instead of answering
    early: Response | None = None  # the answer, without asking the site
    delay: float = 0.0  # seconds to wait before answering
    truncate: bool = False  # announce the full Content-Length, send half, close


class Injector:
    """Applies a FaultSpec to requests; counts requests only for URLs with a passing fault."""

    def __init__(self, spec: FaultSpec) -> None:
        self.spec = spec
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}

    def reset_counters(self) -> None:
        with self._lock:
            self._seen.clear()

    def plan(self, target: str) -> Plan:
        faults = frozenset(faults_for(self.spec, target)) if self.spec.faults else frozenset()
        if not faults:
            return Plan()
        key = fault_key(target) or ""
        # The passing faults, one request each, in TRANSIENT order; 5xx takes `burst` requests.
        stages = [name for name in TRANSIENT if name in faults and name != "5xx"]
        if "5xx" in faults:
            stages += [("500", "502", "503")[i % 3] for i in range(int(self.spec.arg("5xx")))]
        step = self._advance(key, len(stages)) if stages else 0
        stage = stages[step] if step < len(stages) else None
        common = {
            "faults": faults,
            "key": key,
            "delay": self.spec.arg("slow") if "slow" in faults else 0.0,
            "truncate": "truncate" in faults,
        }
        if stage == "reset":
            return Plan(**common, reset=True)
        if stage == "429":
            retry = str(int(self.spec.arg("429")))
            early = plain(429, "Too Many Requests\n", headers=[("Retry-After", retry)])
            return Plan(**common, early=early)
        if stage:
            return Plan(**common, early=plain(int(stage), HTTPStatus(int(stage)).phrase + "\n"))
        return Plan(**common, early=_terminal(faults, target, key))

    def _advance(self, key: str, limit: int) -> int:
        """This request's 0-based number for `key` (counting stops at `limit`)."""
        with self._lock:
            seen = self._seen.get(key, 0)
            if seen < limit:
                self._seen[key] = seen + 1
            return seen

    def finish(self, plan: Plan, response: Response) -> Response:
        """Apply the faults that change the site's own answer (huge and the content faults)."""
        html = isinstance(response.body, bytes) and response.content_type.lower()[:9] == "text/html"
        if plan.early or not plan.faults or not html:
            return response
        if "huge" in plan.faults:
            return dataclasses.replace(response, body=_huge(response))
        if plan.faults.isdisjoint(CONTENT):
            return response
        charset = charset_of(response.content_type)
        text = response.body.decode(charset, "replace")
        for name, rewrite in REWRITES.items():
            text = rewrite(text, plan.key) if name in plan.faults else text
        if "charset" in plan.faults:  # the header (and any meta) still say utf-8: a wrong charset
            body, content_type = to_cp1258(text), "text/html; charset=utf-8"
        elif "metacharset" in plan.faults:
            body, content_type = to_cp1258(set_meta_charset(text)), "text/html"
        else:
            body, content_type = text.encode(charset, "xmlcharrefreplace"), response.content_type
        return dataclasses.replace(response, body=body, content_type=content_type)


def _marked(target: str, mark: str) -> bool:
    return mark in target.partition("?")[2].split("&")


def _terminal(faults: frozenset[str], target: str, key: str) -> Response | None:
    target = strip_session(target)
    if "moved" in faults:
        if _marked(target, MOVED_MARK):
            return None  # the page's new address: it answers
        location = target + ("&" if "?" in target else "?") + MOVED_MARK
        page = f'<html><body>Moved to <a href="{escape(location)}">here</a>.</body></html>'
        return Response(301, page.encode(), headers=(("Location", location),))
    if "redirect_loop" in faults or "offsite" in faults:
        if "offsite" in faults:
            location = OFFSITE + target
        elif _marked(target, LOOP_MARK):
            path, _, query = target.partition("?")
            query = "&".join(p for p in query.split("&") if p != LOOP_MARK)
            location = path + ("?" + query if query else "")
        else:
            location = target + ("&" if "?" in target else "?") + LOOP_MARK
        page = (
            "<html><head><title>Object moved</title></head><body>"
            f'<h2>Object moved to <a href="{escape(location)}">here</a>.</h2></body></html>'
        )
        return Response(302, page.encode(), headers=(("Location", location),))
    if "binary" in faults:
        rng = random.Random(f"binary/{key}")
        magic = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        return Response(200, rng.choice(magic) + rng.randbytes(4096), "application/octet-stream")
    if "bomb" in faults:
        return Response(200, gzip_bomb(), headers=(("Content-Encoding", "gzip"),))
    return None


_HUGE_CHUNK = (
    "<p>Nội dung bổ sung của trang được lặp lại nhiều lần để kiểm tra giới hạn kích thước "
    "trang mà trình thu thập dữ liệu chấp nhận tải về.</p>\n" * 400
).encode("utf-8")


def _huge(response: Response) -> Iterator[bytes]:
    # The real page, then ~50 MB of filler before </body>; one chunk object reused: flat memory.
    page = response.body if isinstance(response.body, bytes) else b""
    cut = page.rfind(b"</body>")
    cut = len(page) if cut < 0 else cut
    yield page[:cut]
    for _ in range(HUGE_BYTES // len(_HUGE_CHUNK) + 1):
        yield _HUGE_CHUNK
    yield page[cut:]


@lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    """~1 MB of gzip that inflates to 1 GiB of zeros (built once, then cached)."""
    zeros = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    # After a full flush the compressor starts afresh, so every 1 MiB of zeros compresses to
    # the same bytes: compress one, repeat it.
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(BOMB_BYTES // len(zeros)):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = crc.to_bytes(4, "little") + (BOMB_BYTES % 2**32).to_bytes(4, "little")
    return header + block * (BOMB_BYTES // len(zeros)) + b"\x03\x00" + trailer


TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=1)
def _cp1258_table() -> dict[int, str]:
    """Vietnamese letters windows-1258 lacks -> base letter + a combining tone mark it has."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        char = chr(code)
        try:
            char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        shape = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
        spelled = shape + "".join(m for m in marks if m in TONES)
        try:
            spelled.encode("cp1258")
        except UnicodeEncodeError:
            continue
        table[code] = spelled
    return table


def to_cp1258(text: str) -> bytes:
    normal = unicodedata.normalize("NFC", text).translate(_cp1258_table())
    return normal.encode("cp1258", "xmlcharrefreplace")


_META_CHARSET = re.compile(r"<meta\b[^>]*\bcharset\s*=[^>]*>\s*", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


def set_meta_charset(text: str, charset: str = "windows-1258") -> str:
    text = _META_CHARSET.sub("", text)
    head = _HEAD.search(text)
    at = head.end() if head else 0
    return f'{text[:at]}<meta charset="{charset}">{text[at:]}'


_RAW = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->)", re.I | re.S)
_CLOSE = re.compile(r"</(?:p|div|li|span|td|tr)\s*>", re.I)
_A_HREF = re.compile(r"""(<a\b[^>]*?\shref\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _outside_raw(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str:
    # Scripts, styles and comments are raw text: a tag-looking string there is not markup.
    parts = _RAW.split(text)
    return "".join(p if i % 2 else pattern.sub(repl, p) for i, p in enumerate(parts))


def malform(text: str, key: str) -> str:
    """Break the markup the way old CMS pages are broken, without changing the text: drop ~30%
    of closing tags, open a <div> and a <table> never closed, a stray </html> mid-page and an
    attribute with unbalanced quotes."""
    rng = random.Random(f"malformed/{key}")
    text = _outside_raw(text, _CLOSE, lambda m: "" if rng.random() < 0.3 else m.group(0))
    body = re.search(r"<body\b[^>]*>", text, re.I)
    at = body.end() if body else 0
    text = f'{text[:at]}<div class="noi-dung"><span title="Tin "noi bat"></span>{text[at:]}'
    middle = _CLOSE.search(text, len(text) // 2)
    if middle:
        text = f"{text[: middle.end()]}</html>{text[middle.end() :]}"
    later = _CLOSE.search(text, len(text) * 3 // 4)
    if later:
        text = f"{text[: later.end()]}<table><tr><td>{text[later.end() :]}"
    return text


def add_session_ids(text: str, key: str) -> str:
    """Give every same-site <a href> a session id: ;jsessionid= in the path, or an
    ASP.NET_SessionId= or sid= query parameter."""
    session = digest("session", key).hex().upper()

    def rewrite(match: re.Match[str]) -> str:
        lead, quote, href = match.groups()
        if not href or href.startswith(("#", "//")) or _SCHEME.match(href):
            return match.group(0)
        base, hashmark, fragment = href.partition("#")
        path, _, query = base.partition("?")
        kind = number("sid", key, href, below=3)
        if kind == 0:
            path += f";jsessionid={session}"
        else:
            param = f"{('ASP.NET_SessionId', 'sid')[kind - 1]}={session[:24].lower()}"
            query = f"{query}&amp;{param}" if query else param
        new = path + ("?" + query if query else "") + hashmark + fragment
        return f"{lead}{quote}{new}{quote}"

    return _outside_raw(text, _A_HREF, rewrite)


# The content faults that rewrite a page's text (with the URL's key), in the order they apply.
REWRITES: dict[str, Callable[[str, str], str]] = {
    "sessionid": add_session_ids,
    "malformed": malform,
    "nfd": lambda text, _: unicodedata.normalize("NFD", text),
}
