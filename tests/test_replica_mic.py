"""The mic.gov.vn replica over real HTTP: path-paged sections, id-keyed detail parts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import lxml.html
import pytest

from replica.families.aspnet_api.mic import MicSite
from replica.newsportal import title_slug
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.test_replica_family45 import fetch, read_truth, text

BASE = SiteConfig(articles=60)
CHANGED = SiteConfig(articles=60, new_articles=3, edit_rate=0.3, remove=4)
WEEKDAY = r"(?:Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật)"


@pytest.fixture
def server(replica_factory: Callable[..., ReplicaServer]) -> ReplicaServer:
    return replica_factory(sites=[MicSite(BASE)])


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def walk_sections(server: ReplicaServer) -> list[str]:
    """Article URLs of every section, following each pager's "»" until it ends."""
    home = lxml.html.fromstring(text(f"{server.url}/mic.gov.vn/")[1])
    seen: list[str] = []
    for start in [a.get("href") for a in home.cssselect("div.home-cat h2 a")]:
        url = server.url + start
        while url:
            status, page = text(url)
            assert status == 200, url
            doc = lxml.html.fromstring(page)
            seen += [urljoin(url, a.get("href")) for a in doc.cssselect("div.item-news h3 a")]
            nxt = doc.cssselect("div.paging li.next a")
            url = urljoin(url, nxt[0].get("href")) if nxt else ""
    return seen


def test_urls_and_detail_parts_match_truth(server: ReplicaServer) -> None:
    records = read_truth(server, "mic")
    assert len(records) == BASE.articles
    for r in records[::3]:
        match = re.search(
            r"/mic\.gov\.vn/mic_2020/Pages/TinTuc/(\d+)/([A-Za-z0-9-]+)\.html$", r["url"]
        )
        assert match and match.group(2) == title_slug(r["title"])
        status, page = text(r["url"])
        assert status == 200
        doc = lxml.html.fromstring(page)
        [title] = doc.cssselect("#news_content h1")
        [shown] = doc.xpath("//*[@id='news_content']/div[1]/div[1]/div[1]/div")
        [body] = doc.cssselect("#divArticleContent")
        assert words(title) == r["title"]
        when = datetime.fromisoformat(r["published"])
        assert re.fullmatch(f"{WEEKDAY}, {when:%d/%m/%Y %H:%M}", words(shown))
        sapo = doc.cssselect("#divArticleDescription p")
        assert [words(p) for p in sapo] == ([r["summary"]] if r["summary"] else [])
        paragraphs = [words(p) for p in body.xpath("./p[not(img) and not(em)]")]
        assert paragraphs == r["body_text"].split("\n\n")
        [byline] = doc.xpath("//*[@id='news_content']/div/p/strong")
        unit, author = r["author_unit"], r["author"]
        expected = f"{author} – {unit}" if author and unit else author or f"Nguồn: {unit}"
        assert words(byline) == expected
        for image in r["images"]:
            status, headers, _ = fetch(image["url"])
            assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert {r["category"] for r in records} == {s.name for s in MicSite(BASE).sections}


def test_sections_page_by_path_and_reach_every_article(server: ReplicaServer) -> None:
    records = read_truth(server, "mic")
    seen = walk_sections(server)
    assert sorted(seen) == sorted(r["url"] for r in records)
    second = f"{server.url}/mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/1749/2/Ung-dung-CNTT.html"
    assert text(second)[0] == 200 and "Ứng dụng CNTT" in text(second)[1]


def test_letter_case_and_the_url_title_do_not_matter(server: ReplicaServer) -> None:
    url = read_truth(server, "mic")[7]["url"]
    ident = re.search(r"/TinTuc/(\d+)/", url).group(1)
    body = fetch(url)[2]
    assert fetch(url.lower())[2] == body
    assert fetch(url.rsplit("/", 1)[0] + "/Tieu-de-khac.html")[2] == body
    assert fetch(url.replace(ident, "1"))[0] == 404
    listing = f"{server.url}/MIC.GOV.VN/MIC_2020/PAGES/CHUYENMUC/PHANTRANG/1747/1/BUU-CHINH.HTML"
    assert fetch(listing)[0] == 200
    assert (
        "Disallow: /mic.gov.vn/mic_2020/Pages/TimKiem.aspx" in text(f"{server.url}/robots.txt")[1]
    )


def test_knobs_reach_the_pages(
    server: ReplicaServer, replica_factory: Callable[..., ReplicaServer]
) -> None:
    changed = replica_factory(sites=[MicSite(CHANGED)])
    before = {r["url"].removeprefix(server.url): r for r in read_truth(server, "mic")}
    after = {r["url"].removeprefix(changed.url): r for r in read_truth(changed, "mic")}
    new = set(after) - set(before)
    assert len(new) == CHANGED.new_articles and set(before) <= set(after)
    gone = [p for p, r in after.items() if r["status"] == "removed"]
    assert len(gone) == CHANGED.remove
    assert all(fetch(changed.url + p)[0] in (404, 410) for p in gone)
    listed = {u.removeprefix(changed.url) for u in walk_sections(changed)}
    assert listed == set(after) - set(gone)
    edited = [p for p, r in after.items() if r["edited"] and r["status"] == "live"]
    for path in edited[:3]:
        assert after[path]["body_text"] != before[path]["body_text"]
        old = parsedate_to_datetime(fetch(server.url + path)[1]["Last-Modified"])
        assert parsedate_to_datetime(fetch(changed.url + path)[1]["Last-Modified"]) > old
    assert list(MicSite(CHANGED).truth("h")) == list(MicSite(CHANGED).truth("h"))
