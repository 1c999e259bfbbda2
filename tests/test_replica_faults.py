"""Replica fault injection, observed on the wire: SPEC parsing, faults_for, every fault, ETag."""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
import tracemalloc
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from bs4 import BeautifulSoup

from replica import ReplicaServer
from replica.cli import main
from replica.faults import DEFAULTS, HUGE_BYTES, FaultSpec, faults_for
from replica.site import SiteConfig

Serve = Callable[..., ReplicaServer]


@pytest.fixture
def serve(replica_factory: Serve) -> Serve:
    """Start replica servers with a fault SPEC first (conftest's factory stops them all)."""

    def start(faults: str | None = None, **kwargs: Any) -> ReplicaServer:
        return replica_factory(faults=faults, **kwargs)

    return start


@pytest.fixture(scope="module")
def plain() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0) as server:
        yield server


@pytest.fixture(scope="module")
def paths(plain: ReplicaServer) -> list[str]:
    """Article paths (with query) of every site, from the truth."""
    body = get(plain, "/__replica__/truth.jsonl")[2]
    return [path_of(json.loads(line)["url"]) for line in body.splitlines()]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def get(
    server: ReplicaServer, path: str, headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    """One request with http.client: no redirects followed, no gzip decoded."""
    conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def text_of(page: str) -> str:
    body = lxml.html.document_fromstring(page).body
    return unicodedata.normalize("NFC", " ".join(body.text_content().split()))


# SPEC and faults_for ----------------------------------------------------------------------------
def test_spec_grammar_and_defaults() -> None:
    spec = FaultSpec.parse("5xx=0.1:3, reset ,slow=0.01:40,429=1,trap,NFD")
    assert spec.get("5xx").rate == 0.1 and spec.arg("5xx") == 3
    assert spec.get("reset").rate == DEFAULTS["reset"][0]
    assert spec.arg("slow") == 40 and spec.arg("429") == DEFAULTS["429"][1]
    assert spec.trap and spec.get("nfd") is not None
    assert FaultSpec.parse(str(spec)) == spec
    assert FaultSpec.coerce(None) == FaultSpec.coerce("") == FaultSpec()
    for bad, message in (
        ("explode", "unknown fault"),
        ("5xx=lots", "not a number"),
        ("reset=1.5", "between 0 and 1"),
        ("reset=0.1:2", "takes no argument"),
        ("5xx=0.1:2.5", "whole number"),
        ("slow=0.1:-1", ">= 0"),
        ("trap=0.5", "0 or 1"),
    ):
        with pytest.raises(ValueError, match=message):
            FaultSpec.parse(bad)


def test_faults_for_is_stable_and_spares_replica_endpoints(paths: list[str]) -> None:
    spec = "binary=0.3,nfd=0.5"
    chosen = [p for p in paths if "binary" in faults_for(spec, p)]
    assert 0 < len(chosen) < len(paths)
    for path in paths:
        same = faults_for(spec, path)
        assert faults_for(spec, "http://127.0.0.1:1" + path.lower() + "#top") == same
        assert faults_for(spec, path + ("&" if "?" in path else "?") + "sid=ab12") == same
        assert faults_for(FaultSpec.parse(spec), path) == same
    everything = ",".join(f"{name}=1" for name in DEFAULTS)
    for path in ("/", "/robots.txt", "/thads.moj.gov.vn/robots.txt", "/__replica__/truth.jsonl"):
        assert faults_for(everything, path) == set()
    assert faults_for("binary=1,huge=1,nfd=1,truncate=1", paths[0]) == {"binary", "truncate"}
    assert faults_for("charset=1,metacharset=1,nfd=1", paths[0]) == {"charset"}


def test_server_applies_exactly_what_faults_for_says(serve: Serve, paths: list[str]) -> None:
    server = serve("binary=0.3")
    for path in paths[:150]:
        headers = get(server, path)[1]
        binary = headers["content-type"] == "application/octet-stream"
        assert binary == ("binary" in server.faults_for(server.url + path)), path
    assert server.faults_for(server.url + "/__replica__/sites.json") == set()


def test_faults_never_touch_replica_endpoints(serve: Serve) -> None:
    server = serve("reset=1,5xx=1,429=1,binary=1,redirect_loop=1,malformed=1,truncate=1")
    for path in ("/", "/robots.txt", "/__replica__/sites.json", "/__replica__/truth.jsonl"):
        status, headers, body = get(server, path)
        assert status == 200 and len(body) > 10, path
        assert headers.get("content-length") in (None, str(len(body)))


# Transient faults: first requests fail, later ones succeed --------------------------------------
def test_5xx_burst_then_success(serve: Serve, paths: list[str]) -> None:
    server = serve("5xx=1:4")
    assert [get(server, paths[0])[0] for _ in range(6)] == [500, 502, 503, 500, 200, 200]
    assert get(server, paths[1])[0] == 500  # every URL counts its own requests


def test_429_then_success(serve: Serve, paths: list[str]) -> None:
    server = serve("429=1:7")
    status, headers, _ = get(server, paths[0])
    assert (status, headers["retry-after"]) == (429, "7")
    assert get(server, paths[0])[0] == 200


def test_reset_sends_rst_and_no_answer(serve: Serve, paths: list[str]) -> None:
    server = serve("reset=1")
    request = f"GET {paths[0]} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(request)
        with pytest.raises(ConnectionResetError):
            while sock.recv(65536):
                pass
    assert get(server, paths[0])[0] == 200  # only the first request is reset


def test_slow_answers_after_the_delay_and_stop_does_not_wait(
    serve: Serve, paths: list[str]
) -> None:
    server = serve("slow=1:0.6")
    start = time.monotonic()
    assert get(server, paths[0])[0] == 200
    assert time.monotonic() - start >= 0.6
    with pytest.raises(TimeoutError):
        get(server, paths[0], timeout=0.2)
    stuck, errors = serve("slow=1:60"), []

    def wait() -> None:
        try:
            get(stuck, paths[0])
        except OSError as error:  # the stopped server closes the connection unanswered
            errors.append(error)

    waiting = threading.Thread(target=wait)
    waiting.start()
    time.sleep(0.2)
    start = time.monotonic()
    stuck.stop()
    waiting.join(5)
    assert time.monotonic() - start < 3 and not waiting.is_alive() and errors


def test_truncate_promises_more_than_it_sends(serve: Serve, paths: list[str]) -> None:
    server = serve("truncate=1")
    request = f"GET {paths[0]} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):  # the server closes the connection
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:"))[15:]
    )
    assert 0 < len(body) < length
    with pytest.raises(http.client.IncompleteRead):
        get(server, paths[0])


