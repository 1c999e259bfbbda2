"""Generic tree clean-up before main-text finding: captions and document property tables.

Both are common on Vietnamese portals and neither is body text: a photo caption written as an
italic paragraph under the picture, and a legal document's properties table ("Số ký hiệu:",
"Ngày ban hành:"), whose values are fields of their own.
"""

from __future__ import annotations

from lxml import etree

from crawler.extract.boilerplate import OTHER_PROPERTY_LABELS, PHOTO_CREDIT, PROPERTY_LABELS
from crawler.extract.text import clean_text

_CAPTION_MAX_WORDS = 40
_ITALIC = frozenset({"em", "i"})


def _is_caption(element: etree._Element) -> bool:
    """An italic-only short paragraph right after a picture, or a photo credit line."""
    # Most paragraphs fail at their first child; all() over a generator costs more than the test.
    italic = (
        len(element) > 0
        and element[0].tag in _ITALIC
        and all(child.tag in _ITALIC for child in element)
    )
    if not italic and not (element.text or "").startswith(("Ảnh", "ảnh")):
        return False
    text = clean_text(element.text_content())
    if not text or len(text.split()) > _CAPTION_MAX_WORDS:
        return False
    if PHOTO_CREDIT.match(text) and len(text.split()) <= 12:
        return True
    own = (element.text or "").strip() or any((c.tail or "").strip() for c in element)
    previous = _previous_block(element)
    after_picture = previous is not None and (
        previous.tag == "img" or next(previous.iter("img"), None) is not None
    )
    return bool(not own and after_picture)


def _previous_block(element: etree._Element) -> etree._Element | None:
    """The element before `element`, looking through wrappers that hold nothing else."""
    for _ in range(4):
        previous = element.getprevious()
        parent = element.getparent()
        if previous is not None or parent is None or len(parent) != 1:
            return previous
        element = parent
    return None


def property_table(table: etree._Element) -> dict[str, str] | None:
    """A two-column label table's known fields ({field: value}), or None if it is not one.
    A label cell ends with a colon, or is a known property's label on its own."""
    rows = table.findall(".//tr")
    labelled: dict[str, str] = {}
    label_rows = 0
    needed = max(2, len(rows) // 2)
    for index, row in enumerate(rows):
        if label_rows + len(rows) - index < needed:
            return None  # too few rows left to make one in two a label row (layout tables)
        cells = [cell for cell in row if cell.tag in {"td", "th"}]
        if len(cells) < 2:
            continue
        first = clean_text(cells[0].text_content())
        label = first.rstrip(":").strip().lower()
        if first.endswith(":") or label in PROPERTY_LABELS or label in OTHER_PROPERTY_LABELS:
            label_rows += 1
            field = PROPERTY_LABELS.get(label)
            if field and (value := clean_text(cells[1].text_content())):
                labelled[field] = value
    # Only a table that names at least one known property is a document's properties table;
    # label tables of other kinds (product specifications…) are article text.
    if not labelled:
        return None
    return labelled if rows and label_rows >= needed else None


def caption_blocks(tree: etree._Element) -> list[etree._Element]:
    """The paragraphs and divisions of `tree` that are captions (see _is_caption)."""
    return [element for element in tree.iter("p", "div") if _is_caption(element)]


def clean_for_main_text(tree: etree._Element) -> dict[str, str]:
    """Remove captions and property tables from `tree`; return the properties' fields."""
    for element in list(tree.iter("figcaption")):
        element.drop_tree()
    for element in caption_blocks(tree):
        element.drop_tree()
    return drop_property_tables(tree)


def drop_property_tables(tree: etree._Element) -> dict[str, str]:
    """Remove the document property tables from `tree`; return their fields."""
    found: dict[str, str] = {}
    for table in list(tree.iter("table")):
        if (fields := property_table(table)) is not None:
            found = {**fields, **found}
            table.drop_tree()
    return found
