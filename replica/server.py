"""HTTP server that mounts replica sites side by side by path prefix, plus the truth endpoints."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from replica.catalog import build_sites
from replica.faults import FaultSpec, Injector, Plan, faults_for, strip_session
from replica.legacy_tls import legacy_server_context
from replica.obfuscate import Obfuscator
from replica.site import Request, Response, Site, SiteConfig, plain

INTERNAL = "/__replica__/"


@dataclass
class Router:
    """Dispatch a request to the site whose prefix matches (case-insensitively), or answer
    the replica's own endpoints under /__replica__/."""

    sites: Sequence[Site]
    obfuscate: bool = False
    seed: int = 1
    crawl_delay: float | None = None
    disallow: Sequence[str] = ()

    def __post_init__(self) -> None:
        self.sites = sorted(self.sites, key=lambda s: len(s.prefix), reverse=True)
        self._robots = {f"/{s.host}/robots.txt": s.host for s in self.sites}
        salts = {s.slug: f"{self.seed}\x1f{s.slug}" for s in self.sites} if self.obfuscate else {}
        self.obfuscators = {slug: Obfuscator(salt) for slug, salt in salts.items()}

    def site_for(self, target: str) -> Site | None:
        """The site whose pages include a request target (not its robots.txt), or None."""
        return self._site(unquote(urlsplit(target).path or "/", errors="replace").lower())

    def _site(self, lower_path: str) -> Site | None:
        if lower_path in self._robots:
            return None
        return next((s for s in self.sites if lower_path.startswith(s.prefix.lower())), None)

    def dispatch(
        self, method: str, target: str, headers: Mapping[str, str], base: str, body: bytes = b""
    ) -> Response:
        parts = urlsplit(strip_session(target))
        path, query = unquote(parts.path or "/", errors="replace"), parts.query
        lower = path.lower()
        if lower.startswith(INTERNAL):
            return self._internal(lower[len(INTERNAL) :], query, base)
        if lower == "/":
            return self._index(base)
        if lower == "/robots.txt":
            return plain(200, self.robots())
        if lower in self._robots:
            return plain(200, self.robots(self._robots[lower]))
        site = self._site(lower)
        if site is not None:
            response = site.handle(Request(method, path, query, headers, body))
            obfuscator = self.obfuscators.get(site.slug)
            return obfuscator.response(response) if obfuscator else response
        for site in self.sites:
            if lower + "/" == site.prefix.lower():
                return Response(302, b"", headers=(("Location", site.prefix),))
        return plain(404, "Not Found\n")

    def robots(self, host: str | None = None) -> str:
        """robots.txt: one host's own rules, or at the root every host's under its prefix.

        All hosts share the replica's one port, so a crawler reads the root file; each
        host's rules appear there with the host's virtual path in front.
        """
        lines = ["User-agent: *"]
        for site in self.sites:
            if host is not None and site.host != host:
                continue
            mount = "" if host else f"/{site.host}"
            for rule in site.robots().splitlines():
                field, _, value = rule.partition(":")
                value = value.strip()
                if field.strip().lower() in {"disallow", "allow"} and value.startswith("/"):
                    value = mount + value
                lines.append(f"{field.strip()}: {value}")
        if host is None:
            lines += [f"Disallow: {path}" for path in self.disallow]
        if self.crawl_delay is not None:
            lines.append(f"Crawl-delay: {self.crawl_delay:g}")
        return "\n".join(dict.fromkeys(lines)) + "\n"

    def _internal(self, name: str, query: str, base: str) -> Response:
        if name == "sites.json":
            sites = [
                {
                    "slug": s.slug,
                    "family": s.family,
                    "base_url": base + s.prefix,
                    "articles": s.article_count(),
                }
                for s in self.sites
            ]
            body = json.dumps(sites, ensure_ascii=False, indent=1) + "\n"
            return plain(200, body, "application/json; charset=utf-8")
        if name == "truth.jsonl":
            wanted = parse_qs(query).get("site")
            sites = [s for s in self.sites if not wanted or s.slug in wanted]
            if not sites:
                return plain(404, f"no site {wanted}\n")
            return Response(200, _jsonl(sites, base), content_type="application/x-ndjson")
        return plain(404, "Not Found\n")

    def _index(self, base: str) -> Response:
        rows = "".join(
            f'<li><a href="{s.prefix}">{s.slug}</a> ({s.family}, {s.article_count()})</li>'
            for s in self.sites
        )
        html = f"<!DOCTYPE html><html><body><h1>Replica portals</h1><ul>{rows}</ul></body></html>"
        return plain(200, html, "text/html; charset=utf-8")


