"""The mst.gov.vn replica (baochinhphu.vn CMS): root-level 197… articles, sections under
tin-tuc-su-kien/, div.box-category-item lists, a page per day, a div.detail-sapo."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urljoin

import lxml.html
import pytest

from crawler.sites import get_site
from replica.families.baochinhphu_cms.site import CmsSite
from replica.families.baochinhphu_cms.specs import cms_specs
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.test_replica_family45 import read_truth, text

MST = cms_specs()["mst"]


BASE = SiteConfig(articles=40, new_articles=4, remove=3)


@pytest.fixture
def server(replica_factory: Callable[..., ReplicaServer]) -> ReplicaServer:
    return replica_factory(sites=[CmsSite(MST, BASE)])


def page(url: str) -> lxml.html.HtmlElement:
    status, body = text(url)
    assert status == 200, url
    return lxml.html.fromstring(body)


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_article_urls_and_detail_markup_match_truth(server: ReplicaServer) -> None:
    twin = get_site("replica-mst", server.url)
    live = [r for r in read_truth(server, "mst") if r["status"] == "live"]
    assert live
    for record in live[::4]:
        assert re.search(r"/mst\.gov\.vn/[a-z0-9-]+-197\d{5,15}\.htm$", record["url"])
        assert twin.is_article(record["url"])
        doc = page(record["url"])
        assert words(doc.cssselect("h1.detail-title")[0]) == record["title"]
        (sapo,) = doc.cssselect("div.detail-sapo")
        assert words(sapo) == record["summary"] and not doc.cssselect("h2.detail-sapo")
        assert words(doc.cssselect("div.detail-top .detail-cate a")[0]) == record["category"]
        assert doc.cssselect("div.detail-content")


def test_sections_list_box_category_items_under_tin_tuc_su_kien(server: ReplicaServer) -> None:
    twin = get_site("replica-mst", server.url)
    home = page(f"{server.url}/mst.gov.vn/")
    sections = {urljoin(server.url, a.get("href")) for a in home.cssselect("li.menu-item a")}
    sections = {url for url in sections if "/tin-tuc-su-kien/" in url}
    assert len(sections) == len(MST.zones)
    for url in sections:
        assert twin.is_listing(url) and not twin.is_article(url)
        items = page(url).cssselect("div.list__news div.box-category-item")
        assert items and all(item.cssselect("a[title]") and item.cssselect("p") for item in items)


def test_a_day_page_lists_exactly_that_days_live_articles(server: ReplicaServer) -> None:
    twin = get_site("replica-mst", server.url)
    records = read_truth(server, "mst")
    days: dict[str, set[str]] = {}
    for record in records:
        if record["status"] == "live":
            day = datetime.fromisoformat(record["published"]).strftime("%d-%m-%Y")
            days.setdefault(day, set()).add(record["url"])
    for day, urls in list(days.items())[::3]:
        url = f"{server.url}/mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-{day}.htm"
        assert twin.is_listing(url)
        doc = page(url)
        listed = {
            urljoin(url, a.get("href"))
            for a in doc.cssselect("div.box-category-item a.box-category-link-title")
        }
        assert listed == urls, day
    empty = page(f"{server.url}/mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-01-01-2020.htm")
    assert not empty.cssselect("div.box-category-item")
    assert text(f"{server.url}/mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-31-02-2026.htm")[0] == 404


def test_removed_articles_leave_the_day_pages(server: ReplicaServer) -> None:
    gone = [r for r in read_truth(server, "mst") if r["status"] != "live"]
    assert gone
    for record in gone:
        day = datetime.fromisoformat(record["published"]).strftime("%d-%m-%Y")
        body = text(f"{server.url}/mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-{day}.htm")[1]
        assert record["url"].rsplit("/", 1)[1] not in body
