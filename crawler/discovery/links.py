"""Links on a listing page, including those that exist only in onclick handlers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsel import Selector

# location.href='…', window.location = "…", window.open('…') in onclick handlers (Liferay).
_ONCLICK_URL = re.compile(
    r"""(?:location(?:\.href)?\s*=|window\.open\s*\(|location\.assign\s*\()\s*['"]([^'"]+)['"]"""
)


def page_links(page: Selector) -> Iterator[str]:
    """Every link target on the page, as written (relative or absolute), in document order."""
    for value in page.xpath("//a/@href | //area/@href | //*[@onclick]/@onclick").getall():
        if "location" in value or "window.open" in value:
            yield from _ONCLICK_URL.findall(value)
        elif not value.lstrip().lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            yield value.strip()
