"""Replica sites of families 4 and 5 (Liferay, ASP.NET postback, JSON API), over real HTTP."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode, urljoin

import pytest

from replica.catalog import sites_named
from replica.server import ReplicaServer
from replica.site import Request, SiteConfig
from tests.helpers import TRUTH_FIELDS

FAMILY45 = ("dongthap-gov", "moh", "chinhphu-vanban", "mof")


SLUGS = ("dongthap-gov", "moh", "chinhphu-vanban", "mof")
TRUTH_KEYS = TRUTH_FIELDS
GRID = "ctrl_191017_163$grvDocument"
VANBAN_GRID = "/vanban.chinhphu.vn/?mode=0&pageid=41852"
BASE = SiteConfig(articles=90)
CHANGED = SiteConfig(articles=90, new_articles=3, edit_rate=0.3, remove=4)
_HIDDEN = re.compile(r'<input type="hidden" name="(__\w+)" id="\w+" value="([^"]*)" />')


def fetch(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Any, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def text(url: str, data: bytes | None = None) -> tuple[int, str]:
    status, _, body = fetch(url, data)
    return status, body.decode("utf-8")


def read_truth(server: ReplicaServer, slug: str) -> list[dict[str, Any]]:
    status, body = text(f"{server.url}/__replica__/truth.jsonl?site={slug}")
    assert status == 200
    return [json.loads(line) for line in body.splitlines()]


def serve(config: SiteConfig) -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, sites=sites_named(config, *FAMILY45)) as server:
        yield server


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    yield from serve(BASE)


@pytest.fixture(scope="module")
def changed() -> Iterator[ReplicaServer]:
    yield from serve(CHANGED)


@pytest.fixture(scope="module")
def truth(server: ReplicaServer) -> dict[str, list[dict[str, Any]]]:
    return {slug: read_truth(server, slug) for slug in SLUGS}


def hrefs(page: str, base: str) -> list[str]:
    return [urljoin(base, html.unescape(h)) for h in re.findall(r'href="([^"#]+)"', page)]


def onclicks(page: str, base: str) -> list[str]:
    found = re.findall(r"onclick=\"location\.href='([^']+)'\"", page)
    return [urljoin(base, html.unescape(h)) for h in found]


def canonical(url: str) -> str:
    """Article URLs without Liferay's ?inheritRedirect=…&redirect=… tail."""
    return url.split("?inheritRedirect")[0]


