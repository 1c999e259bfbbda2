"""HTTP server that mounts replica sites side by side by path prefix, plus the truth endpoints."""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from replica.catalog import build_sites
from replica.site import Request, Response, Site, SiteConfig

INTERNAL = "/__replica__/"


def _text(status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> Response:
    return Response(status, text.encode("utf-8"), content_type=content_type)


class Router:
    """Dispatch a request to the site whose prefix matches (case-insensitively), or answer
    the replica's own endpoints under /__replica__/."""

    def __init__(self, sites: Sequence[Site]) -> None:
        self.sites = sorted(sites, key=lambda s: len(s.prefix), reverse=True)

    def dispatch(
        self, method: str, target: str, headers: Mapping[str, str], base: str, body: bytes = b""
    ) -> Response:
        parts = urlsplit(target)
        path, query = unquote(parts.path or "/", errors="replace"), parts.query
        lower = path.lower()
        if lower.startswith(INTERNAL):
            return self._internal(lower[len(INTERNAL) :], query, base)
        if lower == "/":
            return self._index(base)
        if lower == "/robots.txt":
            return _text(200, self.robots())
        for site in self.sites:
            prefix = site.prefix.lower()
            if lower.startswith(prefix):
                return site.handle(Request(method, path, query, headers, body))
            if lower + "/" == prefix:
                return Response(302, b"", headers=(("Location", site.prefix),))
        for site in self.sites:
            if lower == f"/{site.host}/robots.txt":
                return _text(200, self.robots(site.host))
        return _text(404, "Not Found\n")

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
            return _text(200, body, "application/json; charset=utf-8")
        if name == "truth.jsonl":
            wanted = parse_qs(query).get("site")
            sites = [s for s in self.sites if not wanted or s.slug in wanted]
            if not sites:
                return _text(404, f"no site {wanted}\n")
            return Response(200, _jsonl(sites, base), content_type="application/x-ndjson")
        return _text(404, "Not Found\n")

    def _index(self, base: str) -> Response:
        rows = "".join(
            f'<li><a href="{s.prefix}">{s.slug}</a> ({s.family}, {s.article_count()})</li>'
            for s in self.sites
        )
        html = f"<!DOCTYPE html><html><body><h1>Replica portals</h1><ul>{rows}</ul></body></html>"
        return _text(200, html, "text/html; charset=utf-8")


def _jsonl(sites: Iterable[Site], base: str) -> Iterator[bytes]:
    # Streamed so memory stays flat however many articles a site has.
    for site in sites:
        for record in site.truth(base):
            yield (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    router: Router
    verbose: bool

    def server_activate(self) -> None:
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
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

    _body = b""

    def do_GET(self) -> None:
        self._body = b""
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._body = b""
        self._serve("HEAD")

    def do_POST(self) -> None:  # ASP.NET postbacks and JSON list APIs
        self._body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._serve("POST")

    def _serve(self, method: str) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        host = headers.get("host") or "{}:{}".format(*self.server.server_address[:2])
        try:
            response = self.server.router.dispatch(
                method, self.path, headers, f"http://{host}", self._body
            )
        except Exception as exc:  # a replica bug must show up as a 500, not a hung client
            self.log_error("replica error on %s: %r", self.path, exc)
            response = _text(500, "Internal Server Error\n")
        try:
            self._send(method, response, headers)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, method: str, response: Response, headers: Mapping[str, str]) -> None:
        status, body = response.status, response.body
        if status == 200 and response.last_modified and "if-modified-since" in headers:
            try:
                since = parsedate_to_datetime(headers["if-modified-since"])
                if response.last_modified.replace(microsecond=0) <= since:
                    status, body = 304, b""
            except (TypeError, ValueError):
                pass
        self.log_request(status, len(body) if isinstance(body, bytes) else "-")
        self.send_response_only(status)  # unlike send_response, adds no Server header of its own
        self.send_header("Date", self.date_time_string())
        for name, value in response.headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Type", response.content_type)
        if response.last_modified:
            self.send_header("Last-Modified", format_datetime(response.last_modified, True))
        streamed = not isinstance(body, bytes)
        if streamed:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "HEAD" or status == 304:
            return
        for chunk in [body] if isinstance(body, bytes) else body:
            self.wfile.write(chunk)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class ReplicaServer:
    """The replica portals on one port, served from a daemon thread.

    Example: ``with ReplicaServer() as srv: httpx.get(srv.url + "/dongthap/")``
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
    ) -> None:
        self.host, self.port = host, port
        self.config = config or SiteConfig(articles=articles)
        self.sites = list(sites) if sites is not None else build_sites(self.config)
        self.verbose = verbose
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ReplicaServer:
        httpd = _HTTPServer((self.host, self.port), _Handler)
        httpd.router, httpd.verbose = Router(self.sites), self.verbose
        self.port = httpd.server_address[1]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, args=(0.05,), name="replica", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd.close_connections()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m replica",
        description="Serve offline replicas of Vietnamese government portals.",
        epilog="Example: python -m replica --port 8000 --articles 45",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--articles", type=int, default=45, help="articles per site")
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = parser.parse_args(argv)
    server = ReplicaServer(args.port, args.host, args.articles, verbose=args.verbose).start()
    print(f"Replica serving at {server.url}")
    for site in server.sites:
        print(f"  {site.slug:<20} {server.url}{site.prefix}  ({site.article_count()} articles)")
    print(f"  truth: {server.url}{INTERNAL}truth.jsonl", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        server.stop()
    return 0
