"""The small extraction rules: dates, bylines, paragraphs, boilerplate, folding, URLs."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import lxml.html
import pytest

from archive.fold import fold
from crawler.extract import extract_article
from crawler.extract.boilerplate import cut_trailing_widgets, drop_repeated_title, is_credit_line
from crawler.extract.bylines import Byline, parse_byline, split_byline
from crawler.extract.dates import VIETNAM_TIME, parse_vn_datetime
from crawler.extract.text import guess_language, paragraphs
from crawler.urls import canonical_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/11/2021", date(2021, 11, 10)),
        ("Thứ hai - 14/12/2015 09:01", datetime(2015, 12, 14, 9, 1, tzinfo=VIETNAM_TIME)),
        ("11:38, Thứ tư, 14/01/2026 (GMT+7)", datetime(2026, 1, 14, 11, 38, tzinfo=VIETNAM_TIME)),
        (
            "Cập nhật lúc 11:38, Thứ tư, 14/01/2026",
            datetime(2026, 1, 14, 11, 38, tzinfo=VIETNAM_TIME),
        ),
        ("31/02/2021 rồi 01/03/2021", date(2021, 3, 1)),  # an impossible date is skipped
        ("không có ngày", None),
    ],
)
def test_parse_vn_datetime(text: str, expected: date | None) -> None:
    assert parse_vn_datetime(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Theo Ban Vì sự tiến bộ phụ nữ", Byline(author_unit="Ban Vì sự tiến bộ phụ nữ")),
        ("Nguồn: Báo Đồng Tháp", Byline(author_unit="Báo Đồng Tháp")),
        ("Tác giả: Minh Thư", Byline(author="Minh Thư")),
        ("Ngọc Hiếu – Văn phòng Tổng cục", Byline("Ngọc Hiếu", "Văn phòng Tổng cục")),
        ("Trần Văn Nam (Chi cục THADS Lai Vung)", Byline("Trần Văn Nam", "Chi cục THADS Lai Vung")),
        ("Ngọc Hiếu", Byline(author="Ngọc Hiếu")),
        (
            "Theo Phòng Kiểm tra, giải quyết khiếu nại, tố cáo",
            Byline(author_unit="Phòng Kiểm tra, giải quyết khiếu nại, tố cáo"),
        ),
        # Ordinary closing sentences are body text, not bylines.
        ("Theo đó, Cục THADS đã giao nhiệm vụ cho các phòng.", None),
        ("Theo kế hoạch, hội nghị kết thúc trong ngày.", None),
        ("Theo Kế hoạch, Cục THADS tổ chức hội nghị.", None),
        ("- Tổ chức tuyên truyền về bình đẳng giới.", None),
        ("Kết quả cụ thể như sau:", None),
    ],
)
def test_parse_byline(line: str, expected: Byline | None) -> None:
    assert parse_byline(line) == expected


def test_split_byline_takes_the_closing_lines_only() -> None:
    body, byline = split_byline(["Đoạn một.", "Đoạn hai.", "Ngọc Hiếu", "Nguồn: Báo Đồng Tháp"])
    assert body == ["Đoạn một.", "Đoạn hai."]
    assert byline == Byline(author="Ngọc Hiếu", author_unit="Báo Đồng Tháp")


def test_split_byline_keeps_a_lone_paragraph() -> None:
    assert split_byline(["Ngọc Hiếu"]) == (["Ngọc Hiếu"], Byline())


def test_paragraphs_split_blocks_and_breaks_and_clean_whitespace() -> None:
    element = lxml.html.fragment_fromstring(
        "<div><p>Một&nbsp; hai\n ba</p>bốn<br/>năm<br><br>"
        "<div><span>sáu</span> <b>bảy</b></div><p> </p><ul><li>- tám</li></ul>chín\u200b</div>"
    )
    assert paragraphs(element) == ["Một hai ba", "bốn", "năm", "sáu bảy", "- tám", "chín"]


def test_paragraphs_survive_deep_nesting() -> None:
    depth = 200  # lxml's parser caps depth far below Python's recursion risk; iterwalk has none
    html = "<div>" + "<span>" * depth + "sâu" + "</span>" * depth + "</div>"
    assert paragraphs(lxml.html.fragment_fromstring(html)) == ["sâu"]


def test_boilerplate_rules() -> None:
    title = "Hội nghị tổng kết"
    lines = ["HỘI NGHỊ TỔNG KẾT", "Nội dung.", "Các tin đã đưa ngày:", "Tin cũ (01/01/2020)"]
    assert drop_repeated_title(cut_trailing_widgets(lines), title) == ["Nội dung."]


@pytest.mark.parametrize(
    "spelling",
    ["Đồng Tháp", "đồng tháp", "dong thap", "DONG THAP", unicodedata.normalize("NFD", "Đồng Tháp")],
)
def test_fold_makes_every_spelling_equal(spelling: str) -> None:
    assert fold(spelling) == "dong thap"


@pytest.mark.parametrize(
    "variant",
    [
        "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=12",
        "http://thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=12",
        "https://thads.moj.gov.vn:443/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=12#top",
        "https://THADS.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=12&utm_source=fb",
        "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=12&ASP.NET_SessionId=x1y2",
        "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx;jsessionid=AB12?ItemID=12",
    ],
)
def test_canonical_url_gives_one_identity(variant: str) -> None:
    expected = "https://thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=12"
    assert canonical_url(variant, case_insensitive=True, scheme="https") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cục Thi hành án dân sự tỉnh Đồng Tháp tổ chức hội nghị tổng kết công tác năm", "vi"),
        ("Nhằm thu hút sự quan tâm về ý nghĩa, tầm quan trọng", "vi"),
        ("Ceci est une phrase française très intéressante à côté.", None),
        ("Das ist ein deutscher Satz über das Wetter heute, schön.", None),
        ("This is an English sentence about the weather today.", None),
        ("Ngắn", None),  # too short to tell
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Foto: Ingo Schneider", True),
        ("(Photo: Alvaro Serey / Reuters)", True),
        ("Bild (links): Screenshot", True),
        ("Crédits photos : Bestimage", True),
        ("Bild anzeigen", False),  # a button, not a credit
        ("Photos à l'appui, le tabloïd révèle ce vendredi que le ministre est sorti.", False),
        ("Foto: " + "ein langer Satz " * 6, False),  # a sentence that starts like a credit
    ],
)
def test_is_credit_line(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


_TEXT = "<p>{} is the subject of this paragraph, which runs on for a good many words.</p>"
_PAGE = (
    "<html><head><title>Harbour plan approved | City news</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav><h1>Harbour plan approved</h1>"
    "<div><h2>The council backed the new harbour plan after a long night of debate.</h2>"
    "<figure><img src='/a.jpg'><figcaption>The harbour at dawn. Foto: K. Berg</figcaption></figure>"
    "{}</div><footer>Contact us</footer></body></html>"
)


def test_generic_title_is_the_heading_the_page_names_and_the_dek_is_the_sapo() -> None:
    """The <h2> stands nearer to the text, but <title> names the <h1>."""
    paragraphs_html = "".join(_TEXT.format(f"Point {n}") for n in range(6))
    article = extract_article(_PAGE.format(paragraphs_html), "https://example.org/news/1")
    assert article.title == "Harbour plan approved"
    assert (
        article.summary == "The council backed the new harbour plan after a long night of debate."
    )
    assert article.body_text.startswith("Point 0 is the subject")
    assert "harbour at dawn" not in article.body_text


def test_generic_figcaption_of_paragraphs_is_text() -> None:
    """Slideshows set their text in <figcaption>; a one-line caption is still dropped."""
    slides = "".join(
        f"<figure><h2>Costume {n}</h2><img src='/{n}.jpg'><figcaption><p>Last-minute idea.</p>"
        f"<p>What you need: a hat, a scarf and costume {n}, all found at home.</p></figcaption>"
        "</figure>"
        for n in range(6)
    )
    page = _PAGE.format(_TEXT.format("The list") + slides)
    body = extract_article(page, "https://example.org/news/2").body_text
    assert "What you need: a hat, a scarf and costume 5" in body
    assert "harbour at dawn" not in body


NOSCRIPT_PAGE = """<html><head><title>Hội nghị tổng kết công tác năm</title></head><body>
<noscript><img src="/pixel.gif" alt="">Trình duyệt của bạn không hỗ trợ JavaScript.</noscript>
<noscript><div class="wrap">
<h1>Hội nghị tổng kết công tác năm</h1>
<p>Sáng ngày 12/01/2024, Cục tổ chức hội nghị tổng kết công tác thi hành án dân sự năm 2023
và triển khai nhiệm vụ năm 2024 với sự tham dự của lãnh đạo các Chi cục trực thuộc.</p>
<p>Tại hội nghị, các đại biểu đã thảo luận về những khó khăn, vướng mắc trong quá trình tổ
chức thi hành các vụ việc có giá trị lớn và đề xuất giải pháp tháo gỡ kịp thời.</p>
<p>Hội nghị thống nhất giao chỉ tiêu cho từng đơn vị và phát động phong trào thi đua.</p>
</body></html>"""


def test_an_unclosed_noscript_does_not_swallow_the_article() -> None:
    article = extract_article(NOSCRIPT_PAGE.encode(), "https://example.gov.vn/tin/1.html")
    assert "Tại hội nghị, các đại biểu đã thảo luận" in article.body_text
    assert "không hỗ trợ JavaScript" not in article.body_text  # a real fallback is still dropped
