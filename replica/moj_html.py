"""HTML and RSS of the moj.gov.vn replica (2021 template): article, listing, home, print, feed."""

from __future__ import annotations

import random
from email.utils import format_datetime
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from replica.site import digest, junk_base64, number
from replica.thads_html import CAPTION

if TYPE_CHECKING:
    from replica.moj import MojSite
    from replica.thads_lists import Article, ListSpec

HEAD = """<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{title}</title>
<link rel="shortcut icon" href="/_layouts/15/images/favicon.ico?rev=23" />
<link rel="stylesheet" type="text/css" href="{prefix}Style%20Library/MOJ2021/css/main.css" />
<link rel="alternate" type="application/rss+xml" title="Bộ Tư pháp - Tin mới" href="{rss}" />
<script type="text/javascript" src="/_layouts/15/init.js?rev=OqAycmyMLoQIDkAlzHdMhQ%3D%3D">
</script>
</head>
<body>
<form method="post" action="{action}" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="{request_digest}" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate}" />
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<header class="header">
<div class="top-bar"><span class="today">Cổng thông tin điện tử Bộ Tư pháp</span>
<a class="rss" href="{rss}">RSS</a></div>
<div class="banner"><a class="logo" href="{prefix}Pages/home.aspx">
<img src="{prefix}Style%20Library/MOJ2021/images/logo.png" alt="Bộ Tư pháp" /></a>
<h1 class="site-name">BỘ TƯ PHÁP</h1></div>
<nav class="main-menu"><ul>
{menu}
</ul></nav>
</header>
<main class="main-content">
"""
FOOTER = """</main>
<footer class="footer">
<p><strong>Cổng thông tin điện tử Bộ Tư pháp</strong></p>
<p>Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. Điện thoại: 024.62739718</p>
<p>Ghi rõ nguồn "Cổng thông tin điện tử Bộ Tư pháp" khi phát hành lại thông tin từ nguồn này.</p>
</footer>
</div></div>
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{validation}" />
</form>
</body>
</html>
"""
ERROR = """<!DOCTYPE html>
<html lang="vi-VN"><head><meta charset="utf-8" /><title>{title}</title></head>
<body><div class="error-page"><h1>{title}</h1>
<p>{message}</p><p><a href="{prefix}Pages/home.aspx">Về trang chủ</a></p></div></body></html>
"""


def when(art: Article) -> str:
    return f"{art.local():%d/%m/%Y %H:%M}"


def page(site: MojSite, *, key: str, title: str, action: str, main: str) -> str:
    menu = "\n".join(
        f'<li><a href="{site.list_path(spec)}">{spec.display}</a></li>' for spec in site.lists
    )
    head = HEAD.format(
        title=escape(title, quote=False),
        prefix=site.prefix,
        rss=f"{site.prefix}qt/tintuc/rss.aspx",
        action=escape(action),
        request_digest="0x" + digest(site.slug, key, "digest", size=64).hex().upper(),
        viewstate=junk_base64(site.slug, key, "viewstate", size=160 + len(key) * 5),
        menu=menu,
    )
    return head + main + FOOTER.format(validation=junk_base64(site.slug, key, "ev", size=64))


def _body(art: Article) -> str:
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/html")
    blocks = []
    for n, text in enumerate(art.paragraphs):
        blocks.append(f'<p style="text-align: justify;">{escape(text, quote=False)}</p>')
        for image in art.images:
            if image.after == n:
                src = image.path if rng.random() < 0.5 else quote(image.path)
                blocks.append(f'<p style="text-align: center;"><img src="{escape(src)}" /></p>')
                if image.caption:
                    blocks.append(CAPTION.format(escape(image.caption, quote=False)))
    return "\n".join(blocks)


def toolbar(site: MojSite, art: Article) -> str:
    subject = quote(art.title)
    return (
        '<div class="toolbar-detail">\n'
        f'<span class="date-detail">{when(art)}</span>\n<ul class="tools">\n'
        '<li class="font-size">Xem cỡ chữ <a href="javascript:void(0)" class="zoom-out">A-</a>'
        ' <a href="javascript:void(0)" class="zoom-in">A+</a></li>\n'
        '<li class="read"><a href="javascript:void(0)" class="btn-read">Đọc bài viết</a></li>\n'
        f'<li class="print"><a href="{escape(site.print_path(art.spec, art.item_id))}" '
        'target="_blank">In</a></li>\n'
        f'<li class="email"><a href="mailto:?subject={subject}">Gửi email</a></li>\n</ul>\n</div>'
    )


def article_page(site: MojSite, art: Article, others: list[Article]) -> str:
    spec, key = art.spec, f"{art.spec.name}/{art.item_id}"
    author = (
        f'<div class="author-detail"><strong>{escape(art.author_line, quote=False)}</strong></div>'
        if art.author_line
        else ""
    )
    items = "\n".join(
        f'<li><a href="{escape(site.article_href(spec, o.item_id, key))}">'
        f'{escape(o.title, quote=False)}</a> <span class="date">({o.day:%d/%m/%Y})</span></li>'
        for o in others
    )
    sapo = escape(art.summary or "", quote=False)
    main = (
        f'<div class="breadcrumb"><a href="{site.prefix}Pages/home.aspx">Trang chủ</a> / '
        f'<a class="category" href="{site.list_path(spec)}">{spec.display}</a></div>\n'
        '<div class="news-detail-page">\n'
        f"{toolbar(site, art)}\n"
        f'<h1 class="title-detail">{escape(art.title, quote=False)}</h1>\n'
        f'<div class="sapo-detail"><strong>{sapo}</strong></div>\n'
        f'<div class="content-detail">\n{_body(art)}\n</div>\n{author}\n</div>\n'
        '<div class="other-news">\n<h3 class="title-other">Tin cùng chuyên mục</h3>\n'
        f'<ul class="list-other">\n{items}\n</ul>\n</div>\n'
    )
    action = f"./{spec.d.page}.aspx?ItemID={art.item_id}"
    return page(site, key=key, title=f"{art.title} - Bộ Tư pháp", action=action, main=main)


