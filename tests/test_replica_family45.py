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

from replica.family45 import family45_sites
from replica.liferay_moh import FLAKY_INDEX, MohSite
from replica.server import ReplicaServer
from replica.site import Request, SiteConfig

SLUGS = ("dongthap-gov", "moh", "chinhphu-vanban", "mof")
TRUTH_KEYS = {
    "site", "url", "title", "published", "updated", "author_unit", "author", "summary",
    "category", "tags", "attachments", "images", "body_text", "first_paragraph",
    "last_paragraph", "paragraph_count", "cited_documents", "status", "edited",
}  # fmt: skip
GRID = "ctl00$leftcontent$ctl00$grvDocument"
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
    with ReplicaServer(port=0, sites=family45_sites(config)) as server:
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


@pytest.mark.parametrize("slug", ["dongthap-gov", "moh", "chinhphu-vanban"])
def test_every_truth_url_answers_with_its_title(
    server: ReplicaServer, truth: dict[str, list[dict]], slug: str
) -> None:
    for record in truth[slug]:
        status, headers, body = fetch(record["url"])
        if status == 502:  # moh's first-request failure; the retry succeeds
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


# moh: pagination, onclick-only links, 502 once, robots ----------------------------------------
def test_moh_pagination_reaches_every_article_some_only_by_onclick(
    server: ReplicaServer, truth: dict[str, list[dict]]
) -> None:
    start = f"{server.url}/moh.gov.vn/"
    queue, seen, linked, clicked = [start], {start}, set(), set()
    while queue:
        url = queue.pop()
        status, page = text(url)
        assert status == 200, url
        linked.update(canonical(u) for u in hrefs(page, url) if "/content/" in u)
        clicked.update(onclicks(page, url))
        for link in hrefs(page, url):
            listing = "/moh.gov.vn/web/guest/" in link and "tim-kiem" not in link
            if listing and link not in seen:
                seen.add(link)
                queue.append(link)
    assert any("_cur=2&" in u for u in seen)  # the listings did page
    live = {r["url"] for r in truth["moh"]}
    assert linked | clicked == live
    only_onclick = clicked - linked
    assert only_onclick
    for record in truth["moh"]:  # no page anywhere turns those into <a href>
        status, page = text(record["url"])
        if status == 502:
            status, page = text(record["url"])
        assert not only_onclick & {canonical(u) for u in hrefs(page, record["url"])}


def test_moh_flaky_article_answers_502_once_then_200() -> None:
    site = MohSite(SiteConfig(articles=45))
    with ReplicaServer(port=0, sites=[site]) as srv:
        records = read_truth(srv, "moh")
        flaky = records[FLAKY_INDEX]["url"]
        status, headers, body = fetch(flaky)
        assert (status, headers["Server"]) == (502, "nginx") and b"502 Bad Gateway" in body
        assert fetch(flaky)[0] == 200
        steady = next(r["url"] for i, r in enumerate(records) if not site.is_flaky(i))
        assert fetch(steady)[0] == 200
    assert 1 <= sum(site.is_flaky(i) for i in range(45)) <= 6


def test_moh_robots_disallow_a_path_its_pages_link_to(server: ReplicaServer) -> None:
    robots = text(f"{server.url}/robots.txt")[1]
    assert "Disallow: /moh.gov.vn/web/guest/tim-kiem" in robots.splitlines()
    home = text(f"{server.url}/moh.gov.vn/")[1]
    assert any("/moh.gov.vn/web/guest/tim-kiem" in u for u in hrefs(home, server.url))
    assert text(f"{server.url}/moh.gov.vn/web/guest/tim-kiem?_3_keywords=y+t%E1%BA%BF")[0] == 200


def test_moh_rss_lists_linked_articles(server: ReplicaServer, truth: dict[str, list]) -> None:
    status, home = text(f"{server.url}/moh.gov.vn/")
    feed = next(u for u in hrefs(home, server.url) if u.endswith("/rss"))
    status, headers, body = fetch(feed)
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    links = re.findall(r"<link>([^<]+/content/[^<]+)</link>", body.decode("utf-8"))
    assert links and set(links) <= {r["url"] for r in truth["moh"]}


# chinhphu-vanban: the ASP.NET postback grid ----------------------------------------------------
def test_chinhphu_postback_pages_the_grid(server: ReplicaServer, truth: dict[str, list]) -> None:
    url = f"{server.url}/chinhphu.vn/?pageid=27160"
    status, first = text(url)
    assert (
        status == 200 and '<form method="post" action="./?pageid=27160" id="aspnetForm">' in first
    )
    assert f"javascript:__doPostBack('{GRID}','Page$2')" in first
    form = form_of(first)
    assert {"__VIEWSTATE", "__EVENTVALIDATION", "__EVENTTARGET", "__EVENTARGUMENT"} <= set(form)
    rows: list[str] = []
    page, n = first, 1
    while True:
        found = re.findall(r'<td class="col-code"><a href="([^"]+)"', page)
        rows += [urljoin(url, html.unescape(h)) for h in found]
        if f"'Page${n + 1}'" not in page:
            break
        n += 1
        posted = {**form_of(page), "__EVENTTARGET": GRID, "__EVENTARGUMENT": f"Page${n}"}
        status, page = text(url, urlencode(posted).encode())
        assert status == 200 and f"<td><span>{n}</span></td>" in page
    assert n == 5  # 90 documents, 20 a page
    assert rows == [r["url"] for r in reversed(truth["chinhphu-vanban"])]  # newest first


