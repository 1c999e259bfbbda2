"""Find the legal and administrative documents a text cites: number, kind, issuer, issue date."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# Longest first, so "Thông tư liên tịch" is not read as "Thông tư" plus a name.
_KINDS = (
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Hiến pháp",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Thông tư",
    "Chỉ thị",
    "Công văn",
    "Công điện",
    "Thông báo",
    "Thông tri",
    "Hướng dẫn",
    "Báo cáo",
    "Kết luận",
    "Kế hoạch",
    "Quy chế",
    "Quy định",
    "Chương trình",
    "Đề án",
    "Tờ trình",
    "Văn bản",
    "Điều lệ",
    "Lệnh",
)
_KIND_ALTERNATION = "|".join(re.escape(kind) for kind in _KINDS)
_LOWER_ALTERNATION = "|".join(re.escape(kind[0].lower() + kind[1:]) for kind in _KINDS)
# A capitalised kind names a document; a lower-case one only right before its number, and
# never "pháp luật" ("the law" in general, as in "Luật Ban hành văn bản quy phạm pháp luật").
_KIND = re.compile(
    rf"(?<!\w)(?:(?P<cap>{_KIND_ALTERNATION})|(?<!pháp )(?P<low>{_LOWER_ALTERNATION}))(?!\w)"
)
_KIND_AT_END = re.compile(rf"(?:{_KIND.pattern})$")
_KIND_MAX = max(map(len, _KINDS))
# Between kind and number: "số", or a name then "số" ("Luật Ngân sách nhà nước số", "Quyết
# định thi hành án số"); a name has no digits and does not cross a sentence.
_SO_GAP = re.compile(r"\s+[Ss]ố\s+")
_NAMED_GAP = re.compile(r"(?:\s+[^\s\d.;:!?()“”\"/]+){1,12}?\s+[Ss]ố\s+")
_LOOKBACK = 160
# A kind's name cannot hold these, so the search for it starts after the last of them.
_NOT_IN_NAME = re.compile(r"[\d.;:!?()“”\"/\n]")
# The word before a cited number is "số" or ends a kind: a cheap test that skips the rest.
_WORDS_BEFORE = frozenset({"số", *(kind.split()[-1].lower() for kind in _KINDS)})

# "321/KH-UBND", "19-2017/NQ-CP", "15/2020/NĐ-CP", "83/2015/QH13", "24/CT-TTg": a serial, an
# optional year, then a code of upper-case segments (which may hold digits and "TTg"-like tails).
# It starts with the first digit and looks behind it from there ("not after [\w/.-]"): a
# pattern that starts with a digit lets the regex engine skip ahead to the next digit.
_NUMBER = re.compile(
    r"\d(?<![\w/.-]\d)\d{0,4}(?:[-/]\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐ0-9][A-ZĐa-zđ0-9]*)*"
    r"(?![\w/])"
)
_DATE_AFTER = re.compile(
    r"\s+ngày\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4}))(?!\d)"
)
# The issuer runs to punctuation; ", Chủ nhiệm" continues a joint title ("Bộ trưởng, Chủ nhiệm
# Văn phòng Chính phủ") and "TP." abbreviates a city name.
_ISSUER_AFTER = re.compile(
    r"\s+của\s+(?P<issuer>(?:[^,;.()\[\]\n:!?“”\"–—]|,\s(?=Chủ nhiệm\s)|(?<=T[Pp])\.){1,200})"
)
# Words that start the sentence's predicate or the document's subject, not the issuer's name.
_STOP_WORDS = frozenset(
    (
        "về",
        "đã",
        "đang",
        "sẽ",
        "vừa",
        "được",
        "bị",
        "theo",
        "tại",
        "trong",
        "cho",
        "với",
        "nhằm",
        "để",
        "thì",
        "là",
        "có",
        "ký",
        "giao",
        "năm",
        "từ",
        "đến",
        "gồm",
        "nay",
        "này",
        "do",
        "ngày",
        "lúc",
    )
)
_STOP_PAIRS = frozenset(
    (
        "quy định",
        "hướng dẫn",
        "phê duyệt",
        "ban hành",
        "thành lập",
        "sửa đổi",
        "bổ sung",
        "yêu cầu",
        "triển khai",
        "thực hiện",
        "đề ra",
        "chỉ đạo",
        "tổ chức",
    )
)
# After "và" a body ("UBND tỉnh và Sở Tư pháp") or a document ("… và Kế hoạch số …") starts
# anew; any other capitalised word continues one name ("Bộ Giáo dục và Đào tạo").
_HEADS = frozenset(
    (
        "Bộ",
        "Ủy",
        "Uỷ",
        "UBND",
        "HĐND",
        "Sở",
        "Cục",
        "Tổng",
        "Chi",
        "Chính",
        "Thủ",
        "Quốc",
        "Hội",
        "Ban",
        "Văn",
        "Tòa",
        "Toà",
        "Viện",
        "Phòng",
        "Chủ",
        "Giám",
        "Trung",
        "Tỉnh",
        "Thành",
        "Huyện",
        "Đảng",
    )
)
_KIND_SET = frozenset(_KINDS)


@dataclass(frozen=True, slots=True)
class Citation:
    """A document a text cites, as the sentence writes it."""

    number: str
    type: str | None = None
    issuer: str | None = None
    date: date | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "number": self.number,
            "type": self.type,
            "issuer": self.issuer,
            "date": self.date.isoformat() if self.date else None,
        }


def _kind_before(text: str, start: int) -> tuple[bool, str | None]:
    """Whether a number at `start` is cited (a kind or "số" right before it), and its kind."""
    window = text[max(0, start - _LOOKBACK) : start]
    stripped = window.rstrip()
    if len(stripped) == len(window) or not stripped:
        return False, None
    last = stripped.rsplit(None, 1)[-1].lower()
    if last not in _WORDS_BEFORE:
        return False, None
    if last != "số":
        match = _KIND_AT_END.search(stripped, max(0, len(stripped) - _KIND_MAX))
        return (True, _capitalised(match["cap"] or match["low"])) if match else (False, None)
    if cut := _NOT_IN_NAME.search(window[::-1]):  # the last such character, found fast
        window = window[len(window) - cut.start() :]
    found = None
    for match in _KIND.finditer(window):
        gap = window[match.end() :]
        if _SO_GAP.fullmatch(gap) or (match["cap"] and _NAMED_GAP.fullmatch(gap)):
            found = match["cap"] or match["low"]  # the nearest fitting kind wins
    return True, _capitalised(found) if found else None


def _capitalised(kind: str) -> str:
    return kind[0].upper() + kind[1:]


def _date_after(text: str, end: int) -> tuple[date | None, int]:
    match = _DATE_AFTER.match(text, end)
    if not match:
        return None, end
    day, month, year = (
        (match["d"], match["m"], match["y"]) if match["d"] else match.group("ld", "lm", "ly")
    )
    try:
        return date(int(year), int(month), int(day)), match.end()
    except ValueError:
        return None, match.end()


def _starts_anew(words: list[str]) -> bool:
    """Whether the words after "và" start another body or document rather than go on a name."""
    if not words or not words[0][0].isupper() or words[0] in _HEADS:
        return True
    return words[0] in _KIND_SET or " ".join(words[:2]) in _KIND_SET


def _trim_issuer(raw: str) -> str | None:
    words = raw.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in _STOP_WORDS or " ".join(words[i : i + 2]) in _STOP_PAIRS:
            break
        if word == "và" and _starts_anew(words[i + 1 : i + 3]):
            break
        kept.append(word)
    issuer = " ".join(kept)
    return issuer if issuer and issuer[0].isupper() else None


def _issuer_after(text: str, end: int) -> str | None:
    match = _ISSUER_AFTER.match(text, end)
    return _trim_issuer(match["issuer"]) if match else None


def find_citations(text: str) -> list[Citation]:
    """The documents `text` cites by number, in reading order, each number once (first wins).

    A number counts when a document kind or "số" stands right before it: "Kế hoạch số
    321/KH-UBND ngày 02/11/2021 của Ủy ban nhân dân tỉnh Đồng Tháp", "Quyết định 832/QĐ-UBND".
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    found: dict[str, Citation] = {}
    for match in _NUMBER.finditer(text):
        number = match[0]
        if number in found:
            continue
        cited, kind = _kind_before(text, match.start())
        if not cited:
            continue
        issued, end = _date_after(text, match.end())
        found[number] = Citation(number, kind, _issuer_after(text, end), issued)
    return list(found.values())
