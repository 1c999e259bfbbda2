"""The listing parsers: feeds, sitemaps, postback pagers and onclick-only links."""

from __future__ import annotations

from datetime import datetime

from parsel import Selector

from crawler.discovery.feeds import feed_entries, parse_feed_date
from crawler.discovery.links import page_links
from crawler.discovery.pagers import next_page_only, page_numbers
from crawler.discovery.postback import postback_targets
from crawler.discovery.sitemaps import sitemap_entries
from crawler.extract.dates import VIETNAM_TIME

RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin</title>
<item><title>A</title><link>https://baochinhphu.vn/a-102260914184400123.htm</link>
<pubDate>9/14/2026 6:44:00 PM</pubDate></item>
<item><title>B</title><link> https://moj.gov.vn/qt/tintuc/Pages/x.aspx?ItemID=5 </link>
<pubDate>Wed, 10 Nov 2021 08:15:00 +0700</pubDate></item></channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>C</title>
<link rel="alternate" href="https://example.vn/c"/><published>2021-11-10T01:15:00Z</published>
</entry></feed>"""
NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://baochinhphu.vn/a-1.htm</loc><lastmod>2026-09-01</lastmod>
<news:news><news:publication_date>2026-09-14T18:44:00+07:00</news:publication_date></news:news>
</url></urlset>"""
INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://baochinhphu.vn/sitemaps/1.xml</loc></sitemap></sitemapindex>"""


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM_TIME)


def test_rss_entries_with_both_date_styles() -> None:
    entries = feed_entries(RSS)
    assert [e.url for e in entries] == [
        "https://baochinhphu.vn/a-102260914184400123.htm",
        "https://moj.gov.vn/qt/tintuc/Pages/x.aspx?ItemID=5",
    ]
    assert [e.published for e in entries] == [at(2026, 9, 14, 18, 44), at(2021, 11, 10, 8, 15)]


def test_atom_entries_convert_to_vietnam_time() -> None:
    (entry,) = feed_entries(ATOM)
    assert (entry.url, entry.published) == ("https://example.vn/c", at(2021, 11, 10, 8, 15))


def test_not_a_feed_gives_no_entries() -> None:
    assert feed_entries(b"<html><body>x</body></html>") == []
    assert feed_entries(b"\x89PNG\r\n") == []
    assert parse_feed_date("hôm qua") is None


def test_sitemaps_prefer_the_news_date_and_mark_indexes() -> None:
    (entry,) = sitemap_entries(NEWS_SITEMAP)
    assert (entry.url, entry.published, entry.is_sitemap) == (
        "https://baochinhphu.vn/a-1.htm",
        at(2026, 9, 14, 18, 44),
        False,
    )
    assert [e.is_sitemap for e in sitemap_entries(INDEX)] == [True]


def test_sitemap_entities_are_not_expanded() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    assert sitemap_entries(bomb) == []


def test_postback_targets_from_a_pager() -> None:
    page = """<a href="javascript:__doPostBack('ctl00$main$grvDocument','Page$2')">2</a>
    <a href="javascript:__doPostBack(&#39;ctl00$main$grvDocument&#39;,&#39;Page$3&#39;)">3</a>
    <a href="javascript:__doPostBack('ctl00$main$grvDocument','Page$2')">Sau</a>
    <a href="javascript:__doPostBack('ctl00$main$btnSearch','')">Tìm</a>"""
    assert postback_targets(page) == [
        ("ctl00$main$grvDocument", "Page$2"),
        ("ctl00$main$grvDocument", "Page$3"),
    ]


def test_page_links_include_onclick_targets_and_skip_scripts() -> None:
    page = Selector(
        text="""<a href="/a">a</a><a href="javascript:void(0)">x</a><a href="#top">t</a>
        <div onclick="location.href='/web/guest/b'">b</div>
        <button onclick="window.location = &quot;/c&quot;">c</button>
        <a href="mailto:x@moj.gov.vn">m</a>"""
    )
    assert list(page_links(page)) == ["/a", "/web/guest/b", "/c"]


def test_pages_of_one_list_differ_in_one_number() -> None:
    list_url = (
        "https://thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx"
    )
    assert page_numbers(f"{list_url}?page=3", f"{list_url}?page=4") == (3, 4)
    assert page_numbers(f"{list_url}?page=3", f"{list_url}?page=79") == (3, 79)
    mic = "https://mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/1001/{}/Tin-tuc.html"
    assert page_numbers(mic.format(2), mic.format(3)) == (2, 3)
    # Another list, a first page without a number, an article: not pages of this list.
    assert (
        page_numbers(f"{list_url}?page=3", f"{list_url.replace('tintuc', 'thongbao')}?page=4")
        is None
    )
    assert page_numbers(list_url, f"{list_url}?page=2") is None
    assert page_numbers(f"{list_url}?page=3", f"{list_url}?itemid=45") is None


def test_past_the_newest_articles_only_the_next_page_is_followed() -> None:
    base = "https://example.gov.vn/tin-tuc?cat=7&Page={}"
    links = [base.format(n) for n in (1, 2, 4, 5, 6, 7, 80)] + [
        "https://example.gov.vn/thong-bao?cat=8&Page=2",  # another list: kept
        "https://example.gov.vn/tin-tuc",  # the list's first page has no number: kept
    ]
    kept = next_page_only(base.format(3).upper(), links, str.lower)
    assert kept == [base.format(4), *links[-2:]]
    # The last page links only backwards: nothing of this list is next.
    assert next_page_only(base.format(80), links[:-2], str.lower) == []


def test_list_api_requests_without_a_page_field_have_one_page() -> None:
    from crawler.spiders.sources import _body_value, _json_path, _pages

    moh = {"url": "bridge?url=/portal/api/x", "body": {"MA_DANH_MUC": "{category}", "TYPE": 1}}
    assert not _pages(moh)
    assert _pages({"url": "api/reads?offset={offset}&limit={limit}"})
    assert _pages({"url": "api/NewsZone", "body": {"PageIndex": "{page}"}})
    fields = {"offset": 0, "limit": 200, "page": 1, "category": "8356"}
    assert [_body_value(v, fields) for v in ("{limit}", "{category}", 1)] == [200, "8356", 1]
    groups = [{"MA": "8356", "ITEMS": [{"MA": "1"}]}]
    assert _json_path(groups, "0.ITEMS") == [{"MA": "1"}] and _json_path(groups, "3.ITEMS") is None


def test_api_dates_on_a_twelve_hour_clock() -> None:
    from crawler.extract.api import _published

    assert _published("21/07/2026 03:00 PM").isoformat() == "2026-07-21T15:00:00+07:00"
    assert _published("21/07/2026 12:05 AM").isoformat() == "2026-07-21T00:05:00+07:00"
    assert _published("2026-07-21T10:30:00+07:00").isoformat() == "2026-07-21T10:30:00+07:00"
