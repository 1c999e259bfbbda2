"""Markup every gov-portal family shares: escaping, and a story's body with photos and byline."""

from __future__ import annotations

import json
import random
import string
from html import escape
from typing import Any, Protocol


class Portal(Protocol):
    """What the shared body needs of a site: a salt and where its photos are."""

    salt: str

    def image_href(self, item: Any, k: int) -> str: ...


def t(value: str) -> str:
    """Text for HTML."""
    return escape(value, quote=False)


def a(value: str) -> str:
    """An attribute value for HTML."""
    return escape(value, quote=True)


class _Markup(string.Formatter):
    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion in ("t", "q"):
            return escape(str(value), quote=conversion == "q")
        if conversion == "j":  # JSON inside a <script>: "</" escaped so it cannot close it
            return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
        return super().convert_field(value, conversion)


_MARKUP = _Markup()


def fill(template: str, **fields: Any) -> str:
    """`template.format(**fields)` where `{x!t}` writes x escaped as HTML text, `{x!q}` as an
    attribute value and `{x!j}` as JSON in a script, so a template reaches into the objects it
    is given (`{post.story.title!t}`) instead of each caller passing escaped copies."""
    return _MARKUP.vformat(template, (), fields)


def _inline(rng: random.Random, value: str) -> str:
    html = t(value)
    if rng.random() < 0.2:
        html = html.replace(". ", ".&nbsp;", 1)
    return html


# A photo in a body and its caption: centred paragraphs, or (noise=False sites) a figure.
PHOTO = '<p style="text-align: center;"><img alt="" src="{src}" /></p>{caption}'
CAPTION = '\n<p style="text-align: center;"><em>{}</em></p>'


def body_html(
    site: Portal,
    item: Any,
    *,
    byline_inside: bool,
    photo: str = PHOTO,
    caption: str = CAPTION,
    noise: bool = True,
    paragraph: str = '<p style="text-align: justify;">{}</p>',
    joiner: str = "\n",
) -> str:
    """Paragraphs with images (captioned or not) and, optionally, the closing byline; with
    `noise` some paragraphs carry an editor's NBSP. `paragraph` and `joiner` are the
    paragraph's markup and what stands between the blocks.

    `item` is any article with `index` and a replica.text.gov Story as `story`."""
    story, rng = item.story, random.Random(f"{site.salt}/{item.index}/markup")
    images = {after: (k, under) for k, (_, under, after) in enumerate(story.images)}
    blocks = []
    for n, said in enumerate(story.paragraphs):
        text = _inline(rng, said) if noise else t(said)
        blocks.append(paragraph.format(text))
        if n in images:
            k, under = images[n]
            src, shown = a(site.image_href(item, k)), caption.format(t(under)) if under else ""
            blocks.append(photo.format(src=src, caption=shown))
    if byline_inside and story.byline:
        lines = "<br />".join(t(line) for line in story.byline)
        blocks.append(f'<p style="text-align: right;"><strong>{lines}</strong></p>')
    return joiner.join(blocks)
