"""Split the closing author line ("Theo …", "Nguồn: …", "Name – Unit", a bare name) off a body."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A personal name: one to five capitalised words ("Ngọc Hiếu", "Trần Thị Ngọc Hiếu").
_NAME = r"(?:[^\W\d_][^\W\d_]*\.?\s+){0,4}[^\W\d_]+"
_UNIT_MAX_WORDS = 14

# A unit name may hold commas ("Phòng Kiểm tra, giải quyết khiếu nại, tố cáo"); a sentence that
# happens to start with "Theo" ("Theo Kế hoạch, Cục đã …") ends with a full stop.
_SOURCE = re.compile(r"^(?:Theo|Nguồn)\s*:?\s+(?P<unit>[^;:]+?)$", re.IGNORECASE)
_AUTHOR = re.compile(r"^(?:Tác giả|Bài, ảnh|Bài và ảnh|Ảnh)\s*:\s*(?P<name>[^,;]+?)\.?$")
# A hyphen joins double names ("Turner-Trauring"); it separates a unit only with spaces.
_NAME_DASH_UNIT = re.compile(rf"^(?P<name>{_NAME})(?:\s*[–—]\s*|\s+-\s+)(?P<unit>[^;]+?)$")
_NAME_PAREN_UNIT = re.compile(rf"^(?P<name>{_NAME})\s*\((?P<unit>[^()]+)\)\.?$")
_BARE_NAME = re.compile(rf"^{_NAME}$")
# A byline under a title: "By Jane Doe", "Von Max Muster | 3. Mai 2019", "Bài và ảnh: Minh Anh",
# "PV Thu Hà". A photo credit ("Ảnh: …", "Foto: …") names who took the pictures, not the author.
_HEADER_BYLINE = re.compile(
    r"^(?:By|Von|Par|Por|Door|Di|Av|Tác giả\s*:|Bài và ảnh\s*:|Bài, ảnh\s*:|Bài\s*:|PV\s*:?)"
    r"\s+(?P<name>[^|•·,;:\d]+?)\s*(?:$|[|•·,;]|\s[-–—]\s|\d)",
)


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote an article and for which unit, as the closing line says."""

    author: str | None = None
    author_unit: str | None = None


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(word[0].isupper() for word in words)


def _is_unit(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _UNIT_MAX_WORDS and text[0].isupper() and text[-1] not in ".!?…"


def parse_byline(line: str, bare_names: bool = True) -> Byline | None:
    """The byline a closing line states, or None when the line is ordinary body text (a bare
    name counts only with `bare_names`)."""
    if len(line) > 150:
        return None
    if (match := _SOURCE.match(line)) and _is_unit(match["unit"]):
        return Byline(author_unit=match["unit"].strip())
    if match := _AUTHOR.match(line):
        return Byline(author=match["name"].strip())
    for pattern in (_NAME_DASH_UNIT, _NAME_PAREN_UNIT):
        if (match := pattern.match(line)) and _is_name(match["name"]) and _is_unit(match["unit"]):
            return Byline(author=match["name"].strip(), author_unit=match["unit"].strip())
    if bare_names and _BARE_NAME.match(line) and _is_name(line) and len(line.split()) >= 2:
        return Byline(author=line)
    return None


def parse_header_byline(line: str) -> str | None:
    """The author a short byline line under a title names, or None."""
    if len(line) > 120 or not (match := _HEADER_BYLINE.match(line)):
        return None
    name = match["name"].strip()
    return name if _is_name(name) else None


_PREFIX = re.compile(
    r"^(?:(?:Post|Posted|Written|Article)\s+)?(?:author\s*:?\s*)?(?:By|Von|Vom|Par|Por)\s+",
    re.IGNORECASE,
)


def strip_byline_prefix(name: str) -> str:
    """A credited name without its "By", "Post author By", "Von", "Vom" lead."""
    return _PREFIX.sub("", " ".join(name.split())) or name


def split_byline(paragraphs: list[str], bare_names: bool = True) -> tuple[list[str], Byline]:
    """The body without its closing byline lines (at most two), and what they said."""
    body = list(paragraphs)
    author: str | None = None
    unit: str | None = None
    for _ in range(2):
        if len(body) < 2 or (found := parse_byline(body[-1], bare_names)) is None:
            break
        if (found.author and author) or (found.author_unit and unit):
            break
        author = author or found.author
        unit = unit or found.author_unit
        body.pop()
    return body, Byline(author=author, author_unit=unit)


def parse_byline_lines(lines: list[str]) -> Byline:
    """The byline a dedicated byline element states, over one or more lines."""
    author: str | None = None
    unit: str | None = None
    for line in lines:
        found = parse_byline(line) or Byline(author=line)
        author = author or found.author
        unit = unit or found.author_unit
    return Byline(author=author, author_unit=unit)
