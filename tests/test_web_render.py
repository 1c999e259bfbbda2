"""What the pages render: body HTML cleaned at render time, version diffs, Atom feeds and the
SVG pictures (pure functions, no Datasette)."""

from __future__ import annotations

import datetime as dt
import itertools
from xml.etree import ElementTree as ET

import pytest
from lxml import html as lxml_html

from archive.atom import atom_feed, atom_time
from archive.charts import health_board, monthly_chart, site_status, trend_chart
from archive.render import clean_body_html, diff_html, field_changes, safe_link
from tests.web_archive import hostile_body

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)


def test_hostile_body_keeps_text_and_loses_everything_active() -> None:
    cleaned = clean_body_html(hostile_body("http://127.0.0.1:9"))
    tree = lxml_html.fragment_fromstring(str(cleaned), create_parent="div")
    assert {element.tag for element in tree.iter()} <= {"div", "p", "a"}
    assert all(set(a.attrib) <= {"rel"} for a in tree.iter("a"))  # no href survived
    assert "127.0.0.1:9" not in cleaned and "__pwned" not in cleaned
    assert "phủ kín trang" in cleaned and "di chuột qua đây" in cleaned


def test_clean_body_keeps_structure_and_safe_links() -> None:
    html = (
        '<h2>Tiêu đề</h2><p class="x">Đoạn <strong>đậm</strong> '
        '<a href="https://moj.gov.vn/a" target="_blank">liên kết</a></p>'
        '<table><tr><td colspan="2">ô</td></tr></table><img src="https://x/y.jpg">'
    )
    cleaned = str(clean_body_html(html))
    assert "<h2>Tiêu đề</h2>" in cleaned and "<strong>đậm</strong>" in cleaned
    assert (
        'href="https://moj.gov.vn/a"' in cleaned and 'rel="noopener noreferrer nofollow"' in cleaned
    )
    assert 'colspan="2"' in cleaned
    assert "class=" not in cleaned and "target=" not in cleaned and "<img" not in cleaned


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://a.vn/x", True),
        ("mailto:a@b.vn", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:x", False),
        ("data:text/html,x", False),
        ("/relative", False),
        (None, False),
    ],
)
def test_safe_link(url: str | None, kept: bool) -> None:
    assert (safe_link(url) is not None) is kept


def test_diff_marks_words_and_counts_unchanged_paragraphs() -> None:
    old = "\n\n".join(["Mở đầu cũ.", "Giữa 1.", "Giữa 2.", "Giữa 3.", "Kết <b>cũ</b>."])
    new = "\n\n".join(["Mở đầu mới.", "Giữa 1.", "Giữa 2.", "Giữa 3.", "Kết <b>mới</b>.", "Thêm."])
    diff = str(diff_html(old, new))
    assert '<p class="diff-changed">Mở đầu <del>cũ.</del> <ins>mới.</ins></p>' in diff
    assert "… 1 unchanged paragraph(s) …" in diff
    assert "<del>&lt;b&gt;cũ&lt;/b&gt;.</del>" in diff and "<p><ins>Thêm.</ins></p>" in diff
    assert diff_html("Như nhau.", "Như nhau.") == ""


def test_field_changes() -> None:
    old = {"title": "A", "author_unit": None, "summary": ""}
    new = {"title": "B", "author_unit": "Văn phòng", "summary": None}
    assert field_changes(old, new, ("title", "author_unit", "summary")) == [
        ("title", "A", "B"),
        ("author_unit", None, "Văn phòng"),
    ]


def test_atom_feed_is_valid_and_dates_carry_vietnam_time() -> None:
    articles = [
        {
            "url": "https://a.vn/1",
            "title": "Một",
            "published": "2021-11-10",
            "summary": "Tóm tắt",
            "agency": "Cục",
        },
        {
            "url": "https://a.vn/2",
            "title": "<Hai>",
            "published": "2022-01-01T08:00:00+07:00",
            "body_text": "x " * 400,
            "author_unit": "Văn phòng",
            "category": "Tin",
        },
    ]
    xml = atom_feed(
        title="t",
        feed_url="http://h/f.atom",
        page_url="http://h/f",
        articles=articles,
        archive_link=lambda url: "http://h/a",
    )
    feed = ET.fromstring(xml)
    assert feed.findtext(f"{ATOM}updated") == "2022-01-01T08:00:00+07:00"
    first, second = feed.findall(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}updated") == "2021-11-10T00:00:00+07:00"
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Cục"
    assert second.findtext(f"{ATOM}title") == "<Hai>"
    assert second.findtext(f"{ATOM}summary").endswith("…")
    assert second.find(f"{ATOM}category").get("term") == "Tin"
    assert atom_time("not a date") is None and atom_time(None) is None