def visible(page: str) -> str:
    """The page's text with tags dropped, entities decoded and whitespace (NBSP too) collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def form_of(page: str) -> dict[str, str]:
    return dict(_HIDDEN.findall(page))


# Every site ------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_truth_records_carry_every_key(truth: dict[str, list[dict]], slug: str) -> None:
    records = truth[slug]
    assert len(records) == BASE.articles
    for record in records:
        assert set(record) >= TRUTH_KEYS
        assert record["paragraph_count"] == len(record["body_text"].split("\n\n"))
        assert record["status"] == "live" and record["edited"] is False
    assert any(r["cited_documents"] for r in records)


@pytest.mark.parametrize("slug", ["dongthap-gov", "chinhphu-vanban"])
def test_every_truth_url_answers_with_its_title(
    server: ReplicaServer, truth: dict[str, list[dict]], slug: str
) -> None:
    for record in truth[slug]:
        status, headers, body = fetch(record["url"])
        assert status == 200, record["url"]
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Last-Modified"]
        page = visible(body.decode("utf-8"))
        assert record["title"] in page
        assert record["first_paragraph"] in page and record["last_paragraph"] in page
        for file in record["attachments"] + record["images"]:
            assert fetch(file["url"])[0] == 200


def test_attachments_and_photos_have_real_content_types(truth: dict[str, list[dict]]) -> None:
    files = [a for r in truth["dongthap-gov"] for a in r["attachments"]]
    shape = r"/dongthap\.gov\.vn/documents/\d+/0/[^/]+/[0-9a-f-]{36}\?t=\d+$"
    assert all(re.search(shape, f["url"]) for f in files)
    pdf = next(a for a in files if a["type"] == "pdf")
    status, headers, body = fetch(pdf["url"])
    assert (status, headers["Content-Type"]) == (200, "application/pdf") and body[:5] == b"%PDF-"
    photo = next(i for r in truth["moh"] for i in r["images"])
    assert fetch(photo["url"])[1]["Content-Type"] == "image/jpeg"


# moh: page shells over the POST bridge API (docs/evidence.md) ----------------------------------
def bridge(server: ReplicaServer, api: str, body: dict[str, Any]) -> tuple[int, Any]:
    status, headers, raw = fetch(
        f"{server.url}/moh.gov.vn/bridge?url=/portal/api/{api}",
        json.dumps(body).encode("utf-8"),
        {"Content-Type": "application/json"},
    )
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    return status, json.loads(raw)


def test_moh_list_api_answers_category_groups_with_items(
    server: ReplicaServer, truth: dict[str, list[dict]]
) -> None:
    found = set()
    for category in ("8351", "8356", "8360"):
        body = {
            "CHUYEN_TRANG": "BO_YTE",
            "NGON_NGU": "TIENG_VIET",
            "MA_DANH_MUC": category,
            "TYPE": 1,
            "PAGE_SIZE": 500,
            "ISEXTEND": 1,
        }
        status, groups = bridge(server, "lay_bai_viet_theo_danh_muc", body)
        assert status == 200 and [g["MA"] for g in groups] == [category]
        for item in groups[0]["ITEMS"]:
            assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d [AP]M", item["THOI_GIAN_XUAT_BAN"])
            assert category in item["MA_DANH_MUC"].split(";")
            found.add(
                f"{server.url}/moh.gov.vn/index.jsp?pageId=5803&aid={item['MA']}&cid={category}"
            )
    assert found == {r["url"] for r in truth["moh"] if r["status"] == "live"}
    unknown = {"MA_DANH_MUC": "9999", "PAGE_SIZE": 5}
    assert bridge(server, "lay_bai_viet_theo_danh_muc", unknown) == (200, [])
    assert fetch(f"{server.url}/moh.gov.vn/bridge?url=/portal/api/layChiTietBaiViet")[0] == 405


def test_moh_article_api_and_page_shell(server: ReplicaServer, truth: dict[str, list]) -> None:
    record = truth["moh"][0]
    aid = re.search(r"aid=(\d+)", record["url"]).group(1)
    status, answer = bridge(server, "layChiTietBaiViet", {"maBaiViet": aid, "maDanhMuc": "8356"})
    detail = answer["d"]
    assert status == 200 and detail["tieuDe"] == record["title"]
    assert visible(detail["moTa"]) == (record["summary"] or "")
    assert record["first_paragraph"] in visible(detail["noiDung"])
    stamp = datetime.strptime(detail["thoiGianBatDauDang"], "%d/%m/%Y %I:%M %p")
    assert stamp.strftime("%Y-%m-%dT%H:%M") == record["published"][:16]
    for image in record["images"]:
        assert fetch(image["url"])[1]["Content-Type"] == "image/jpeg"
    status, page = text(record["url"])  # the article page is a shell: its text comes from the API
    assert status == 200 and record["title"] not in page and "bridge?url=" in page
    missing = bridge(server, "layChiTietBaiViet", {"maBaiViet": "1", "maDanhMuc": "8356"})
    assert missing == (404, {"d": None})


# chinhphu-vanban: the ASP.NET postback grid ----------------------------------------------------
def postback_link(argument: str) -> str:
    """A pager link as ASP.NET 4 writes it (quotes as &#39;)."""
    return f"javascript:__doPostBack(&#39;{GRID}&#39;,&#39;{argument}&#39;)"


def test_chinhphu_postback_pages_the_grid(server: ReplicaServer, truth: dict[str, list]) -> None:
    url = f"{server.url}{VANBAN_GRID}"
    status, first = text(url)
    assert status == 200
    assert '<form method="post" action="./?mode=0&amp;pageid=41852" id="form1">' in first
    assert 'id="ctrl_191017_163_grvDocument"' in first and '<tr class="grid-pager">' in first
    assert postback_link("Page$2") in first
    form = form_of(first)
    assert {"__VIEWSTATE", "__EVENTVALIDATION", "__EVENTTARGET", "__EVENTARGUMENT"} <= set(form)
    rows: list[str] = []
    page, n = first, 1
    while True:
        found = re.findall(r'<tr><td><a href="([^"]+)"><span class="code">', page)
        rows += [urljoin(url, html.unescape(h)) for h in found]
        if postback_link(f"Page${n + 1}") not in page:
            break
        n += 1
        posted = {**form_of(page), "__EVENTTARGET": GRID, "__EVENTARGUMENT": f"Page${n}"}
        status, page = text(url, urlencode(posted).encode())
        assert status == 200 and f"<td><span>{n}</span></td>" in page
    assert n == 5  # 90 documents, 20 a page
    assert rows == [r["url"] for r in reversed(truth["chinhphu-vanban"])]  # newest first
    # The rows per page are the form's: 50 asked, two pages.
    posted = {**form, "__EVENTTARGET": GRID, "__EVENTARGUMENT": "Page$2"}
    posted["ctrl_191017_163$drdRecordPerPage"] = "50"
    page = text(url, urlencode(posted).encode())[1]
    assert page.count('<span class="code">') == 40 and postback_link("Page$3") not in page


def test_chinhphu_detail_urls_of_filtered_lists_are_the_same_page(
    server: ReplicaServer, truth: dict[str, list]
) -> None:
    url = truth["chinhphu-vanban"][0]["url"]
    plain = text(url)
    assert plain[0] == 200
    assert text(url + "&classid=1&orggroupid=4") == plain
    default = url.replace("/vanban.chinhphu.vn/?", "/vanban.chinhphu.vn/default.aspx?")
    assert text(default) == plain


def test_chinhphu_rejects_a_garbled_or_missing_viewstate(server: ReplicaServer) -> None:
    url = f"{server.url}{VANBAN_GRID}"
    form = form_of(text(url)[1])
    garbled = form["__VIEWSTATE"][:40] + "A" + form["__VIEWSTATE"][41:]
    for viewstate in (garbled, None):
        posted = {**form, "__EVENTTARGET": GRID, "__EVENTARGUMENT": "Page$2"}
        if viewstate is None:
            del posted["__VIEWSTATE"]
        else:
            posted["__VIEWSTATE"] = viewstate
        status, page = text(url, urlencode(posted).encode())
        assert status == 500 and "Validation of viewstate MAC failed" in page


def test_chinhphu_detail_fields(server: ReplicaServer, truth: dict[str, list]) -> None:
    record = next(r for r in truth["chinhphu-vanban"] if len(r["cited_documents"]) >= 2)
    page = text(record["url"])[1]
    assert (
        f'<h4 class="title"><span>{html.escape(record["title"], quote=False)}</span></h4>' in page
    )

    def row(label: str, value: str) -> str:
        return f'<tr><td class="col1">{label}</td><td class="col2">{value}</td></tr>'

    assert row("Số ký hiệu", record["number"]) in page
    day = datetime.fromisoformat(record["published"])
    assert row("Ngày ban hành", f"{day:%d-%m-%Y}") in page
    assert row("Trích yếu", html.escape(record["summary"], quote=False)) in page
    assert row("Cơ quan ban hành", record["author_unit"]) in page
    assert row("Người ký", record["author"]) in page
    for file in record["attachments"]:
        href = file["url"].removeprefix(server.url)
        assert f'<div class="rp-file"><a class="view-file" href="{href}"' in page
    assert record["title"].startswith(f"{record['category']} {record['number']} ")
    for cited in record["cited_documents"]:
        assert cited["number"] in record["body_text"]


# mof: the SPA and its JSON API ------------------------------------------------------------------
def test_mof_api_pages_through_every_article(server: ReplicaServer, truth: dict[str, list]) -> None:
    shell = text(f"{server.url}/mof.gov.vn/bo-tai-chinh")[1]
    config = json.loads(re.search(r"window.__APP_CONFIG__ = (\{.*?\});</script>", shell).group(1))
    api = server.url + config["apiBase"]
    root = json.loads(text(f"{api}/articlecategory/getbyslug?slug=bo-tai-chinh")[1])["data"]
    assert root["slug"] == config["rootSlug"] == "bo-tai-chinh" and root["name"]
    pages: list[str] = []
    offset = 0
    while True:
        body = json.dumps({"rootSlug": config["rootSlug"]}).encode()
        status, headers, raw = fetch(f"{api}/article/reads?offset={offset}&limit=7", body)
        assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
        batch = json.loads(raw)["data"]  # every answer is wrapped in {"data": ...}
        if not batch:
            break
        keys = {"title", "slug", "description", "publicationTime", "rootCategorySlug"}
        assert keys | {"categorySlug"} <= set(batch[0])
        pages += [
            f"{server.url}/mof.gov.vn/{i['rootCategorySlug']}/{i['categorySlug']}/{i['slug']}"
            for i in batch
        ]
        offset += 7
    assert len(set(pages)) == len(pages) and set(pages) == {r["url"] for r in truth["mof"]}
    per_category = 0
    for category in config["categories"]:
        body = json.dumps({"categoryId": category["id"]}).encode()
        answer = json.loads(fetch(f"{api}/article/reads?offset=0&limit=100", body)[2])
        per_category += len(answer["data"])
    assert per_category == len(pages)


def test_mof_detail_holds_the_html_and_the_page_does_not(
    server: ReplicaServer, truth: dict[str, list]
) -> None:
    record = truth["mof"][10]
    slug = record["url"].rsplit("/", 1)[1]
    status, shell = text(record["url"])
    assert status == 200 and f'data-slug="{slug}"' in shell
    assert record["title"] not in shell and record["first_paragraph"] not in shell
    api = f"{server.url}/mof.gov.vn/api/article/getbyslug?slug="
    detail = json.loads(text(api + slug)[1])["data"]
    assert detail["title"] == record["title"]
    assert detail["articleCategory"]["name"] == record["category"]
    content = detail["articleContent"]
    content = json.loads(content)["Content"] if content.startswith("{") else content
    assert content.startswith("<p")
    assert html.escape(record["last_paragraph"], quote=False) in content
    # Some articles hold their HTML inside the text of a JSON object, under "Content".
    contents = [
        json.loads(text(api + r["url"].rsplit("/", 1)[1])[1])["data"]["articleContent"]
        for r in truth["mof"][:40]
        if r["status"] == "live"
    ]
    wrapped = [json.loads(c)["Content"] for c in contents if c.startswith("{")]
    assert wrapped and all(c.startswith("<p") for c in wrapped)
    utc = datetime.fromisoformat(detail["publicationTime"].replace("Z", "+00:00"))
    assert detail["publicationTime"].endswith("Z")
    assert utc.astimezone(timezone(timedelta(hours=7))).isoformat() == record["published"]
    assert (record["summary"] or "") == detail["description"]
    bad = fetch(f"{server.url}/mof.gov.vn/api/article/getbyslug?slug=khong-co-bai-nay-1")
    assert bad[0] == 404 and json.loads(bad[2])["status"] == 404


# Knobs and determinism ---------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_knobs_add_edit_and_remove_articles(
    server: ReplicaServer, changed: ReplicaServer, slug: str
) -> None:
    def by_path(srv: ReplicaServer) -> dict[str, dict]:
        return {r["url"].removeprefix(srv.url): r for r in read_truth(srv, slug)}

    before, after = by_path(server), by_path(changed)
    new = set(after) - set(before)
    assert set(before) <= set(after) and len(new) == CHANGED.new_articles
    newest_old = max(r["published"] for r in before.values())
    assert all(after[p]["published"] > newest_old for p in new)
    removed = [p for p, r in after.items() if r["status"] == "removed"]
    edited = [p for p, r in after.items() if r["edited"]]
    assert len(removed) == CHANGED.remove and edited
    for path, record in after.items():
        if path in new:
            continue
        old = before[path]
        assert (record["title"], record["published"]) == (old["title"], old["published"])
        assert (record["body_text"] != old["body_text"]) == record["edited"]
    for path in removed:
        if slug == "moh":  # the page is a shell either way; the article API says it is gone
            aid = re.search(r"aid=(\d+)", path).group(1)
            answer = bridge(changed, "layChiTietBaiViet", {"maBaiViet": aid, "maDanhMuc": "8356"})
            assert answer[0] in (404, 410) and answer[1] == {"d": None}
            continue
        assert fetch(changed.url + path)[0] in (404, 410)
        if slug == "mof":
            assert fetch(after[path]["api_url"])[0] == 404
    for path in [p for p in edited if after[p]["status"] == "live"][:3]:
        if slug == "dongthap-gov":  # Liferay pages show when they were updated
            assert after[path]["updated"] > after[path]["published"]
        if slug == "moh":  # a static page shell: the article API carries the edit
            continue
        url = changed.url + path
        old_lm = parsedate_to_datetime(fetch(server.url + path)[1]["Last-Modified"])
        headers = fetch(url)[1]
        assert parsedate_to_datetime(headers["Last-Modified"]) > old_lm


