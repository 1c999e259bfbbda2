"""Per-site markup obfuscation: the same page text under randomized classes, ids and nesting."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zlib
from html import escape

from lxml import etree

from replica.site import Response


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Block elements that may get 1-2 extra wrapper divs around them.
WRAPPABLE = _names("div section article h1 h2 h3 h4 h5 h6 p ul table figure")
# A wrapper div is only valid (and parsed back the same by any HTML parser) inside these.
FLOW_PARENTS = _names(
    "body div section article main aside header footer nav td th li form figure blockquote"
    " center dd"
)
# Where `type` is a real HTML attribute; elsewhere (div[type=RelatedNewsBox]) it names a role.
REAL_TYPE = _names("input button script style link source ol li a object embed")
ID_LISTS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
# libxml2's serializer percent-escapes these (spaces, diacritics); links must stay byte-for-byte.
URI_ATTRS = ("href", "src", "action", "name")
URI_SAFE = re.compile(r"[\w\-.~@/:=?;#%&,+]*", re.ASCII)
_PLACEHOLDER = re.compile(rb'(href|src|action|name)="replica-uri-(\d+)"')
WRAP_PERCENT, SWAP_PERCENT = 30, 15
ROLE_VALUE = re.compile(r"[A-Za-z][\w-]{0,40}")
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_DOCUMENT = re.compile(rb"<(?:!doctype|html|head|body)\b", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_MAX_NAMES = 50_000  # page-specific ids would otherwise grow the cache without bound


def charset_of(content_type: str, default: str = "utf-8") -> str:
    match = _CHARSET.search(content_type)
    return match.group(1) if match else default


class Obfuscator:
    """Rewrites one site's pages; `salt` (seed + slug) makes every site's names its own."""

    def __init__(self, salt: str) -> None:
        self.salt = salt
        self._names: dict[tuple[str, str], str] = {}

    def name(self, kind: str, token: str) -> str:
        """A stable random-looking identifier: same token, same name, within this site."""
        key = (kind, token)
        found = self._names.get(key)
        if found is None:
            raw = hashlib.blake2b(
                f"{self.salt}\x1f{kind}\x1f{token}".encode(), digest_size=12
            ).digest()
            size = 5 + raw[0] % 5
            found = ALPHABET[raw[1] % 26] + "".join(ALPHABET[b % 36] for b in raw[2 : 2 + size])
            if len(self._names) >= _MAX_NAMES:
                self._names.clear()
            self._names[key] = found
        return found

    def _roll(self, *parts: object) -> int:
        # crc32 is stable across runs (unlike hash()) and cheap enough to call per element.
        return zlib.crc32("\x1f".join(map(str, (self.salt, *parts))).encode())

    def response(self, response: Response) -> Response:
        """Obfuscate an HTML response with a bytes body; anything else passes unchanged."""
        if not isinstance(response.body, bytes) or not response.body.strip():
            return response
        if not response.content_type.lower().startswith("text/html"):
            return response
        body = self.html(response.body, charset_of(response.content_type))
        return dataclasses.replace(response, body=body)

    def html(self, page: bytes, charset: str = "utf-8") -> bytes:
        """Obfuscate a whole page, or a fragment (an XHR answer) that stays a fragment."""
        fragment = _DOCUMENT.search(page[:4096]) is None
        if fragment:
            page = b"<html><body>" + page + b"</body></html>"
        # Plain etree elements: lxml.html's element classes cost a lookup per element.
        root = etree.fromstring(page, etree.HTMLParser(encoding=charset))
        uris: list[str] = []
        for el in list(root.iter(etree.Element)):
            if el.attrib and el.tag != "meta":
                self._rename(el, uris)
        for el in list(root.iter(*WRAPPABLE)):
            self._restructure(el)
        tree = root.getroottree()
        if fragment:
            body = root.find("body")
            page = escape(body.text or "", quote=False).encode(charset, "xmlcharrefreplace")
            page += b"".join(etree.tostring(el, encoding=charset, method="html") for el in body)
        else:
            doctype = tree.docinfo.doctype or None
            page = etree.tostring(tree, encoding=charset, method="html", doctype=doctype)
        if not uris:
            return page
        return _PLACEHOLDER.sub(
            lambda m: (
                m[1] + b'="' + escape(uris[int(m[2])]).encode(charset, "xmlcharrefreplace") + b'"'
            ),
            page,
        )

    def _rename(self, el: etree._Element, uris: list[str]) -> None:
        tag, attrib = el.tag, el.attrib
        for attr, value in list(attrib.items()):
            if attr in URI_ATTRS:
                if not URI_SAFE.fullmatch(value):
                    attrib[attr] = f"replica-uri-{len(uris)}"
                    uris.append(value)
            elif attr == "class":
                attrib[attr] = " ".join(self.name("c", token) for token in value.split())
            elif attr == "id":
                attrib[attr] = self.name("i", value)
            elif attr in ID_LISTS:
                attrib[attr] = " ".join(self.name("i", token) for token in value.split())
            elif attr.startswith("data-"):
                del attrib[attr]
                new = "data-" + self.name("d", attr[5:])
                attrib[new] = self.name("v", value) if ROLE_VALUE.fullmatch(value) else value
            elif attr == "type" and tag not in REAL_TYPE:
                attrib[attr] = self.name("v", value)

    def _restructure(self, el: etree._Element) -> None:
        parent = el.getparent()
        if parent is None or parent.tag not in FLOW_PARENTS:
            return
        roll = self._roll(el.tag, el.get("class"), el.get("id"), parent.index(el))
        # Only pure wrappers swap: a <section> holding its own text as a paragraph is not what
        # real pages do, and main-text finders rightly treat sections as containers.
        own_text = (el.text or "").strip()
        if el.tag in ("div", "section") and not own_text and (roll >> 20) % 100 < SWAP_PERCENT:
            el.tag = "section" if el.tag == "div" else "div"
        if roll % 100 >= WRAP_PERCENT:
            return
        for depth in range(1 + (roll >> 8) % 2):
            wrapper = etree.Element("section" if (roll >> (10 + depth)) % 4 == 0 else "div")
            wrapper.set("class", self.name("w", str((roll >> (12 + 3 * depth)) % 29)))
            el.addprevious(wrapper)
            wrapper.append(el)  # the element's tail text moves with it, so text order holds
