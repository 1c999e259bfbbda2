"""The replica THADS portal: real HTTP on 127.0.0.1, checked against its own truth file."""

from __future__ import annotations

import ast
import html
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

import replica
from replica import ReplicaServer
from replica.families.thads_sharepoint.site import ThadsSite
from replica.places import BY_SLUG
from replica.site import SiteConfig

ARTICLES = 45
SEED_TITLE = (
    "Thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
    "trên cơ sở giới năm 2021"
)
LIST_SIZES = {"TinTuDiaPhuong": 18, "HoatDongCuaCuc": 12, "HoatDongDoanThe": 10, "ThongBao": 5}
SITE_PATH = "/thads.moj.gov.vn/dongthap"
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "h1", "h2", "h3", "h4"}


def dongthap_server() -> ReplicaServer:
    """The Đồng Tháp site alone, whatever else the catalog mounts by default."""
    site = ThadsSite(BY_SLUG["dongthap"], SiteConfig(articles=ARTICLES))
    return ReplicaServer(port=0, sites=[site])


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    srv = dongthap_server()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Any, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def read_truth(base: str) -> list[dict[str, Any]]:
    status, _, body = fetch(base + "/__replica__/truth.jsonl")
    assert status == 200
    return [json.loads(line) for line in body.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def truth(server: ReplicaServer) -> list[dict[str, Any]]:
    return read_truth(server.url)


class _Blocks(HTMLParser):
    """Text blocks (split at block-level tags) inside one element chosen by class; image
    captions (p.image-caption) are left out, as body_text leaves them out."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class, self.depth, self.blocks, self.text = css_class, 0, [], []
        self.caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.caption = self.caption or (self.depth > 0 and "image-caption" in classes)
        if self.depth == 0 and tag == "div" and self.css_class in classes:
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        if self.depth and tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.caption and tag == "p":
            self.caption, self.text = False, []
        if self.depth and tag in BLOCK_TAGS:
            self.flush()
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.caption:
            self.text.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            self.blocks.append(text)
        self.text = []


def blocks(page: str, css_class: str) -> list[str]:
    parser = _Blocks(css_class)
    parser.feed(page)
    parser.close()
    return parser.blocks


def hrefs(page: str, css_class: str) -> list[str]:
    return re.findall(rf'<a class="{css_class}" href="([^"]+)"', page)


def list_path(name: str) -> str:
    web = "thongbao" if name == "ThongBao" else "tintuc"
    return f"{SITE_PATH}/noidung/{web}/Lists/{name}/View_Detail.aspx"


def canonical(url: str) -> tuple[str, str]:
    """(lower-cased path, lower-cased query) without fragment: what the crawler must do."""
    parts = urlsplit(url)
    return parts.path.lower(), parts.query.lower()


def test_truth_lists_every_article_once(server: ReplicaServer, truth: list[dict]) -> None:
    assert len(truth) == ARTICLES
    assert len({r["url"] for r in truth}) == ARTICLES
    for record in truth:
        assert record["site"] == "thads-dongthap"
        list_url = server.url + list_path(record["list"])
        key = "itemid" if record["list"] == "ThongBao" else "ItemID"  # as real links write them
        assert record["url"] == f"{list_url}?{key}={record['item_id']}"
        assert record["paragraph_count"] == len(record["body_text"].split("\n\n"))
    sizes = {name: sum(r["list"] == name for r in truth) for name in LIST_SIZES}
    assert sizes == LIST_SIZES


def test_sites_json(server: ReplicaServer) -> None:
    status, _, body = fetch(server.url + "/__replica__/sites.json")
    assert status == 200
    assert json.loads(body) == [
        {
            "slug": "thads-dongthap",
            "family": "thads-sharepoint",
            "base_url": server.url + "/thads.moj.gov.vn/dongthap/",
            "articles": ARTICLES,
        }
    ]


@pytest.mark.parametrize("index", range(ARTICLES))
def test_article_page_matches_truth(truth: list[dict], index: int) -> None:
    record = truth[index]
    status, headers, body = fetch(record["url"])
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    assert headers["Last-Modified"].endswith(" GMT")
    assert headers["Server"] == "Microsoft-IIS/10.0"
    assert headers["X-SharePointHealthScore"] == "0"
    assert headers["MicrosoftSharePointTeamServices"] == "15.0.0.4797"
    page = body.decode("utf-8")
    title = html.escape(record["title"], quote=False)
    assert f'<h3 class="title-news">{title}</h3>' in page
    assert "\r\n\tTin tức - Cục Thi hành án dân sự tỉnh Đồng Tháp\r\n</title>" in page
    published = record["published"]
    shown = "" if published is None else "/".join(reversed(published.split("-")))
    assert f'<div class="date-news">{shown}</div>' in page
    # The body as a reader sees it: repeated title, paragraphs, then the optional author line.
    author, unit = record["author"], record["author_unit"]
    line = [f"{author} – {unit}" if author and unit else author or f"Theo {unit}"]
    expected = [record["title"], *record["body_text"].split("\n\n")]
    assert blocks(page, "content-news") == expected + (line if author or unit else [])


def test_case_varied_spelling_serves_identical_bytes(truth: list[dict]) -> None:
    url = truth[3]["url"]
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    spellings = [
        url,
        base + parts.path.lower() + "?" + parts.query.lower(),
        base
        + parts.path.upper().replace("VIEW_DETAIL.ASPX", "view_Detail.aspx")
        + "?ITEMID="
        + str(truth[3]["item_id"]),
        url + "#content",
    ]
    bodies = {fetch(u)[2] for u in spellings}
    assert len(bodies) == 1
    assert fetch(spellings[1])[0] == 200


@pytest.mark.parametrize("list_name", sorted(LIST_SIZES))
def test_listing_shows_newest_first_and_pager_reaches_last(
    server: ReplicaServer, truth: list[dict], list_name: str
) -> None:
    ids = sorted((r["item_id"] for r in truth if r["list"] == list_name), reverse=True)
    url = server.url + list_path(list_name)
    status, _, first = fetch(url)
    assert status == 200
    assert fetch(url + "?Page=1")[2] == first
    page = first.decode("utf-8")

    def item_ids(page: str, at: str) -> list[int]:
        return [int(canonical(urljoin(at, h))[1].split("=")[1]) for h in hrefs(page, "title")]

    assert item_ids(page, url) == ids[:10]
    seen, at, pages = item_ids(page, url), url, 1
    while match := re.search(r'<a href="([^"]+)">Trang sau</a>', page):
        at = urljoin(at, html.unescape(match.group(1)))
        status, _, body = fetch(at)
        assert status == 200
        page, pages = body.decode("utf-8"), pages + 1
        seen += item_ids(page, at)
    assert seen == ids
    assert pages == -(-len(ids) // 10)
    assert "Trang cuối" not in page


def test_links_use_varied_spellings(server: ReplicaServer) -> None:
    pages = [
        fetch(f"{server.url}{list_path(name)}?Page={n}")[2] for name in LIST_SIZES for n in (1, 2)
    ]
    links = [h for p in pages for h in hrefs(p.decode("utf-8"), "title")]
    assert any(h.startswith("/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/") for h in links)
    assert any(h == h.lower() and h.startswith("/") for h in links)
    assert any(h.startswith("View_Detail.aspx?ItemID=") for h in links)
    assert any("#" in h for h in links)


def test_unknown_item_and_path_are_404(server: ReplicaServer) -> None:
    site = f"{server.url}/thads.moj.gov.vn/dongthap"
    base = f"{site}/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx"
    for url in (
        base + "?ItemID=99999",
        base + "?ItemID=abc",
        f"{server.url}/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/KhongCo/View_Detail.aspx?ItemID=12",
        f"{server.url}/thads.moj.gov.vn/dongthap/khong-co.aspx",
    ):
        status, headers, body = fetch(url)
        assert status == 404, url
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Không tìm thấy tệp." in body.decode("utf-8")


def test_home_page_links_to_every_list(server: ReplicaServer) -> None:
    for path in (
        "/thads.moj.gov.vn/dongthap/",
        "/thads.moj.gov.vn/dongthap/Pages/Trangchu.aspx",
        "/THADS.MOJ.GOV.VN/DONGTHAP/pages/trangchu.aspx",
    ):
        status, _, body = fetch(server.url + path)
        assert status == 200
        page = body.decode("utf-8")
        for name in LIST_SIZES:
            assert f'href="{list_path(name)}"' in page


def test_seed_article(truth: list[dict]) -> None:
    [record] = [r for r in truth if r["title"] == SEED_TITLE]
    assert record["list"] == "HoatDongDoanThe"
    ids = sorted(r["item_id"] for r in truth if r["list"] == "HoatDongDoanThe")
    assert ids[0] < record["item_id"] < ids[-1]
    assert record["published"] == "2021-11-10"
    assert record["author_unit"] == "Ban Vì sự tiến bộ phụ nữ"
    assert record["author"] is None
    assert record["first_paragraph"].startswith("Nhằm thu hút sự quan tâm")
    assert record["last_paragraph"].startswith("Trên cơ sở kế hoạch đề ra")
    assert record["last_paragraph"].endswith("trên cơ sở giới năm 2021.")
    assert record["paragraph_count"] == 7
    assert "- Phối hợp Công đoàn cơ quan" in record["body_text"]
    page = fetch(record["url"])[2].decode("utf-8")
    for text in ("Sign In", "Các tin đã đưa ngày:", "Theo Ban Vì sự tiến bộ phụ nữ", "10/11/2021"):
        assert text in page
    assert page.index("Sign In") < page.index(SEED_TITLE) < page.index("Các tin đã đưa ngày:")


def test_seed_file_is_a_verbatim_copy() -> None:
    packaged = resources.files("replica").joinpath("seed_article.txt").read_bytes()
    shared = Path(__file__).resolve().parents[2] / "shared/seeds/000_8155f4f022754b57.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside the project")
    assert packaged == shared.read_bytes()


def test_exactly_one_undated_article(truth: list[dict]) -> None:
    undated = [r for r in truth if r["published"] is None]
    assert len(undated) == 1
    page = fetch(undated[0]["url"])[2].decode("utf-8")
    assert '<div class="date-news"></div>' in page


def test_dates_follow_item_ids(truth: list[dict]) -> None:
    for name in LIST_SIZES:
        dates = [r["published"] for r in truth if r["list"] == name and r["published"]]
        ids = [r["item_id"] for r in truth if r["list"] == name]
        assert ids == sorted(ids)
        assert dates == sorted(dates)
        assert "2019-01-01" <= dates[0] <= dates[-1] <= "2022-12-31"
        assert 10 <= ids[0] <= 20


def test_conditional_get_and_head(truth: list[dict]) -> None:
    url = truth[0]["url"]
    _, headers, body = fetch(url)
    status, _, again = fetch(url, {"If-Modified-Since": headers["Last-Modified"]})
    assert (status, again) == (304, b"")
    request = urllib.request.Request(url, method="HEAD")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.read() == b""
        assert int(response.headers["Content-Length"]) == len(body)


def test_same_seed_gives_identical_output(server: ReplicaServer, truth: list[dict]) -> None:
    paths = [
        "/thads.moj.gov.vn/dongthap/",
        "/thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?Page=2",
        *(urlsplit(r["url"]).path + "?" + urlsplit(r["url"]).query for r in truth[::7]),
    ]
    with dongthap_server() as other:
        assert other.url != server.url
        for path in paths:
            assert fetch(other.url + path)[2] == fetch(server.url + path)[2], path
        theirs = read_truth(other.url)
    # Every URL in a record (article, images, attachments) starts with the server's own base.
    assert [json.dumps(r).replace(other.url, "") for r in theirs] == [
        json.dumps(r).replace(server.url, "") for r in truth
    ]


def test_replica_imports_nothing_from_the_project() -> None:
    package = Path(replica.__file__).parent
    for source in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in ("crawler", "archive"), (source.name, name)


@pytest.mark.slow
def test_govarchive_replica_serves_every_family_with_its_knobs() -> None:
    import subprocess
    import sys
    import time

    from tests.helpers import ROOT, free_port

    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "replica",
            "--port",
            str(port),
            "--articles",
            "20",
            "--faults",
            "5xx=1:1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                _, _, body = fetch(f"{base}/__replica__/sites.json")
                break
            except OSError:
                time.sleep(0.1)
        sites = json.loads(body)
        assert len(sites) >= 10
        families = {site["family"] for site in sites}
        assert len(families) >= 5
        home = f"{base}/thads.moj.gov.vn/dongthap/"
        assert fetch(home)[0] == 500  # the burst of one 5xx the knob asked for
        assert fetch(home)[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
