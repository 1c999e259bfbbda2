"""The hanoi.gov.vn replica over real HTTP: CMS pages, and the NewsZone XHR list."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import lxml.html
import pytest

from replica.families.baochinhphu_cms import newszone
from replica.families.baochinhphu_cms.site import CmsSite
from replica.families.baochinhphu_cms.specs import cms_specs
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.test_replica_family45 import fetch, read_truth, text

HANOI = cms_specs()["hanoi"]


BASE = SiteConfig(articles=60)
CHANGED = SiteConfig(articles=60, new_articles=3, edit_rate=0.3, remove=4, trap=True)
API = "/hanoi.gov.vn/api/NewsZone/NewsZone"


@pytest.fixture
def hanoi(replica_factory: Callable[..., ReplicaServer]) -> Callable[[SiteConfig], ReplicaServer]:
    return lambda config: replica_factory(sites=[CmsSite(HANOI, config)])


@pytest.fixture
def server(hanoi: Callable[[SiteConfig], ReplicaServer]) -> ReplicaServer:
    return hanoi(BASE)


def category(server: ReplicaServer, key: str) -> tuple[list[str], dict[str, str]]:
    """The article links of a category page and the form fields of its "Xem thêm" button."""
    status, page = text(f"{server.url}/hanoi.gov.vn/{key}")
    assert status == 200
    doc = lxml.html.fromstring(page)
    links = [server.url + a.get("href") for a in doc.cssselect("div.news-item > .news-info > a")]
    boxes = doc.cssselect("div.list__viewmore")
    names = {f.lower(): f for f in ("PageSize", "Catname", "LanguageId", "Site")}
    fields = (
        {names[k[5:]]: v for k, v in boxes[0].attrib.items() if k[5:] in names} if boxes else {}
    )
    return links, fields


def post(server: ReplicaServer, form: dict[str, Any]) -> tuple[int, Any, bytes]:
    return fetch(server.url + API, urlencode(form, doseq=True).encode())


def zone_pages(server: ReplicaServer, fields: dict[str, str], pages: int = 50) -> list[str]:
    """Article URLs of NewsZone pages 0, 1, … until one is empty (at most `pages`)."""
    found: list[str] = []
    for index in range(pages):
        status, headers, body = post(server, {"PageIndex": index, **fields})
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        links = re.findall(r'<div class="news-info">\s*<a href="([^"]+)"', body.decode())
        if not links:
            break
        found += [server.url + href for href in links]
    return found


def test_truth_ids_and_category_pages(server: ReplicaServer) -> None:
    records = read_truth(server, "hanoi")
    assert len(records) == BASE.articles
    for record in records:
        assert re.fullmatch(r".*/hanoi\.gov\.vn/[a-z0-9-]+/[a-z0-9-]+-4\d{15}\.htm", record["url"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", record["published"])
        assert record["summary"] and record["author"] and record["tags"]
    assert any(r["cited_documents"] for r in records)
    assert any("UBND" in d["number"] for r in records for d in r["cited_documents"])
    for zone in HANOI.zones:  # category pages have no extension
        assert fetch(f"{server.url}/hanoi.gov.vn/{zone.key}")[0] == 200
        assert fetch(f"{server.url}/hanoi.gov.vn/{zone.key}.htm")[0] == 404
        assert fetch(f"{server.url}/hanoi.gov.vn/timelinelist/{zone.zone_id}/2.htm")[0] == 404
    assert "Disallow: /hanoi.gov.vn/api/" not in text(f"{server.url}/robots.txt")[1]


@pytest.mark.parametrize("state", ["server", "changed"])
def test_newszone_pages_reach_every_live_article_newest_first(
    state: str, hanoi: Callable[[SiteConfig], ReplicaServer]
) -> None:
    srv = hanoi(BASE if state == "server" else CHANGED)
    records = read_truth(srv, "hanoi")
    live = [r["url"] for r in records if r["status"] == "live"]
    seen: list[str] = []
    for zone in HANOI.zones:
        first, fields = category(srv, zone.key)
        assert fields, zone.key  # every zone has more than one page
        pages = zone_pages(srv, fields, pages=8)
        assert pages[: len(first)] == first  # page 0 is the category page's own list
        if state == "server":
            assert len(pages) == len(set(pages))
            published = [next(r["published"] for r in records if r["url"] == u) for u in pages]
            assert published == sorted(published, reverse=True)
        seen += pages
    assert set(live) <= set(seen) and set(seen) <= set(live)
    if state == "changed":  # trap: a page past the end answers the last page again
        _, fields = category(srv, HANOI.zones[0].key)
        assert post(srv, {"PageIndex": 500, **fields})[2]


def test_newszone_leaves_out_data_ids_and_refuses_bad_requests(server: ReplicaServer) -> None:
    first, fields = category(server, HANOI.zones[0].key)
    ids = [u.rsplit("-", 1)[1].removesuffix(".htm") for u in first[:3]]
    body = post(server, {"PageIndex": 0, **fields, "DataIds[]": ids})[2].decode()
    assert not any(f'data-id="{i}"' in body for i in ids) and 'data-id="' in body
    assert fetch(server.url + API)[0] == 405  # GET
    garbled = {**fields, "Catname": fields["Catname"][:-4] + "AAA="}
    for form in (garbled, {**fields, "PageIndex": "x"}, {"PageIndex": 0}):
        form.setdefault("PageIndex", 0)
        assert post(server, form)[0] == 400


def test_captured_field_values_are_what_the_first_category_carries(server: ReplicaServer) -> None:
    _, fields = category(server, "tin-tuc-su-kien-noi-bat")
    assert fields == {
        "PageSize": "TwNsaMrfVrU=",
        "Catname": "nMSbbZ2pR0/XHR7JMRKsFGiPETTBu6V1",
        "LanguageId": "jM2HDDVEz40=",
        "Site": "/CP0MQRJUt0=",
    }
    _, ubnd = category(server, "chi-dao-cua-ubnd-thanh-pho-ha-noi")  # captured too
    assert ubnd["Catname"] == "fFeUG2QagshQSId/gnsY7cA7vzDD4bMURXrY7ae9cm68FyOjl3l+4A=="
    _, other = category(server, "tin-so-nganh")
    assert other["Catname"] != fields["Catname"] and other["Site"] == fields["Site"]
    sealed = newszone.seal("hanoi.gov.vn", "Catname", "tin-so-nganh")
    assert sealed == other["Catname"] and newszone.unseal("hanoi.gov.vn", "Catname", sealed)
    assert newszone.unseal("vpcp.chinhphu.vn", "Catname", sealed) != "tin-so-nganh"
    fields_of = newszone.form_fields("hanoi.gov.vn", "tin-so-nganh", 10)
    assert fields_of == category(server, "tin-so-nganh")[1]


def test_removed_articles_leave_the_api_and_answer_gone(
    hanoi: Callable[[SiteConfig], ReplicaServer],
) -> None:
    changed = hanoi(CHANGED)
    records = read_truth(changed, "hanoi")
    gone = [r["url"] for r in records if r["status"] == "removed"]
    assert len(gone) == CHANGED.remove
    for url in gone:
        assert fetch(url)[0] in (404, 410)
    newest = max(records, key=lambda r: r["published"])
    home = text(f"{changed.url}/hanoi.gov.vn/")[1]
    assert newest["url"].removeprefix(changed.url) in home
    assert list(CmsSite(HANOI, CHANGED).truth("h")) == list(CmsSite(HANOI, CHANGED).truth("h"))
