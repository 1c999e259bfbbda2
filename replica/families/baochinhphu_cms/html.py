"""Markup of the baochinhphu.vn-CMS replicas: page chrome, article detail, list items, errors.

The skeletons are the templates beside this file (detail.html, head.html with the JSON-LD, a
list item skin per `items` of cms.toml); which of their parts the evidence shows and which are
assumed is said in docs/replica.md (the baochinhphu, hanoi and mst rows) and docs/evidence.md.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from replica.chrome import a, fill, t
from replica.families.baochinhphu_cms import newszone
from replica.families.baochinhphu_cms.specs import Article, Zone
from replica.site import Response, template
from replica.vocab import vocab

if TYPE_CHECKING:
    from replica.families.baochinhphu_cms.site import CmsSite

NEWS_WORDS = vocab("news")
ITEMS = {kind: template(__file__, f"{kind}_item.html") for kind in ("stream", "category", "news")}
PAGE, HEAD, DETAIL = (template(__file__, f"{name}.html") for name in ("page", "head", "detail"))
CATEGORY, DAY, FIGURE = (
    template(__file__, f"{name}.html") for name in ("category", "day", "figure")
)
RELATION, ZONE_INPUTS = template(__file__, "relation.html"), template(__file__, "zone_inputs.html")
HOME_ZONE, SEARCH, RSS_INDEX = (
    template(__file__, f"{name}.html") for name in ("home_zone", "search", "rss_index")
)
TIMELINE_SCRIPT = (
    '<script>\nvar zoneId = {zone_id}, timelineUrl = "{prefix}timelinelist/" + zoneId + "/";\n'
    "</script>"
)


def page(
    site: CmsSite, *, title: str, description: str, path: str, main: str, head: str = ""
) -> str:
    menu = "\n".join(
        f'<li class="menu-item"><a href="{site.zone_path(z)}" title="{a(z.name)}">'
        f"{t(z.name)}</a></li>"
        for z in site.zones
    )
    hot = " ".join(
        f'<a class="hot-item" href="{a(site.search_path(k))}">#{t(k)}</a>'
        for k in NEWS_WORDS.HOT_KEYWORDS
    )
    upper = t(site.spec.publication.upper())
    fields = {"title": title, "description": description, "path": path, "head": head}
    return fill(PAGE, site=site, menu=menu, hot=hot, main=main, upper=upper, **fields)


def list_items(site: CmsSite, arts: list[Article]) -> str:
    """The site's list items: div.box-stream-item, or mic's and mst's div.box-category-item,
    or hanoi's div.news-item."""
    noimage = f"https://{site.spec.media}/noimage.jpg"
    return "\n".join(
        fill(
            ITEMS[site.spec.items],
            art=art,
            href=site.article_path(art),
            thumb=a(art.story.images[0]["url"] if art.story.images else noimage),
            zone_path=site.zone_path(art.zone),
            iso=art.published.isoformat(),
            sapo=t(site.spec.sapo_prefix + (art.story.summary or "")),
        )
        for art in arts
    )


def _figure(n: int, image: dict) -> str:
    src, caption = image["url"], image["caption"]
    figcaption = (
        '<figcaption class="PhotoCMS_Caption">'
        f'<p data-placeholder="[nhập chú thích]">{t(caption)}</p></figcaption>'
        if caption
        else ""
    )
    full = a(src.replace("/thumb_w/640/", "/"))
    return FIGURE.format(full=full, label=a(caption or ""), src=a(src), n=n, figcaption=figcaption)


def _relation(site: CmsSite, art: Article) -> str:
    items = "\n".join(
        '<li class="kbwscwl"><a class="link-callout" data-linktype="newsdetail"'
        f' data-id="{o.ident}"'
        f' href="{site.article_path(o)}" title="{a(o.story.title)}">{t(o.story.title)}</a></li>'
        for o in site.related(art, 3)
    )
    return RELATION.format(items=items) if items else ""


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


