"""Replica families 2 (2025 THADS portal) and 3 (baochinhphu.vn CMS), over real HTTP."""

# Over 400 lines: one test module per family keeps the slug ↔ test naming of STYLE.md.

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from replica import ReplicaServer
from replica.catalog import sites_named
from replica.families.baochinhphu_cms.site import CmsSite
from replica.families.baochinhphu_cms.specs import cms_specs
from replica.families.moj_portal.site import ThadsNewSite
from replica.newsroom import slug_strip, slug_vi
from replica.site import SiteConfig
from tests.helpers import TRUTH_FIELDS

BAOCHINHPHU = cms_specs()["baochinhphu"]


FAMILY23 = ("thads-new-dongthap", "baochinhphu", "vpcp", "xaydungchinhsach")


ARTICLES = 90
CMS = ("baochinhphu", "vpcp", "xaydungchinhsach")
SLUGS = ("thads-new-dongthap", *CMS)
KEYS = TRUTH_FIELDS
CHANGED = SiteConfig(articles=ARTICLES, new_articles=5, edit_rate=0.25, remove=4, trap=True)
PREFIXES = {
    "thads-new-dongthap": "/demothads.moj.gov.vn/dongthap/tin-tuc/chi-tiet/",
    "baochinhphu": "/baochinhphu.vn/",
    "vpcp": "/vpcp.chinhphu.vn/",
    "xaydungchinhsach": "/xaydungchinhsach.chinhphu.vn/",
}
SAPO = {"baochinhphu": "(Chinhphu.vn) - ", "vpcp": "VGP - ", "xaydungchinhsach": "(Chinhphu.vn) - "}
CHALLENGE = re.compile(
    r'<script>document\.cookie="(\w+)=(\w+); path=/";location\.reload\(\);</script>'
)
RSS_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M")


class Client:
    """urllib with the vpcp challenge cookie, which it learns the way a browser would."""

    def __init__(self, server: ReplicaServer) -> None:
        self.base, self.cookie = server.url, ""

    def get(self, url: str, cookie: bool = True) -> tuple[int, Any, bytes]:
        url = url if url.startswith("http") else self.base + url
        headers = {"Cookie": self.cookie} if cookie and self.cookie else {}
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, head, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()
        if cookie and (match := CHALLENGE.fullmatch(body.decode("utf-8", "replace"))):
            self.cookie = f"{match.group(1)}={match.group(2)}"
            return self.get(url)
        return status, head, body

    def page(self, url: str) -> lxml.html.HtmlElement:
        status, _, body = self.get(url)
        assert status == 200, url
        return lxml.html.fromstring(body.decode("utf-8"))


def serve(config: SiteConfig) -> Iterator[tuple[ReplicaServer, Client, dict[str, list[dict]]]]:
    with ReplicaServer(port=0, sites=sites_named(config, *FAMILY23)) as server:
        client = Client(server)
        lines = client.get("/__replica__/truth.jsonl")[2].decode("utf-8").splitlines()
        truth: dict[str, list[dict]] = {slug: [] for slug in SLUGS}
        for record in map(json.loads, lines):
            truth[record["site"]].append(record)
        yield server, client, truth


@pytest.fixture(scope="module")
def base() -> Iterator[tuple[ReplicaServer, Client, dict[str, list[dict]]]]:
    yield from serve(SiteConfig(articles=ARTICLES))


@pytest.fixture(scope="module")
def changed() -> Iterator[tuple[ReplicaServer, Client, dict[str, list[dict]]]]:
    yield from serve(CHANGED)


