"""Vietnamese portal boilerplate that can end up inside a body container, as data."""

from __future__ import annotations

import re

# Widgets that follow the article on Vietnamese portals; a body is cut at the first of them.
TRAILING_WIDGETS = re.compile(
    r"^(?:Các tin đã đưa ngày|Các tin khác|Tin liên quan|Tin cùng chuyên mục|Các tin mới|"
    r"Xem thêm|Bài viết liên quan|Các bài viết khác)\b",
    re.IGNORECASE,
)


def cut_trailing_widgets(paragraphs: list[str]) -> list[str]:
    """Paragraphs up to (not including) the first trailing widget heading."""
    for index, paragraph in enumerate(paragraphs):
        if index and TRAILING_WIDGETS.match(paragraph):
            return paragraphs[:index]
    return paragraphs


def drop_repeated_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs without leading copies of the title (province sites print it twice)."""
    if not title:
        return paragraphs
    folded = title.casefold()
    start = 0
    while start < len(paragraphs) and paragraphs[start].casefold() == folded:
        start += 1
    return paragraphs[start:]
