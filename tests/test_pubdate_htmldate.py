"""The generic path's htmldate steps answer what `htmldate.find_date` does (an upgrade guard)."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

import htmldate
import lxml.html
import pytest
from htmldate import core as hd
from htmldate import extractors as hx

from crawler.extract.pubdate import _find_date, _htmldate_options, _regex_parse, _search_page

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


# Texts for htmldate's last step, each settled by another of its expressions, and texts where
# cutting runs of non-digits could go wrong: matches sharing a separator, long runs between
# digits, digits of another script, a year after "w3.org".
SEARCHED = {
    "copyright": "<p>Bài viết</p><footer>© Sở Tư pháp 2016. Bản quyền</footer>",
    "path": '<a href="/tin/2019/03/14/a.html">x</a> <a href="/tin/2019/03/14/b">y</a>',
    "loose": "<span>2018.07.12</span> <b>x</b> <i>2018-07-12</i>",
    "day first": "<p>Ngày   12-03-2020, lúc</p> <p>12/03/2020</p>",
    "digits": "<img src=a_20170405_b.jpg> <img src=c_20170405_d.jpg>",
    "slashes": "<td>05/06/19</td><td>…</td><td>05.06.19</td>",
    "month": "<p>Kỳ 2015/09 ·· số 2015-09</p>",
    "month first": "<p>Tháng 11/2014 và 11-2014</p>",
    "words": "<p>Published on March 3, 2011 by the editors</p>",
    "year": '<p>x</p><a href="http://www.w3.org/1999/xhtml">s</a> <p>Năm 2013 đến nay</p>',
    "shared separators": "x2019-01-01-2019-02-02-2019-01-01-y 12/1/2018/12/1/2018",
    # Only the path expression reads the first ("/" before it); counted, the second would win.
    "slash before": "<a href=/tin/2019/03/14/>a</a> 2018-01-01 2018-01-01 2018-01-01",
    # The runner-up wins only when both of its dates are found (a run serves two matches).
    "runs between": "a 2016-06-06 b 2017-05-05 c 2017-05-05 d",
    "long runs": "a" * 300 + "2016-04-05" + " b " * 100 + "2016-04-05" + "\n\t  " * 50,
    "other digits": "٣2019-01-01٣ ٢05/06/2019٢ 2019-01-01",
    "nothing": "<p>Không có ngày nào cả.</p>",
}


def _searched() -> list[Any]:  # pytest.param values
    served = [
        pytest.param(hd.serialize(lxml.html.fromstring(p.read_bytes())), id=p.name)
        for p in FIXTURES
    ]
    return served + [pytest.param(text, id=name) for name, text in SEARCHED.items()]


@pytest.mark.parametrize("extensive", [False, True])
@pytest.mark.parametrize("text", _searched())
def test_search_page_matches_htmldate(text: str, extensive: bool) -> None:
    options = _htmldate_options(extensive=extensive)
    assert _search_page(text, options) == hd.search_page(text, options)


def test_the_search_guard_sees_dates() -> None:
    """The texts above are settled by different steps: the comparison compares dates."""
    options = _htmldate_options(extensive=True)
    found = {name: _search_page(text, options) for name, text in SEARCHED.items()}
    assert found["copyright"] == "2016-01-01" and found["path"] == "2019-03-14"
    assert found["loose"] == "2018-07-12" and found["day first"] == "2020-03-12"
    assert found["digits"] == "2017-04-05" and found["words"] == "2011-03-03"
    assert found["month"] == "2015-09-01" and found["month first"] == "2014-11-01"
    assert found["year"] == "2013-01-01" and found["nothing"] is None
    assert found["slash before"] == "2019-03-14" and found["runs between"] == "2017-05-05"
    assert len(set(found.values())) >= 12


# Dates written with a month name (htmldate's regex_parse), where a search near each year could
# go wrong: a long word before the month, "12th of" before it, a day and month that do not
# make a date and the matches inside them, a year whose digits begin the next date.
LONG_DATES = {
    "english": ("Published on March 3, 2011 by the editors", "2011-03-03"),
    "glued": ("x" * 40 + "March 3, 2011", "2011-03-03"),
    "suffix": ("Stand: Dezember 24th, 2019", "2019-12-24"),
    "day first": ("Posted: 12th of September, 2015", "2015-09-12"),
    "not a date": ("x 31 February 2019 and 1 February 2019", "2019-02-01"),
    "after one": ("on 31 September 2019 September, 2020", None),
    "digits of a year": ("2019 March 2020", "2020-03-19"),
    "turkish": ("ŞUBAT 5, 2019", "2019-02-05"),
    "not a month": ("3 Foo 2019 4 März 2018", "2018-03-04"),
    "no day": ("bbbbmarch 2012", None),
}


@pytest.mark.parametrize(("text", "day"), LONG_DATES.values(), ids=LONG_DATES)
def test_regex_parse_matches_htmldate(text: str, day: str | None) -> None:
    pages = (text, f"<p>{text}</p>" * 3, hd.serialize(lxml.html.fromstring(f"<p>{text}</p>")))
    for page in pages:
        assert _regex_parse(page) == hx.regex_parse(page)
    found = _regex_parse(text)
    assert (found.date().isoformat() if found else None) == day


def test_regex_parse_matches_htmldate_on_the_fixtures() -> None:
    for path in FIXTURES:
        page = hd.serialize(lxml.html.fromstring(path.read_bytes()))
        assert _regex_parse(page) == hx.regex_parse(page), path.name
