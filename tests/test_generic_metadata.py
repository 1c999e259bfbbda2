"""The generic path's dates, bylines and their sources (issue 13): one rule per test."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from archive.article import load_article
from archive.rows import local_published
from archive.store import Archive
from crawler.extract import extract_article
from crawler.extract.boilerplate import cut_trailing_widgets
from crawler.extract.bylines import parse_byline, parse_byline_lines, parse_header_byline
from crawler.extract.dates import parse_vn_datetime
from crawler.extract.lxml_page import parse_html
from crawler.extract.pubdate import dateline, find_published, header_date, url_date
from crawler.extract.structured import page_metadata

URL = "https://portal.example.gov.vn/tin-tuc/bai-viet-1"
TEXT = (
    "Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ trọng "
    "tâm của năm tới, với sự tham dự của lãnh đạo các sở, ban, ngành và địa phương."
)


def page(head: str = "", body: str = "", title: str = "Hội nghị tổng kết công tác năm") -> str:
    paragraphs = "".join(f"<p>{TEXT} Đoạn {n}.</p>" for n in range(4))
    return (
        f"<html><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{body}"
        f"<div class='content'>{paragraphs}</div></body></html>"
    )


def ld(*objects: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(list(objects))}</script>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two inline runs with no space between: "28.09.19" + "12:44" is no date in 1912
        ("28.09.1912:44", None),
        (
            "Thứ tư, 22/10/2025 - 17:47",
            datetime(2025, 10, 22, 17, 47, tzinfo=timezone(timedelta(hours=7))),
        ),
        ("Thứ Tư, ngày 10 tháng 11 năm 2021", date(2021, 11, 10)),
    ],
)
def test_vietnamese_dates(text: str, expected: object) -> None:
    assert parse_vn_datetime(text) == expected


def test_json_ld_webpage_before_the_article_does_not_hide_its_date() -> None:
    head = ld(
        {"@type": "WebPage", "name": "x"},
        {"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00+01:00"},
    )
    found = page_metadata(parse_html(page(head)))
    # the page's own offset is kept: the calendar day stays the page's
    assert found["published"].isoformat() == "2021-03-04T10:00:00+01:00"
    assert found["published_source"] == "json-ld"


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="DC.date.issued" content="2019-08-02">',
        '<meta name="pubdate" content="2019-08-02T08:00:00Z">',
        '<meta property="og:published_time" content="2019-08-02">',
    ],
)
def test_meta_date_conventions(head: str) -> None:
    found = page_metadata(parse_html(page(head)))
    assert str(found["published"])[:10] == "2019-08-02" and found["published_source"] == "meta"


def test_itemprop_date_outside_json_ld() -> None:
    body = '<time itemprop="datePublished" datetime="2020-01-27">27. Januar</time>'
    found = page_metadata(parse_html(page(body=body)))
    assert found["published"] == date(2020, 1, 27) and found["published_source"] == "itemprop"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:author" content="https://www.facebook.com/someone">',
        '<meta name="author" content="https://example.com/auteur/jean">',
    ],
)
def test_author_urls_are_not_names(head: str) -> None:
    assert "author" not in page_metadata(parse_html(page(head)))


def test_json_ld_author_by_reference() -> None:
    head = ld(
        {
            "@graph": [
                {"@type": "Article", "author": {"@id": "#p"}},
                {"@type": "Person", "@id": "#p", "name": "Jane Doe"},
            ]
        }
    )
    assert page_metadata(parse_html(page(head)))["author"] == "Jane Doe"


def test_header_clock_loses_to_the_date_by_the_title() -> None:
    before = ["Thứ Hai, 07/12/2026", "Trang chủ", "Tin tức"]
    after = [
        "Cập nhật: 10/11/2021 08:30",
        "Một câu mở đầu dài có ngày 12/11/2021 trong đó, đủ dài để là văn bản.",
    ]
    assert header_date(before, after, None).date() == date(2021, 11, 10)
    # a date line above the title, nearer than the clock
    assert header_date([*before, "10/11/2021"], [], None) == date(2021, 11, 10)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("12.01.2022", date(2022, 1, 12)),
        ("Datum: 18.10.2021", date(2021, 10, 18)),
        ("Mittwoch, 26.01.2022 - 14:30", date(2022, 1, 26)),
        ("17/02/2022", date(2022, 2, 17)),
        ("11/01/2021", None),  # the 11th of January or November the 1st
        ("Aktualisiert am 19.02.2020", None),  # an update, said in a sentence
        ("Foto: U. Tischhauser, 15.01.2022", None),
    ],
)
def test_a_dateline_starts_its_line(line: str, day: date | None) -> None:
    assert dateline([], [line], "Title") == day


def test_a_dateline_beats_a_structured_date_of_another_day_that_year() -> None:
    shown = date(2022, 1, 25)
    meta = {"published": datetime(2022, 1, 21, 9, 43, tzinfo=UTC)}
    meta["published_source"] = "meta"
    tree = parse_html("<html><body><p>x</p></body></html>")
    assert find_published(meta, shown, False, tree, URL, shown) == (shown, "header")
    # a release date years before the article's is about something else
    old = date(2005, 2, 11)
    assert find_published(meta, old, False, tree, URL, old) == (meta["published"], "meta")


def test_a_utc_midnight_east_of_greenwich_is_the_next_day() -> None:
    stated = datetime(2021, 11, 4, 23, 0, tzinfo=UTC)
    meta = {"published": stated, "published_source": "meta"}
    tree = parse_html("<html><body><p>x</p></body></html>")
    assert find_published(meta, None, False, tree, URL)[0] == date(2021, 11, 5)
    late = {"published": stated.replace(minute=7, second=45), "published_source": "meta"}
    assert find_published(late, None, False, tree, URL)[0] == late["published"]


def test_url_date_beats_a_structured_date_of_another_day() -> None:
    assert url_date("https://blog.example.org/2019/01/01/happy-new-year/") == date(2019, 1, 1)
    head = '<meta property="article:published_time" content="2018-12-31T23:30:00Z">'
    html = (
        page(head)
        .replace("<title>Hội", "<title>New year post</title><x>")
        .replace(TEXT, "Happy new year to all readers of this blog, we wish you well.")
    )
    article = extract_article(html, "https://blog.example.org/2019/01/01/happy-new-year/")
    assert str(article.published) == "2019-01-01" and article.published_source == "url"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe | May 3, 2019", "Jane Doe"),
        ("Bài và ảnh: Minh Anh", "Minh Anh"),
        ("By the way this is a sentence about things", None),
    ],
)
def test_bylines_under_a_title(line: str, name: str | None) -> None:
    assert parse_header_byline(line) == name


def test_a_hyphenated_name_is_not_name_and_unit() -> None:
    stated = parse_byline_lines(["Itamar Turner-Trauring"])
    assert (stated.author, stated.author_unit) == ("Itamar Turner-Trauring", None)
    assert parse_byline("Ngọc Hiếu – Cục Thi hành án").author_unit == "Cục Thi hành án"


def test_copyright_heading_in_a_document_is_text() -> None:
    lines = ["Intro", "Body", "Copyright Notice", "This document may be copied freely."]
    assert cut_trailing_widgets(lines) == lines
    assert cut_trailing_widgets(["Intro", "Body", "Copyright © 2021 Sở Tư pháp"]) == [
        "Intro",
        "Body",
    ]


def test_a_one_paragraph_notice_is_an_article() -> None:
    html = (
        "<html><head><title>T</title></head><body>"
        "<h1>Thủ tướng dự hội nghị trực tuyến toàn quốc</h1><p>(Chinhphu.vn) - Sáng nay Thủ "
        "tướng dự hội nghị trực tuyến toàn quốc về chuyển đổi số.</p></body></html>"
    )
    article = extract_article(html, URL)
    assert article.body_text.startswith("Sáng nay Thủ tướng") and article.summary is None


def test_published_source_and_whole_text_in_the_output() -> None:
    body = (
        "<div>Ngày đăng: 10/11/2021 08:30</div><h2>Sáng nay, hội nghị tổng kết công tác năm "
        "được tổ chức tại trụ sở Ủy ban.</h2>"
    )
    fields = extract_article(page(body=body), URL).to_dict()
    assert (
        fields["published"] == "2021-11-10T08:30:00+07:00"
        and fields["published_source"] == "header"
    )
    assert fields["text"].startswith(fields["summary"]) and fields["text"].endswith(
        fields["body_text"]
    )


@pytest.mark.parametrize(
    ("published", "language", "shown"),
    [
        ("2021-11-09T20:00:00+00:00", "vi", "2021-11-10T03:00:00+07:00"),  # Vietnam time
        ("2021-11-09T20:00:00-05:00", None, "2021-11-09T20:00:00-05:00"),  # the page's own day
        ("2021-11-09", "vi", "2021-11-09"),
    ],
)
def test_facets_and_display_use_vietnam_time_for_vietnamese_pages(
    published: str, language: str | None, shown: str
) -> None:
    assert local_published(published, language) == shown


def test_article_page_says_where_the_date_came_from() -> None:
    body = "<div>Ngày đăng: 10/11/2021 08:30</div>"
    article = extract_article(page(body=body), URL).to_dict()
    archive = Archive.in_memory()
    archive.write([article | {"fetched_at": "2026-12-07T00:00:00+00:00"}])
    loaded = load_article(archive.db.conn, article["url"])
    assert loaded["published_source"] == "header"
    assert loaded["published_shown"] == "2021-11-10T08:30:00+07:00"
