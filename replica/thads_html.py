"""Main-zone HTML of the THADS replica: article detail, body markup variants, listings, home."""

from __future__ import annotations

import random
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from replica.thads_chrome import page, webpart_id, webpart_zone

if TYPE_CHECKING:
    from replica.thads import Article, ListSpec, ThadsProvinceSite

SAPO_WORDS = 30
JUSTIFY = ' style="text-align: justify;"'
WEB_TITLE = "Tin tức"
# Pages/<name>.aspx that the top menu links to: lower-cased name -> (file name, heading, text).
STATIC_PAGES = {
    "gioithieu.aspx": (
        "GioiThieu.aspx",
        "Giới thiệu",
        "Cục Thi hành án dân sự tỉnh {province} là cơ quan trực thuộc Tổng cục Thi hành án "
        "dân sự, Bộ Tư pháp, có chức năng tổ chức thi hành án dân sự trên địa bàn tỉnh.",
    ),
    "vanban.aspx": ("VanBan.aspx", "Văn bản", "Văn bản chỉ đạo, điều hành đang được cập nhật."),
    "thongbao.aspx": ("ThongBao.aspx", "Thông báo", "Hiện chưa có thông báo mới."),
    "lienhe.aspx": ("LienHe.aspx", "Liên hệ", "Mọi ý kiến đóng góp xin gửi về Văn phòng Cục."),
}
TITLE_LINES = (
    "<p><strong>{}</strong></p>",
    '<p style="text-align: justify;"><b>{}</b></p>',
    "<div><strong><span>{}</span></strong></div>",
)
AUTHOR_LINES = (
    '<p style="text-align: right;"><strong>{}</strong></p>',
    '<p style="text-align: right;"><b><i>{}</i></b></p>',
    '<div style="text-align: right;"><strong>{}</strong></div>',
    '<p align="right"><em><strong>{}</strong></em></p>',
)
MSO_P = (
    '<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:justify;text-indent:36.0pt">'
    '<span lang="VI" style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif">'
    "{}</span></p>"
)