def test_chinhphu_rejects_a_garbled_or_missing_viewstate(server: ReplicaServer) -> None:
    url = f"{server.url}/chinhphu.vn/?pageid=27160"
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
    assert f'<span class="code">{record["number"]}</span>' in page
    day = datetime.fromisoformat(record["published"])
    assert f'<span class="issued-date">{day:%d/%m/%Y}</span>' in page
    assert f'<span class="substract">{html.escape(record["summary"], quote=False)}</span>' in page
    assert record["title"].startswith(f"{record['category']} {record['number']} ")
    for cited in record["cited_documents"]:
        assert cited["number"] in record["body_text"]


# mof: the SPA and its JSON API ------------------------------------------------------------------
def test_mof_api_pages_through_every_article(server: ReplicaServer, truth: dict[str, list]) -> None:
    shell = text(f"{server.url}/mof.gov.vn/tin-tuc")[1]
    config = json.loads(re.search(r"window.__APP_CONFIG__ = (\{.*?\});</script>", shell).group(1))
    api = server.url + config["apiBase"]
    slugs: list[str] = []
    offset = 0
    while True:
        body = json.dumps({"categoryId": config["categoryId"]}).encode()
        status, headers, raw = fetch(f"{api}/article/reads?offset={offset}&limit=7", body)
        assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
        batch = json.loads(raw)
        if not batch:
            break
        assert {"id", "title", "slug", "description", "publicationTime", "categoryName"} <= set(
            batch[0]
        )
        slugs += [item["slug"] for item in batch]
        offset += 7
    pages = {f"{server.url}/mof.gov.vn/tin-tuc/{s}" for s in slugs}
    assert len(slugs) == len(pages) and pages == {r["url"] for r in truth["mof"]}
    per_category = 0
    for category in config["categories"]:
        body = json.dumps({"categoryId": category["id"]}).encode()
        per_category += len(json.loads(fetch(f"{api}/article/reads?offset=0&limit=100", body)[2]))
    assert per_category == len(slugs)


def test_mof_detail_holds_the_html_and_the_page_does_not(
    server: ReplicaServer, truth: dict[str, list]
) -> None:
    record = truth["mof"][10]
    slug = record["url"].rsplit("/", 1)[1]
    status, shell = text(record["url"])
    assert status == 200 and f'data-slug="{slug}"' in shell
    assert record["title"] not in shell and record["first_paragraph"] not in shell
    detail = json.loads(text(f"{server.url}/mof.gov.vn/api/article/getbyslug?slug={slug}")[1])
    assert detail["title"] == record["title"]
    assert detail["articleContent"].startswith("<p")
    assert html.escape(record["last_paragraph"], quote=False) in detail["articleContent"]
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
        assert fetch(changed.url + path)[0] in (404, 410)
        if slug == "mof":
            assert fetch(after[path]["api_url"])[0] == 404
    for path in [p for p in edited if after[p]["status"] == "live"][:3]:
        if slug in ("dongthap-gov", "moh"):  # Liferay pages show when they were updated
            assert after[path]["updated"] > after[path]["published"]
        url = changed.url + path
        old_lm = parsedate_to_datetime(fetch(server.url + path)[1]["Last-Modified"])
        status, headers, _ = fetch(url)
        if status == 502:
            status, headers, _ = fetch(url)
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
    with ReplicaServer(port=0, sites=family45_sites(SiteConfig(articles=45, trap=True))) as srv:
        page = text(f"{srv.url}/dongthap.gov.vn/tin-tuc/kinh-te")[1]
        second = html.unescape(re.findall(r'href="([^"]*_cur=2&[^"]*)"', page)[0])
        far = text(urljoin(srv.url, second.replace("_cur=2&", "_cur=500&")))[1]
        assert re.search(r'href="[^"]+_cur=501&[^"]+" title="Trang sau"', far)
        url = f"{srv.url}/chinhphu.vn/?pageid=27160"
        form = {**form_of(text(url)[1]), "__EVENTTARGET": GRID, "__EVENTARGUMENT": "Page$400"}
        deep = text(url, urlencode(form).encode())[1]
        assert "'Page$401'" in deep and '<span class="code">' in deep
        shell = text(f"{srv.url}/mof.gov.vn/tin-tuc")[1]
        root = re.search(r'data-category-id="([^"]+)"', shell).group(1)
        body = json.dumps({"categoryId": root}).encode()
        assert json.loads(
            fetch(f"{srv.url}/mof.gov.vn/api/article/reads?offset=9000&limit=5", body)[2]
        )


def test_generation_is_deterministic() -> None:
    one, two = family45_sites(CHANGED), family45_sites(CHANGED)
    for a, b in zip(one, two, strict=True):
        assert list(a.truth("http://h")) == list(b.truth("http://h"))
        for path in ("", "tin-tuc/kinh-te", "web/guest/tin-noi-bat", "?pageid=27160"):
            path, _, query = path.partition("?")
            request = Request("GET", a.prefix + path, query, {"host": "h"})
            assert a.handle(request).body == b.handle(request).body
    assert len({r["url"] for r in one[0].truth("")}) == CHANGED.articles + CHANGED.new_articles
