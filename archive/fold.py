"""Fold Vietnamese text for accent-free search: no tone marks, no diacritics, đ/Đ as d/D."""

from __future__ import annotations

import unicodedata

# U+0111/U+0110 have no Unicode decomposition, so stripping combining marks leaves them alone
# (and so does SQLite's unicode61 tokenizer): they need their own mapping.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """`text` lowercased, diacritics removed, đ mapped to d: "Đồng Tháp" -> "dong thap"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()
