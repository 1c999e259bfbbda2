"""Markup of the Liferay replicas: page shell, Đồng Tháp's article, listings and pager, errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from replica.chrome import a, body_html, fill, t
from replica.newsportal import Post, Section
from replica.site import templates

if TYPE_CHECKING:
    from replica.families.liferay.site import DongThapSite, LiferaySite

# The page shell and parts: templates/<name>.html, chrome.fill placeholders.
T = templates(__file__)


def nav_item(href: str, label: str) -> str:
    return f'<li class="lfr-nav-item"><a href="{a(href)}"><span>{t(label)}</span></a></li>'


def shell(site: LiferaySite, title: str, main: str) -> str:
    """The portal around `main`: head, banner, menu of sections, footer."""
    return fill(
        T["shell"],
        site=site,
        title=title,
        menu="\n".join(nav_item(site.section_path(s), s.name) for s in site.sections),
        extra="".join(nav_item(site.prefix + path, label) for path, label in site.menu_extra),
        main=main,
    )


def error_page(site: LiferaySite, status: int) -> str:
    main = fill(T["error"], site=site, message=site.errors[status == 410])
    return shell(site, "Trang không tồn tại", main)


def snippet(post: Post, words: int = 40) -> str:
    parts = (post.story.sapo or post.story.paragraphs[0]).split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


def listing_page(
    site: DongThapSite, section: Section, page: int, posts: Sequence[Post], more: bool
) -> str:
    """Liferay 7 news list (thumbnail, title, date, sapo; links relative) and its Clay pager:
    « and » around a window of page numbers."""
    rows = []
    for post in posts:
        href = a(f"chi-tiet?id={post.ident}")
        src = a(site.image_href(post, 0)) if post.story.images else ""
        thumb = f'<a href="{href}"><img alt="" class="img-fluid" src="{src}" /></a>' if src else ""
        rows.append(fill(T["news_item"], post=post, thumb=thumb, href=href, sapo=t(snippet(post))))
    live, size = site.corpus.live_count(site.sections.index(section)), site.page_size

    def link(label: str, target: int | None, title: str = "", active: bool = False) -> str:
        href = "javascript:;" if target is None or active else a(site.page_href(section, target))
        css = "page-item" + (" active" if active else "") + (" disabled" if target is None else "")
        hint = f' title="{title}"' if title else ""
        return f'<li class="{css}"><a class="page-link" href="{href}"{hint}>{label}</a></li>'

    last = page + 2 if more else page
    links = [link("«", page - 1 if page > 1 else None, "Trang trước")]
    links += [link(str(n), n, active=n == page) for n in range(max(1, page - 2), last + 1)]
    links.append(link("»", page + 1 if more else None, "Trang sau"))
    main = fill(
        T["listing"],
        namespace=site.namespace(section),
        section=section,
        rows="\n".join(rows)
        or '<div class="alert alert-info">Không có kết quả nào được tìm thấy.</div>',
        shown=f"Hiển thị {(page - 1) * size + 1} đến {min(live, page * size)} trong {live} mục",
        links="\n".join(links),
    )
    return shell(site, section.name, main)


FILES_HEAD = '<div class="file-attachment"><p><strong>Tệp đính kèm:</strong></p>'
DAY = ' <span class="date">{:%d/%m/%Y}</span>'
DAY_IN_BRACKETS = ' <span class="date">({:%d/%m/%Y})</span>'


def title_list(site: LiferaySite, posts: Sequence[Post], day: str = "", sep: str = "\n") -> str:
    """List items linking to `posts`, each with its day written by `day` (a format string)."""
    return sep.join(
        f'<li><a href="{a(site.post_path(p))}">{t(p.story.title)}</a>{day.format(p.published)}</li>'
        for p in posts
    )


def home_page(site: DongThapSite) -> str:
    blocks = (
        f'<div class="home-block"><h2><a href="{a(site.section_path(s))}">{t(s.name)}</a></h2>'
        f"<ul>\n{title_list(site, site.newest(s, 5), DAY)}\n</ul></div>"
        for s in site.sections
    )
    return shell(site, "Trang chủ", "\n".join(blocks))


def simple_page(site: DongThapSite, heading: str, text: str, posts: Sequence[Post] = ()) -> str:
    rows = title_list(site, posts, sep="")
    listing = f"<ul>{rows}</ul>" if rows else ""
    return shell(site, heading, fill(T["simple"], heading=heading, text=text, listing=listing))


def article_page(site: DongThapSite, post: Post) -> str:
    """Đồng Tháp's article: the byline inside the body on two pages of three, else below it."""
    story, inside = post.story, post.index % 3 != 0
    shown = f"{post.published:%H:%M, %d/%m/%Y}" if post.date_style else None
    updated = f"{post.updated:%d/%m/%Y %H:%M}" if post.updated else ""
    byline = "".join(f"<p>{t(line)}</p>" for line in story.byline)
    files = "\n".join(
        f'<li><a href="{a(site.file_href(post, k))}" target="_blank">{t(name)}</a></li>'
        for k, (name, _) in enumerate(story.attachments)
    )
    tags = " ".join(
        f'<a class="tag" href="{a(site.search_path(tag))}">{t(tag)}</a>' for tag in story.tags
    )
    main = fill(
        T["article"],
        site=site,
        post=post,
        section_path=a(site.section_path(post.section)),
        shown=shown or f"{post.published:%d/%m/%Y %H:%M}",
        updated=updated and f' <span class="news-updated">Cập nhật: {updated}</span>',
        views=f"{1000 + post.ident % 9000:,}".replace(",", "."),
        sapo=f'<div class="news-sapo"><strong>{t(story.sapo)}</strong></div>\n'
        if story.sapo
        else "",
        body=body_html(site, post, byline_inside=inside),
        byline=f'<div class="author-news">{byline}</div>' if byline and not inside else "",
        attachments=files and f"{FILES_HEAD}<ul>\n{files}\n</ul></div>",
        tags=tags and f'<div class="taglib-asset-tags-summary"><span>Từ khóa:</span> {tags}</div>',
        others=title_list(site, site.others(post, 6), DAY_IN_BRACKETS),
    )
    return shell(site, story.title, main)