def _jsonl(sites: Iterable[Site], base: str) -> Iterator[bytes]:
    # Streamed so memory stays flat however many articles a site has.
    for site in sites:
        for record in site.truth(base):
            yield (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class Served(NamedTuple):
    """One request the replica answered."""

    arrived: float  # time.monotonic()
    method: str
    target: str
    status: int | None  # None: the connection was reset (a fault)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    router: Router  # swapped whole by ReplicaServer.reconfigure; a request reads it once
    injector: Injector
    verbose: bool

    def server_activate(self) -> None:
        # What clients asked for and when (arrival, method, target, status or None for a
        # reset), for tests that watch a crawler's manners; bounded so a long demo can't grow it.
        self.served: deque[Served] = deque(maxlen=200_000)
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.stopping = threading.Event()  # ends slow-fault waits when the server stops
        super().server_activate()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up (or stop() closing its connection) is not worth a traceback.
        if not isinstance(sys.exc_info()[1], OSError) or self.verbose:
            super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """End keep-alive connections too, so a stopped replica really stops answering."""
        with self._lock:
            open_now = list(self._open)
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: _HTTPServer

    def do_GET(self) -> None:  # and HEAD, and POST (ASP.NET postbacks, JSON list APIs)
        length = int(self.headers.get("Content-Length") or 0) if self.command == "POST" else 0
        body = self.rfile.read(length)
        arrived = time.monotonic()
        status = self._answer(self.command, body)
        self.server.served.append(Served(arrived, self.command, self.path, status))

    do_HEAD = do_POST = do_GET

    def _answer(self, method: str, body: bytes) -> int | None:
        """Answer the request; the status sent, or None when the connection was reset."""
        headers = {k.lower(): v for k, v in self.headers.items()}
        host = headers.get("host") or "{}:{}".format(*self.server.server_address[:2])
        router, plan = self.server.router, Plan()
        try:
            if router.site_for(self.path) is not None:
                plan = self.server.injector.plan(self.path)
            if plan.reset:
                self._reset()
                return None
            response = plan.early or self.server.injector.finish(
                plan, router.dispatch(method, self.path, headers, f"http://{host}", body)
            )
        except Exception as exc:  # a replica bug must show up as a 500, not a hung client
            self.log_error("replica error on %s: %r", self.path, exc)
            response = plain(500, "Internal Server Error\n")
        if plan.delay and self.server.stopping.wait(plan.delay):
            self._reset()
            return None
        try:
            return self._send(method, response, headers, truncate=plan.truncate)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return None

    def _reset(self) -> None:
        """Drop the connection with a TCP RST and no answer (SO_LINGER 0, then close)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            linger = struct.pack("ii", 1, 0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            self.connection.close()  # the socket really closes once rfile/wfile close, in finish()

    def _send(
        self, method: str, response: Response, headers: Mapping[str, str], truncate: bool = False
    ) -> int:
        status, body = response.status, response.body
        etag = _etag(body) if status == 200 and isinstance(body, bytes) else None
        if status == 200 and _not_modified(etag, response.last_modified, headers):
            status, body = 304, b""
        self.log_request(status, len(body) if isinstance(body, bytes) else "-")
        self.send_response_only(status)  # unlike send_response, adds no Server header of its own
        self.send_header("Date", self.date_time_string())
        for name, value in response.headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Type", response.content_type)
        if response.last_modified:
            self.send_header("Last-Modified", format_datetime(response.last_modified, True))
        if etag:
            self.send_header("ETag", etag)
        streamed = not isinstance(body, bytes)
        if streamed or truncate:
            self.send_header("Connection", "close")
            self.close_connection = True
        if not streamed:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "HEAD" or status == 304:
            return status
        if isinstance(body, bytes):  # truncate: the header promised it all, half comes
            self.wfile.write(body[: len(body) // 2] if truncate else body)
            return status
        for chunk in body:
            self.wfile.write(chunk)
        return status

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=10).hexdigest() + '"'


def _not_modified(etag: str | None, modified: datetime | None, headers: Mapping[str, str]) -> bool:
    """Whether a conditional GET's validators match: If-None-Match wins over If-Modified-Since."""
    if etag and "if-none-match" in headers:
        tags = {tag.strip().removeprefix("W/") for tag in headers["if-none-match"].split(",")}
        return "*" in tags or etag in tags
    if modified and "if-modified-since" in headers:
        with contextlib.suppress(TypeError, ValueError):
            return modified.replace(microsecond=0) <= parsedate_to_datetime(
                headers["if-modified-since"]
            )
    return False


class ReplicaServer:
    """The replica portals on one port, served from a daemon thread.

    `obfuscate` randomizes every site's markup (replica/obfuscate.py), `faults` makes chosen
    URLs misbehave (replica/faults.py), `crawl_delay` and `disallow` (more paths) go into the
    root robots.txt; `legacy_tls` serves HTTPS with a 1024-bit DH key (replica/legacy_tls.py).

    Example: ``with ReplicaServer(faults="5xx,reset") as srv: httpx.get(srv.url + "/")``
    """

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        articles: int = 45,
        *,
        config: SiteConfig | None = None,
        sites: Sequence[Site] | None = None,
        verbose: bool = False,
        obfuscate: bool = False,
        faults: str | FaultSpec | None = None,
        crawl_delay: float | None = None,
        disallow: Sequence[str] = (),
        legacy_tls: bool = False,
    ) -> None:
        self.host, self.port = host, port
        self.legacy_tls = legacy_tls
        self.disallow = tuple(disallow)
        self.faults = FaultSpec.coerce(faults)
        self.obfuscate, self.crawl_delay = obfuscate, crawl_delay
        self.config = self._effective(config or SiteConfig(articles=articles))
        self.sites = list(sites) if sites is not None else build_sites(self.config)
        self.verbose = verbose
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _effective(self, config: SiteConfig) -> SiteConfig:
        # The trap is the one fault sites implement themselves.
        return dataclasses.replace(config, trap=True) if self.faults.trap else config

    def _router(self) -> Router:
        return Router(self.sites, self.obfuscate, self.config.seed, self.crawl_delay, self.disallow)

    def reconfigure(self, config: SiteConfig) -> None:
        """Swap in sites built from `config` on the same port (thread-safe): a crawl after
        this sees the new, edited and removed articles. Fault counters start afresh."""
        config = self._effective(config)
        sites = build_sites(config)
        with self._lock:
            self.config, self.sites = config, sites
            if self._httpd is not None:
                self._httpd.router = self._router()
                self._httpd.injector.reset_counters()

    def faults_for(self, url: str) -> set[str]:
        """The faults this server gives `url` (a path or a full URL); empty off the sites."""
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        return faults_for(self.faults, path) if Router(self.sites).site_for(path) else set()

    @property
    def url(self) -> str:
        return f"{'https' if self.legacy_tls else 'http'}://{self.host}:{self.port}"

    def served(self) -> list[Served]:
        """The requests answered so far (arrival time on time.monotonic()), oldest first."""
        return list(self._httpd.served) if self._httpd is not None else []

    def start(self) -> ReplicaServer:
        httpd = _HTTPServer((self.host, self.port), _Handler)
        httpd.router, httpd.verbose = self._router(), self.verbose
        httpd.injector = Injector(self.faults)
        if self.legacy_tls:
            context = legacy_server_context(self.host)
            httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
        self.port = httpd.server_address[1]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, args=(0.05,), name="replica", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.stopping.set()
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd.close_connections()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
