"""What the article page shows: body HTML sanitized again at render time, and version diffs."""

from __future__ import annotations

import difflib
import re

import nh3
from markupsafe import Markup, escape

# Render-time allow-list, narrower than the extractor's: text structure and links only. No
# pictures (the archive never loads anything from a portal: they are listed as links), no
# style, class or id, so no CSS tricks; scripts and styles are dropped with their content.
BODY_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "sub",
        "sup",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "a",
        "figure",
        "figcaption",
        "pre",
        "code",
        "hr",
    }
)
BODY_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "svg",
        "math",
        "title",
        "textarea",
        "select",
    }
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
SAFE_SCHEME = re.compile(r"^(https?|mailto):", re.IGNORECASE)


def clean_body_html(html: str | None) -> Markup:
    """`html` reduced to the render-time allow-list; links open the portal, without referrer."""
    cleaned = nh3.clean(
        html or "",
        tags=set(BODY_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in BODY_ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        url_relative="deny",
    )
    return Markup(cleaned)


def safe_link(url: str | None) -> str | None:
    """`url` if it is an http(s) or mailto link, else None (no javascript:, data: …)."""
    return url if url and SAFE_SCHEME.match(url.strip()) else None


def _words_diff(old: str, new: str) -> str:
    old_words, new_words = old.split(), new.split()
    out = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(str(escape(" ".join(old_words[i1:i2]))))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(old_words[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(new_words[j1:j2]))}</ins>")
    return " ".join(out)


def _skipped(count: int) -> list[str]:
    return [f'<p class="diff-skip">… {count} unchanged paragraph(s) …</p>'] if count > 0 else []


def diff_html(old: str | None, new: str | None, context: int = 1) -> Markup:
    """Paragraphs that changed from `old` to `new`, words marked <del>/<ins>, escaped; runs of
    unchanged paragraphs beyond `context` on either side are counted, not shown."""
    old_paras = [p for p in (old or "").split("\n\n") if p.strip()]
    new_paras = [p for p in (new or "").split("\n\n") if p.strip()]
    matcher = difflib.SequenceMatcher(a=old_paras, b=new_paras, autojunk=False)
    out: list[str] = []
    shown_to = 0  # old paragraphs before this index are shown or counted
    for group in matcher.get_grouped_opcodes(context):
        out += _skipped(group[0][1] - shown_to)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f"<p>{escape(p)}</p>" for p in old_paras[i1:i2]]
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            out += [
                f'<p class="diff-changed">{_words_diff(a, b)}</p>'
                for a, b in zip(
                    old_paras[i1 : i1 + paired], new_paras[j1 : j1 + paired], strict=True
                )
            ]
            out += [f"<p><del>{escape(p)}</del></p>" for p in old_paras[i1 + paired : i2]]
            out += [f"<p><ins>{escape(p)}</ins></p>" for p in new_paras[j1 + paired : j2]]
        shown_to = group[-1][2]
    if out:
        out += _skipped(len(old_paras) - shown_to)
    return Markup("\n".join(out))


def field_changes(
    old: dict[str, object], new: dict[str, object], fields: tuple[str, ...]
) -> list[tuple[str, object, object]]:
    """(field, before, after) for each of `fields` whose value differs."""
    return [
        (name, old.get(name), new.get(name))
        for name in fields
        if (old.get(name) or None) != (new.get(name) or None)
    ]
