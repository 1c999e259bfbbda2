"""Articles read from a JSON API answer: wrapped answers, dotted field paths, wrapped bodies."""

from __future__ import annotations

import json

from crawler.extract.api import extract_api_article
from crawler.sites import get_site

URL = "https://mof.gov.vn/bo-tai-chinh/tin-tuc/hop-bao-thuong-ky-102508"
HTML = "<p>Bộ Tài chính tổ chức họp báo thường kỳ.</p><p>Thông tin về thu ngân sách.</p>"


def answer(content: object) -> dict:
    """A getbyslug answer of the shape the 2026 public crawlers read (docs/evidence.md)."""
    return {
        "data": {
            "title": "Bộ Tài chính họp báo thường kỳ",
            "description": "Họp báo quý IV.",
            "publicationTime": "2026-07-10T11:12:00Z",
            "author": "Minh Anh",
            "source": "Vụ Truyền thông",
            "articleCategory": {"name": "Tin tức", "slug": "tin-tuc"},
            "articleContent": content,
        }
    }


def test_a_wrapped_answer_gives_the_article_and_its_nested_category() -> None:
    article = extract_api_article(answer(HTML), URL, get_site("mof"))
    assert article.title == "Bộ Tài chính họp báo thường kỳ"
    assert article.category == "Tin tức"
    assert article.author_unit == "Vụ Truyền thông"
    assert "thu ngân sách" in article.body_text


def test_a_body_inside_a_json_text_or_object_is_unwrapped() -> None:
    profile = get_site("mof")
    as_text = json.dumps({"Content": HTML, "Link": None}, ensure_ascii=False)
    for content in (as_text, {"Content": HTML}):
        article = extract_api_article(answer(content), URL, profile)
        assert article.body_text.startswith("Bộ Tài chính tổ chức họp báo thường kỳ.")
        assert "Content" not in article.body_text
