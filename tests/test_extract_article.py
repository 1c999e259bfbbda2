"""extract_article on whole pages: decoding, clear errors, and what never reaches the body."""

from __future__ import annotations

import dataclasses

import pytest

from crawler.extract import ExtractionError, extract_article
from crawler.extract.article import GENERIC_FILLED
from crawler.extract.selectors import PageRules
from crawler.sites import find_site, get_site

URL = "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=45"
PAGE = """<html><head><title>Cục THADS</title><script>var x = "Sign In";</script></head><body>
<a class="ms-signInLink" href="/login">Sign In</a>
<div class="news-detail"><h3 class="title-news">Hội nghị tập huấn nghiệp vụ</h3>
<div class="date-news">05/03/2021</div>
<div class="content-news"><p><b>Hội nghị tập huấn nghiệp vụ</b></p>
<p>Sáng ngày 04/3/2021, Cục THADS tổ chức hội nghị.</p><style>p {color: red}</style>
<p>Hội nghị kết thúc tốt đẹp.</p><p>&nbsp;</p><p align="right"><b>Nguồn: Văn phòng Cục</b></p>
</div></div><div>Các tin đã đưa ngày:</div></body></html>"""


@pytest.fixture
def profile():
    return get_site("thads-dongthap")


def test_profile_page_fields(profile) -> None:
    article = extract_article(PAGE, URL, profile)
    assert article.title == "Hội nghị tập huấn nghiệp vụ"
    assert article.published.isoformat() == "2021-03-05"  # not the event date 04/3/2021
    assert article.body_text == (
        "Sáng ngày 04/3/2021, Cục THADS tổ chức hội nghị.\n\nHội nghị kết thúc tốt đẹp."
    )
    assert article.author_unit == "Văn phòng Cục"
    assert article.url == profile.canonical(URL)
    assert article.agency == "Cục Thi hành án dân sự tỉnh Đồng Tháp"
    assert article.warnings == ()


def test_body_html_leaves_out_what_body_text_leaves_out(profile) -> None:
    # The repeated title, the empty paragraph and the closing "Nguồn: …" line are not body.
    html = extract_article(PAGE, URL, profile).body_html
    assert html.count("<p>") == 2
    assert "Sáng ngày 04/3/2021" in html and "Hội nghị kết thúc tốt đẹp." in html
    assert "Nguồn" not in html and "<b>Hội nghị tập huấn" not in html


@pytest.mark.parametrize(
    ("encoding", "content_type"),
    [("utf-8", "text/html; charset=utf-8"), ("utf-8", None), ("utf-16", "text/html")],
)
def test_bytes_are_decoded(profile, encoding: str, content_type: str | None) -> None:
    data = PAGE.encode(encoding)
    if encoding == "utf-16":
        content_type = "text/html; charset=utf-16"
    assert extract_article(data, URL, profile, content_type=content_type).title == (
        "Hội nghị tập huấn nghiệp vụ"
    )


def test_decomposed_text_comes_out_composed(profile) -> None:
    import unicodedata

    article = extract_article(unicodedata.normalize("NFD", PAGE), URL, profile)
    assert article.title == "Hội nghị tập huấn nghiệp vụ"
    assert unicodedata.is_normalized("NFC", article.body_text)
    assert unicodedata.is_normalized("NFC", article.body_html)
    assert "Sáng ngày 04/3/2021" in article.body_html


def test_a_field_inside_the_body_leaves_no_trace_in_its_html() -> None:
    # The sapo is read (its lines marked) before the body is copied for body_html.
    page = """<html><body><h1 data-role="title">Tiêu đề</h1>
    <div data-role="publishdate">29/11/2026 08:00</div>
    <div data-role="content"><h2 data-role="sapo">Dòng sapo<br>thứ hai</h2>
    <p>Đoạn một của bài.</p><p>Đoạn hai<br>xuống dòng.</p></div></body></html>"""
    url = "https://baochinhphu.vn/tieu-de-102261129080000000.htm"
    article = extract_article(page, url, get_site("baochinhphu"))
    assert article.extraction_path == "profile"
    assert article.summary == "Dòng sapo thứ hai"
    assert "\x1f" not in article.body_html
    assert "Đoạn hai<br>xuống dòng." in article.body_html
    assert article.body_text.endswith("Đoạn một của bài.\n\nĐoạn hai\n\nxuống dòng.")


def test_the_caller_finds_the_profile_from_the_url() -> None:
    assert extract_article(PAGE, URL, find_site(URL)).site == "thads-dongthap"
    assert extract_article(PAGE, URL).site is None  # the extractor looks nothing up


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty page"),
        ("   \n", "empty page"),
        ("<html><body><p>Trang chủ</p></body></html>", "no article on the page"),
    ],
)
def test_unreadable_pages_raise_a_clear_error(profile, html: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_article(html, URL, profile)


def test_missing_date_is_a_warning_not_an_error(profile) -> None:
    article = extract_article(PAGE.replace("05/03/2021", ""), URL, profile)
    assert article.published is None
    assert "no publication date found" in article.warnings


def test_a_stray_end_of_document_does_not_lose_the_body(profile) -> None:
    broken = PAGE.replace("<p>Hội nghị kết thúc", "</body></html><p>Hội nghị kết thúc")
    article = extract_article(broken, URL, profile)
    assert article.body_text.endswith("Hội nghị kết thúc tốt đẹp.")
    assert extract_article(broken, URL, profile, generic=True).body_text.endswith(
        "Hội nghị kết thúc tốt đẹp."
    )


def test_the_generic_path_reads_what_the_profile_does_not_place(profile) -> None:
    # A profile whose sources show only where the body is: title and date come from the
    # generic path's rules (the heading the page's <title> names, the date beside it).
    body_only = dataclasses.replace(
        profile, rules=PageRules(body=(".content-news",), drop=profile.rules.drop)
    )
    page = PAGE.replace("<title>Cục THADS</title>", "<title>Hội nghị tập huấn nghiệp vụ</title>")
    article = extract_article(page, URL, body_only)
    assert article.extraction_path == "profile"
    assert article.title == "Hội nghị tập huấn nghiệp vụ"
    assert article.published.isoformat() == "2021-03-05"
    assert article.body_text == extract_article(PAGE, URL, profile).body_text
    assert article.warnings == (GENERIC_FILLED + "title, published",)


def test_a_stated_selector_that_finds_nothing_is_not_papered_over(profile) -> None:
    # The profile says where the date is; a page without it is a layout change to report.
    article = extract_article(PAGE.replace('class="date-news"', 'class="moved"'), URL, profile)
    assert article.published is None
    assert "no publication date found" in article.warnings
