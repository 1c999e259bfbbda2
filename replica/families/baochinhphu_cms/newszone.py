"""hanoi.gov.vn's XHR category list: POST api/NewsZone/NewsZone with ciphered form fields.

A client replays the opaque base64 `PageSize`, `Catname`, `LanguageId` and `Site` a category
page carries, with a plain `PageIndex` (0 = the page's own items) and optional `DataIds[]` to
leave out. The replica seals them with a keystream of the host alone (never the seed), so a
profile can hold them as a crawler captured them; the values captured publicly (newszone.toml)
stand for what they are taken to mean. The answer is a fragment of list items, empty past the end.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs

from replica.site import Request, Response, data_file, digest, template

PATH = "api/newszone/newszone"  # matched lower-cased
LANGUAGE, SITE_CODE = "vi-VN", "hanoi"
MAX_SIZE = 50
CAPTURED = {  # (host, field, plain text): the ciphertext captured on the real site
    (host, name, text): token
    for host, fields in data_file(__file__, "newszone.toml").items()
    for name, values in fields.items()
    for text, token in values.items()
}
_UNCAPTURED = {(host, name, token): text for (host, name, text), token in CAPTURED.items()}
SCRIPT, VIEWMORE = template(__file__, "newszone.js"), template(__file__, "newszone_viewmore.html")


@dataclass(frozen=True)
class Asked:
    zone: int
    page_index: int
    size: int
    skip: frozenset[str]


def _xor(host: str, name: str, raw: bytes) -> bytes:
    key = digest(host, "NewsZone", name, size=len(raw))
    return bytes(a ^ b for a, b in zip(raw, key, strict=True))


def seal(host: str, name: str, text: str) -> str:
    """Field `name` = `text` as the portal's script sends it: padded to 8-byte blocks,
    ciphered, base64."""
    if captured := CAPTURED.get((host, name, text)):
        return captured
    raw = text.encode("utf-8")
    pad = 8 - len(raw) % 8
    return base64.b64encode(_xor(host, name, raw + bytes([pad]) * pad)).decode("ascii")


def unseal(host: str, name: str, token: str) -> str | None:
    if (host, name, token) in _UNCAPTURED:
        return _UNCAPTURED[host, name, token]
    try:  # binascii.Error and UnicodeDecodeError are ValueErrors; IndexError: no bytes
        plain = _xor(host, name, base64.b64decode(token, validate=True))
        pad = plain[-1]
        if len(plain) % 8 or not 1 <= pad <= 8 or plain[-pad:] != bytes([pad]) * pad:
            return None
        return plain[:-pad].decode("utf-8")
    except (ValueError, IndexError):
        return None


def form_fields(host: str, zone_key: str, size: int) -> dict[str, str]:
    """The ciphered fields a category page hands its "Xem thêm" script."""
    values = {"PageSize": str(size), "Catname": zone_key, "LanguageId": LANGUAGE, "Site": SITE_CODE}
    return {name: seal(host, name, value) for name, value in values.items()}


def viewmore(host: str, zone_key: str, size: int, prefix: str) -> str:
    """The category page's button and the script that posts the next page."""
    fields = form_fields(host, zone_key, size).items()
    data = " ".join(f'data-{name.lower()}="{escape(value)}"' for name, value in fields)
    script = SCRIPT.replace("{api}", prefix + "api/NewsZone/NewsZone")
    return VIEWMORE.format(data=data, script=script)


def read(request: Request, host: str, zones: Mapping[str, int]) -> Asked | Response:
    """What a NewsZone request asks for, or the answer refusing it."""
    if request.method != "POST":
        return _refusal(405, "The requested resource does not support http method 'GET'.")
    form = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)

    def field(name: str) -> str:
        value = (form.get(name) or [""])[0]
        return value if name == "PageIndex" else unseal(host, name, value) or ""

    index, size, zone = field("PageIndex"), field("PageSize"), zones.get(field("Catname"))
    known = (field("LanguageId"), field("Site"))
    sane = index.isdigit() and len(index) < 7 and size.isdigit() and 0 < int(size) <= MAX_SIZE
    if zone is None or known != (LANGUAGE, SITE_CODE) or not sane:
        return _refusal(400, "Tham số không hợp lệ.")
    return Asked(zone, int(index), int(size), frozenset(form.get("DataIds[]", [])))


def _refusal(status: int, message: str) -> Response:
    return Response(status, message.encode(), "text/plain; charset=utf-8")
