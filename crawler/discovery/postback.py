"""ASP.NET postback pagers: the (target, argument) pairs of __doPostBack links."""

from __future__ import annotations

import html
import re

_DO_POSTBACK = re.compile(r"__doPostBack\(\s*'([^']*)'\s*,\s*'([^']*)'\s*\)")


def postback_targets(page: str, argument_prefix: str = "Page$") -> list[tuple[str, str]]:
    """Distinct (event target, event argument) pairs whose argument starts with the prefix."""
    pairs = _DO_POSTBACK.findall(html.unescape(page))
    return list(dict.fromkeys((t, a) for t, a in pairs if a.startswith(argument_prefix)))
