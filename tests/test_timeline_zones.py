"""A links source with a `timeline` option reads a section page's zone id (#hdZoneId) and walks
that zone's "more items" pages (baochinhphu.vn's CMS; docs/evidence.md)."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from tests.helpers import Walker

SECTION = """<html><body>
<div class="box-stream"><div class="box-stream-item" data-id="102260226120050657">
<a class="box-stream-link-title" href="/quy-dinh-moi-102260226120050657.htm">Quy định mới</a>
</div></div>
<input type="hidden" name="hdZoneId" id="hdZoneId" value="1021119" />
</body></html>"""


def _page(url: str, body: str) -> HtmlResponse:
    return HtmlResponse(url, body=body.encode(), encoding="utf-8")


def test_a_section_page_starts_its_zone_timeline_and_the_timeline_pages_on() -> None:
    walker = Walker()
    links = next(s for s in walker.profile.sources if s.kind == "links")
    url = "https://baochinhphu.vn/chinh-sach-va-cuoc-song/chinh-sach-moi.htm"
    requests = list(walker.parse_links(_page(url, SECTION), links, 1))
    urls = [r.url for r in requests]
    assert "https://baochinhphu.vn/quy-dinh-moi-102260226120050657.htm" in urls
    timeline = next(r for r in requests if "timelinelist" in r.url)
    assert timeline.url == "https://baochinhphu.vn/timelinelist/1021119/2.htm"
    assert timeline.callback == walker.parse_timeline
    assert timeline.cb_kwargs["zone"] == "1021119" and timeline.cb_kwargs["page"] == 2

    fragment = SECTION.split("<input")[0]
    more = list(walker.parse_timeline(_page(timeline.url, fragment), links, 2, "1021119", 2))
    assert more[-1].url == "https://baochinhphu.vn/timelinelist/1021119/3.htm"
    assert more[-1].callback == walker.parse_timeline


def test_a_page_without_a_zone_starts_no_timeline() -> None:
    walker = Walker()
    links = next(s for s in walker.profile.sources if s.kind == "links")
    home = SECTION.replace('value="1021119"', 'value="0"')
    requests = list(walker.parse_links(_page("https://baochinhphu.vn/", home), links, 1))
    assert not [r for r in requests if "timelinelist" in r.url]
    bare = SECTION.split("<input")[0]
    requests = list(walker.parse_links(_page("https://baochinhphu.vn/kinh-te.htm", bare), links, 1))
    assert not [r for r in requests if "timelinelist" in r.url]
