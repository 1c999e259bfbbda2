"""Markup of the baochinhphu.vn-CMS replicas: page chrome, article detail, list items, errors.

The skeletons are the templates beside this file (detail.html, head.html with the JSON-LD, a
list item skin per `items` of cms.toml); which of their parts the evidence shows and which are
assumed is said in docs/replica.md (the baochinhphu, hanoi and mst rows) and docs/evidence.md.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from replica.chrome import fill, t
from replica.families.baochinhphu_cms import newszone
from replica.families.baochinhphu_cms.specs import Article, Zone
from replica.site import Response, templates
from replica.vocab import vocab

if TYPE_CHECKING:
    from replica.families.baochinhphu_cms.site import CmsSite

NEWS_WORDS = vocab("news")
T = templates(__file__)


def page(
    site: CmsSite, *, title: str, path: str, main: str, description: str = "", head: str = ""
) -> str:
    """A whole page around `main`; its description is the title unless given."""
    menu = "\n".join(fill(T["menu_item"], zone=z) for z in site.zones)
    hot = " ".join(
        fill(T["hot_item"], href=site.search_path(k), keyword=k) for k in NEWS_WORDS.HOT_KEYWORDS
    )
    upper = t(site.spec.publication.upper())
    fields = {"title": title, "description": description or title, "path": path, "head": head}
    return fill(T["page"], site=site, menu=menu, hot=hot, main=main, upper=upper, **fields)


def list_items(site: CmsSite, arts: list[Article]) -> str:
    """The site's list items, templates/<spec.items>_item.html."""
    noimage = f"https://{site.spec.media}/noimage.jpg"
    return "\n".join(
        fill(
            T[f"{site.spec.items}_item"],
            art=art,
            thumb=art.story.images[0]["url"] if art.story.images else noimage,
            iso=art.published.isoformat(),
            sapo=t(site.spec.sapo_prefix + (art.story.summary or "")),
        )
        for art in arts
    )


def _figure(n: int, image: dict) -> str:
    src, caption = image["url"], image["caption"]
    figcaption = fill(T["figcaption"], caption=caption) if caption else ""
    full = src.replace("/thumb_w/640/", "/")
    return fill(T["figure"], full=full, label=caption or "", src=src, n=n, figcaption=figcaption)


def _relation(site: CmsSite, art: Article) -> str:
    items = "\n".join(fill(T["relation_item"], art=o) for o in site.related(art, 3))
    return T["relation"].format(items=items) if items else ""


def _body(site: CmsSite, art: Article) -> str:
    story, blocks = art.story, []
    figures = dict(zip(art.figures, enumerate(story.images), strict=True))
    for k, text in enumerate(story.paragraphs):
        blocks.append(f'<p style="text-align: justify;">{t(text)}</p>')
        if k in figures:
            blocks.append(_figure(*figures[k]))
        if k == art.relation_at:
            blocks.append(_relation(site, art))
    if unit := story.author_unit:  # "Theo <unit>" closes the body
        blocks.append(f'<p style="text-align: right;"><strong>Theo {t(unit)}</strong></p>')
    return "\n".join(b for b in blocks if b)


def _head(site: CmsSite, art: Article, path: str) -> str:
    story = art.story
    published = art.published.isoformat()
    modified = art.modified.astimezone(art.published.tzinfo).isoformat()
    og = f"https://static.{site.host}/web/images/og.jpg"
    image = story.images[0]["url"] if story.images else og
    return fill(
        T["head"],
        art=art,
        site=site,
        path=path,
        image=image,
        published=published,
        modified=modified,
        published_meta=published.replace("+", "&#x2B;"),
        modified_meta=modified.replace("+", "&#x2B;"),
    )


