"""Markup of the Liferay replicas: page shell, article body, listings, pager, RSS, error pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime

from replica.chrome import a, body_html, t
from replica.families.liferay.model import Portal, Section
from replica.newsportal import Post
from replica.site import template

SHELL = template(__file__, "shell.html")


def hhmm_dmy(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def shell(site: Portal, title: str, main: str, *, canonical: str | None = None) -> str:
    """The portal around `main`: head, banner, menu of sections, footer."""
    menu = "\n".join(
        f'<li class="lfr-nav-item"><a href="{a(site.section_path(s))}"><span>'
        f"{t(s.name)}</span></a></li>"
        for s in site.sections
    )
    extra = "".join(
        f'<li class="lfr-nav-item"><a href="{a(site.prefix + path)}"><span>{t(label)}'
        "</span></a></li>"
        for path, label in site.menu_extra
    )
    link = f'<link rel="canonical" href="{a(canonical)}" />\n' if canonical else ""
    return SHELL.format(
        title=t(title),
        portal_name=t(site.portal_name),
        link=link,
        prefix=site.prefix,
        theme=site.theme,
        company_id=site.company_id,
        group_id=site.group_id,
        body_class=site.body_class,
        portal_attr=a(site.portal_name),
        agency=a(site.agency),
        search_path=site.search_path,
        search_param=site.search_param,
        menu=menu,
        extra=extra,
        main=main,
        agency_text=t(site.agency),
        address=t(site.address),
    )


def byline_block(item: Post) -> str:
    lines = "".join(f"<p>{t(line)}</p>" for line in item.story.byline)
    return f'<div class="author-news">{lines}</div>' if lines else ""


def attachments_block(site: Portal, item: Post) -> str:
    if not item.story.attachments:
        return ""
    links = "\n".join(
        f'<li><a href="{a(site.file_href(item, k))}" target="_blank">{t(name)}</a></li>'
        for k, (name, _) in enumerate(item.story.attachments)
    )
    head = '<div class="file-attachment"><p><strong>Tệp đính kèm:</strong></p>'
    return f"{head}<ul>\n{links}\n</ul></div>"


def tags_block(site: Portal, item: Post) -> str:
    if not item.story.tags:
        return ""
    links = " ".join(
        f'<a class="tag" href="{a(site.search_href(tag))}">{t(tag)}</a>' for tag in item.story.tags
    )
    return f'<div class="taglib-asset-tags-summary"><span>Từ khóa:</span> {links}</div>'


def item_link(site: Portal, item: Post, inner: str, href: str | None = None) -> str:
    return f'<a href="{a(href or site.item_href(item))}">{inner}</a>'


def other_news(site: Portal, items: Sequence[Post], heading: str) -> str:
    rows = "\n".join(
        f"<li>{item_link(site, o, t(o.story.title), site.related_href(o))} "
        f'<span class="date">({o.published:%d/%m/%Y})</span></li>'
        for o in items
    )
    return f'<div class="other-news"><h3>{t(heading)}</h3><ul>\n{rows}\n</ul></div>'


def snippet(item: Post, words: int = 40) -> str:
    source = item.story.sapo or item.story.paragraphs[0]
    parts = source.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


def listing_rows(site: Portal, items: Sequence[Post]) -> str:
    """Liferay 7 news list: thumbnail, title, date and sapo per item, links relative."""
    if not items:
        return '<div class="alert alert-info">Không có kết quả nào được tìm thấy.</div>'
    rows = []
    for item in items:
        href = a(site.list_href(item))
        thumb = ""
        if item.story.images:
            src = a(site.image_href(item, 0))
            thumb = f'<a href="{href}"><img alt="" class="img-fluid" src="{src}" /></a>'
        rows.append(
            f'<div class="news-item row">\n<div class="col-md-4 news-thumb">{thumb}</div>\n'
            f'<div class="col-md-8"><h3 class="news-item-title"><a href="{href}">'
            f"{t(item.story.title)}</a></h3>\n"
            f'<div class="news-item-date">{item.published:%d/%m/%Y %H:%M}</div>\n'
            f'<p class="news-item-sapo">{t(snippet(item))}</p></div>\n</div>'
        )
    return "\n".join(rows)


def pager(site: Portal, section: Section, page: int, has_next: bool, live: int) -> str:
    """Liferay 7 (Clay) pagination bar: « and » around a window of page numbers."""
    size = site.page_size
    shown = f"Hiển thị {(page - 1) * size + 1} đến {min(live, page * size)} trong {live} mục"

    def link(label: str, target: int | None, title: str = "", active: bool = False) -> str:
        off = target is None or active
        href = "javascript:;" if off else a(site.page_href(section, target))
        css = "page-item" + (" active" if active else "") + (" disabled" if target is None else "")
        hint = f' title="{title}"' if title else ""
        return f'<li class="{css}"><a class="page-link" href="{href}"{hint}>{label}</a></li>'

    last = page + 2 if has_next else page
    links = [link("«", page - 1 if page > 1 else None, "Trang trước")]
    links += [link(str(n), n, active=n == page) for n in range(max(1, page - 2), last + 1)]
    links.append(link("»", page + 1 if has_next else None, "Trang sau"))
    return (
        f'<div class="pagination-bar"><div class="pagination-results">{shown}</div>\n'
        '<ul class="pagination">\n' + "\n".join(links) + "\n</ul></div>"
    )


def listing_page(
    site: Portal, section: Section, page: int, items: Sequence[Post], more: bool
) -> str:
    live = site.corpus.live_count(site.sections.index(section))
    main = (
        '<div class="portlet-boundary portlet-asset-publisher"'
        f' id="p_p_id{site.namespace(section)}">\n'
        f'<section class="portlet"><header class="portlet-topper"><h2 class="portlet-title-text">'
        f'{t(section.name)}</h2></header>\n<div class="portlet-content">\n'
        f"{listing_rows(site, items)}\n{pager(site, section, page, more, live)}\n"
        "</div></section></div>"
    )
    return shell(site, section.name, main)


def home_page(site: Portal, blocks: Sequence[tuple[Section, Sequence[Post]]]) -> str:
    parts = []
    for section, items in blocks:
        rows = "\n".join(
            f"<li>{item_link(site, i, t(i.story.title))} "
            f'<span class="date">{i.published:%d/%m/%Y}</span></li>'
            for i in items
        )
        parts.append(
            f'<div class="home-block"><h2><a href="{a(site.section_path(section))}">'
            f"{t(section.name)}</a></h2><ul>\n{rows}\n</ul></div>"
        )
    return shell(site, "Trang chủ", "\n".join(parts))


def simple_page(site: Portal, heading: str, paragraph: str, items: Sequence[Post] = ()) -> str:
    rows = "".join(
        f'<li><a href="{a(site.item_href(i))}">{t(i.story.title)}</a></li>' for i in items
    )
    listing = f"<ul>{rows}</ul>" if rows else ""
    main = (
        f'<div class="journal-content-article"><h2>{t(heading)}</h2>'
        f"<p>{t(paragraph)}</p>{listing}</div>"
    )
    return shell(site, heading, main)


def error_page(site: Portal, status: int) -> str:
    if status == 410:
        message = "Nội dung này đã bị gỡ bỏ và không còn tồn tại trên hệ thống."
    else:
        message = "Không tìm thấy trang được yêu cầu."
    main = (
        f'<div class="portlet-msg-error alert alert-error">{message}</div>'
        f'<p><a href="{site.prefix}">« Quay về trang chủ</a></p>'
    )
    return shell(site, "Trang không tồn tại", main)


def rss(site: Portal, section: Section, items: Sequence[Post], base: str) -> str:
    entries = "\n".join(
        f"<item>\n<title>{t(i.story.title)}</title>\n"
        f"<link>{t(base + site.item_href(i))}</link>\n"
        f"<description>{t(snippet(i, 60))}</description>\n"
        f"<pubDate>{format_datetime(i.published)}</pubDate>\n"
        f'<guid isPermaLink="false">{i.ident}</guid>\n</item>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"<title>{t(section.name)}</title>\n"
        f"<link>{t(base + site.section_path(section))}</link>\n"
        f"<description>{t(section.name)} - {t(site.portal_name)}</description>\n"
        f"<language>vi-VN</language>\n{entries}\n</channel>\n</rss>\n"
    )


def dongthap_article(site: Portal, item: Post, others: Sequence[Post]) -> str:
    story, section = item.story, item.section
    style = item.date_style
    shown = f"{item.published:%H:%M, %d/%m/%Y}" if style else hhmm_dmy(item.published)
    updated = ""
    if item.updated:
        updated = f' <span class="news-updated">Cập nhật: {hhmm_dmy(item.updated)}</span>'
    views = f"{1000 + item.ident % 9000:,}".replace(",", ".")
    sapo = f'<div class="news-sapo"><strong>{t(story.sapo)}</strong></div>\n' if story.sapo else ""
    inside = item.index % 3 != 0
    main = (
        '<div class="news-detail">\n<ol class="breadcrumb"><li><a href="'
        f'{site.prefix}">Trang chủ</a></li><li><a href="{a(site.section_path(section))}">'
        f"{t(section.name)}</a></li></ol>\n"
        f'<h1 class="news-title">{t(story.title)}</h1>\n'
        f'<div class="news-meta"><span class="news-date">{shown}</span>{updated}'
        f' <span class="news-views">Lượt xem: {views}</span></div>\n{sapo}'
        f'<div class="journal-content-article news-content">\n'
        f"{body_html(site, item, byline_inside=inside)}\n</div>\n"
        f"{'' if inside else byline_block(item)}\n{attachments_block(site, item)}\n"
        f"{tags_block(site, item)}\n</div>\n{other_news(site, others, 'Tin cùng chuyên mục')}"
    )
    return shell(site, story.title, main, canonical=None)
