"""Bytes to NFC text: BOM, valid UTF-8, declarations the bytes bear out, then detection."""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from functools import lru_cache

import charset_normalizer
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from crawler.extract.errors import ExtractionError

_GZIP_MAGIC = b"\x1f\x8b"
# What portals serve besides HTML (attachments above all), by their first bytes.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (_GZIP_MAGIC, "gzip data that does not inflate"),
)
# C0 controls that no text encoding uses for text (tab, line breaks and ESC excluded): text
# has next to none, compressed or binary data about one byte in nine.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BINARY_SHARE = 0.05
_SNIFF_BYTES = 4096
# As much as the downloader accepts (DOWNLOAD_MAXSIZE): a bigger inflation is a bomb, cut short.
_MAX_INFLATED = 64 * 1024 * 1024
# The encoding servers send when nobody configured one, and what crawlers assumed when the
# Content-Type had no charset: it says little about the bytes, so Vietnamese may overrule it.
_DEFAULT_LATIN = "cp1252"
# The one legacy Vietnamese encoding Python can decode (TCVN3 and VNI have no codec).
_VIETNAMESE = "cp1258"
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_MIN_TONE_MARKS = 2
# A few marks typed after the wrong letter do not make a Vietnamese page something else.
_LOOSE_MARKS_SHARE = 0.1
# Detection reads a sample: enough for a verdict, bounded on multi-megabyte pages.
_DETECT_BYTES = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_NEAR_TIE = 0.1  # of charset-normalizer's "chaos" (share of odd characters)
# Below this share of broken sequences a page is UTF-8 with a few bad bytes, not another encoding.
_BROKEN_UTF8_SHARE = 0.05


_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_html(data: str | bytes, content_type: str | None = None, *, nfc: bool = True) -> str:
    """The page as NFC text; `content_type` is the HTTP Content-Type header, if known.
    With `nfc` false the text is left as the page spelled it, for a caller that normalizes
    only the text it keeps (NFC over a whole page costs as much as decoding it).

    Bytes that are no text at all (an image, a PDF, corrupt gzip) raise an ExtractionError
    that names them: decoded, they would be garbage an extractor might keep as an article."""
    text = data if isinstance(data, str) else _decode_bytes(data, content_type)
    if isinstance(data, str) and _SURROGATE.search(text):
        # Only a str a caller made can hold one (decoded bytes never do); libxml2 stops
        # reading at it, and the rest of the page would be lost. Its character is unknown.
        text = _SURROGATE.sub("\ufffd", text)
    # Browsers ignore U+0000 in text; lxml would turn each into U+FFFD.
    if "\x00" in text:
        text = text.replace("\x00", "")
    return to_nfc(text) if nfc else text


