"""Replica obfuscation: markup names and nesting change per site, text, links and truth do not."""

from __future__ import annotations

import http.client
import json
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
import pytest

from replica import ReplicaServer
from replica.obfuscate import Obfuscator
from replica.site import SiteConfig

KEPT_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "img", "time", "figure", "figcaption")
KEPT_TAGS += ("ul", "li", "table", "meta", "title", "script", "form", "input")
SNIPPET = (
    b"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Tin</title>\n"
    b'<meta property="article:published_time" content="2026-01-14T11:38:00&#x2B;07:00">\n'
    b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tin"}</script>'
    b'</head>\n<body><div class="detail" id="main">\n'
    b'<h1 class="detail-title" data-role="title">Tin m\xe1\xbb\x9bi</h1>\n'
    b'<div class="detail-content afcbc-body" data-role="content">\n'
    b"<p>\xc4\x90o\xe1\xba\xa1n m\xe1\xbb\x99t.</p>\n"
    b'<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><a data-linktype="newsdetail"'
    b' data-id="102260114" href="/tin-khac-102260114.htm">Tin kh\xc3\xa1c</a></div>\n'
    b"<p>\xc4\x90o\xe1\xba\xa1n hai ./.</p></div></div></body></html>"
)


def get(server: ReplicaServer, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[ReplicaServer, ReplicaServer, ReplicaServer]]:
    """Plain, obfuscated, and a second obfuscated server with the same seed."""
    plain = ReplicaServer(port=0).start()
    hidden = ReplicaServer(port=0, obfuscate=True).start()
    twin = ReplicaServer(port=0, obfuscate=True).start()
    try:
        yield plain, hidden, twin
    finally:
        for server in (plain, hidden, twin):
            server.stop()


