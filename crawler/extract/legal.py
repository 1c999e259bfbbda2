"""The layout of Vietnamese administrative documents (Decree 30/2020/NĐ-CP): header and
signature blocks around the text, which are not body text."""

from __future__ import annotations

import re

_MOTTO = re.compile(
    r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
)
# Where the text proper starts: the legal bases, or the first article.
_TEXT_START = re.compile(r"^(?:Căn cứ|Xét đề nghị|Theo đề nghị|Điều 1\b)")
_NUMBER = re.compile(r"^Số\s*:")
_PLACE_DATE = re.compile(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}$")
_SIGNATURE = re.compile(r"^(?:TM\.|KT\.|TL\.|TUQ\.|Q\.|Nơi nhận)")
_HEADER_SCAN = 8


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(line.split()) <= 10


def _is_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() for w in words) and not _is_caps(line)


def _after_header(lines: list[str]) -> int:
    """Past the motto, the number, the place and date, the type and its subject line."""
    start = max(i for i, line in enumerate(lines[:_HEADER_SCAN]) if _MOTTO.match(line)) + 1
    saw_type = False
    while start < len(lines) and (
        _NUMBER.match(lines[start]) or _PLACE_DATE.search(lines[start]) or _is_caps(lines[start])
    ):
        saw_type = _is_caps(lines[start])
        start += 1
    subject = lines[start] if start < len(lines) else ""
    if saw_type and len(subject.split()) <= 25 and not subject.endswith((".", ":")):
        start += 1
    return start


def strip_document_frame(lines: list[str]) -> tuple[list[str], str | None]:
    """Lines without a document's header and signature block, and the signer if named.

    Only a text that carries the national motto in its first lines is treated so.
    """
    if not any(_MOTTO.match(line) for line in lines[:_HEADER_SCAN]):
        return lines, None
    start = next((i for i, line in enumerate(lines) if _TEXT_START.match(line)), None)
    if start is None:
        start = _after_header(lines)
    end = len(lines)
    signer = None
    while end > start and (
        _is_caps(lines[end - 1]) or _SIGNATURE.match(lines[end - 1]) or _is_name(lines[end - 1])
    ):
        if signer is None and _is_name(lines[end - 1]):
            signer = lines[end - 1]
        end -= 1
    return lines[start:end], signer
