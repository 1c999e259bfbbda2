"""The generic path's htmldate steps answer what `htmldate.find_date` does (an upgrade guard)."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

import htmldate
import lxml.html
import pytest

from crawler.extract.pubdate import _find_date

FIXTURES = sorted((Path(__file__).parent / "vn_cms").glob("*.html"))
URL = "https://portal.example.gov.vn/tin-tuc/bai-viet.html"
# Pages whose date only htmldate's steps can find: a date in the URL, a <time> in the body,
# a date in the running text (the text search), and none at all; and dates that only the text
# search's reading of <abbr> and <meta> finds, in elements the page's clean-up removes.
MADE_UP = {
    "url": ("<html><body><p>Không có ngày.</p></body></html>", "https://x.vn/2019/03/14/a.html"),
    "time": ('<html><body><time datetime="2021-05-06">6/5</time></body></html>', URL),
    "text": ("<html><body><p>Đăng ngày 2020-11-02 bởi ban biên tập.</p></body></html>", URL),
    "none": ("<html><body><p>Trang không có ngày.</p></body></html>", URL),
    "abbr": (
        '<html><body><p>x</p><label><abbr class="published" title="5 marzo 2018">'
        "x</abbr></label></body></html>",
        URL,
    ),
    "meta": (
        '<html><body><p>x</p><object><meta name="date" content="6 marzo 2018">'
        "</object></body></html>",
        URL,
    ),
}


def _pages() -> list[Any]:  # pytest.param values
    pages = [pytest.param(p.read_bytes(), URL, id=p.name) for p in FIXTURES]  # some windows-1258
    return pages + [pytest.param(html, url, id=name) for name, (html, url) in MADE_UP.items()]


@pytest.mark.parametrize("edit", [False, True])
@pytest.mark.parametrize("text_search", [False, True])
@pytest.mark.parametrize(("html", "url"), _pages())
def test_find_date_matches_htmldate(
    html: str | bytes, url: str, text_search: bool, edit: bool
) -> None:
    tree = lxml.html.fromstring(html)
    options = {"url": url, "original_date": True}
    expected = htmldate.find_date(deepcopy(tree), extensive_search=False, **options)
    if expected is None and text_search:
        expected = htmldate.find_date(deepcopy(tree), extensive_search=True, **options)
    assert _find_date(tree, url, text_search, edit=edit) == expected


def test_the_guard_sees_dates() -> None:
    """The pages above are not all dateless: the comparison compares dates."""
    found = {
        name: _find_date(lxml.html.fromstring(html), url, True, edit=False)
        for name, (html, url) in MADE_UP.items()
    }
    assert found["url"] == "2019-03-14" and found["time"] == "2021-05-06"
    assert found["abbr"] == "2018-03-05" and found["meta"] == "2018-03-06"
    assert found["none"] is None