def to_nfc(text: str) -> str:
    """`text` in Unicode's composed form (NFC), each letter spelled one way."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _decode_bytes(data: bytes, content_type: str | None) -> str:
    if data.startswith(_GZIP_MAGIC):
        # A body still gzip-compressed (served twice compressed, or a saved .html.gz) is no
        # HTML until inflated; a corrupt stream is refused below as what it is.
        inflated = _gunzip(data)
        data = inflated if inflated is not None else data
    # A BOM is the strongest statement there is (WHATWG: it outranks the header).
    bom_encoding, bom = read_bom(data)
    if bom_encoding is not None and bom is not None:
        return data[len(bom) :].decode(bom_encoding, "replace")

    header = http_content_type_encoding(content_type)
    # Only a header can truly announce UTF-16/32 (without a BOM): trust it while the bytes agree.
    if header is not None and not _ascii_compatible(header):
        text = _strict(data, _byte_order(header, data))
        if text is not None:
            return text

    kind = _binary_kind(data)
    if kind is not None:
        # Imported here: article.py, where the error lives, imports this module.

        raise ExtractionError(f"not an HTML page: {kind}")

    # Valid UTF-8 with non-ASCII bytes is practically never another encoding by accident, so
    # it wins over any declaration: the common case (correct header) costs one decode, and
    # pages mislabelled ISO-8859-1 come out right instead of as mojibake.
    text = _strict(data, "utf-8")
    if text is not None:
        return text

    # UTF-8 with a few broken bytes (a truncated copy, one bad paste) keeps its text, whatever
    # the declaration: any other reading would garble every Vietnamese letter to save a handful.
    # Legacy-encoded text almost never forms valid UTF-8 sequences, so it does not pass here.
    text = data.decode("utf-8", "replace")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if text.count("\ufffd") <= _BROKEN_UTF8_SHARE * non_ascii:
        return text

    body = html_body_declared_encoding(data)
    # A declaration readable as ASCII cannot be UTF-16/32: WHATWG reads such pages as UTF-8.
    if body is not None and not _ascii_compatible(body):
        body = "utf-8"
    # A declaration naming a specific legacy encoding is believed when the bytes decode under
    # it; a UTF-8 one has just failed, and the Latin default is checked against Vietnamese.
    for declared in (header, body):
        if declared not in (None, "utf-8", _DEFAULT_LATIN):
            text = _strict(data, declared)
            if text is not None:
                return text

    # What is left is a legacy encoding. Vietnamese in Windows-1258 is recognised by its tone
    # marks: the detector, reading short pages as Mac Roman or the like, gets it wrong.
    text = _as_vietnamese(data)
    if text is not None:
        return text
    if _DEFAULT_LATIN in (header, body):
        return data.decode(_DEFAULT_LATIN, "replace")
    return data.decode(_detect(data) or "utf-8", "replace")


def _gunzip(data: bytes) -> bytes | None:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(data, _MAX_INFLATED)
    except zlib.error:
        return None


def _binary_kind(data: bytes) -> str | None:
    """What the bytes are, if they are plainly not text (checked after any BOM or UTF-16
    header has had its say, since UTF-16 text is full of zero bytes)."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:_SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_SHARE * len(head):
        return f"binary data ({controls} control bytes in the first {len(head)})"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _as_vietnamese(data: bytes) -> str | None:
    """The page as Windows-1258, if it reads as Vietnamese: its combining tone marks (the
    codec has no precomposed toned vowels) each compose with the letter before them."""
    text = data.decode(_VIETNAMESE, "replace")
    marks = len(_TONE_MARKS.findall(text))
    if marks < _MIN_TONE_MARKS:
        return None
    text = unicodedata.normalize("NFC", text)
    return text if len(_TONE_MARKS.findall(text)) <= _LOOSE_MARKS_SHARE * marks else None


def _detect(data: bytes) -> str | None:
    """The detector's verdict on a sample of the text around the first non-ASCII byte (the
    ASCII markup before it says nothing about the encoding)."""
    found = _NON_ASCII.search(data)
    # Everything before the first non-ASCII byte is ASCII, so a cut there splits no character.
    start = max(0, found.start() - 1024) if found else 0
    sample = data[start : start + _DETECT_BYTES]
    if start + _DETECT_BYTES < len(data):
        # End at a line break: no multi-byte encoding uses 0x0A inside a character.
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    # On a short page the detector confuses Windows-1252, the web's default for undeclared
    # legacy pages, with its Baltic and Central European cousins: a near tie goes to it.
    for match in matches:
        if match.encoding == _DEFAULT_LATIN and match.chaos <= best.chaos + _NEAR_TIE:
            return _DEFAULT_LATIN
    # An ASCII verdict means only that the sample was ASCII; it cannot decode the rest.
    return best.encoding if best.encoding != "ascii" else None


@lru_cache(maxsize=64)
def _ascii_compatible(encoding: str) -> bool:
    try:
        return "<meta>".encode(encoding) == b"<meta>"
    except (UnicodeEncodeError, LookupError):
        return False


def _byte_order(encoding: str, data: bytes) -> str:
    """UTF-16/32 without a BOM or a stated byte order: the side the ASCII markup's zeros are on."""
    name = codecs.lookup(encoding).name
    if name not in ("utf-16", "utf-32"):
        return name
    return f"{name}-le" if data[:1] != b"\x00" else f"{name}-be"