# Encodings --------------------------------------------------------------------------------------
def test_wrong_charset_header(serve: Serve, plain: ReplicaServer, paths: list[str]) -> None:
    server = serve("charset=1")
    status, headers, body = get(server, paths[0])
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    expected = text_of(get(plain, paths[0])[2].decode("utf-8"))
    assert text_of(body.decode("cp1258")) == expected


def test_charset_only_in_meta(serve: Serve, plain: ReplicaServer, paths: list[str]) -> None:
    server = serve("metacharset=1")
    _, headers, body = get(server, paths[0])
    assert headers["content-type"] == "text/html"
    assert body.lower().count(b"charset") == 1 and b'<meta charset="windows-1258">' in body
    expected = text_of(get(plain, paths[0])[2].decode("utf-8"))
    assert text_of(body.decode("cp1258")) == expected


def test_nfd_text(serve: Serve, plain: ReplicaServer, paths: list[str]) -> None:
    page = get(serve("nfd=1"), paths[0])[2].decode("utf-8")
    original = get(plain, paths[0])[2].decode("utf-8")
    assert page == unicodedata.normalize("NFD", page) != original
    assert unicodedata.normalize("NFC", page) == unicodedata.normalize("NFC", original)


# Pages that are not what they seem ---------------------------------------------------------------
def test_huge_page_streams_50_mb_with_flat_memory(serve: Serve, paths: list[str]) -> None:
    server = serve("huge=1")
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    tracemalloc.start()
    try:
        conn.request("GET", paths[0])
        response = conn.getresponse()
        first, total = response.read(200_000), 0
        total = len(first)
        while chunk := response.read(1 << 16):
            total += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        conn.close()
    assert response.status == 200 and total > HUGE_BYTES
    assert b"<title>" in first  # the real page comes first
    assert peak < 8 * 2**20


def test_gzip_bomb(serve: Serve, paths: list[str]) -> None:
    status, headers, body = get(serve("bomb=1"), paths[0])
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert len(body) < 2 * 2**20
    assert int.from_bytes(body[-4:], "little") == 2**30  # gzip ISIZE: the inflated size
    inflate = zlib.decompressobj(wbits=31)
    out = inflate.decompress(body, 64 * 2**20)
    used = len(body) - len(inflate.unconsumed_tail)
    assert out == bytes(len(out)) and len(out) == 64 * 2**20
    assert len(out) / used * len(body) >= 1e9


def test_redirect_loop_and_offsite(serve: Serve, paths: list[str]) -> None:
    loop = serve("redirect_loop=1")
    status, headers, _ = get(loop, paths[0])
    assert status == 302 and headers["location"] != paths[0]
    status, headers, _ = get(loop, headers["location"])
    assert (status, headers["location"]) == (302, paths[0])
    status, headers, _ = get(serve("offsite=1"), paths[0])
    assert (status, headers["location"]) == (302, "http://example.invalid" + paths[0])


