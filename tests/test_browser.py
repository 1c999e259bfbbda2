"""The served archive in a real browser: Debian's chromium driven by Playwright against
`govarchive serve` on 127.0.0.1. Screenshots of every step go to test-artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from datasette.utils import tilde_encode

from tests.helpers import GOVARCHIVE, ROOT, SEED_TITLE, free_port, wait_for_http
from tests.web_archive import HOSTILE_URL, fixture_archive

# Chromium on a served demo archive.
pytestmark = pytest.mark.slow

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"

if not shutil.which(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip(f"no chromium at {CHROMIUM} (make test installs it)", allow_module_level=True)


class Trap:
    """A server on 127.0.0.1 that the hostile article points at: any hit means it loaded."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def trap() -> Iterator[Trap]:
    server = Trap()
    yield server
    server.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, trap: Trap) -> Iterator[str]:
    """`govarchive serve` on a copy of the demo archive with the fixture rows; stopped when
    the module ends, passed or failed."""
    db = fixture_archive(tmp_path_factory, "browser", trap=trap.url)
    port = free_port()
    server = subprocess.Popen(
        [*GOVARCHIVE, "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        # The sandbox needs user namespaces that a root CI container may not have.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class Page:
    """A browser tab that records console messages, page errors and every request."""

    def __init__(self, browser: object, base_url: str) -> None:
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.tab = self.context.new_page()
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.tab.on("console", lambda message: self.console.append((message.type, message.text)))
        self.tab.on("pageerror", lambda error: self.errors.append(str(error)))
        self.tab.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str) -> None:
        self.tab.goto(self.base_url + path, wait_until="networkidle")

    def shot(self, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.tab.screenshot(path=str(path), full_page=full_page)
        return path

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"] + self.errors

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url + "/")]


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[Page]:
    tab = Page(browser, base_url)
    yield tab
    tab.context.close()


def test_search_box_finds_the_seed_and_its_page_shows_author_unit_and_source(page: Page) -> None:
    page.open("/")
    page.tab.fill("#archive-q", "binh dang gioi")
    page.tab.press("#archive-q", "Enter")
    page.tab.wait_for_selector(".search-result")
    page.shot("01-search-binh-dang-gioi")
    first = page.tab.locator(".search-result h2 a").first
    assert first.inner_text() == SEED_TITLE
    first.click()
    page.tab.wait_for_selector("article.archived-article")
    page.shot("02-seed-article")
    assert page.tab.inner_text(".author-unit") == "Ban Vì sự tiến bộ phụ nữ"
    source = page.tab.locator("a.source-link")
    assert source.get_attribute("href").startswith("http://127.0.0.1:")
    assert "thads.moj.gov.vn/dongthap" in source.get_attribute("href")
    assert page.console_errors() == []


def test_agency_facet_changes_the_count(page: Page) -> None:
    page.open("/-/search?q=binh+dang+gioi")
    before = page.tab.inner_text(".search-summary")
    facet = page.tab.locator("section[data-facet='agency'] li").last
    count = int(facet.locator(".count").inner_text().replace(",", ""))
    facet.locator("a").click()
    page.tab.wait_for_selector("section[data-facet='agency'] li.selected")
    page.shot("03-agency-facet")
    after = page.tab.inner_text(".search-summary")
    assert after != before and after.startswith(f"{count:,} bài")
    results = page.tab.locator(".search-result").count()
    assert results == count
    assert page.console_errors() == []


def test_chart_page_draws_a_chart(page: Page) -> None:
    page.open("/-/charts")
    chart = page.tab.locator("#monthly-chart > svg")
    box = chart.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 200
    assert page.tab.locator("#monthly-chart > svg rect").count() > 30
    page.shot("04-chart")
    page.open("/-/health")
    assert page.tab.locator("tr.status-bad").count() >= 1
    page.shot("05-health")
    assert page.console_errors() == []


