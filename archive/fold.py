"""Fold Vietnamese text for accent-free search: no tone marks, no diacritics, đ/Đ as d/D."""

from __future__ import annotations

import re
import unicodedata

# U+0111/U+0110 have no Unicode decomposition, so stripping combining marks leaves them alone
# (and so does SQLite's unicode61 tokenizer): they need their own mapping.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


# The combining diacritical marks block holds every mark Vietnamese uses (and Latin scripts'
# others); a regex removes them far faster than a per-character test.
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """`text` lowercased, diacritics removed, đ mapped to d: "Đồng Tháp" -> "dong thap"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed)).lower()