def _json(value: str | None) -> str:
    """A JSON-LD value as json.dumps writes it, "</" escaped so it cannot close the script."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _head(site: CmsSite, art: Article, path: str) -> str:
    story = art.story
    published = art.published.isoformat()
    modified = art.modified.astimezone(art.published.tzinfo).isoformat()
    image = (
        story.images[0]["url"] if story.images else f"https://static.{site.host}/web/images/og.jpg"
    )
    return fill(
        HEAD,
        art=art,
        summary=a(story.summary or ""),
        path=path,
        image=a(image),
        published=published,
        modified=modified,
        published_meta=published.replace("+", "&#x2B;"),
        modified_meta=modified.replace("+", "&#x2B;"),
        author=a(story.author or ""),
        host=site.host,
        ld_path=_json(path),
        ld_title=_json(story.title),
        ld_summary=_json(story.summary),
        ld_image=_json(image),
        ld_author=_json(story.author),
        ld_publication=_json(site.spec.publication),
    )


def detail_page(site: CmsSite, art: Article) -> str:
    story, zone, path = art.story, art.zone, site.article_path(art)
    tags = "\n".join(
        f'<li class="detail-tag-item"><a href="{a(site.search_path(tag))}" title="{a(tag)}">'
        f"{t(tag)}</a></li>"
        for tag in story.tags
    )
    main = fill(
        DETAIL,
        art=art,
        zone_path=site.zone_path(zone),
        author=a(story.author or ""),
        author_text=t(story.author or ""),
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
    """The hidden inputs the CMS ends a section or article page with; #hdZoneId names the zone
    whose /timelinelist/ fragments page on (hanoi.gov.vn pages by its API: none)."""
    parent, _, key = zone.key.rpartition("/")
    return (
        ""
        if site.spec.zone_api
        else ZONE_INPUTS.format(zone_id=zone.zone_id, key=a(key), parent=a(parent))
    )


def _list_class(site: CmsSite) -> str:
    return "list__news" if site.spec.items == "category" else "box-stream"


def category_page(site: CmsSite, zone_no: int, items: list[Article]) -> str:
    zone = site.zones[zone_no]
    more = site.config.trap or site.roster.live_count(zone_no) > len(items)
    if site.spec.zone_api:
        viewmore, script = newszone.viewmore(site.host, zone.key, len(items) or 1, site.prefix), ""
    else:
        viewmore = (
            f'<div class="list__viewmore" data-zoneid="{zone.zone_id}" data-page="2" data-url="'
            f'{site.timeline_path(zone, 2)}"><a href="javascript:;" class="btn-viewmore">'
            "Xem thêm</a></div>"
        )
        script = TIMELINE_SCRIPT.format(zone_id=zone.zone_id, prefix=site.prefix)
    main = fill(
        CATEGORY,
        zone=zone,
        zone_path=site.zone_path(zone),
        list_class=_list_class(site),
        stream_items=list_items(site, items),
        viewmore=viewmore if more else "",
        timeline_script=script,
        zone_inputs=zone_inputs(site, zone),
    )
    return page(site, title=zone.name, description=zone.name, path=site.zone_path(zone), main=main)


def day_page(site: CmsSite, day: date, items: list[Article]) -> str:
    """The articles of one day (mst.gov.vn's /tin-tuc-su-kien/xem-theo-ngay-dd-mm-yyyy.htm)."""
    name = f"Tin tức - Sự kiện ngày {day:%d/%m/%Y}"
    empty = "" if items else '<p class="list__empty">Không có tin bài trong ngày.</p>'
    main = DAY.format(
        name=t(name),
        list_class=_list_class(site),
        stream_items=list_items(site, items),
        empty=empty,
    )
    return page(site, title=name, description=name, path=site.day_path(day), main=main)


def home_page(site: CmsSite) -> str:
    blocks = [
        '<section class="home-stream"><h2 class="box-title">Tin mới</h2>\n'
        f'<div class="box-stream">\n{list_items(site, site.newest(None, 0, 15))}\n</div></section>'
    ]
    blocks += [
        fill(
            HOME_ZONE, zone=z, href=site.zone_path(z), items=list_items(site, site.newest(n, 0, 4))
        )
        for n, z in enumerate(site.zones)
    ]
    pub = site.spec.publication
    return page(site, title=pub, description=pub, path=site.prefix, main="\n".join(blocks))


def search_page(site: CmsSite, keywords: str, number: int, items: list[Article]) -> str:
    next_page = site.search_path(keywords, number + 1)
    main = fill(SEARCH, keywords=keywords, items=list_items(site, items), next=next_page)
    path = site.search_path(keywords)
    return page(site, title="Tìm kiếm", description="Tìm kiếm", path=path, main=main)


def rss_index(site: CmsSite) -> str:
    rows = "\n".join(
        f'<li><a href="{site.zone_path(z, ".rss")}">{t(z.name)}</a></li>' for z in site.zones
    )
    main = fill(RSS_INDEX, site=site, rows=rows)
    return page(site, title="RSS", description="RSS", path=f"{site.prefix}rss.htm", main=main)


def error_page(site: CmsSite, status: int) -> str:
    text = "Bài viết không còn tồn tại." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    return page(
        site,
        title=f"{status} - {site.spec.publication}",
        description=text,
        path=site.prefix,
        main=f'<div class="box-error"><h1>{status}</h1><p>{text}</p></div>',
    )


def challenge(cookie: str) -> Response:
    """The legacy anti-bot page: set the cookie with JS and reload."""
    body = f'<script>document.cookie="{cookie}; path=/";location.reload();</script>'
    return Response(200, body.encode("ascii"), headers=(("Cache-Control", "no-cache, no-store"),))
