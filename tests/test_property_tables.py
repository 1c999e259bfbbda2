"""Document property tables (label | value rows) are fields, not body text, colons or not."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.extract.cleanup import property_table


def table(rows: list[tuple[str, str]]) -> lxml.html.HtmlElement:
    cells = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
    return lxml.html.fromstring(f"<table>{cells}</table>")


@pytest.mark.parametrize("colon", [":", ""])
def test_a_label_table_is_read_with_or_without_colons(colon: str) -> None:
    # vanban.chinhphu.vn writes its labels without a colon (Legal-Crawler, vietnam-admin-units).
    rows = [
        (f"Số ký hiệu{colon}", "12/2026/NĐ-CP"),
        (f"Ngày ban hành{colon}", "14-04-2026"),
        (f"Loại văn bản{colon}", "Nghị định"),
        (f"Cơ quan ban hành{colon}", "Chính phủ"),
        (f"Người ký{colon}", "Nguyễn Văn A"),
        (f"Trích yếu{colon}", "Quy định chi tiết"),
        (f"Tài liệu đính kèm{colon}", ""),
    ]
    assert property_table(table(rows)) == {
        "published": "14-04-2026",
        "author_unit": "Chính phủ",
        "author": "Nguyễn Văn A",
        "summary": "Quy định chi tiết",
    }


def test_a_table_of_other_labels_without_colons_is_text() -> None:
    rows = [("Trích yếu", "x"), ("Giá", "100"), ("Màu", "đỏ"), ("Cỡ", "L"), ("Nặng", "2 kg")]
    assert property_table(table(rows)) is None
    assert property_table(table([("Kích thước", "10 cm"), ("Giá", "100")])) is None
