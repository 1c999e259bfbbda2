"""Markup of the baochinhphu.vn-CMS replicas: page chrome, article detail, stream items, errors.

Detail: ``h1.detail-title[data-role=title]``, ``h2.detail-sapo[data-role=sapo]`` (with the
site's sapo prefix), ``[data-role=publishdate]`` ("dd/mm/yyyy hh:mm"), ``a[data-role=cate-name]``,
``a.detail-author-top-name``, body ``div.detail-content.afcbc-body[data-role=content]`` holding
paragraphs, ``figure[type=Photo]`` with ``figcaption.PhotoCMS_Caption`` and one related-news box
``div.VCSortableInPreviewMode[type=RelatedNewsBox]`` between ``<!-- bonewsrelation -->`` and
``<!-- eonewsrelation -->``; tags ``ul.detail-tag-list a``;
``meta[property=article:published_time]`` (its "+" written ``&#x2B;``) and a JSON-LD
NewsArticle. Stream items (category pages, timeline fragments): ``div.box-stream-item[data-id]``
with ``a[data-linktype=newsdetail]`` (the title link), ``.box-stream-category``,
``.box-stream-time``, ``.box-stream-sapo``.

mst.gov.vn (as public crawlers read it): the sapo is a ``div.detail-sapo``; list items are
``div.box-category-item`` (a title link with its title, a ``p`` sapo) in ``div.list__news``; a
page per day lists that day's items. The item's inner class names and its time are assumed.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from html import escape
from urllib.parse import quote_plus

from replica.chrome import t
from replica.families.baochinhphu_cms import newszone
from replica.families.baochinhphu_cms.specs import Article, Portal, Zone
from replica.site import Response, template
from replica.vocab import vocab

NEWS_WORDS = vocab("news")


NEWS_ITEM = template(__file__, "news_item.html")
DAY = template(__file__, "day.html")
CATEGORY = template(__file__, "category.html")
DETAIL = template(__file__, "detail.html")
HEAD = template(__file__, "head.html")
CATEGORY_ITEM = template(__file__, "category_item.html")
STREAM_ITEM = template(__file__, "stream_item.html")
PAGE = template(__file__, "page.html")


def e(text: str) -> str:
    return escape(text, quote=True)


def shown_time(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def search_path(site: Portal, keywords: str, page: int = 1) -> str:
    more = f"&page={page}" if page > 1 else ""
    return f"{site.prefix}search?keywords={quote_plus(keywords)}{more}"


def page(
    site: Portal, *, title: str, description: str, path: str, main: str, head: str = ""
) -> str:
    p, pub = site.prefix, site.spec.publication
    menu = "\n".join(
        f'<li class="menu-item"><a href="{site.zone_path(z)}" title="{e(z.name)}">'
        f"{t(z.name)}</a></li>"
        for z in site.zones
    )
    hot = " ".join(
        f'<a class="hot-item" href="{e(search_path(site, k))}">#{t(k)}</a>'
        for k in NEWS_WORDS.HOT_KEYWORDS
    )
    return PAGE.format(
        title=t(title),
        description=e(description),
        path=path,
        pub=e(pub),
        p=p,
        host=site.host,
        head=head,
        menu=menu,
        hot=hot,
        main=main,
        upper=t(pub.upper()),
        owner=t(site.spec.owner),
        pub_text=t(pub),
    )


def stream_item(site: Portal, art: Article) -> str:
    href, title, zone = site.article_path(art), art.story.title, art.zone
    thumb = (
        art.story.images[0]["url"] if art.story.images else f"https://{site.spec.media}/noimage.jpg"
    )
    return STREAM_ITEM.format(
        ident=art.ident,
        href=href,
        title=e(title),
        thumb=e(thumb),
        title_text=t(title),
        zone_path=site.zone_path(zone),
        name=e(zone.name),
        zone_name=t(zone.name),
        isoformat=art.published.isoformat(),
        shown_time=shown_time(art.published),
        sapo=t(site.spec.sapo_prefix + (art.story.summary or "")),
    )


def category_item(site: Portal, art: Article) -> str:
    """mic.gov.vn's and mst.gov.vn's list item."""
    href, title = site.article_path(art), art.story.title
    thumb = (
        art.story.images[0]["url"] if art.story.images else f"https://{site.spec.media}/noimage.jpg"
    )
    return CATEGORY_ITEM.format(
        ident=art.ident,
        href=href,
        title=e(title),
        thumb=e(thumb),
        title_text=t(title),
        shown_time=shown_time(art.published),
        sapo=t(site.spec.sapo_prefix + (art.story.summary or "")),
    )


def stream_items(site: Portal, items: list[Article]) -> str:
    item = news_item if site.spec.zone_api else stream_item
    item = category_item if site.spec.items == "category" else item
    return "\n".join(item(site, a) for a in items)


def _list_class(site: Portal) -> str:
    return "list__news" if site.spec.items == "category" else "box-stream"


def _figure(site: Portal, n: int, image: dict) -> str:
    src, caption = image["url"], image["caption"]
    full = src.replace("/thumb_w/640/", "/")
    label = e(caption or "")
    figcaption = (
        '<figcaption class="PhotoCMS_Caption">'
        f'<p data-placeholder="[nhập chú thích]">{t(caption)}</p></figcaption>'
        if caption
        else ""
    )
    return (
        '<figure class="VCSortableInPreviewMode" type="Photo" style="">'
        f'<div><a href="{e(full)}" data-fancybox="img-lightbox" title="{label}" target="_blank"'
        f' class="detail-img-lightbox"><img src="{e(src)}" id="img-{n}" w="1280" h="853"'
        f' alt="{label}" title="{label}" rel="lightbox" photoid="{n}" type="photo"'
        f' data-original="{e(full)}" width="1280" height="853" class="lightbox-content"></a></div>'
        f"{figcaption}</figure>"
    )


def _relation(site: Portal, art: Article) -> str:
    others = site.related(art, 3)
    if not others:
        return ""
    items = "\n".join(
        '<li class="kbwscwl"><a class="link-callout" data-linktype="newsdetail"'
        f' data-id="{o.ident}"'
        f' href="{site.article_path(o)}" title="{e(o.story.title)}">{t(o.story.title)}</a></li>'
        for o in others
    )
    return (
        "<!-- bonewsrelation -->\n"
        '<div class="VCSortableInPreviewMode" type="RelatedNewsBox" data-style="align-left">'
        '<div class="kbwscwl-relatedbox type-3">'
        '<strong class="kbwscwl-relatedbox-title">Xem thêm</strong>\n'
        f'<ul class="kbwscwl-list">\n{items}\n</ul></div></div>\n'
        "<!-- eonewsrelation -->"
    )


def _body(site: Portal, art: Article) -> str:
    story, blocks = art.story, []
    figures = dict(zip(art.figures, enumerate(story.images), strict=True))
    for k, text in enumerate(story.paragraphs):
        blocks.append(f'<p style="text-align: justify;">{t(text)}</p>')
        if k in figures:
            blocks.append(_figure(site, *figures[k]))
        if k == art.relation_at:
            blocks.append(_relation(site, art))
    if art.source_line:
        blocks.append(f'<p style="text-align: right;"><strong>{t(art.source_line)}</strong></p>')
    return "\n".join(b for b in blocks if b)


def _head(site: Portal, art: Article, path: str) -> str:
    story = art.story
    published = art.published.isoformat()
    modified = art.modified.astimezone(art.published.tzinfo).isoformat()
    image = (
        story.images[0]["url"] if story.images else f"https://static.{site.host}/web/images/og.jpg"
    )
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": path},
        "headline": story.title,
        "description": story.summary,
        "image": {"@type": "ImageObject", "url": image, "width": 1280, "height": 853},
        "datePublished": published,
        "dateModified": modified,
        "author": {"@type": "Person", "name": story.author},
        "publisher": {
            "@type": "Organization",
            "name": site.spec.publication,
            "logo": {
                "@type": "ImageObject",
                "url": f"https://static.{site.host}/web/images/logo.png",
            },
        },
    }
    ld_json = json.dumps(ld, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return HEAD.format(
        title=e(story.title),
        summary=e(story.summary or ""),
        path=path,
        image=e(image),
        replace=published.replace("+", "&#x2B;"),
        modified_meta=modified.replace("+", "&#x2B;"),
        name=e(art.zone.name),
        author=e(story.author or ""),
        ld_json=ld_json,
    )


def detail_page(site: Portal, art: Article) -> str:
    story, zone, path = art.story, art.zone, site.article_path(art)
    tags = "\n".join(
        f'<li class="detail-tag-item"><a href="{e(search_path(site, tag))}" title="{e(tag)}">'
        f"{t(tag)}</a></li>"
        for tag in story.tags
    )
    related = stream_items(site, site.related(art, 4))
    sapo_tag, sapo = site.spec.sapo_tag, site.spec.sapo_prefix + (story.summary or "")
    main = DETAIL.format(
        ident=art.ident,
        zone_path=site.zone_path(zone),
        name=e(zone.name),
        zone_name=t(zone.name),
        shown_time=shown_time(art.published),
        title=t(story.title),
        author=e(story.author or ""),
        author_text=t(story.author or ""),
        sapo_tag=sapo_tag,
        sapo=t(sapo),
        body=_body(site, art),
        tags=tags,
        related=related,
        zone_inputs="" if site.spec.zone_api else zone_inputs(zone),
    )
    return page(
        site,
        title=story.title,
        description=story.summary or "",
        path=path,
        main=main,
        head=_head(site, art, path),
    )


def category_page(site: Portal, zone_no: int, items: list[Article]) -> str:
    zone = site.zones[zone_no]
    more = site.config.trap or site.roster.live_count(zone_no) > len(items)
    viewmore = (
        f'<div class="list__viewmore" data-zoneid="{zone.zone_id}" data-page="2"'
        f' data-url="{site.timeline_path(zone, 2)}"><a href="javascript:;" class="btn-viewmore">'
        "Xem thêm</a></div>"
    )
    if site.spec.zone_api:
        viewmore = newszone.viewmore(site.host, zone.key, len(items) or 1, site.prefix)
    viewmore = viewmore if more else ""
    main = CATEGORY.format(
        zone_id=zone.zone_id,
        zone_path=site.zone_path(zone),
        name=e(zone.name),
        zone_name=t(zone.name),
        list_class=_list_class(site),
        stream_items=stream_items(site, items),
        viewmore=viewmore,
        timeline_script="" if site.spec.zone_api else _timeline_script(site, zone),
        zone_inputs="" if site.spec.zone_api else zone_inputs(zone),
    )
    return page(site, title=zone.name, description=zone.name, path=site.zone_path(zone), main=main)


def day_page(site: Portal, day: date, items: list[Article]) -> str:
    """The articles of one day (mst.gov.vn's /tin-tuc-su-kien/xem-theo-ngay-dd-mm-yyyy.htm)."""
    name = f"Tin tức - Sự kiện ngày {day:%d/%m/%Y}"
    empty = "" if items else '<p class="list__empty">Không có tin bài trong ngày.</p>'
    main = DAY.format(
        name=t(name),
        list_class=_list_class(site),
        stream_items=stream_items(site, items),
        empty=empty,
    )
    return page(site, title=name, description=name, path=site.day_path(day), main=main)


def zone_inputs(zone: Zone) -> str:
    """The hidden inputs the CMS ends a section or article page with; #hdZoneId names the zone
    whose /timelinelist/ fragments page on."""
    parent, _, key = zone.key.rpartition("/")
    return (
        f'<input type="hidden" name="hdZoneId" id="hdZoneId" value="{zone.zone_id}" />\n'
        f'<input type="hidden" name="hdZoneUrl" id="hdZoneUrl" value="{e(key)}" />\n'
        f'<input type="hidden" name="hdParentUrl" id="hdParentUrl" value="{e(parent)}" />'
    )


def news_item(site: Portal, art: Article) -> str:
    """hanoi.gov.vn's list item (its NewsZone fragments and section pages)."""
    href, title = site.article_path(art), art.story.title
    stamp = f"{art.published:%H:%M, %d/%m/%Y}"
    return NEWS_ITEM.format(
        ident=art.ident,
        href=href,
        title=e(title),
        title_text=t(title),
        stamp=stamp,
        shown_time=shown_time(art.published),
        sapo=t(site.spec.sapo_prefix + (art.story.summary or "")),
    )


def _timeline_script(site: Portal, zone: Zone) -> str:
    return (
        f'<script>\nvar zoneId = {zone.zone_id}, timelineUrl = "{site.prefix}timelinelist/" '
        '+ zoneId + "/";\n</script>'
    )


def home_page(site: Portal) -> str:
    blocks = [
        '<section class="home-stream"><h2 class="box-title">Tin mới</h2>\n'
        '<div class="box-stream">\n'
        f"{stream_items(site, site.newest(None, 0, 15))}\n</div></section>"
    ]
    for n, zone in enumerate(site.zones):
        blocks.append(
            f'<section class="home-zone" data-zoneid="{zone.zone_id}"><h2 class="box-title">'
            f'<a href="{site.zone_path(zone)}" title="{e(zone.name)}">{t(zone.name)}</a></h2>\n'
            '<div class="box-stream">\n'
            f"{stream_items(site, site.newest(n, 0, 4))}\n</div></section>"
        )
    pub = site.spec.publication
    return page(site, title=pub, description=pub, path=site.prefix, main="\n".join(blocks))


def search_page(site: Portal, keywords: str, number: int, items: list[Article]) -> str:
    main = (
        f'<div class="box-search"><h1 class="box-title">Kết quả tìm kiếm: {t(keywords)}</h1>\n'
        f'<div class="box-stream">\n{stream_items(site, items)}\n</div>\n'
        f'<a class="search-next" href="{e(search_path(site, keywords, number + 1))}">Trang sau</a>'
        "</div>"
    )
    return page(
        site, title="Tìm kiếm", description="Tìm kiếm", path=search_path(site, keywords), main=main
    )


def rss_index(site: Portal) -> str:
    rows = [f'<li><a href="{site.prefix}rss/home.rss">Trang chủ</a></li>'] + [
        f'<li><a href="{site.zone_path(z, "rss")}">{t(z.name)}</a></li>' for z in site.zones
    ]
    main = (
        '<div class="box-rss"><h1 class="box-title">RSS</h1><ul>\n'
        + "\n".join(rows)
        + "\n</ul></div>"
    )
    return page(site, title="RSS", description="RSS", path=f"{site.prefix}rss.htm", main=main)


def error_page(site: Portal, status: int) -> str:
    text = "Bài viết không còn tồn tại." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    return page(
        site,
        title=f"{status} - {site.spec.publication}",
        description=text,
        path=site.prefix,
        main=f'<div class="box-error"><h1>{status}</h1><p>{text}</p></div>',
    )


def challenge(name: str, value: str) -> Response:
    """The legacy anti-bot page: set the cookie with JS and reload."""
    body = f'<script>document.cookie="{name}={value}; path=/";location.reload();</script>'
    return Response(200, body.encode("ascii"), headers=(("Cache-Control", "no-cache, no-store"),))