def test_monthly_chart_stacks_the_largest_agencies() -> None:
    rows = [
        {"month": f"2025-{m:02d}", "agency": f"Cơ quan {a}", "articles": a + m}
        for m in range(1, 13)
        for a in range(10)
    ]
    chart = monthly_chart(rows, months=12)
    assert chart["months"][0] == "2025-01" and chart["months"][-1] == "2025-12"
    assert [item["agency"] for item in chart["legend"]][:2] == ["Cơ quan 9", "Cơ quan 8"]
    assert chart["legend"][-1]["agency"] == "other agencies"
    assert str(chart["svg"]).count("<rect") == 12 * 8  # seven colours and the rest
    assert len(chart["agencies"]) == 10
    assert monthly_chart([])["svg"] is None


def test_site_status_and_board() -> None:
    fresh = NOW.isoformat()
    assert site_status({"last_success_at": fresh, "last_run_status": "finished"}, NOW)[0] == "ok"
    assert site_status({"last_success_at": None}, NOW)[0] == "bad"
    stale = (NOW - dt.timedelta(days=4)).isoformat()
    assert site_status({"last_success_at": stale}, NOW) == (
        "warn",
        ["last successful run 4 days ago"],
    )
    empty = {"last_success_at": fresh, "empty_published_pct": 60.0, "failed_fetches_last_run": 2}
    status, reasons = site_status(empty, NOW)
    assert status == "bad" and len(reasons) == 2
    uncredited = {"last_success_at": fresh, "empty_author_unit_pct": 90.0}
    assert site_status(uncredited, NOW) == ("ok", [])  # many portals credit no author unit
    (row,) = health_board([uncredited | {"site": "s"}], NOW)
    assert "<circle" in row["dot"] and "90% empty" in row["bars"]["author_unit"]


def test_monthly_chart_keeps_colours_and_its_last_label() -> None:
    rows = [
        {"month": f"2025-{m:02d}", "agency": f"Cơ quan {a}", "articles": a + m}
        for m in range(1, 13)
        for a in range(10)
    ]
    # The second view ranks the same agencies the other way round.
    reversed_rows = [
        {"month": "2025-12", "agency": f"Cơ quan {a}", "articles": 20 - a if a > 2 else 1}
        for a in range(10)
    ]
    wide, narrow = monthly_chart(rows, months=12), monthly_chart(reversed_rows, months=6)
    colors = {item["agency"]: item["color"] for item in wide["legend"]}
    shared = [item for item in narrow["legend"] if item["agency"] in colors]
    assert len(shared) == 8  # the same seven agencies and the rest, ranked the other way
    for item in shared:
        if item["agency"] != "other agencies":
            assert item["color"] == colors[item["agency"]], item["agency"]
    labels = lxml_html.fromstring(str(wide["svg"])).xpath("//text[text()='2025-12']")
    (last,) = labels
    assert last.get("text-anchor") == "end" and float(last.get("x")) <= 960 - 8


def test_monthly_chart_opens_on_the_months_agencies_publish_in() -> None:
    # One portal's archive goes back to 2005, the others publish from 2024 on.
    rows = [{"month": "2005-01", "agency": "Cũ", "articles": 3}] + [
        {"month": f"{y}-{m:02d}", "agency": f"Mới {a}", "articles": 2}
        for y in (2024, 2025)
        for m in range(1, 13)
        for a in range(3)
    ]
    chart = monthly_chart(rows)
    assert chart["months"][0] == "2024-01" and chart["months"][-1] == "2025-12"
    assert chart["idle"] == ["Cũ"]
    assert all(agency["peak"] >= 2 for agency in chart["agencies"])


def test_trend_chart_labels_do_not_overlap_and_the_last_ends_inside() -> None:
    periods = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(65)]
    svg = trend_chart(periods, [("A", [1] * 65, "#0072B2")], [0.1] * 65)
    labels = lxml_html.fromstring(str(svg)).xpath("//text[contains(text(), '-')]")
    xs = [float(label.get("x")) for label in labels]
    assert labels[-1].text == periods[-1] and labels[-1].get("text-anchor") == "end"
    assert xs[-1] <= 960 and all(b - a > 50 for a, b in itertools.pairwise(xs))
