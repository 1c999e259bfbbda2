"""THADS (SharePoint 2013) markup: page chrome, web part zones, bodies, listings, home, errors."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from replica.chrome import a, fill, t
from replica.families.thads_sharepoint.lists import PAGE_SIZE, Article, Image, ListSpec, data
from replica.site import digest, junk_base64, number, stable_uuid, templates

if TYPE_CHECKING:
    from replica.families.thads_sharepoint.site import ThadsSite as Portal

SAPO_WORDS = 30
WEB_TITLE = "Tin tức"
JUSTIFY = ' style="text-align: justify;"'
# The page skeletons and parts: templates/<name>.html, str.format placeholders.
T = templates(__file__)


def _js(text: str) -> str:
    # SharePoint escapes non-ASCII and "/" in the page context block.
    return json.dumps(text).replace("/", "\\u002f")


def webpart_id(site: Portal, key: str, zone: str) -> tuple[str, str]:
    """(WebPartID uuid, control id) for one web part on one page: page-specific by design."""
    part = str(stable_uuid(site.slug, key, zone))
    return part, "ctl00_ctl35_g_" + part.replace("-", "_")


def page(
    site: Portal, key: str, title: str, action: str, path: str, item: int, parts: Sequence[str]
) -> str:
    """A complete page: `path` is the canonical path+query, `parts` the web parts' HTML."""
    cells = []
    for n, body in enumerate(parts, start=3):
        part, control = webpart_id(site, key, f"WPQ{n}")
        cells.append(T["cell"].format(zone=f"WPQ{n}", part=part, control=control, body=body))
    server_path, web, place = path.partition("?")[0], f"{site.prefix}noidung/tintuc", site.place
    source = quote(path, safe="").replace("_", "%5F").replace(".", "%2E")
    notices = site.by_name.get("thongbao")
    return fill(
        T["page"],
        site=site,
        title=title,
        web=_js(web),
        web_url=_js("http://thads.moj.gov.vn" + web),
        server_path=_js(server_path),
        web_title=_js(title),
        tag=number(site.slug, "tag", below=9),
        list_id=str(stable_uuid(site.slug, server_path, "list")).upper(),
        item_id=item,
        site_url=_js("/" + site.province_slug),
        action=a(action),
        request_digest=digest(site.slug, key, "digest", size=64).hex().upper(),
        viewstate=junk_base64(site.slug, key, "viewstate", size=240 + len(key) * 7),
        signin=a(f"{site.prefix}_layouts/15/Authenticate.aspx?Source={source}&Type=list"),
        agency_upper=place.agency.upper(),
        parent="BỘ TƯ PHÁP" if site.national else "BỘ TƯ PHÁP - TỔNG CỤC THI HÀNH ÁN DÂN SỰ",
        news=site.list_path(site.lists[0]).lower(),
        notices=site.list_path(notices) if notices else f"{site.prefix}Pages/ThongBao.aspx",
        list_menu="\n".join(
            f'<li><a href="{site.list_path(spec)}">{spec.display}</a></li>' for spec in site.lists
        ),
        portal_name="Cổng thông tin điện tử " + ("Chính phủ" if site.national else place.place),
        zone='<div class="ms-PartSpacingVertical"></div>\n'.join(cells),
        email=f"thads{site.province_slug or 'tongcuc'}@moj.gov.vn",
        counter=f"{1_200_000 + number(site.slug, 'counter', below=800_000):,}".replace(",", "."),
        generator=digest(site.slug, key, "gen", size=4).hex().upper(),
        validation=junk_base64(site.slug, key, "validation", size=96),
    )


def error_page(site: Portal, path: str, status: int) -> str:
    """SharePoint's error page: a missing file (404), or an item that is gone (410)."""
    message = data()["errors"][str(status)]
    correlation = stable_uuid(site.slug, path.lower(), "error")
    return T["error"].format(prefix=site.prefix, message=message, correlation=correlation)


def dated(day: date | None) -> str:
    """'(dd/mm/yyyy)' as lists show it; nothing for the undated article."""
    return f"({day:%d/%m/%Y})" if day else ""


def sapo(art: Article) -> str:
    words = " ".join(art.paragraphs).split()
    return " ".join(words[:SAPO_WORDS]) + "..."


def _inline(rng: random.Random, text: str) -> str:
    """Escape one paragraph and add the noise an editor's paste leaves (NBSP, wraps, <sup>)."""
    html = t(text)
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
    blocks = [f'<p style="text-align:center"><img src="{a(src)}" alt="" /></p>']
    if image.caption:
        blocks.append(data()["markup"]["caption"].format(t(image.caption)))
    return blocks


def body_html(site: Portal, art: Article) -> str:
    """The content-news body: repeated title (province sites), paragraphs, images, author line."""
    title, markup = t(art.title), data()["markup"]
    if art.style == "seed":
        blocks = [markup["title_lines"][0].format(title)]
        blocks += [f"<p{JUSTIFY}>{t(line)}</p>" for line in art.paragraphs]
        blocks += ["<p>&nbsp;</p>", "<p>&nbsp;</p>"]
        return "\n".join([*blocks, markup["author_lines"][0].format(art.byline.line)])
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/html")
    style = art.style
    blocks = [] if site.national else [rng.choice(markup["title_lines"]).format(title)]
    inner = [_inline(rng, p) for p in art.paragraphs]
    if style == "br":
        sep = rng.choice(("<br/>\n", "<br><br>\n"))
        blocks.append(f"<div{JUSTIFY}>" + sep.join(inner) + "</div>")
    else:
        wrap = {"p": f"<p{JUSTIFY}>{{}}</p>", "mso": markup["mso"], "div": "<div>{}</div>"}[style]
        if style == "p" and rng.random() < 0.4:
            wrap = wrap.replace("{}", '<span style="font-size:14px;">{}</span>')
        for n, html in enumerate(inner):
            blocks.append(wrap.format(html))
            for image in art.images:
                blocks += _image(rng, image) if image.after == n else []
    blank = "<div>&nbsp;</div>" if style in ("div", "br") else "<p>&nbsp;</p>"
    blocks += [blank] * rng.randint(1, 2)
    if art.byline.line:
        line = t(art.byline.line)
        blocks.append(rng.choice(markup["author_lines"]).format(line))
    return "\n".join(blocks)