def test_binary_bytes(serve: Serve, paths: list[str]) -> None:
    status, headers, body = get(serve("binary=1"), paths[0])
    assert status == 200 and headers["content-type"] == "application/octet-stream"
    assert body.startswith((b"\x89PNG\r\n\x1a\n", b"%PDF-")) and b"<html" not in body


def test_malformed_html_keeps_the_text(
    serve: Serve, plain: ReplicaServer, paths: list[str]
) -> None:
    server = serve("malformed=1")
    for path in paths[:5]:
        page = get(server, path)[2].decode("utf-8")
        original = get(plain, path)[2].decode("utf-8")
        assert page == get(server, path)[2].decode("utf-8")  # deterministic
        assert page.count("</p>") + page.count("</div>") < (
            original.count("</p>") + original.count("</div>")
        )
        stray = page.index("</html>")
        assert stray < len(page) * 3 // 4 and "<table><tr><td>" in page[stray:]
        assert 'title="Tin "noi bat"' in page
        # A tolerant parser reads the same text; libxml2 (lxml, parsel) drops all that follows
        # the stray </html>, so a crawler has to remove it first.
        assert BeautifulSoup(page, "html.parser").get_text(" ", strip=True).split() == (
            BeautifulSoup(original, "html.parser").get_text(" ", strip=True).split()
        )
        assert text_of(page[:stray] + page[stray + 7 :]) == text_of(original)


def test_session_ids_in_links_still_route(serve: Serve, paths: list[str]) -> None:
    server = serve("sessionid=1")
    page = get(server, paths[0])[2].decode("utf-8")
    hrefs = [a.get("href") for a in lxml.html.document_fromstring(page).iter("a")]
    local = [h for h in hrefs if h and h.startswith("/")]
    assert local and all(";jsessionid=" in h or "SessionId=" in h or "sid=" in h for h in local)
    for mark in (";jsessionid=", "ASP.NET_SessionId=", "sid="):
        assert any(mark in h for h in local), mark
    for href in (h.split("#")[0] for h in local[:15]):
        clean = re.sub(r";jsessionid=\w+|[?&](ASP\.NET_SessionId|sid)=\w+$", "", href)
        assert "sid=" not in clean.lower() and ";jsessionid" not in clean
        with_id, without = get(server, href), get(server, clean)
        assert (with_id[0], with_id[2]) == (without[0], without[2]), href


# Conditional GET, robots, knobs ------------------------------------------------------------------
def test_etag_and_if_none_match(plain: ReplicaServer, paths: list[str]) -> None:
    status, headers, body = get(plain, paths[0])
    etag = headers["etag"]
    assert status == 200 and etag.startswith('"') and etag.endswith('"')
    for match in (etag, f'"nope", W/{etag}', "*"):
        status, again, empty = get(plain, paths[0], {"If-None-Match": match})
        assert (status, empty, again["etag"]) == (304, b"", etag)
    assert get(plain, paths[0], {"If-None-Match": '"other"'})[2] == body
    assert get(plain, paths[1])[1]["etag"] != etag


def test_crawl_delay_in_root_robots(serve: Serve) -> None:
    assert "Crawl-delay: 3\n" in get(serve(crawl_delay=3), "/robots.txt")[2].decode()
    assert "Crawl-delay" not in get(serve(), "/robots.txt")[2].decode()


def test_reconfigure_keeps_the_port(serve: Serve) -> None:
    server = serve("5xx=1:1,trap", config=SiteConfig(articles=45))
    port, first = server.port, json.loads(get(server, "/__replica__/sites.json")[2])
    assert server.config.trap
    path = path_of(json.loads(get(server, "/__replica__/truth.jsonl")[2].splitlines()[0])["url"])
    assert [get(server, path)[0] for _ in range(2)] == [500, 200]
    server.reconfigure(replace(server.config, articles=60, trap=False))
    again = json.loads(get(server, "/__replica__/sites.json")[2])
    assert server.port == port and server.config.trap  # the trap fault still holds
    assert [s["articles"] for s in again] != [s["articles"] for s in first]
    assert get(server, path)[0] == 500  # a new replica state: the faults start over


def test_cli_rejects_a_bad_spec(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--faults", "5xx,explode"])
    assert exit_info.value.code == 2
    assert "unknown fault 'explode'" in capsys.readouterr().err


def test_trap_listings_page_on_forever() -> None:
    with ReplicaServer(port=0, faults="trap") as server:
        listing = "/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx"
        status, _, page = get(server, f"{listing}?Page=500")
        assert status == 200
        assert b"Page=501" in page  # a "next page" that leads further into the trap