def test_hostile_article_runs_nothing_and_loads_nothing(page: Page, trap: Trap) -> None:
    page.open("/-/search?q=" + "độc hại")
    page.tab.locator(".search-result h2 a").first.click()
    page.tab.wait_for_selector("article.archived-article")
    assert page.tab.url.endswith("/articles/" + tilde_encode(HOSTILE_URL))
    page.tab.hover("text=di chuột qua đây")
    page.tab.click("text=bấm vào đây")
    page.tab.wait_for_load_state("networkidle")
    page.shot("06-hostile-article")
    assert page.tab.evaluate("typeof window.__pwned") == "undefined"
    assert trap.hits == []
    assert page.outside_requests() == []
    assert page.console_errors() == []
    assert "<script>window.__pwned = 'title'</script>" in page.tab.inner_text("article h1")


def test_datasettes_own_pages_work_under_the_csp(page: Page) -> None:
    page.open("/archive/articles?_search=dong+thap")
    page.tab.click(".nav-menu summary")  # the menu script now comes from static/
    assert page.tab.locator(".nav-menu-inner a", has_text="Tìm trong kho lưu trữ").is_visible()
    page.tab.locator("th.col-agency .dropdown-menu-icon").first.click()  # table.js
    assert page.tab.locator(".dropdown-menu").first.is_visible()
    page.shot("07-table-view", full_page=False)
    page.open("/archive?sql=select+count(*)+from+articles")
    assert page.tab.locator(".CodeMirror").count() == 1  # the SQL editor started
    page.shot("08-sql-editor")
    assert page.console_errors() == []
    assert page.outside_requests() == []


# Lines of a link's text that break between two letters (inside a syllable), in the page.
BROKEN_INSIDE_A_WORD = """(selector) => {
  const broken = [];
  for (const link of document.querySelectorAll(selector)) {
    const text = link.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const value = text.textContent;
    let top = null;
    for (let i = 0; i < value.length; i++) {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 2 && value[i - 1] !== " " && value[i] !== " ")
        broken.push(value.slice(0, i) + "|" + value.slice(i));
      top = rect.top;
    }
  }
  return broken;
}"""


def test_trend_of_binh_dang_gioi_draws_and_its_csv_has_a_bom(page: Page) -> None:
    page.open("/-/search?q=" + "bình đẳng giới")
    assert page.tab.locator("html").get_attribute("lang") == "vi"
    page.tab.click("a.trend-link")
    page.tab.wait_for_selector("#trend-chart > svg")
    page.tab.wait_for_load_state("networkidle")
    page.shot("09-trend-binh-dang-gioi")
    box = page.tab.locator("#trend-chart > svg").bounding_box()
    assert box and box["width"] > 500 and box["height"] > 200
    assert page.tab.locator("#trend-chart > svg rect").count() > 5
    assert "Xu hướng theo thời gian" in page.tab.inner_text("h1")
    with page.tab.expect_download() as download:
        page.tab.click("a.trend-csv")
    saved = Path(download.value.path()).read_bytes()
    assert saved.startswith(b"\xef\xbb\xbfperiod,agency,matches,articles,share")
    assert "Cục Thi hành án dân sự".encode() in saved  # UTF-8 after the BOM
    assert page.console_errors() == [] and page.outside_requests() == []


@pytest.mark.parametrize("width", [1280, 760])
def test_facet_names_on_the_table_page_break_only_between_words(page: Page, width: int) -> None:
    page.tab.set_viewport_size({"width": width, "height": 900})
    page.open("/archive/articles")
    page.shot(f"10-table-facets-{width}")
    names = page.tab.locator(".facet-info li a").count()
    assert names > 20
    assert page.tab.evaluate(BROKEN_INSIDE_A_WORD, ".facet-info li a") == []
    if width == 1280:
        # The rows start near the top, and the URL column takes no more than its share.
        table = page.tab.locator("table.rows-and-columns").bounding_box()
        url = page.tab.locator("table.rows-and-columns td.col-url").first.bounding_box()
        assert table["y"] < 1500 and url["width"] < 0.25 * table["width"]
    assert page.console_errors() == []


def test_health_board_fits_a_1280_px_window(page: Page) -> None:
    page.open("/-/health")
    page.shot("11-health-1280")
    assert page.tab.evaluate("document.documentElement.scrollWidth") <= 1280
    assert "Tình trạng các trang" in page.tab.inner_text("h1")
    assert page.console_errors() == []
