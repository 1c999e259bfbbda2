"""A links source with a `days` option walks a portal's page-per-day listings from today
backwards (mst.gov.vn's /tin-tuc-su-kien/xem-theo-ngay-dd-mm-yyyy.htm; docs/evidence.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

import scrapy
from scrapy.http import HtmlResponse

from crawler.discovery.days import day_page
from crawler.sites import get_site
from tests.helpers import Walker

TODAY = date(2026, 3, 1)
DAY = """<html><body><div class="list__news">
<div class="box-category-item"><a href="/bai-viet-197260301081500123.htm" title="A">A</a></div>
</div></body></html>"""
EMPTY = "<html><body><div class='list__news'></div></body></html>"


class DayWalker(Walker):
    """The listing callbacks on mst's profile, on a fixed day, with a run's stop rule."""

    def __init__(self, *, overlap: int = 1, stale: bool = False, since: str = "") -> None:
        super().__init__()
        self.profile = get_site("mst")
        self.overlap, self.stale, self.since = overlap, stale, since

    def first_day(self) -> date:
        return TODAY

    def article_requests(self, found: Any, source: Any) -> tuple[list[scrapy.Request], bool]:
        return [scrapy.Request(url) for url, _ in found], bool(found) and self.stale

    def keep_paging(self, source: Any, stale_pages: int) -> bool:
        return stale_pages <= self.overlap

    def older_than_since(self, day: date) -> bool:
        return bool(self.since) and day.isoformat() < self.since


def days_source(walker: DayWalker) -> Any:
    return next(s for s in walker.profile.sources if "days" in s.options)


def walk(walker: DayWalker, body: str, steps: int = 10) -> list[str]:
    """The day pages a walk asks for, each answered with `body`, until it stops."""
    source = days_source(walker)
    request = walker.day_request(source, 1, 0)
    asked = []
    while request is not None and len(asked) < steps:
        asked.append(request.url)
        response = HtmlResponse(request.url, body=body.encode(), encoding="utf-8")
        found = list(walker.parse_links(response, **request.cb_kwargs))
        days = [r for r in found if "xem-theo-ngay" in r.url]
        request = days[0] if days else None
    return asked


def test_the_page_of_a_day_back_from_today() -> None:
    template = "tin-tuc-su-kien/xem-theo-ngay-{date}.htm"
    assert day_page(template, TODAY, 0) == (
        "tin-tuc-su-kien/xem-theo-ngay-01-03-2026.htm",
        TODAY,
    )
    assert day_page(template, TODAY, 1)[0] == "tin-tuc-su-kien/xem-theo-ngay-28-02-2026.htm"
    assert day_page("d/{date}", TODAY, 366, "%Y%m%d") == ("d/20250228", date(2025, 2, 28))


def test_a_day_with_new_articles_leads_to_the_day_before() -> None:
    walker = DayWalker()
    asked = walk(walker, DAY, steps=4)
    assert asked[:3] == [
        "https://mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-01-03-2026.htm",
        "https://mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-28-02-2026.htm",
        "https://mst.gov.vn/tin-tuc-su-kien/xem-theo-ngay-27-02-2026.htm",
    ]
    source = days_source(walker)
    response = HtmlResponse(asked[0], body=DAY.encode(), encoding="utf-8")
    found = [r.url for r in walker.parse_links(response, source, 1, back=0)]
    assert "https://mst.gov.vn/bai-viet-197260301081500123.htm" in found


def test_an_incremental_walk_stops_after_days_with_nothing_new() -> None:
    # All archived, or no article at all: the walk stops past the overlap (1 day).
    assert len(walk(DayWalker(stale=True), DAY)) == 2
    assert len(walk(DayWalker(), EMPTY)) == 2
    assert len(walk(DayWalker(overlap=3), EMPTY)) == 4


def test_a_full_walk_goes_back_the_configured_days_and_never_past_since() -> None:
    walker = DayWalker(overlap=10**6, stale=True)
    source = days_source(walker)
    back = source.options["days"]["back"]
    assert len(walk(walker, EMPTY, steps=back + 5)) == back
    since = DayWalker(overlap=10**6, since="2026-02-26")
    assert walk(since, DAY)[-1].endswith("xem-theo-ngay-26-02-2026.htm")
