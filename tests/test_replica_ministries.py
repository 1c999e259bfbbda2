"""The ministry portal replicas over real HTTP: evidenced URL shapes and markup, truth per site."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urljoin

import lxml.html
import pytest

from crawler.sites import get_site
from replica.families.ministry_portals.site import MinistrySite, specs
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.test_replica_family45 import read_truth, text

CONFIG = SiteConfig(articles=40)
SLUGS = sorted(specs())


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    sites = [MinistrySite(spec, CONFIG) for spec in specs().values()]
    with ReplicaServer(port=0, sites=sites) as srv:
        yield srv


def real_url(server: ReplicaServer, slug: str, url: str) -> str:
    """The real portal's URL for a twin URL (same path after the host)."""
    real = get_site(slug)
    return real.base_url + url.removeprefix(f"{server.url}/{specs()[slug]['host']}/")


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


@pytest.mark.parametrize("slug", SLUGS)
def test_article_urls_have_the_evidenced_shape(server: ReplicaServer, slug: str) -> None:
    records = read_truth(server, slug)
    assert len(records) == CONFIG.articles
    real = get_site(slug)
    for record in records:
        url = real_url(server, slug, record["url"])
        assert real.is_article(url), url
        assert not real.is_listing(url), url
    assert len({r["url"] for r in records}) == len(records)


@pytest.mark.parametrize("slug", SLUGS)
def test_detail_pages_answer_to_the_profile_selectors(server: ReplicaServer, slug: str) -> None:
    rules = get_site(slug).rules
    for record in read_truth(server, slug)[::3]:
        status, page = text(record["url"])
        assert status == 200
        doc = lxml.html.fromstring(page)
        assert words(doc.cssselect(rules.title[0])[0]) == record["title"]
        body = words(doc.cssselect(rules.body[0])[0])
        assert record["first_paragraph"] in body and record["last_paragraph"] in body
        if rules.summary:
            found = doc.cssselect(rules.summary[0])
            assert (words(found[0]) if found else None) == record["summary"]
        published = datetime.fromisoformat(record["published"])
        if slug == "moit":  # the saved page's meta, "2026-01-29T15:16:23+0700"
            [meta] = doc.cssselect('meta[property="article:published_time"]')
            assert meta.get("content") == f"{published:%Y-%m-%dT%H:%M:%S}+0700"
        if slug == "cema":
            [date] = doc.cssselect(rules.published[0])
            assert words(date) == f"{published:%d/%m/%Y %H:%M}"


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_list_every_live_article_newest_first(server: ReplicaServer, slug: str) -> None:
    real, spec = get_site(slug), specs()[slug]
    live = {r["url"] for r in read_truth(server, slug) if r["status"] == "live"}
    found: list[str] = []
    for section in spec["sections"]:
        url = f"{server.url}/{spec['host']}/{spec['listing'].format(section=section['key'])}"
        for _ in range(20):
            assert real.is_listing(real_url(server, slug, url)), url
            doc = lxml.html.fromstring(text(url)[1])
            links = [urljoin(url, h) for h in doc.xpath("//div[@class='category']//a/@href")]
            found += [link for link in links if link in live and link not in found]
            nxt = doc.cssselect("a.next")
            if not nxt:
                break
            url = urljoin(url, nxt[0].get("href"))
    assert set(found) == live


def test_a_missing_article_is_404(server: ReplicaServer) -> None:
    assert text(f"{server.url}/moit.gov.vn/tin-tuc/khong-co-bai-nay.html")[0] == 404
