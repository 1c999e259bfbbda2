"""Bytes to text: HTTP charset, BOM, <meta charset>, then a UTF-8 default; always NFC."""

from __future__ import annotations

import unicodedata

from w3lib.encoding import html_to_unicode


def decode_html(data: str | bytes, content_type: str | None = None) -> str:
    """The page as NFC text; `content_type` is the HTTP Content-Type header, if known."""
    if isinstance(data, bytes):
        _, data = html_to_unicode(content_type, data)
    return unicodedata.normalize("NFC", data)
