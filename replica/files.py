"""Small but well-formed files the replicas serve (PDF, Word, Excel, JPEG) and their types."""

from __future__ import annotations

import io
import mimetypes
import struct
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

from replica.corpus import slugify
from replica.site import template

# The standard library's own table (never the machine's /etc/mime.types, so every machine
# answers alike), plus the Office Open XML types it lacks before Python 3.12.
_TYPES = mimetypes.MimeTypes(filenames=())
_TYPES.add_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
_TYPES.add_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
_PDF_ESCAPES = str.maketrans({"\\": None, "(": "[", ")": "]"})
# An 8x8 grey baseline JPEG (one-symbol Huffman tables: a DC of 512, then end-of-block), as
# the THADS photos serve it with a comment of their own after its 20-byte JFIF header.
GREY = Path(__file__).with_name("templates").joinpath("grey8.jpg").read_bytes()


def content_type(ext: str) -> str:
    """The Content-Type of a file with this extension ("pdf" -> "application/pdf")."""
    return _TYPES.guess_type(f"file.{ext}", strict=False)[0] or "application/octet-stream"


def ascii_fold(text: str) -> str:
    """'Thông báo số 12' -> 'Thong bao so 12' (PDF base fonts know no Vietnamese)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if ord(c) < 128)


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def jpeg(comment: str) -> bytes:
    """An 8x8 grey baseline JPEG; `comment` (a COM segment after its JFIF header) makes each
    file's bytes its own."""
    return GREY[:20] + _segment(0xFE, ascii_fold(comment).encode("ascii")[:200]) + GREY[20:]


def _pdf(stream: bytes, font: bytes, info: bytes = b"") -> bytes:
    """A one-page PDF 1.4 around a content stream, with a correct xref table; one with an
    `info` dictionary (a producer) starts as Word's do, with a binary-marker comment."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % font,
        *([info] if info else []),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" if info else b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b" /Info 6 0 R" if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, trailer)
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % xref)


def pdf(lines: list[str], when: datetime) -> bytes:
    """A one-page PDF with the given lines of text, as Word 2013 saves it."""
    safe = [ascii_fold(line).translate(_PDF_ESCAPES) for line in lines]
    text = " ".join(f"({line}) Tj 0 -20 Td" for line in safe)
    stream = f"BT /F1 13 Tf 72 770 Td {text} ET".encode("ascii")
    stamp = when.strftime("%Y%m%d%H%M%S")
    info = f"<< /Producer (Microsoft Word 2013) /CreationDate (D:{stamp}+07'00') >>"
    return _pdf(stream, b"Times-Roman", info.encode())


def ole(text: str) -> bytes:
    """The look of a legacy .doc/.xls: an OLE2 compound-file header, then the text in sectors."""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 0x03, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    )
    header += b"\xff" * (512 - len(header))
    payload = text.encode("utf-16-le")
    return header + payload + b"\x00" * (-len(payload) % 512 or 512)


def docx(lines: list[str], when: datetime) -> bytes:
    """A minimal Word 2007+ document (a zip), byte-identical for the same input."""
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{line.replace('&', '&amp;').replace('<', '&lt;')}</w:t></w:r></w:p>"
        for line in lines
    )
    parts = {
        "[Content_Types].xml": template(__file__, "docx_content_types.xml"),
        "_rels/.rels": template(__file__, "docx_rels.xml"),
        "word/document.xml": template(__file__, "docx_document.xml"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.strip().format(paragraphs=paragraphs).encode("utf-8"))
    return buffer.getvalue()


def attachment_bytes(kind: str, lines: list[str], when: datetime) -> bytes:
    if kind == "pdf":
        return pdf(lines, when)
    if kind == "docx":
        return docx(lines, when)
    return ole("\n".join(lines))


# A 16x16 baseline JPEG (Python's own email test image): what every replica photo serves.
TINY_JPEG = Path(__file__).with_name("templates").joinpath("photo.jpg").read_bytes()


def tiny_pdf(title: str) -> bytes:
    """A valid one-page PDF whose only text is `title` (ASCII-folded)."""
    line = slugify(title).replace("-", " ")[:80] or "van ban"
    return _pdf(f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("ascii"), b"Helvetica")


def file_payload(ext: str, title: str) -> tuple[bytes, str]:
    """Bytes and Content-Type of an attachment or photo with this extension."""
    ext = ext.lower()
    if ext == "jpg":
        return TINY_JPEG, content_type("jpg")
    if ext == "pdf":
        return tiny_pdf(title), content_type("pdf")
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" if ext in ("doc", "xls") else b"PK\x03\x04"
    return magic + title.encode("utf-8"), content_type(ext)
