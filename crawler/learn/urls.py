"""URL patterns induced from the links of a capture: which are articles, which are listings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from crawler.discovery.postback import postback_targets

_DIGITS = re.compile(r"\d+")
# Files a portal links to that are neither articles nor listings.
FILE_SUFFIX = re.compile(r"(?i)\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp4|mp3|css|js)$")


def relative(url: str, base: str) -> str | None:
    """`url` after `base` (scheme and host letter case aside), None when off the site."""
    url_parts, base_parts = urlsplit(url), urlsplit(base)
    if url_parts.netloc.lower() != base_parts.netloc.lower():
        return None
    path = url_parts.path
    if not path.lower().startswith(base_parts.path.lower()):
        return None
    rest = path[len(base_parts.path) :]
    return rest + (f"?{url_parts.query}" if url_parts.query else "")


def _split(rel: str) -> tuple[list[str], list[tuple[str, str]]]:
    path, _, query = rel.partition("?")
    return path.split("/"), parse_qsl(query, keep_blank_values=True)


def url_shape(rel: str) -> tuple[int, tuple[str, ...]]:
    segments, query = _split(rel)
    return len(segments), tuple(sorted(key.lower() for key, _ in query))


def _segment(values: Iterable[str]) -> str:
    """A regex for one path segment (or query value) from the values seen there."""
    values = sorted(set(values))
    if len(values) == 1:
        return (
            _DIGITS.sub(r"\\d+", re.escape(values[0]))
            if _DIGITS.search(values[0])
            else re.escape(values[0])
        )
    if all(v.isdigit() for v in values):
        return r"\d+"
    suffix = _common_suffix([_DIGITS.sub("0", v) for v in values])
    suffix = (
        suffix[suffix.find("0") :]
        if "0" in suffix
        else suffix[suffix.find(".") :]
        if "." in suffix
        else ""
    )
    tail = _DIGITS.sub(r"\\d+", re.escape(suffix)).replace("0", r"\d+") if suffix else ""
    return f"[^/?#]+{tail}" if tail else "[^/?#]+"


def _common_suffix(values: list[str]) -> str:
    first = min(values, key=len)
    size = 0
    while size < len(first) and all(v[len(v) - size - 1] == first[-size - 1] for v in values):
        size += 1
    return first[len(first) - size :] if size else ""


def induce_pattern(urls: Iterable[str]) -> str:
    """An anchored, case-insensitive regex matching every relative URL given and others of
    the same shapes (a number or a slug varying)."""
    groups: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for rel in dict.fromkeys(url.lower() for url in urls):
        groups[url_shape(rel)].append(rel)
    alternatives = []
    for (size, keys), members in sorted(groups.items()):
        split = [_split(member) for member in members]
        segments = [_segment(seg[i] for seg, _ in split) for i in range(size)]
        path = "/".join(segments)
        if keys:
            pairs = []
            for key in keys:
                values = [v for _, query in split for k, v in query if k.lower() == key]
                pairs.append(f"{re.escape(key)}={_segment(values) if values != [''] else ''}")
            # Each key in any order (a portal writes ?pageid=…&docid=…, the keys sort otherwise).
            ahead = "".join(rf"(?=(?:[^#]*&)?{pair}(?:&|$))" for pair in pairs)
            alternatives.append(path + r"\?" + ahead + r"[^#]*")
        else:
            alternatives.append(path)
    if not alternatives:
        return "x^"
    return "(?i)(?:" + "|".join(dict.fromkeys(alternatives)) + ")$"


def siblings(known: Iterable[str], links: Iterable[str], differ: int = 2) -> set[str]:
    """Links of the same shape as a known URL differing from it in at most `differ` path
    segments (the other sections of a menu whose one section was captured)."""
    shapes = [_split(rel.lower()) for rel in known]
    found = set()
    for link in links:
        segments, query = _split(link.lower())
        keys = sorted(k for k, _ in query)
        for other_segments, other_query in shapes:
            if segments == other_segments and any(v.isdigit() for _, v in query):
                found.add(link)  # the same list's page N
                break
            if len(other_segments) != len(segments) or sorted(k for k, _ in other_query) != keys:
                continue
            diff = sum(a != b for a, b in zip(segments, other_segments, strict=True))
            if 0 < diff <= differ or (diff == 0 and query != other_query):
                found.add(link)
                break
    return found


def pagination_kind(listing_html: str, listing_links: Iterable[str]) -> str | None:
    """How a site's listings page on: a query parameter, a path, Liferay's _cur, an ASP.NET
    postback, or a list API named in the page's scripts."""
    links = list(listing_links)
    if any(re.search(r"(?i)[?&][\w-]*_cur=\d+", link) for link in links):
        return "_cur"
    if any(re.search(r"(?i)[?&](?:page|p|trang|pageindex|pagenum)=\d+", link) for link in links):
        return "query"
    if any(re.search(r"(?i)/(?:page|trang|p)[-/]?\d+/?$", link) for link in links):
        return "path"
    if postback_targets(listing_html):
        return "postback"
    if re.search(
        r"""(?i)(?:fetch|ajax|\$\.get|\$\.post|url\s*:)\s*\(?\s*['"][^'"]*(?:api|json)""",
        listing_html,
    ):
        return "list api"
    return None
