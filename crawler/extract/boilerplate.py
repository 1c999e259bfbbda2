"""Vietnamese portal boilerplate that can end up inside a body container, as data."""

from __future__ import annotations

import re

# Widgets that follow the article on Vietnamese portals; a body is cut at the first of them.
TRAILING_WIDGETS = re.compile(
    r"^(?:Các tin đã đưa ngày|Các tin khác|Tin liên quan|Tin cùng chuyên mục|Các tin mới|"
    r"Xem thêm|Bài viết liên quan|Các bài viết khác|Tin bài liên quan|Tin mới nhất|"
    # Site footers, when a main-text finder lets them through.
    # A footer's copyright line carries the sign or a year; a heading "Copyright Notice" (or
    # "Copyright and licence") inside a document is text.
    r"Bản quyền thuộc|Bản quyền ©|Copyright\s*(?:©|\(c\)|\d{4})|Ghi rõ nguồn|"
    r"Cơ quan chủ quản|Chịu trách nhiệm|"
    r"Lượt truy cập|Số lượt truy cập|Đang truy cập|"
    r"Tệp đính kèm|File đính kèm|Văn bản đính kèm|Tài liệu đính kèm|"
    # Tag lines and share bars close the article on most CMSs.
    r"Từ khóa|Tags?:|Chia sẻ\s*:|Chia sẻ bài viết|Share\s*:)",
    re.IGNORECASE,
)


# Sapo prefixes that name the source: "(Chinhphu.vn) - ", "VGP - ", "(TTXVN) - ".
SAPO_PREFIX = re.compile(r"^(?:\([^()]{2,30}\)|VGP|TTXVN)\s*[-–—]\s*")

# Article toolbars: font size, read aloud, print, e-mail, share (as text or as list items).
_TOOLBAR_WORDS = re.compile(
    r"^(?:(?:Xem cỡ chữ|Cỡ chữ|Đọc bài viết|Nghe đọc bài|In|In bài|Gửi email|Gửi bài|Chia sẻ|"
    r"Lưu|Quay lại|Bản in|A\+|A-|A|[/|•·-])\s*)+$",
    re.IGNORECASE,
)
# Photo credits and captions written as text: "Ảnh: VGP/Nhật Bắc", "Ảnh minh họa".
PHOTO_CREDIT = re.compile(r"^(?:Ảnh|Ảnh minh họa|Nguồn ảnh)\s*[:.]?\s*\S{0,40}", re.IGNORECASE)
# A photo credit on a line of its own on pages in other languages: "Foto: dpa", "(Photo: Reuters)",
# "Bild (links): Screenshot", "Crédits photos : Bestimage". Vietnamese credits ("Ảnh: …") are
# dropped with their element as captions, or read as the closing byline.
_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?:Fotos?|Photos?|Bild(?:er)?|Images?|Credits?|Crédits? photos?|"
    r"(?:Photo|Image|Bild|Foto)\s*credits?|Bildquelle|Fotoquelle)\s*(?:\([^)]*\))?\s*:",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 12
# Document properties tables of legal-document pages: label → field.
PROPERTY_LABELS = {
    "ngày ban hành": "published",
    "ban hành ngày": "published",
    "cơ quan ban hành": "author_unit",
    "người ký": "author",
    "trích yếu": "summary",
}
# Labels of the same tables that name no field we read; with PROPERTY_LABELS they mark a label
# row written without a colon (vanban.chinhphu.vn: "Số ký hiệu", "Ngày ban hành", …).
OTHER_PROPERTY_LABELS = frozenset(
    ["số ký hiệu", "ngày có hiệu lực", "loại văn bản", "tài liệu đính kèm", "lĩnh vực"]
)
# "Other news" lists: "- Title (dd/mm/yyyy)".
_DATED_LINK_LINE = re.compile(r"^-?\s*\S.{5,}\(\d{1,2}/\d{1,2}/\d{4}\)$")


_WIDGET_HEADING_MAX = 120


def is_toolbar_line(line: str) -> bool:
    return bool(_TOOLBAR_WORDS.match(line))


def is_credit_line(line: str) -> bool:
    """A short line that only credits a picture ("Foto: Ingo Schneider")."""
    return len(line.split()) <= _CREDIT_MAX_WORDS and bool(_CREDIT_LINE.match(line))


def cut_trailing_widgets(paragraphs: list[str]) -> list[str]:
    """Paragraphs up to the first trailing widget heading, without a trailing dated-link list."""
    for index, paragraph in enumerate(paragraphs):
        # A widget heading is short; a sentence that happens to start with "Copyright" or
        # "Xem thêm" is text.
        if index and len(paragraph) <= _WIDGET_HEADING_MAX and TRAILING_WIDGETS.match(paragraph):
            paragraphs = paragraphs[:index]
            break
    end = len(paragraphs)
    while end > 1 and _DATED_LINK_LINE.match(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= 2 else paragraphs


def drop_repeated_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs without leading copies of the title (province sites print it twice)."""
    if not title:
        return paragraphs
    folded = title.casefold()
    start = 0
    while start < len(paragraphs) and paragraphs[start].casefold() == folded:
        start += 1
    return paragraphs[start:]