def attachments_html(art: Article) -> str:
    """'Tệp đính kèm' under a notice: one link per file, spelled raw or percent-encoded."""
    rng = random.Random(f"{art.spec.salt}/{art.item_id}/files")
    items = "\n".join(
        f'<li><a href="{a(f.path if rng.random() < 0.5 else quote(f.path))}" '
        f'target="_blank">{t(f.name)}</a></li>'
        for f in art.attachments
    )
    return T["attachments"].format(items=items) if items else ""


def archive_widget(site: Portal, key: str, day: date | None) -> str:
    """'Các tin đã đưa ngày: [day][month][year] Xem', the portal's archive-by-date form."""
    _, control = webpart_id(site, key, "WPQ4")
    field = control.replace("_", "$", 2)
    selects, selected = [], ' selected="selected"'
    for name, values, chosen in (
        ("ddlNgay", range(1, 32), day and day.day),
        ("ddlThang", range(1, 13), day and day.month),
        ("ddlNam", range(2015, 2023), day and day.year),
    ):
        options = "".join(
            f'<option{selected if v == chosen else ""} value="{v}">{v}</option>' for v in values
        )
        selects.append(f'<select name="{field}${name}" id="{control}_{name}">{options}</select>')
    return T["archive"].format(selects="".join(selects), field=field, control=control)


def links(site: Portal, arts: Sequence[Article], context: str, row: str = "item") -> str:
    """Articles as a part lists them (templates/<row>.html), each linked from `context`."""
    return "\n".join(
        T[row].format(
            href=a(site.article_href(art.spec, art.item_id, context, context != "home")),
            title=t(art.title),
            date=dated(art.shown),
            sapo=t(sapo(art)),
        )
        for art in arts
    )


def article_page(site: Portal, art: Article, others: list[Article]) -> str:
    spec, key = art.spec, f"{art.spec.name}/{art.item_id}"
    detail = T["detail"].format(
        prefix=site.prefix,
        list_path=site.list_path(spec),
        display=spec.display,
        title=t(art.title),
        date=f"{art.shown:%d/%m/%Y}" if art.shown else "",
        body=body_html(site, art),
        attachments=attachments_html(art),
    )
    heading = "Các thông báo khác" if spec.web == "thongbao" else "Các tin khác"
    other = T["other"].format(heading=heading, items=links(site, others, key, "other_item"))
    action = f"./View_Detail.aspx?ItemID={art.item_id}"
    path = site.article_path(spec, art.item_id)
    parts = (detail, archive_widget(site, key, art.shown), other)
    return page(site, key, WEB_TITLE, action, path, art.item_id, parts)


def pager(site: Portal, spec: ListSpec, current: int) -> str:
    """Page links; with the `trap` knob every page offers a next one, forever."""
    last, context, trap = spec.pages(None, PAGE_SIZE), f"{spec.name}/p{current}", spec.config.trap
    top = current + 4 if trap else min(last, current + 4)
    numbers = [(1, "Trang đầu"), (current - 1, "Trang trước")] if current > 1 else []
    numbers += [(n, str(n)) for n in range(max(1, current - 4), top + 1)]
    if current < last or trap:
        numbers.append((current + 1, "Trang sau"))
    if current < last and not trap:
        numbers.append((last, "Trang cuối"))
    return (
        '<div class="paging">'
        + " ".join(
            f'<span class="current">{n}</span>'
            if n == current  # only the current page's number can be the current page
            else f'<a href="{site.page_href(spec, n, context)}">{label}</a>'
            for n, label in numbers
        )
        + "</div>"
    )


def listing_page(site: Portal, spec: ListSpec, current: int, items: list[Article]) -> str:
    key = f"{spec.name}/p{current}"
    rows = links(site, items, key, "row") or '<div class="no-item">Không có tin bài nào.</div>'
    listing = T["listing"].format(display=spec.display, rows=rows, pager=pager(site, spec, current))
    newest = items[0].shown if items else None
    query = f"?Page={current}" if current > 1 else ""
    parts = (listing, archive_widget(site, key, newest))
    return page(
        site, key, WEB_TITLE, f"./View_Detail.aspx{query}", site.list_path(spec) + query, -1, parts
    )


def home_page(site: Portal) -> str:
    blocks = "\n".join(
        T["block"].format(
            href=site.list_path(spec),
            display=spec.display,
            items=links(site, site.newest(spec, 5), "home"),
        )
        for spec in site.lists
    )
    home = f'<div class="home-news">\n{blocks}\n</div>'
    path = f"{site.prefix}Pages/Trangchu.aspx"
    return page(site, "home", "Trang chủ", "./Trangchu.aspx", path, 1, (home,))


def static_page(site: Portal, name: str) -> str:
    static, words = data()["static"][name], data()["national" if site.national else "province"]
    text = static["text"].format(agency=site.place.agency, **words)
    body = T["static"].format(heading=static["heading"], text=text)
    path = f"{site.prefix}Pages/{static['file']}"
    return page(site, name, static["heading"], f"./{static['file']}", path, 2, (body,))