def pager(site: MojSite, spec: ListSpec, current: int) -> str:
    """?Date=&Page=N links; with the `trap` knob every page offers a next one, forever."""
    last = spec.pages()
    top = current + 4 if spec.trap else min(last, current + 4)

    def link(n: int, label: str) -> str:
        relative = number(spec.salt, current, n, "page-href", below=2) == 0
        href = f"{spec.d.page}.aspx?Date=&Page={n}" if relative else site.page_path(spec, n)
        return f'<a href="{escape(href)}">{label}</a>'

    links = [link(1, "Trang đầu"), link(current - 1, "Trang trước")] if current > 1 else []
    for n in range(max(1, current - 4), top + 1):
        links.append(f'<span class="active">{n}</span>' if n == current else link(n, str(n)))
    if current < last or spec.trap:
        links.append(link(current + 1, "Trang sau"))
    if current < last and not spec.trap:
        links.append(link(last, "Trang cuối"))
    return '<div class="pagination">' + " ".join(links) + "</div>"


def listing_page(site: MojSite, spec: ListSpec, current: int, items: list[Article]) -> str:
    key = f"{spec.name}/p{current}"
    rows = "\n".join(
        '<li class="item-news">'
        f'<h3 class="title-item"><a href="{escape(site.article_href(spec, a.item_id, key))}">'
        f"{escape(a.title, quote=False)}</a></h3>"
        f'<span class="date-item">{a.day:%d/%m/%Y}</span>'
        f'<p class="sapo-item">{escape(a.summary or "", quote=False)}</p></li>'
        for a in items
    )
    if not items:
        rows = '<li class="no-item">Không có tin bài nào.</li>'
    main = (
        f'<div class="list-news-cate">\n<h2 class="title-cate">{spec.display}</h2>\n'
        f'<ul class="list-news">\n{rows}\n</ul>\n{pager(site, spec, current)}\n</div>\n'
    )
    action = f"./{spec.d.page}.aspx?Date=&Page={current}"
    return page(site, key=key, title=f"{spec.display} - Bộ Tư pháp", action=action, main=main)


def home_page(site: MojSite) -> str:
    blocks = []
    for spec in site.lists:
        items = "\n".join(
            f'<li><a href="{escape(site.article_href(spec, a.item_id, "home"))}">'
            f"{escape(a.title, quote=False)}</a></li>"
            for a in site.newest(spec, 4)
        )
        blocks.append(
            f'<section class="box-cate"><h2><a href="{site.list_path(spec)}">{spec.display}'
            f"</a></h2>\n<ul>\n{items}\n</ul></section>"
        )
    main = '<div class="home-page">\n' + "\n".join(blocks) + "\n</div>\n"
    return page(site, key="home", title="Bộ Tư pháp", action="./home.aspx", main=main)


def print_page(site: MojSite, art: Article) -> str:
    """The print view: title, date, sapo and body with no menus (a duplicate of the article)."""
    return (
        '<!DOCTYPE html>\n<html lang="vi-VN"><head><meta charset="utf-8" />'
        f"<title>{escape(art.title, quote=False)}</title></head>\n"
        '<body onload="window.print()"><div class="print-page">\n'
        f'<h1 class="title-detail">{escape(art.title, quote=False)}</h1>\n'
        f'<div class="date-detail">{when(art)}</div>\n'
        f'<div class="sapo-detail">{escape(art.summary or "", quote=False)}</div>\n'
        f'<div class="content-detail">\n{_body(art)}\n</div>\n</div></body></html>\n'
    )


def rss_feed(site: MojSite, base: str, only: list[ListSpec] | None, items: list[Article]) -> str:
    """RSS 2.0: the newest items, absolute links, RFC 822 dates in +0700."""
    title = f"Bộ Tư pháp - {only[0].display}" if only else "Bộ Tư pháp - Tin mới"
    entries = []
    for art in items:
        link = escape(base + site.article_path(art.spec, art.item_id))
        entries.append(
            "<item>"
            f"<title>{escape(art.title, quote=False)}</title>"
            f"<link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            f"<description>{escape(art.summary or '', quote=False)}</description>"
            f"<category>{escape(art.spec.display, quote=False)}</category>"
            f"<pubDate>{format_datetime(art.local())}</pubDate>"
            "</item>"
        )
    built = format_datetime(items[0].local()) if items else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
        f"<title>{escape(title, quote=False)}</title>\n<link>{escape(base + site.prefix)}</link>\n"
        "<description>Tin tức mới nhất từ Cổng thông tin điện tử Bộ Tư pháp</description>\n"
        f"<language>vi-VN</language>\n<lastBuildDate>{built}</lastBuildDate>\n"
        + "\n".join(entries)
        + "\n</channel>\n</rss>\n"
    )


def error_page(site: MojSite, status: int) -> str:
    if status == 410:
        title, message = "Tin bài không còn tồn tại", "Tin bài này đã bị gỡ bỏ."
    else:
        title, message = "Không tìm thấy trang", "Trang bạn yêu cầu không tồn tại."
    return ERROR.format(title=title, message=message, prefix=site.prefix)