def text(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def relative(record: dict, server: ReplicaServer) -> dict:
    """The record with this server's address taken out of every URL."""
    return json.loads(json.dumps(record, ensure_ascii=False).replace(server.url, ""))


def live(records: list[dict]) -> set[str]:
    return {r["url"] for r in records if r["status"] == "live"}


# Truth -------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_truth_records(base: tuple, slug: str) -> None:
    server, _, truth = base
    records = truth[slug]
    assert len(records) == ARTICLES == len({r["url"] for r in records})
    for r in records:
        assert set(r) == KEYS and r["url"].startswith(server.url + PREFIXES[slug])
        assert (r["status"], r["edited"], r["updated"]) == ("live", False, None)
        paragraphs = r["body_text"].split("\n\n")
        assert (r["first_paragraph"], r["last_paragraph"]) == (paragraphs[0], paragraphs[-1])
        assert r["paragraph_count"] == len(paragraphs)
        assert r["summary"] and r["category"] and r["title"]
        assert "2024-01-01" <= r["published"][:10] <= "2026-12-31"
        for doc in r["cited_documents"]:  # exactly as written: type, number, date, issuer
            cited = rf"{doc['type']} (?:số )?{re.escape(doc['number'])}(?: ngày ([\d/]+))?( của )?"
            match = re.search(cited, r["body_text"])
            day = match and match.group(1) and datetime.strptime(match.group(1), "%d/%m/%Y")
            assert match and doc["date"] == (day.date().isoformat() if day else None)
            assert bool(match.group(2)) == bool(doc["issuer"])
            assert not doc["issuer"] or f"{match.group(0)}{doc['issuer']}" in r["body_text"]
    if slug in CMS:
        assert all(
            re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", r["published"]) for r in records
        )
        assert all(r["author"] for r in records)
        assert sum(r["body_text"].endswith("./.") for r in records) > ARTICLES // 3
        assert any(r["images"] and r["images"][0]["caption"] for r in records)
        assert all(r["tags"] for r in records)
    else:
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"]) for r in records)
        assert any(r["attachments"] for r in records) and any(r["images"] for r in records)
    assert sum(bool(r["cited_documents"]) for r in records) > 5
    assert [r["published"] for r in records] == sorted(r["published"] for r in records)


# Article pages -----------------------------------------------------------------------------
SELECTORS = {
    "cms": {
        "title": "h1.detail-title[data-role=title]",
        "summary": "h2.detail-sapo[data-role=sapo]",
        "published": "[data-role=publishdate]",
        "category": "a[data-role=cate-name]",
        "author": "a.detail-author-top-name",
        "body": "div.detail-content.afcbc-body[data-role=content]",
    },
    "thads": {
        "title": "h1.news-detail__title",
        "summary": "div.news-detail__lead",
        "published": "span.news-detail__date",
        "category": "a.news-detail__category",
        "body": "div.news-detail__content",
    },
}


@pytest.mark.parametrize("slug", SLUGS)
def test_article_pages_match_truth(base: tuple, slug: str) -> None:
    _, client, truth = base
    cms = slug in CMS
    css, boxed = SELECTORS["cms" if cms else "thads"], 0
    for r in truth[slug]:
        status, headers, body = client.get(r["url"])
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        page = body.decode("utf-8")
        doc = lxml.html.fromstring(page)
        nodes = {field: doc.cssselect(selector) for field, selector in css.items()}
        assert all(len(found) == 1 for found in nodes.values())
        shown = "%d/%m/%Y %H:%M" if cms else "%d/%m/%Y"
        expected = {
            "title": r["title"],
            "summary": SAPO.get(slug, "") + r["summary"],
            "published": datetime.fromisoformat(r["published"]).strftime(shown),
            "category": r["category"],
            **({"author": r["author"]} if cms else {}),
        }
        assert {field: text(nodes[field][0]) for field in expected} == expected
        content = nodes["body"][0]
        paragraphs = [text(p) for p in content.xpath("./p")]
        author, unit = r["author"], r["author_unit"]
        if cms and unit:  # the closing source line is no body text
            assert paragraphs.pop() == f"Theo {unit}"
        elif not cms and (author or unit):
            assert paragraphs.pop() == (
                f"{author} – {unit}" if author and unit else author or f"Theo {unit}"
            )
        assert paragraphs == r["body_text"].split("\n\n")
        images = [urljoin(r["url"], i.get("src")) for i in content.cssselect("figure img")]
        assert images == [i["url"] for i in r["images"]]
        captions = [text(c) for c in content.cssselect("figcaption")]
        assert captions == [i["caption"] for i in r["images"] if i["caption"]]
        if not cms:
            links = doc.cssselect("div.news-detail__attachments a")
            found = [{"url": urljoin(r["url"], a.get("href")), "name": text(a)} for a in links]
            assert found == [{"url": a["url"], "name": a["name"]} for a in r["attachments"]]
            continue
        assert [text(a) for a in doc.cssselect("ul.detail-tag-list a")] == r["tags"]
        stamp = r["published"].replace("+", "&#x2B;")
        assert f'<meta property="article:published_time" content="{stamp}">' in page
        assert content.cssselect("figcaption.PhotoCMS_Caption") or not captions
        boxes = content.cssselect("div.VCSortableInPreviewMode[type=RelatedNewsBox]")
        assert all(box.getparent() is content for box in boxes)  # in the body, not body text
        assert page.count("<!-- bonewsrelation -->") == len(boxes) == page.count("eonewsrelation")
        boxed += len(boxes)
        ld = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        assert [ld["@type"], ld["headline"], ld["datePublished"], ld["author"]["name"]] == [
            "NewsArticle",
            r["title"],
            r["published"],
            r["author"],
        ]
    assert boxed > ARTICLES // 2 or not cms


def test_slugs_and_ids(base: tuple) -> None:
    _, client, truth = base
    assert slug_strip("Đồng Tháp: đầu năm") == "ong-thap-au-nam"
    assert slug_vi("Đồng Tháp: đầu năm") == "dong-thap-dau-nam"
    thads = truth["thads-new-dongthap"]
    assert all(re.search(r"/chi-tiet/[a-z0-9-]+-[a-z0-9]{6}\.html$", r["url"]) for r in thads)
    assert all(slug_strip(r["title"]) in r["url"] for r in thads)
    dong_thap = [r for r in thads if "Đồng Tháp" in r["title"]]
    assert dong_thap and all(
        "ong-thap" in r["url"] and "dong-thap" not in r["url"] for r in dong_thap
    )
    for slug in CMS:
        for r in truth[slug]:
            match = re.search(r"/([a-z0-9-]+)-(\d+)\.htm$", r["url"])
            assert match and match.group(1) == slug_vi(r["title"])
            assert len(match.group(2)) in (8, 18)
        ids = [re.search(r"-(\d+)\.htm$", r["url"]).group(1) for r in truth[slug]]
        assert any(len(i) == 8 for i in ids) and sum(len(i) == 18 for i in ids) > 40
    url = truth["baochinhphu"][30]["url"]  # a wrong slug redirects; an unknown id is 404
    ident = url.rsplit("-", 1)[1]
    request = urllib.request.Request(url.rsplit("/", 1)[0] + "/sai-slug-" + ident)
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url == url
    assert client.get(url.replace(ident, "102260101000000000.htm"))[0] == 404
    assert client.get(thads[3]["url"].replace(".html", "x.html"))[0] == 404


# Listings ----------------------------------------------------------------------------------
def crawl_thads(client: Client, start: str) -> list[str]:
    """Article URLs of one listing, following rel=next until it ends or shows nothing new."""
    seen: list[str] = []
    url = client.base + start
    while True:
        doc = client.page(url)
        found = [urljoin(url, a.get("href")) for a in doc.cssselect("h3.news-card__title a")]
        fresh = [u for u in found if u not in seen]
        seen += fresh
        nxt = doc.cssselect("ul.pagination a[rel=next]")
        if not nxt or not fresh:  # under `trap` pages past the end repeat the last one
            return seen
        url = urljoin(url, nxt[0].get("href"))


def crawl_cms(client: Client, prefix: str) -> tuple[list[str], int]:
    """Article URLs of every category page and its timeline fragments (checking their markup),
    and how many fragments brought new ones."""
    seen: list[str] = []
    fragments = 0
    for zone in [a.get("href") for a in client.page(prefix).cssselect("ul.menu a")][1:]:
        doc = client.page(zone)
        [box] = doc.cssselect("div.box-category")
        links = box.cssselect("div.box-stream a[data-linktype=newsdetail]")
        seen += [client.base + a.get("href") for a in links]
        viewmore = doc.cssselect("div.list__viewmore")
        page = 2
        while viewmore:
            url = f"{prefix}timelinelist/{box.get('data-zoneid')}/{page}.htm"
            status, headers, body = client.get(url)
            assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
            fresh = []
            for item in lxml.html.fragments_fromstring(body.decode("utf-8")) if body else []:
                assert "box-stream-item" in item.get("class")
                [link] = item.cssselect("a[data-linktype=newsdetail]")
                assert link.get("href").endswith(f"-{item.get('data-id')}.htm")
                for part in ("box-stream-sapo", "box-stream-category", "box-stream-time"):
                    assert item.cssselect(f".{part}")
                if client.base + link.get("href") not in seen:
                    fresh.append(client.base + link.get("href"))
            if not fresh:  # empty past the end (or, under `trap`, the last page again)
                break
            seen += fresh
            fragments, page = fragments + 1, page + 1
    return seen, fragments


def prefix_of(url: str) -> str:
    return f"/{urlsplit(url).path.split('/')[1]}/"


@pytest.mark.parametrize("state", ["base", "changed"])
def test_thads_new_listings_reach_every_live_article(state: str, request: Any) -> None:
    _, client, truth = request.getfixturevalue(state)
    records = truth["thads-new-dongthap"]
    home = client.page("/demothads.moj.gov.vn/dongthap/")
    categories = [a.get("href") for a in home.cssselect("section.home-block h2 a")]
    assert len(categories) == 3
    everything = crawl_thads(client, "/demothads.moj.gov.vn/dongthap/tin-tuc")
    newest_first = [r["url"] for r in reversed(records) if r["status"] == "live"]
    assert everything == newest_first
    by_category = [crawl_thads(client, c) for c in categories]
    assert sorted(u for urls in by_category for u in urls) == sorted(newest_first)
    for urls in by_category:
        assert len({r["category"] for r in records if r["url"] in urls}) == 1


@pytest.mark.parametrize("state", ["base", "changed"])
@pytest.mark.parametrize("slug", CMS)
def test_cms_categories_and_timelines_reach_every_live_article(
    state: str, slug: str, request: Any
) -> None:
    _, client, truth = request.getfixturevalue(state)
    prefix = prefix_of(truth[slug][0]["url"])
    seen, fragments = crawl_cms(client, prefix)
    assert sorted(seen) == sorted(live(truth[slug]))
    assert fragments >= len(BAOCHINHPHU.zones)  # most articles are only in the timelines
    far = client.get(f"{prefix}timelinelist/{BAOCHINHPHU.zones[0].zone_id}/99.htm")[2]
    if slug == "baochinhphu":
        assert bool(far) == (state == "changed")  # trap: the timeline never runs dry


@pytest.mark.parametrize("slug", CMS)
def test_cms_feeds_and_sitemap(base: tuple, slug: str) -> None:
    _, client, truth = base
    prefix = prefix_of(truth[slug][0]["url"])
    published = {r["url"]: r["published"] for r in truth[slug]}
    rss_links = client.page(f"{prefix}rss.htm").cssselect("div.box-rss a")
    assert len(rss_links) >= 4
    for link in rss_links:
        status, headers, body = client.get(link.get("href"))
        assert status == 200 and headers["Content-Type"] == "application/rss+xml; charset=utf-8"
        items = ET.fromstring(body).findall("channel/item")
        assert items
        for item in items:
            url, when = item.findtext("link"), item.findtext("pubDate")
            assert RSS_DATE.fullmatch(when), when
            with pytest.raises((TypeError, ValueError)):
                parsedate_to_datetime(when)
            stamp = datetime.fromisoformat(published[url])
            assert datetime.strptime(when, "%m/%d/%Y %I:%M:%S %p") == stamp.replace(tzinfo=None)
    status, headers, body = client.get(f"{prefix}sitemaps/google-news.xml")
    assert status == 200 and headers["Content-Type"] == "application/xml"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    urls = ET.fromstring(body).findall("s:url", ns)
    assert len(urls) == ARTICLES
    for url in urls:
        loc = url.findtext("s:loc", namespaces=ns)
        assert url.findtext(f"{news}news/{news}publication_date") == published[loc]


def test_vpcp_cookie_challenge(base: tuple) -> None:
    _, client, truth = base
    url = truth["vpcp"][10]["url"]
    paths = [url] + [
        f"/vpcp.chinhphu.vn/{path}"
        for path in ("", "rss/home.rss", "sitemaps/google-news.xml", "timelinelist/2011/2.htm")
    ]
    for path in paths:
        status, headers, body = client.get(path, cookie=False)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        match = CHALLENGE.fullmatch(body.decode("ascii"))
        assert match and match.group(1) == "D1N"
    cookie = f"{match.group(1)}={match.group(2)}"
    request = urllib.request.Request(url, headers={"Cookie": f"a=b; {cookie}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert truth["vpcp"][10]["title"] in response.read().decode("utf-8")
    request = urllib.request.Request(url, headers={"Cookie": "D1N=wrong"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert CHALLENGE.fullmatch(response.read().decode("ascii"))
    other = client.get(truth["baochinhphu"][0]["url"], cookie=False)[2].decode("utf-8")
    assert "document.cookie" not in other  # only vpcp challenges


def test_robots_and_search_trap(base: tuple) -> None:
    _, client, truth = base
    robots = client.get("/robots.txt")[2].decode("utf-8")
    assert "Disallow: /baochinhphu.vn/search" in robots
    assert "Disallow: /demothads.moj.gov.vn/dongthap/tim-kiem" in robots
    page = client.page(truth["baochinhphu"][5]["url"])
    searches = [a.get("href") for a in page.xpath("//a[contains(@href, '/search?keywords=')]")]
    assert searches and all(h.startswith("/baochinhphu.vn/search?keywords=") for h in searches)
    doc = client.page(searches[0] + "&page=500")
    assert doc.cssselect("div.box-stream-item") and doc.cssselect("a.search-next")


# Knobs -------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_knobs(base: tuple, changed: tuple, slug: str) -> None:
    before_server, before_client, before = base
    server, client, after = changed
    old = {urlsplit(r["url"]).path: relative(r, before_server) for r in before[slug]}
    now = {urlsplit(r["url"]).path: relative(r, server) for r in after[slug]}
    new = [p for p in now if p not in old]
    assert len(new) == 5 and set(old) <= set(now)
    assert min(now[p]["published"] for p in new) > max(r["published"] for r in old.values())
    removed = [p for p, r in now.items() if r["status"] == "removed"]
    edited = [p for p, r in now.items() if r["edited"]]
    assert len(removed) == 4 and not set(removed) & set(new) and edited
    for path, was in old.items():  # the rest keep their ids, dates and text
        record = {**now[path], "status": "live", "edited": False}
        if path in edited:
            assert (record["title"], record["published"]) == (was["title"], was["published"])
            assert record["body_text"] != was["body_text"]
        else:
            assert record == was
    for path in removed:
        assert client.get(path)[0] in (404, 410)
    for path in edited[:3]:
        then, later = (c.get(path)[1]["Last-Modified"] for c in (before_client, client))
        assert parsedate_to_datetime(later) > parsedate_to_datetime(then)
    newest = new[::-1]  # truth runs oldest first
    if slug in CMS:
        prefix = prefix_of(new[0])
        home = client.page(prefix).cssselect("section.home-stream a[data-linktype=newsdetail]")
        assert [a.get("href") for a in home[:5]] == newest
        feed = ET.fromstring(client.get(f"{prefix}rss/home.rss")[2])
        links = [urlsplit(i.findtext("link")).path for i in feed.findall("channel/item")]
        assert links[:5] == newest and not set(removed) & set(links)
        sitemap = client.get(f"{prefix}sitemaps/google-news.xml")[2].decode("utf-8")
        assert not any(p in sitemap for p in removed)
    else:
        listing = client.page("/demothads.moj.gov.vn/dongthap/tin-tuc")
        links = [a.get("href") for a in listing.cssselect("h3.news-card__title a")]
        assert links[:5] == newest and not set(removed) & set(links)
        far = client.page("/demothads.moj.gov.vn/dongthap/tin-tuc?page=999")
        assert far.cssselect("a[rel=next]") and far.cssselect("h3.news-card__title a")
        far = before_client.page("/demothads.moj.gov.vn/dongthap/tin-tuc?page=999")
        assert not far.cssselect("a[rel=next]")  # no trap: the listing ends


def test_same_config_gives_identical_bytes(base: tuple) -> None:
    server, client, truth = base
    paths = [
        "/baochinhphu.vn/",
        "/baochinhphu.vn/chinh-sach-moi.htm",
        "/baochinhphu.vn/rss/home.rss",
        "/vpcp.chinhphu.vn/timelinelist/2016/2.htm",
        "/demothads.moj.gov.vn/dongthap/tin-tuc?page=2",
    ]
    paths += [urlsplit(r["url"]).path for slug in SLUGS for r in truth[slug][::9]]
    with ReplicaServer(
        port=0, sites=sites_named(SiteConfig(articles=ARTICLES), *FAMILY23)
    ) as other:
        twin = Client(other)
        for path in paths:
            mine, theirs = client.get(path)[2], twin.get(path)[2]
            assert mine.replace(server.url.encode(), b"") == theirs.replace(other.url.encode(), b"")


def test_large_sites_are_generated_on_demand() -> None:
    config = SiteConfig(articles=100_000, new_articles=10, remove=30)
    cms, thads = CmsSite(BAOCHINHPHU, config), ThadsNewSite(config=config)
    for index in (0, 1, 2_499, 2_500, 51_234, 99_999, 100_009):
        assert cms.index_of(cms.ident(index)) == index
        assert thads.article(index).ident != thads.article(index - 1 if index else 1).ident
    assert len(cms.newest(None, 0, 15)) == 15 and len(thads.newest(2, 5_000, 12)) == 12
    first = next(iter(cms.truth("http://x")))
    assert first["status"] in ("live", "removed") and cms.article.cache_info().currsize < 100
    huge = CmsSite(BAOCHINHPHU, SiteConfig(articles=300_000, new_articles=3))
    for index in (0, 7_499, 7_500, 299_999, 300_000, 300_002):  # past BASE_END: still unique
        assert huge.index_of(huge.ident(index)) == index
    assert huge.published(300_000) > huge.published(299_999)