@pytest.fixture(scope="module")
def pages(servers: tuple[ReplicaServer, ...]) -> list[str]:
    """Each site's home, a listing linked from it, a few articles and a missing page."""
    plain = servers[0]
    sites = json.loads(get(plain, "/__replica__/sites.json")[2])
    truth = get(plain, "/__replica__/truth.jsonl")[2].splitlines()
    found = []
    for site in sites:
        home = urlsplit(site["base_url"]).path
        found += [home, home + "no-such-page.aspx"]
        links = [a.get("href") for a in parse(get(plain, home)[2]).iter("a")]
        found += [h for h in links if h and h.startswith(home) and h != home][:2]
    for line in truth[:: max(1, len(truth) // 6)]:
        parts = urlsplit(json.loads(line)["url"])
        found.append(parts.path + ("?" + parts.query if parts.query else ""))
    return found


def parse(page: bytes, content_type: str = "text/html; charset=utf-8") -> lxml.html.HtmlElement:
    charset = content_type.partition("charset=")[2] or "utf-8"
    return lxml.html.document_fromstring(page.decode(charset))


def names(root: lxml.html.HtmlElement) -> set[str]:
    """Every class token and id on the page."""
    found = set()
    for el in root.iter(lxml.html.etree.Element):
        found.update((el.get("class") or "").split())
        found.update(filter(None, [el.get("id")]))
    return found


def text(root: lxml.html.HtmlElement) -> str:
    return " ".join(root.body.text_content().split())


def links(root: lxml.html.HtmlElement) -> list[tuple[str, str, str | None]]:
    attrs = ("href", "src", "action", "name", "value")
    return [(el.tag, a, el.get(a)) for el in root.iter() for a in attrs if el.get(a) is not None]


def test_names_change_but_text_links_and_tags_stay(servers: tuple, pages: list[str]) -> None:
    plain, hidden, _ = servers
    blocks, html_pages = Counter(), 0
    for path in pages:
        status, headers, before = get(plain, path)
        status2, headers2, after = get(hidden, path)
        assert (status, headers["content-type"]) == (status2, headers2["content-type"]), path
        if not headers["content-type"].startswith("text/html"):  # feeds name each server's port
            assert after.replace(hidden.url.encode(), b"") == before.replace(
                plain.url.encode(), b""
            ), path
            continue
        html_pages += 1
        old, new = parse(before, headers["content-type"]), parse(after, headers["content-type"])
        if not names(old):  # vpcp's bare cookie-challenge script: nothing to rename
            assert after == before, path
            continue
        assert names(new) and not names(old) & names(new), path
        assert text(new) == text(old), path
        assert links(new) == links(old), path
        tags = Counter(el.tag for el in old.iter(*KEPT_TAGS))
        assert Counter(el.tag for el in new.iter(*KEPT_TAGS)) == tags, path
        assert [m.attrib for m in new.iter("meta")] == [m.attrib for m in old.iter("meta")]
        assert new.findtext(".//title") == old.findtext(".//title")
        doctype = old.getroottree().docinfo.doctype
        assert new.getroottree().docinfo.doctype == doctype, path
        blocks.update(old=sum(1 for _ in old.iter("div", "section")))
        blocks.update(new=sum(1 for _ in new.iter("div", "section")))
    assert html_pages >= 5 and blocks["new"] > blocks["old"] * 1.2


def test_same_seed_same_bytes_and_truth(servers: tuple, pages: list[str]) -> None:
    plain, hidden, twin = servers
    for path in pages:
        # Feeds and sitemaps carry absolute URLs, which name each server's port.
        ours = get(hidden, path)[2].replace(hidden.url.encode(), b"")
        assert ours == get(twin, path)[2].replace(twin.url.encode(), b""), path
    truths = [get(s, "/__replica__/truth.jsonl")[2].decode() for s in servers]
    assert truths[1].replace(hidden.url, "") == truths[0].replace(plain.url, "")
    assert truths[2].replace(twin.url, "") == truths[0].replace(plain.url, "")


def test_another_seed_gives_other_names(servers: tuple, pages: list[str]) -> None:
    with ReplicaServer(port=0, obfuscate=True, config=SiteConfig(seed=2)) as other:
        home = pages[0]
        assert not names(parse(get(other, home)[2])) & names(parse(get(servers[1], home)[2]))


def test_each_site_gets_its_own_names() -> None:
    first, second = Obfuscator("1\x1fthads-dongthap"), Obfuscator("1\x1fbaochinhphu")
    a, b = parse(first.html(SNIPPET)), parse(second.html(SNIPPET))
    assert names(a) and names(b) and not names(a) & names(b)
    assert text(a) == text(b) == text(parse(SNIPPET))
    assert first.html(SNIPPET) == Obfuscator("1\x1fthads-dongthap").html(SNIPPET)


def test_roles_in_data_and_type_attributes_are_renamed() -> None:
    page = Obfuscator("1\x1fbaochinhphu").html(SNIPPET)
    root = parse(page)
    attrs = {(k, v) for el in root.iter(lxml.html.etree.Element) for k, v in el.attrib.items()}
    assert not {k for k, _ in attrs if k in ("data-role", "data-linktype", "data-id")}
    assert not {v for _, v in attrs if v in ("title", "content", "newsdetail", "RelatedNewsBox")}
    assert any(k.startswith("data-") and v == "102260114" for k, v in attrs)  # data, not a role
    assert b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tin"}' in page
    assert (
        root.find(".//meta[@property='article:published_time']").get("content").endswith("+07:00")
    )
    assert [a.get("href") for a in root.iter("a")] == ["/tin-khac-102260114.htm"]


def test_an_html_fragment_stays_a_fragment() -> None:
    fragment = (
        'lead <div class="box-stream-item" data-id="102"><a data-linktype="newsdetail"'
        ' href="/Năm 2020/tin a.htm?a=1&amp;b=2">Tin Đà Nẵng</a></div> tail'
    ).encode()
    out = Obfuscator("1\x1fbaochinhphu").html(fragment)
    assert out.startswith(b"lead <") and out.endswith(b"> tail")
    assert b"<html" not in out and b"<body" not in out and b"box-stream-item" not in out
    assert 'href="/Năm 2020/tin a.htm?a=1&amp;b=2"'.encode() in out
    assert text(parse(b"<body>" + out)) == text(parse(b"<body>" + fragment))