def detail_page(site: CmsSite, art: Article) -> str:
    story, zone, path = art.story, art.zone, art.path
    tags = "\n".join(fill(T["tag_item"], href=site.search_path(tag), tag=tag) for tag in story.tags)
    main = fill(
        T["detail"],
        art=art,
        sapo_tag=site.spec.sapo_tag,
        sapo=t(site.spec.sapo_prefix + (story.summary or "")),
        body=_body(site, art),
        tags=tags,
        related=list_items(site, site.related(art, 4)),
        zone_inputs=zone_inputs(site, zone),
    )
    head = _head(site, art, path)
    return page(
        site, title=story.title, description=story.summary or "", path=path, main=main, head=head
    )


def zone_inputs(site: CmsSite, zone: Zone) -> str:
    """The hidden inputs ending a section or article page: #hdZoneId, the zone whose
    /timelinelist/ fragments page on (none on hanoi.gov.vn, which pages by its API)."""
    parent, _, key = zone.key.rpartition("/")
    return "" if site.spec.zone_api else fill(T["zone_inputs"], zone=zone, key=key, parent=parent)


def category_page(site: CmsSite, zone_no: int, items: list[Article]) -> str:
    zone = site.zones[zone_no]
    more = site.config.trap or site.roster.live_count(zone_no) > len(items)
    if site.spec.zone_api:
        viewmore, script = newszone.viewmore(site.host, zone.key, len(items) or 1, site.prefix), ""
    else:
        viewmore = fill(T["viewmore"], zone=zone, site=site)
        script = fill(T["timeline_script"], zone=zone, site=site)
    main = fill(
        T["category"],
        zone=zone,
        site=site,
        stream_items=list_items(site, items),
        viewmore=viewmore if more else "",
        timeline_script=script,
        zone_inputs=zone_inputs(site, zone),
    )
    return page(site, title=zone.name, path=zone.path, main=main)


def day_page(site: CmsSite, day: date, items: list[Article]) -> str:
    """The articles of one day (mst.gov.vn's /tin-tuc-su-kien/xem-theo-ngay-dd-mm-yyyy.htm)."""
    name = f"Tin tức - Sự kiện ngày {day:%d/%m/%Y}"
    empty = "" if items else '<p class="list__empty">Không có tin bài trong ngày.</p>'
    main = fill(T["day"], name=name, site=site, items=list_items(site, items), empty=empty)
    return page(site, title=name, path=site.day_path(day), main=main)


def home_page(site: CmsSite) -> str:
    blocks = [T["home_stream"].format(items=list_items(site, site.newest(None, 0, 15)))]
    blocks += [
        fill(T["home_zone"], zone=z, items=list_items(site, site.newest(n, 0, 4)))
        for n, z in enumerate(site.zones)
    ]
    return page(site, title=site.spec.publication, path=site.prefix, main="\n".join(blocks))


def search_page(site: CmsSite, keywords: str, number: int, items: list[Article]) -> str:
    next_page = site.search_path(keywords, number + 1)
    main = fill(T["search"], keywords=keywords, items=list_items(site, items), next=next_page)
    return page(site, title="Tìm kiếm", path=site.search_path(keywords), main=main)


def rss_index(site: CmsSite) -> str:
    rows = "\n".join(fill(T["rss_row"], href=site.feed_path(z), zone=z) for z in site.zones)
    main = fill(T["rss_index"], site=site, rows=rows)
    return page(site, title="RSS", path=f"{site.prefix}rss.htm", main=main)


def error_page(site: CmsSite, status: int) -> str:
    text = "Bài viết không còn tồn tại." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    main = T["error"].format(status=status, text=text)
    title = f"{status} - {site.spec.publication}"
    return page(site, title=title, description=text, path=site.prefix, main=main)


def challenge(cookie: str) -> Response:
    """The legacy anti-bot page: set the cookie with JS and reload."""
    body = f'<script>document.cookie="{cookie}; path=/";location.reload();</script>'
    return Response(200, body.encode("ascii"), headers=(("Cache-Control", "no-cache, no-store"),))
