"""The dangcongsan.vn replica over real HTTP: post-title/post-content detail, /p/N section pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urljoin

import lxml.html
import pytest

from replica.corpus import slugify
from replica.families.dangcongsan.site import DangCongSanSite
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.test_replica_family45 import fetch, read_truth, text

BASE = SiteConfig(articles=60)
CHANGED = SiteConfig(articles=60, new_articles=3, edit_rate=0.3, remove=4, trap=True)


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, sites=[DangCongSanSite(BASE)]) as srv:
        yield srv


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def walk(server: ReplicaServer, key: str, pages: int = 40) -> list[str]:
    """Article URLs of a section, following "Sau" while pages bring new ones."""
    url, seen = f"{server.url}/dangcongsan.vn/{key}", []
    for _ in range(pages):
        doc = lxml.html.fromstring(text(url)[1])
        found = [urljoin(url, a.get("href")) for a in doc.cssselect("div.box-thumbnail a")]
        fresh = [u for u in found if u not in seen]
        seen += fresh
        nxt = doc.cssselect("div.paging a.next")
        if not nxt or not fresh:
            break
        url = urljoin(url, nxt[0].get("href"))
    return seen


def test_detail_pages_carry_post_title_and_post_content(server: ReplicaServer) -> None:
    records = read_truth(server, "dangcongsan")
    assert len(records) == BASE.articles
    sections = {s.name: s.key for s in DangCongSanSite(BASE).sections}
    for r in records[::2]:
        path = f"/dangcongsan.vn/{sections[r['category']]}/{slugify(r['title'])}-"
        assert re.fullmatch(re.escape(server.url + path) + r"\d{6}\.html", r["url"])
        status, page = text(r["url"])
        assert status == 200
        doc = lxml.html.fromstring(page)
        [title], [when] = doc.cssselect("h1.post-title"), doc.cssselect("div.post-date")
        [body] = doc.cssselect("div.post-content")
        assert words(title) == r["title"]
        assert words(when).endswith(f"{datetime.fromisoformat(r['published']):%d/%m/%Y %H:%M}")
        assert [words(d) for d in doc.cssselect("div.post-sapo")] == (
            [r["summary"]] if r["summary"] else []
        )
        paragraphs = [words(p) for p in body.xpath("./p[not(img) and not(em) and not(@class)]")]
        assert paragraphs == r["body_text"].split("\n\n")
        [byline] = body.cssselect("p.post-author b")
        unit, author = r["author_unit"], r["author"]
        assert words(byline) == (
            f"{author} – {unit}" if author and unit else author or f"Theo {unit}"
        )
        assert body[-1].get("class") == "post-author"  # the byline closes the body
    units = [r["author_unit"] for r in records if r["author_unit"] and not r["author"]]
    assert len(units) > len(records) // 3 and "TTXVN" in units


def test_photo_names_hold_a_space(server: ReplicaServer) -> None:
    records = read_truth(server, "dangcongsan")
    images = [i for r in records for i in r["images"]]
    assert images and all(
        re.search(r"/Dangcongsan/anh-\d%20\d+_800\.jpg$", i["url"]) for i in images
    )
    record = next(r for r in records if r["images"])
    assert (
        f"Dangcongsan/{record['images'][0]['url'].rsplit('/', 1)[1].replace('%20', ' ')}"
        in (text(record["url"])[1])
    )
    status, headers, body = fetch(record["images"][0]["url"])
    assert (status, headers["Content-Type"], body[:2]) == (200, "image/jpeg", b"\xff\xd8")


def test_sections_page_as_p_n_and_wrong_slugs_redirect(server: ReplicaServer) -> None:
    records = read_truth(server, "dangcongsan")
    seen = [u for s in DangCongSanSite(BASE).sections for u in walk(server, s.key)]
    assert sorted(seen) == sorted(r["url"] for r in records)
    assert text(f"{server.url}/dangcongsan.vn/thoi-su/p/2")[0] == 200
    url = records[5]["url"]
    section, rest = url.split("/dangcongsan.vn/", 1)[1].split("/")
    other = next(s.key for s in DangCongSanSite(BASE).sections if s.key != section)
    moved = url.replace(f"/{section}/", f"/{other}/").replace(
        rest, "tieu-de-" + rest.split("-")[-1]
    )
    status, headers, _ = fetch(moved)  # urllib follows the 301
    assert status == 200 and headers["Content-Length"] == str(len(fetch(url)[2]))
    assert fetch(url.replace(".html", "0.html"))[0] == 404
    assert "Disallow: /dangcongsan.vn/page/search" in text(f"{server.url}/robots.txt")[1]


def test_knobs_reach_the_sections() -> None:
    site = DangCongSanSite(CHANGED)
    with ReplicaServer(port=0, sites=[site]) as srv:
        records = read_truth(srv, "dangcongsan")
        gone = {r["url"] for r in records if r["status"] == "removed"}
        assert len(gone) == CHANGED.remove and all(fetch(u)[0] in (404, 410) for u in gone)
        seen = {u for s in site.sections for u in walk(srv, s.key)}
        assert seen == {r["url"] for r in records} - gone
        far = text(f"{srv.url}/dangcongsan.vn/kinh-te/p/400")[1]
        assert "box-thumbnail" in far and 'class="next"' in far  # trap
        newest = max(records, key=lambda r: r["published"])
        assert newest["url"].removeprefix(srv.url) in text(f"{srv.url}/dangcongsan.vn/")[1]
    assert list(DangCongSanSite(CHANGED).truth("h")) == list(site.truth("h"))