def dmy(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def dated(day: date | None) -> str:
    """'(dd/mm/yyyy)' as lists show it; nothing for the undated article."""
    return f"({day:%d/%m/%Y})" if day else ""


def sapo(art: Article) -> str:
    words = " ".join(art.paragraphs).split()
    return " ".join(words[:SAPO_WORDS]) + "..."


def _inline(rng: random.Random, text: str) -> str:
    """Escape one paragraph and add the noise an editor's paste leaves (NBSP, wraps, <sup>)."""
    html = escape(text, quote=False)
    if not html.startswith("[1]"):
        html = html.replace("[1]", "<sup>[1]</sup>")
    if rng.random() < 0.25:
        html = html.replace(". ", ".&nbsp;", 1)
    if rng.random() < 0.15:
        html = "&nbsp;&nbsp;&nbsp; " + html
    if len(html) > 240 and rng.random() < 0.3:  # the rich-text editor wrapped a long line
        cut = html.find(" ", len(html) // 2)
        html = html[:cut] + "\n" + html[cut + 1 :]
    return html


def _image(site: ThadsProvinceSite, art: Article, k: int) -> str:
    folder = f"Năm {art.day.year}/Thang {art.day.month}"
    src = f"{site.prefix}noidung/tintuc/PublishingImages/{folder}/anh{k}.jpg"
    return f'<p style="text-align:center"><img src="{src}" alt=""></p>'


def body_html(site: ThadsProvinceSite, art: Article) -> str:
    """The content-news body: repeated title, paragraphs, blank lines, author line."""
    title = escape(art.title, quote=False)
    if art.is_seed:
        blocks = [TITLE_LINES[0].format(title)]
        blocks += [f"<p{JUSTIFY}>{escape(line, quote=False)}</p>" for line in art.paragraphs]
        blocks += ["<p>&nbsp;</p>", "<p>&nbsp;</p>", AUTHOR_LINES[0].format(art.author_line)]
        return "\n".join(blocks)
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/markup")
    style = rng.choices(("p", "mso", "div", "br"), weights=(45, 15, 20, 20))[0]
    blocks = [rng.choice(TITLE_LINES).format(title)]
    inner = [_inline(rng, p) for p in art.paragraphs]
    if style == "br":
        sep = rng.choice(("<br/>\n", "<br><br>\n"))
        blocks.append('<div style="text-align: justify;">' + sep.join(inner) + "</div>")
    else:
        span = style == "p" and rng.random() < 0.4
        for n, html in enumerate(inner):
            if span:
                html = f'<span style="font-size:14px;">{html}</span>'
            if style == "p":
                blocks.append(f'<p style="text-align: justify;">{html}</p>')
            elif style == "mso":
                blocks.append(MSO_P.format(html))
            else:
                blocks.append(f"<div>{html}</div>")
            if n in (0, 2) and rng.random() < 0.3:
                blocks.append(_image(site, art, n + 1))
    blank = "<div>&nbsp;</div>" if style in ("div", "br") else "<p>&nbsp;</p>"
    blocks += [blank] * rng.randint(1, 2)
    if art.author_line:
        blocks.append(rng.choice(AUTHOR_LINES).format(escape(art.author_line, quote=False)))
    return "\n".join(blocks)


def _select(control: str, name: str, values: range, chosen: int | None) -> str:
    selected = ' selected="selected"'
    options = "".join(
        f'<option{selected if v == chosen else ""} value="{v}">{v}</option>' for v in values
    )
    field = control.replace("_", "$", 2)
    return f'<select name="{field}${name}" id="{control}_{name}">{options}</select>'


def archive_widget(site: ThadsProvinceSite, key: str, day: date | None) -> str:
    """'Các tin đã đưa ngày: [day][month][year] Xem', the portal's archive-by-date form."""
    _, control = webpart_id(site, key, "WPQ4")
    return (
        '<div class="archive-news">\n<span class="archive-label">Các tin đã đưa ngày:</span>\n'
        + _select(control, "ddlNgay", range(1, 32), day and day.day)
        + _select(control, "ddlThang", range(1, 13), day and day.month)
        + _select(control, "ddlNam", range(2015, 2023), day and day.year)
        + f'\n<input type="submit" name="{control.replace("_", "$", 2)}$btnXem" value="Xem"'
        f' id="{control}_btnXem" class="btn-view" />\n</div>'
    )


def article_page(site: ThadsProvinceSite, art: Article, others: list[Article]) -> str:
    spec, key = art.spec, f"{art.spec.name}/{art.item_id}"
    detail = (
        '<div class="news-detail">\n'
        f'<h3 class="title-news">{escape(art.title, quote=False)}</h3>\n'
        f'<div class="date-news">{dmy(art.published)}</div>\n'
        f'<div class="content-news ms-rtestate-field">\n{body_html(site, art)}\n</div>\n</div>'
    )
    items = "\n".join(
        f'<li><a href="{escape(site.article_href(spec, o.item_id, key, True))}">'
        f"{escape(o.title, quote=False)}</a> <span>{dated(o.published)}</span></li>"
        for o in others
    )
    other = (
        '<div class="other-news">\n<h4 class="title-other">Các tin khác</h4>\n'
        f"<ul>\n{items}\n</ul>\n</div>"
    )
    zone = webpart_zone(site, key, (detail, archive_widget(site, key, art.published), other))
    return page(
        site,
        key=key,
        title=WEB_TITLE,
        action=f"./View_Detail.aspx?ItemID={art.item_id}",
        request_path=site.article_path(spec, art.item_id),
        item_id=art.item_id,
        main=zone,
    )


def pager(site: ThadsProvinceSite, spec: ListSpec, current: int) -> str:
    last, context = spec.pages(), f"{spec.name}/p{current}"
    links = []
    if current > 1:
        links.append(f'<a href="{site.page_href(spec, 1, context)}">Trang đầu</a>')
        links.append(f'<a href="{site.page_href(spec, current - 1, context)}">Trang trước</a>')
    for n in range(max(1, current - 4), min(last, current + 4) + 1):
        if n == current:
            links.append(f'<span class="current">{n}</span>')
        else:
            links.append(f'<a href="{site.page_href(spec, n, context)}">{n}</a>')
    if current < last:
        links.append(f'<a href="{site.page_href(spec, current + 1, context)}">Trang sau</a>')
        links.append(f'<a href="{site.page_href(spec, last, context)}">Trang cuối</a>')
    return '<div class="paging">' + " ".join(links) + "</div>"


def listing_page(
    site: ThadsProvinceSite, spec: ListSpec, current: int, items: list[Article]
) -> str:
    key = f"{spec.name}/p{current}"
    rows = "\n".join(
        '<div class="item-news">'
        f'<a class="title" href="{escape(site.article_href(spec, a.item_id, key, True))}">'
        f"{escape(a.title, quote=False)}</a>"
        f'<span class="date">{dated(a.published)}</span>'
        f'<p class="sapo">{escape(sapo(a), quote=False)}</p></div>'
        for a in items
    )
    if not items:
        rows = '<div class="no-item">Không có tin bài nào.</div>'
    listing = (
        f'<div class="list-news">\n<h2 class="title-list">{spec.display}</h2>\n{rows}\n'
        f"{pager(site, spec, current)}\n</div>"
    )
    newest = items[0].published if items else None
    query = f"?Page={current}" if current > 1 else ""
    return page(
        site,
        key=key,
        title=WEB_TITLE,
        action=f"./View_Detail.aspx{query}",
        request_path=site.list_path(spec) + query,
        item_id=None,
        main=webpart_zone(site, key, (listing, archive_widget(site, key, newest))),
    )


def home_page(site: ThadsProvinceSite) -> str:
    blocks = []
    for spec in site.lists:
        items = "\n".join(
            f'<li><a href="{escape(site.article_href(spec, a.item_id, "home", False))}">'
            f"{escape(a.title, quote=False)}</a> "
            f'<span class="date">{dated(a.published)}</span></li>'
            for a in site.newest(spec, 0, 5)
        )
        blocks.append(
            f'<div class="block-news">\n<h2 class="title-block">'
            f'<a href="{site.list_path(spec)}">{spec.display}</a></h2>\n'
            f'<ul class="list-news">\n{items}\n</ul>\n</div>'
        )
    home = '<div class="home-news">\n' + "\n".join(blocks) + "\n</div>"
    return page(
        site,
        key="home",
        title="Trang chủ",
        action="./Trangchu.aspx",
        request_path=f"{site.prefix}Pages/Trangchu.aspx",
        item_id=1,
        main=webpart_zone(site, "home", (home,)),
    )


def static_page(site: ThadsProvinceSite, name: str) -> str:
    filename, heading, text = STATIC_PAGES[name]
    body = (
        f'<div class="static-page">\n<h2 class="title-list">{heading}</h2>\n'
        f"<p>{text.format(province=site.province)}</p>\n</div>"
    )
    return page(
        site,
        key=name,
        title=heading,
        action=f"./{filename}",
        request_path=f"{site.prefix}Pages/{filename}",
        item_id=2,
        main=webpart_zone(site, name, (body,)),
    )