def test_new_articles_top_the_listings_and_removed_leave_them(changed: ReplicaServer) -> None:
    records = read_truth(changed, "dongthap-gov")
    newest = max(records, key=lambda r: r["published"])
    gone = {r["url"] for r in records if r["status"] == "removed"}
    home = text(f"{changed.url}/dongthap.gov.vn/")[1]
    assert html.escape(newest["title"], quote=False) in home
    listed: set[str] = set()
    for section in ("thoi-su-chinh-tri", "kinh-te", "van-hoa-xa-hoi"):
        url = f"{changed.url}/dongthap.gov.vn/tin-tuc/{section}"
        while url:
            page = text(url)[1]
            listed.update(u for u in hrefs(page, url) if "chi-tiet?id=" in u)
            nxt = re.search(r'href="([^"]+)" title="Trang sau"', page)
            url = urljoin(url, html.unescape(nxt.group(1))) if nxt else ""
            url = "" if url.startswith("javascript:") else url
    assert listed == {r["url"] for r in records} - gone


def test_trap_listings_never_end() -> None:
    with ReplicaServer(
        port=0, sites=sites_named(SiteConfig(articles=45, trap=True), *FAMILY45)
    ) as srv:
        page = text(f"{srv.url}/dongthap.gov.vn/tin-tuc/kinh-te")[1]
        second = html.unescape(re.findall(r'href="([^"]*_cur=2&[^"]*)"', page)[0])
        far = text(urljoin(srv.url, second.replace("_cur=2&", "_cur=500&")))[1]
        assert re.search(r'href="[^"]+_cur=501&[^"]+" title="Trang sau"', far)
        url = f"{srv.url}{VANBAN_GRID}"
        form = {**form_of(text(url)[1]), "__EVENTTARGET": GRID, "__EVENTARGUMENT": "Page$400"}
        deep = text(url, urlencode(form).encode())[1]
        assert postback_link("Page$401") in deep and '<span class="code">' in deep
        body = json.dumps({"rootSlug": "bo-tai-chinh"}).encode()
        assert json.loads(
            fetch(f"{srv.url}/mof.gov.vn/api/article/reads?offset=9000&limit=5", body)[2]
        )["data"]


def test_generation_is_deterministic() -> None:
    one, two = sites_named(CHANGED, *FAMILY45), sites_named(CHANGED, *FAMILY45)
    for a, b in zip(one, two, strict=True):
        assert list(a.truth("http://h")) == list(b.truth("http://h"))
        for path in ("", "tin-tuc/kinh-te", "web/guest/tin-noi-bat", "?mode=0&pageid=41852"):
            path, _, query = path.partition("?")
            request = Request("GET", a.prefix + path, query, {"host": "h"})
            assert a.handle(request).body == b.handle(request).body
    assert len({r["url"] for r in one[0].truth("")}) == CHANGED.articles + CHANGED.new_articles
