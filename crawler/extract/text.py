"""Turn an HTML element into reading-order paragraphs of clean NFC text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lxml import etree

# Elements that start and end a paragraph of their own when read aloud.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

_BREAKS = BLOCK_TAGS | {"br"}

# Zero-width characters that editors leave behind and that break search and equality.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Collapse whitespace (including no-break spaces), drop invisible characters, NFC."""
    # Unicode files every space but " " and every invisible character as non-printable, so
    # printable text without doubled or outer spaces is already collapsed (most paragraphs).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return text


def blocks(root: etree._Element) -> list[tuple[str, etree._Element]]:
    """Reading-order text blocks, split at block elements and <br>, each with its block element."""
    return list(iter_blocks(root))


def iter_blocks(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """blocks(root) one by one, the page read only as far as they are taken (the tree must
    not change meanwhile)."""
    # The text since the last block boundary, without the whitespace before its first text
    # (clean_text drops it): most runs between tags are nothing else, and two in three
    # boundaries of a dev-set page would clean a run of whitespace to nothing.
    pending: list[str] = []
    open_blocks: list[etree._Element] = [root]
    # iterwalk is iterative, so deeply nested markup cannot exhaust the Python stack. Each
    # .text and .tail is read once: lxml decodes it from UTF-8 on every read. (A comment's or
    # processing instruction's tag is a function: in no set of names, and its text is no text.)
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag in _BREAKS:
                if pending and (block := _taken(pending)):
                    yield block, open_blocks[-1]
                if tag != "br":
                    open_blocks.append(element)
            text = element.text if tag.__class__ is str and tag != "script" else None
            if text and (pending or not text.isspace()):
                pending.append(text)
        else:
            if tag in BLOCK_TAGS:
                if pending and (block := _taken(pending)):
                    yield block, open_blocks[-1]
                open_blocks.pop()
            tail = element.tail if element is not root else None
            if tail and (pending or not tail.isspace()):
                pending.append(tail)
    if pending and (block := _taken(pending)):
        yield block, open_blocks[-1]


def _taken(pending: list[str]) -> str:
    """The clean text of the runs in `pending`, which is emptied."""
    text = clean_text("".join(pending))
    pending.clear()
    return text


def paragraphs(root: etree._Element) -> list[str]:
    """Split an element's text into paragraphs at block elements and <br>, in reading order."""
    return [text for text, _ in blocks(root)]


# After NFD, marks that other Latin-script languages hardly use: đ, the breve of ă, the horn
# of ơ ư, and the hook-above and dot-below tones (French shares the others).
_VIETNAMESE_MARKS = "đĐ\u0306\u0309\u031b\u0323"
_LETTER = re.compile(r"[^\W\d_]")
# ASCII letters are A-Z and a-z alone; everything else a letter test would have to look up.
_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_LANGUAGE_SAMPLE = 2000
_MIN_LETTERS = 20
_MARK_SHARE = 0.02


def guess_language(text: str) -> str | None:
    """ "vi" when the text is written in Vietnamese, else None (unknown): a letter-set test,
    enough to tell the portals' Vietnamese pages from pages in other languages."""
    decomposed = unicodedata.normalize("NFD", text[:_LANGUAGE_SAMPLE])
    marks = sum(map(decomposed.count, _VIETNAMESE_MARKS))
    # Counting letters one by one costs ~0.1 µs a character. Bounds from the ASCII letters
    # (exact, in C) and the other characters (letters or not) settle almost every text.
    ascii_part = decomposed.encode("ascii", "ignore")
    low = len(ascii_part.translate(None, _ASCII_NOT_LETTERS))
    high = low + len(decomposed) - len(ascii_part)
    if high < _MIN_LETTERS or (low and marks / low <= _MARK_SHARE):
        return None
    if low >= _MIN_LETTERS and marks / high > _MARK_SHARE:
        return "vi"
    letters = len(_LETTER.findall(decomposed))
    if letters < _MIN_LETTERS:
        return None
    return "vi" if marks / letters > _MARK_SHARE else None
