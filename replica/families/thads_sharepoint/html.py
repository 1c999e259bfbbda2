"""Main-zone HTML of the THADS replica: article detail, body markup variants, listings, home."""

from __future__ import annotations

import random
from datetime import date
from html import escape
from urllib.parse import quote

from replica.families.thads_sharepoint.chrome import page, webpart_id, webpart_zone
from replica.families.thads_sharepoint.lists import Article, Image, ListSpec, Portal

SAPO_WORDS = 30
JUSTIFY = ' style="text-align: justify;"'
WEB_TITLE = "Tin tức"
# Pages/<name>.aspx that the top menu links to: lower-cased name -> (file name, heading, text).
STATIC_PAGES = {
    "gioithieu.aspx": (
        "GioiThieu.aspx",
        "Giới thiệu",
        "{agency} là cơ quan trực thuộc {parent}, có chức năng {duty}.",
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
# An image caption: centred italics right under the image, marked by the editor's style.
CAPTION = '<p class="image-caption" style="text-align: center;"><em>{}</em></p>'


def dmy(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def dated(day: date | None) -> str:
    """'(dd/mm/yyyy)' as lists show it; nothing for the undated article."""
    return f"({day:%d/%m/%Y})" if day else ""


def shown(art: Article) -> date | None:
    """The date a page shows for an article: none for the undated one."""
    return art.day if art.dated else None


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


def _image(rng: random.Random, image: Image) -> list[str]:
    """An image paragraph (src raw with spaces and diacritics, or percent-encoded) + caption."""
    src = image.path if rng.random() < 0.6 else quote(image.path)
    blocks = [f'<p style="text-align:center"><img src="{escape(src)}" alt="" /></p>']
    if image.caption:
        blocks.append(CAPTION.format(escape(image.caption, quote=False)))
    return blocks


def body_html(site: Portal, art: Article) -> str:
    """The content-news body: repeated title (province sites), paragraphs, images, author line."""
    title = escape(art.title, quote=False)
    if art.is_seed:
        blocks = [TITLE_LINES[0].format(title)]
        blocks += [f"<p{JUSTIFY}>{escape(line, quote=False)}</p>" for line in art.paragraphs]
        blocks += ["<p>&nbsp;</p>", "<p>&nbsp;</p>", AUTHOR_LINES[0].format(art.author_line)]
        return "\n".join(blocks)
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/html")
    style = art.style
    blocks = [rng.choice(TITLE_LINES).format(title)] if site.repeat_title else []
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
            for image in art.images:
                if image.after == n:
                    blocks += _image(rng, image)
    blank = "<div>&nbsp;</div>" if style in ("div", "br") else "<p>&nbsp;</p>"
    blocks += [blank] * rng.randint(1, 2)
    if art.author_line:
        blocks.append(rng.choice(AUTHOR_LINES).format(escape(art.author_line, quote=False)))
    return "\n".join(blocks)


def attachments_html(art: Article) -> str:
    """'Tệp đính kèm' under a notice: one link per file, spelled raw or percent-encoded."""
    if not art.attachments:
        return ""
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/files")
    items = "\n".join(
        f'<li><a href="{escape(a.path if rng.random() < 0.5 else quote(a.path))}" '
        f'target="_blank">{escape(a.name, quote=False)}</a></li>'
        for a in art.attachments
    )
    return (
        '\n<div class="attachments">\n<span class="title-attach">Tệp đính kèm:</span>\n'
        f'<ul class="list-attach">\n{items}\n</ul>\n</div>'
    )


def breadcrumb(site: Portal, spec: ListSpec) -> str:
    return (
        f'<div class="breadcrumb"><a href="{site.prefix}Pages/Trangchu.aspx">Trang chủ</a>'
        f' <span class="sep">&gt;</span> <a class="category" href="{site.list_path(spec)}">'
        f"{spec.display}</a></div>"
    )


def _select(control: str, name: str, values: range, chosen: int | None) -> str:
    selected = ' selected="selected"'
    options = "".join(
        f'<option{selected if v == chosen else ""} value="{v}">{v}</option>' for v in values
    )
    field = control.replace("_", "$", 2)
    return f'<select name="{field}${name}" id="{control}_{name}">{options}</select>'


def archive_widget(site: Portal, key: str, day: date | None) -> str:
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


def article_page(site: Portal, art: Article, others: list[Article]) -> str:
    spec, key = art.spec, f"{art.spec.name}/{art.item_id}"
    detail = (
        f"{breadcrumb(site, spec)}\n"
        '<div class="news-detail">\n'
        f'<h3 class="title-news">{escape(art.title, quote=False)}</h3>\n'
        f'<div class="date-news">{dmy(shown(art))}</div>\n'
        f'<div class="content-news ms-rtestate-field">\n{body_html(site, art)}\n</div>'
        f"{attachments_html(art)}\n</div>"
    )
    items = "\n".join(
        f'<li><a href="{escape(site.article_href(spec, o.item_id, key, True))}">'
        f"{escape(o.title, quote=False)}</a> <span>{dated(shown(o))}</span></li>"
        for o in others
    )
    heading = "Các thông báo khác" if spec.d.web == "thongbao" else "Các tin khác"
    other = (
        f'<div class="other-news">\n<h4 class="title-other">{heading}</h4>\n'
        f"<ul>\n{items}\n</ul>\n</div>"
    )
    zone = webpart_zone(site, key, (detail, archive_widget(site, key, shown(art)), other))
    return page(
        site,
        key=key,
        title=WEB_TITLE,
        action=f"./View_Detail.aspx?ItemID={art.item_id}",
        request_path=site.article_path(spec, art.item_id),
        item_id=art.item_id,
        main=zone,
    )


def pager(site: Portal, spec: ListSpec, current: int) -> str:
    """Page links; with the `trap` knob every page offers a next one, forever."""
    last, context = spec.pages(), f"{spec.name}/p{current}"
    top = current + 4 if spec.trap else min(last, current + 4)
    links = []
    if current > 1:
        links.append(f'<a href="{site.page_href(spec, 1, context)}">Trang đầu</a>')
        links.append(f'<a href="{site.page_href(spec, current - 1, context)}">Trang trước</a>')
    for n in range(max(1, current - 4), top + 1):
        if n == current:
            links.append(f'<span class="current">{n}</span>')
        else:
            links.append(f'<a href="{site.page_href(spec, n, context)}">{n}</a>')
    if current < last or spec.trap:
        links.append(f'<a href="{site.page_href(spec, current + 1, context)}">Trang sau</a>')
    if current < last and not spec.trap:
        links.append(f'<a href="{site.page_href(spec, last, context)}">Trang cuối</a>')
    return '<div class="paging">' + " ".join(links) + "</div>"


def listing_page(site: Portal, spec: ListSpec, current: int, items: list[Article]) -> str:
    key = f"{spec.name}/p{current}"
    rows = "\n".join(
        '<div class="item-news">'
        f'<a class="title" href="{escape(site.article_href(spec, a.item_id, key, True))}">'
        f"{escape(a.title, quote=False)}</a>"
        f'<span class="date">{dated(shown(a))}</span>'
        f'<p class="sapo">{escape(sapo(a), quote=False)}</p></div>'
        for a in items
    )
    if not items:
        rows = '<div class="no-item">Không có tin bài nào.</div>'
    listing = (
        f'<div class="list-news">\n<h2 class="title-list">{spec.display}</h2>\n{rows}\n'
        f"{pager(site, spec, current)}\n</div>"
    )
    newest = shown(items[0]) if items else None
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


def home_page(site: Portal) -> str:
    blocks = []
    for spec in site.lists:
        items = "\n".join(
            f'<li><a href="{escape(site.article_href(spec, a.item_id, "home", False))}">'
            f"{escape(a.title, quote=False)}</a> "
            f'<span class="date">{dated(shown(a))}</span></li>'
            for a in site.newest(spec, 5)
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


def static_page(site: Portal, name: str) -> str:
    filename, heading, text = STATIC_PAGES[name]
    if site.national:
        parent, duty = "Bộ Tư pháp", "tham mưu, giúp Bộ trưởng quản lý nhà nước về thi hành án"
    else:
        parent = "Tổng cục Thi hành án dân sự, Bộ Tư pháp"
        duty = "tổ chức thi hành án dân sự trên địa bàn"
    body = (
        f'<div class="static-page">\n<h2 class="title-list">{heading}</h2>\n'
        f"<p>{text.format(agency=site.agency, parent=parent, duty=duty)}</p>\n</div>"
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
