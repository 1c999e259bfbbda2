"""Family 1 replicas (thads.moj.gov.vn national + provinces) checked over HTTP; moj.gov.vn's 2026
portal twin (the moj-portal platform) at the end."""

# Over 400 lines: one test module per family keeps the slug ↔ test naming of STYLE.md.

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest

from replica import ReplicaServer
from replica.catalog import sites_named
from replica.places import PROVINCES
from replica.site import SiteConfig
from tests.helpers import TRUTH_FIELDS

FAMILY1 = ("thads-national", *(f"thads-{p.slug}" for p in PROVINCES), "moj")


PROVINCES = {
    "dongthap": "Đồng Tháp",
    "langson": "Lạng Sơn",
    "tiengiang": "Tiền Giang",
    "caobang": "Cao Bằng",
    "haugiang": "Hậu Giang",
    "binhdinh": "Bình Định",
    "quangtri": "Quảng Trị",
    "kontum": "Kon Tum",
    "tphochiminh": "Thành phố Hồ Chí Minh",
    "thuathienhue": "Thừa Thiên Huế",
}
SLUGS = ["thads-national", *(f"thads-{p}" for p in PROVINCES)]
TRUTH_KEYS = TRUTH_FIELDS | {"list", "item_id"}
SEED_TITLE = (
    "Thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
    "trên cơ sở giới năm 2021"
)
KNOB_SITES = {"thads-dongthap", "thads-national"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def serve(config: SiteConfig, only: set[str] | None = None) -> ReplicaServer:
    only = set(SLUGS) if only is None else only
    sites = [s for s in sites_named(config, *FAMILY1) if s.slug in only]
    return ReplicaServer(port=0, sites=sites).start()


def fetch(url: str) -> tuple[int, Any, bytes]:
    try:
        with urllib.request.urlopen(quote(url, safe=":/?=&%#"), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_text(url: str) -> str:
    status, _, body = fetch(url)
    assert status == 200, url
    return body.decode("utf-8")


def read_truth(srv: ReplicaServer) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in page_text(f"{srv.url}/__replica__/truth.jsonl").split("\n")[:-1]
    ]


def canonical(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path.lower()}?{parts.query.lower()}"


ITEM_HREF = re.compile(r'href="([^"]*[?&](?i:itemid)=\d+[^"]*)"')


def article_links(page: str, at: str) -> list[str]:
    """Every article a page links to, canonicalised (lower case, no fragment)."""
    return [canonical(urljoin(at, html.unescape(h))) for h in ITEM_HREF.findall(page)]


def listing_urls(base_url: str) -> list[str]:
    """The list/category pages a site's home page links to."""
    hrefs = re.findall(r'href="([^"]+)"', page_text(base_url))
    urls = {urljoin(base_url, h) for h in hrefs if "itemid" not in h.lower()}
    return sorted(u for u in urls if "/Lists/" in u or "/qt/tintuc/Pages/" in u)


def walk(url: str) -> list[str]:
    """Follow a listing's "Trang sau" links to the end; the articles listed on the way."""
    page, at, seen = page_text(url), url, []
    while True:
        seen += article_links(page, at)
        nxt = re.search(r'<a href="([^"]+)">Trang sau</a>', page)
        if not nxt:
            return seen
        at = urljoin(at, html.unescape(nxt.group(1)))
        page = page_text(at)


def without_other_news(page: bytes) -> bytes:
    return re.sub(rb'<div class="other-news">.*?</div>', b"", page, flags=re.S)


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    srv = serve(SiteConfig())
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def truth(server: ReplicaServer) -> list[dict[str, Any]]:
    return read_truth(server)


@pytest.fixture(scope="module")
def sites(server: ReplicaServer) -> dict[str, dict[str, Any]]:
    found = json.loads(page_text(f"{server.url}/__replica__/sites.json"))
    return {s["slug"]: s for s in found}


def of(truth: list[dict[str, Any]], slug: str) -> list[dict[str, Any]]:
    return [r for r in truth if r["site"] == slug]


def test_sites_are_mounted_where_the_real_hosts_put_them(server: ReplicaServer, sites) -> None:
    assert sorted(sites) == sorted(SLUGS)
    assert sites["thads-national"]["base_url"] == f"{server.url}/thads.moj.gov.vn/"
    for slug, name in PROVINCES.items():
        assert sites[f"thads-{slug}"]["base_url"] == f"{server.url}/thads.moj.gov.vn/{slug}/"
        assert name in page_text(sites[f"thads-{slug}"]["base_url"])
    assert all(s["articles"] == 45 for s in sites.values())


def test_truth_records_carry_every_key(truth: list[dict[str, Any]]) -> None:
    assert len(truth) == 45 * len(SLUGS)
    assert len({r["url"] for r in truth}) == len(truth)
    for r in truth:
        assert set(r) == TRUTH_KEYS
        assert (r["status"], r["edited"], r["tags"], r["updated"]) == ("live", False, [], None)
        assert r["paragraph_count"] == len(r["body_text"].split("\n\n"))
        assert r["category"]
    thads = [r for r in truth if r["published"]]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"]) for r in thads)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_article_answers_with_its_title(truth: list[dict[str, Any]], slug: str) -> None:
    for record in of(truth, slug):
        page = page_text(record["url"])
        title = html.escape(record["title"], quote=False)
        tag = 'h3 class="title-news"'
        assert f"<{tag}>{title}</" in page, record["url"]
        assert 'class="category" href=' in page and record["category"] in page


@pytest.mark.parametrize("slug", SLUGS)
def test_listings_reach_every_live_article(sites, truth: list[dict[str, Any]], slug: str) -> None:
    seen = [link for url in listing_urls(sites[slug]["base_url"]) for link in walk(url)]
    assert sorted(seen) == sorted(canonical(r["url"]) for r in of(truth, slug))


def test_national_site(truth: list[dict[str, Any]]) -> None:
    records = of(truth, "thads-national")
    assert {r["list"] for r in records} == {
        "TinTuBoTuPhap",
        "ChiDaoDieuHanh",
        "NghienCuuTraoDoi",
        "TuThucTien",
        "HoatDongDangDoanThe",
    }
    assert all(3000 <= r["item_id"] <= 4100 for r in records)
    assert any(r["author"] and r["author_unit"] == "Văn phòng Tổng cục" for r in records)
    assert any(r["author"] is None and r["author_unit"] for r in records)
    for record in records[:12]:
        page = page_text(record["url"])
        body = page[page.index('<div class="content-news') :]
        first = re.search(r">([^<>]{12,})<", body).group(1)  # no repeated title on this site
        assert html.unescape(first).strip() != record["title"]
        assert "Tin tức - Tổng cục Thi hành án dân sự" in page
    line = next(r for r in records if r["author"] and r["author_unit"])
    assert f"{line['author']} – {line['author_unit']}" in page_text(line["url"])


def test_province_sites_speak_of_their_own_province(truth: list[dict[str, Any]]) -> None:
    for slug, name in PROVINCES.items():
        records = of(truth, f"thads-{slug}")
        text = " ".join(r["body_text"] for r in records)
        assert name in text
        others = [n for s, n in PROVINCES.items() if s != slug and n not in name]
        assert not [n for n in others if n in text], slug
        assert all(10 <= r["item_id"] <= 130 for r in records)
        assert (SEED_TITLE in [r["title"] for r in records]) == (slug == "dongthap")


def test_seed_article_truth_is_unchanged(server: ReplicaServer, truth) -> None:
    [seed] = [r for r in truth if r["title"] == SEED_TITLE]
    assert seed["url"] == (
        f"{server.url}/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/HoatDongDoanThe/"
        f"View_Detail.aspx?ItemID={seed['item_id']}"
    )
    assert (seed["published"], seed["author_unit"], seed["author"]) == (
        "2021-11-10",
        "Ban Vì sự tiến bộ phụ nữ",
        None,
    )
    assert seed["paragraph_count"] == 7 and seed["category"] == "Hoạt động đoàn thể"
    assert seed["cited_documents"] == [
        {
            "number": "321/KH-UBND",
            "type": "Kế hoạch",
            "date": "2021-11-02",
            "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
        }
    ]


def test_cited_documents_are_in_the_text(truth: list[dict[str, Any]]) -> None:
    cited = [(r, d) for r in truth for d in r["cited_documents"]]
    assert len(cited) > 200
    assert any(d["issuer"] is None and d["date"] is None for _, d in cited)
    for record, doc in cited:
        text = record["body_text"]
        assert f"{doc['type']} " in text and doc["number"] in text
        if doc["issuer"]:
            assert f"{doc['number']} ngày " in text and f" của {doc['issuer']}" in text
        if doc["date"]:
            y, m, d = doc["date"].split("-")
            assert f"{doc['number']} ngày {d}/{m}/{y}" in text


def test_attachments_and_images_are_served(truth: list[dict[str, Any]]) -> None:
    attachments = [a for r in truth for a in r["attachments"]]
    images = [(r, i) for r in truth for i in r["images"]]
    assert len(attachments) > 40 and {a["type"] for a in attachments} >= {"pdf", "doc", "docx"}
    assert any(" " in a["name"] for a in attachments)
    types = {
        "pdf": "application/pdf",
        "doc": "application/msword",
        "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    magic = {"pdf": b"%PDF-1.4", "doc": OLE_MAGIC, "xls": OLE_MAGIC, "docx": b"PK\x03\x04"}
    for att in attachments:
        assert "/noidung/thongbao/Lists/ThongBao/Attachments/" in att["url"]
        status, headers, body = fetch(att["url"])
        assert status == 200 and headers["Content-Type"] == types[att["type"]]
        assert body.startswith(magic[att["type"]])
        assert att["name"].endswith("." + att["type"])
    assert fetch(attachments[0]["url"].rsplit("/", 1)[0] + "/khong-co.pdf")[0] == 404
    assert any(i["caption"] for _, i in images) and any(not i["caption"] for _, i in images)
    assert any("/PublishingImages/N%C4%83m%20" in i["url"] for _, i in images)
    for record, image in images[:15]:
        status, headers, body = fetch(image["url"])
        assert status == 200 and headers["Content-Type"] == "image/jpeg"
        assert body[:2] == b"\xff\xd8" and body[-2:] == b"\xff\xd9"
        if image["caption"]:
            assert image["caption"] not in record["body_text"]
            assert html.escape(image["caption"], quote=False) in page_text(record["url"])


def test_case_varied_urls_give_identical_bytes(truth: list[dict[str, Any]]) -> None:
    picks = [of(truth, "thads-national")[2], of(truth, "thads-langson")[3]]
    picks.append(next(r for r in truth if r["list"] == "ThongBao"))
    for record in picks:
        url = record["url"]
        head, _, query = url.partition("?")
        scheme_host = head[: head.index("/", 8)]
        path = head[len(scheme_host) :]
        variants = [
            url,
            scheme_host + path.lower() + "?" + query.upper(),
            url + "#top",
            scheme_host + path.upper() + "?" + query.lower(),
        ]
        bodies = {fetch(v)[2] for v in variants}
        assert len(bodies) == 1 and fetch(variants[1])[0] == 200


def keyed(srv: ReplicaServer, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Records by URL path, every URL in them made relative to the server."""
    strip = [json.loads(json.dumps(r).replace(srv.url, "")) for r in records]
    return {r["url"]: r for r in strip if r["site"] in KNOB_SITES}


@pytest.fixture(scope="module")
def base_truth(server: ReplicaServer, truth: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return keyed(server, truth)


def test_new_articles_come_on_top_and_leave_the_rest_alone(server, base_truth) -> None:
    srv = serve(SiteConfig(new_articles=5), KNOB_SITES)
    try:
        after = keyed(srv, read_truth(srv))
        new = {k for k in after if k not in base_truth}
        assert len(new) == 5 * len(KNOB_SITES)
        for key, record in base_truth.items():
            assert after[key] == record
            assert without_other_news(fetch(srv.url + key)[2]) == without_other_news(
                fetch(server.url + key)[2]
            )
        for slug in KNOB_SITES:
            fresh = [after[k] for k in new if after[k]["site"] == slug]  # spread over the lists
            assert min(r["published"] for r in fresh) > max(
                r["published"] or "" for r in base_truth.values() if r["site"] == slug
            )
            for name in {r["list"] for r in fresh}:
                mine = {canonical(r["url"]) for r in fresh if r["list"] == name}
                listing = srv.url + next(r["url"] for r in fresh if r["list"] == name).split("?")[0]
                assert set(article_links(page_text(listing), listing)[: len(mine)]) == mine
            assert len(fresh) == 5
    finally:
        srv.stop()


def test_edit_rate_changes_exactly_the_flagged_articles(server, base_truth) -> None:
    srv = serve(SiteConfig(edit_rate=0.3), KNOB_SITES)
    try:
        after = keyed(srv, read_truth(srv))
        assert after.keys() == base_truth.keys()
        edited = {k for k, r in after.items() if r["edited"]}
        assert 0.15 * len(after) < len(edited) < 0.45 * len(after)
        assert SEED_TITLE not in [after[k]["title"] for k in edited]
        for key, record in base_truth.items():
            _, headers, page = fetch(srv.url + key)
            _, base_headers, base_page = fetch(server.url + key)
            if key in edited:
                assert after[key]["body_text"] != record["body_text"]
                assert after[key]["title"] == record["title"]
                assert page != base_page
                later = parsedate_to_datetime(headers["Last-Modified"])
                assert later > parsedate_to_datetime(base_headers["Last-Modified"])
            else:
                assert after[key] == record
                assert page == base_page
    finally:
        srv.stop()


def test_removed_articles_answer_gone_and_leave_listings(server, base_truth) -> None:
    srv = serve(SiteConfig(remove=6), KNOB_SITES)
    try:
        after = keyed(srv, read_truth(srv))
        removed = {k for k, r in after.items() if r["status"] == "removed"}
        assert len(removed) == 6 * len(KNOB_SITES)
        statuses = {fetch(srv.url + k)[0] for k in removed}
        assert statuses == {404, 410}
        listed: set[str] = set()
        for slug in KNOB_SITES:
            home = next(s for s in sites_named(SiteConfig(), *FAMILY1) if s.slug == slug).prefix
            for url in listing_urls(srv.url + home):
                listed |= set(walk(url))
        for key in after.keys() - removed:  # "other news" boxes and the article itself
            listed |= set(article_links(page_text(srv.url + key), srv.url + key))
        gone = {canonical(srv.url + k) for k in removed}
        assert not listed & gone
        assert {canonical(srv.url + k) for k in after} - gone <= listed
    finally:
        srv.stop()


@pytest.mark.parametrize("trap", [False, True])
def test_trap_pages_on_forever(trap: bool) -> None:
    srv = serve(SiteConfig(trap=trap), {"thads-dongthap"})
    try:
        for path in (
            "/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/HoatDongCuaCuc/View_Detail.aspx",
        ):
            page = page_text(f"{srv.url}{path}?Page=7")
            assert article_links(page, srv.url + path) == []
            nxt = re.search(r'<a href="([^"]+)">Trang sau</a>', page)
            assert bool(nxt) == trap
            if trap:
                assert html.unescape(nxt.group(1)).endswith("Page=8")
    finally:
        srv.stop()


def test_same_config_gives_identical_bytes(server: ReplicaServer, truth) -> None:
    srv = serve(SiteConfig())
    try:
        picks = truth[::23] + [r for r in truth if r["attachments"]][:3]
        urls = [r["url"] for r in picks] + [a["url"] for r in picks for a in r["attachments"]]
        for url in urls:
            assert fetch(url.replace(server.url, srv.url))[2] == fetch(url)[2]
        assert [json.dumps(r).replace(srv.url, "") for r in read_truth(srv)] == [
            json.dumps(r).replace(server.url, "") for r in truth
        ]
    finally:
        srv.stop()


def test_moj_serves_the_2026_portal_and_pages_through_loadnews() -> None:
    """moj.gov.vn's twin: /portal/ article and category URLs, LoadNews fragments as next pages,
    and none of the 2021 SharePoint pages."""
    srv = serve(SiteConfig(articles=45), {"moj"})
    try:
        records = [r for r in read_truth(srv) if r["site"] == "moj"]
        assert len(records) == 45
        pattern = r"/moj\.gov\.vn/portal/tin-tuc/chi-tiet/[a-z0-9-]+-[0-9a-z]{6}\.html"
        assert all(re.search(pattern + "$", r["url"]) for r in records)
        category = "/moj.gov.vn/portal/tin-tuc/chuyen-muc/van-ban-chinh-sach-moi.html"
        first = page_text(srv.url + category)
        query = (
            "?handler=LoadNews&pageNumber=2&chuyentrang=portal&categoryId=van-ban-chinh-sach-moi"
        )
        assert html.escape(query + "&pageSize=10") in first
        fragment = page_text(srv.url + category + query + "&pageSize=10")
        assert "<html" not in fragment and "tin-tuc/chi-tiet/" in fragment
        links = re.compile(r'href="([^"]*/tin-tuc/chi-tiet/[^"]+)"')
        assert links.findall(fragment) and not set(links.findall(first)) & set(
            links.findall(fragment)
        )
        old = "/moj.gov.vn/qt/tintuc/Pages/van-ban-chinh-sach-moi.aspx?ItemID=1"
        assert fetch(srv.url + old)[0] == 404
    finally:
        srv.stop()
