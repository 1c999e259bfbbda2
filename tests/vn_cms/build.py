"""Write the Vietnamese CMS fixtures (tests/vn_cms/*.html and truth.json): page shapes of CMSs
our replicas do not serve, scored through the generic path only (`govarchive eval`).

The markup follows public evidence of each system (tests/vn_cms/README.md);
the text comes from the replicas' shared generator (replica.text.gov), never from a real page.
Each page also carries one or more of the traps issue 13 names: a header clock showing today's
date, an event date in the first sentence, a "Theo …" sentence inside the body, the title
repeated in breadcrumb and print header, an ALL-CAPS title, windows-1258 or NFD text.

Usage: python tests/vn_cms/build.py  (rewrites the fixtures; commit them with the change)
"""

from __future__ import annotations

import html
import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from replica.text.gov import Story, write_story
from replica.vocab import vocab

HERE = Path(__file__).resolve().parent
VN = timezone(timedelta(hours=7))
CLOCK = "Thứ Hai, 07/12/2026"  # the day the fixtures were written: a header clock's "today"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
RELATED = (
    "Hội nghị triển khai nhiệm vụ năm 2026",
    "Tăng cường công tác phòng, chống thiên tai",
    "Kết quả thực hiện cải cách hành chính quý III",
)
FOOTER = "Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Chịu trách nhiệm chính: Chánh Văn phòng."


@dataclass(frozen=True)
class Page:
    """One fixture: its story, publication time and the traps it carries."""

    slug: str
    story: Story
    when: datetime
    clock: bool
    event: bool
    theo_inside: bool
    allcaps: bool
    encoding: str  # utf-8, utf-8-nfd, windows-1258

    @property
    def title(self) -> str:
        return self.story.title.upper() if self.allcaps else self.story.title

    def paragraphs(self) -> list[str]:
        paras = list(self.story.paragraphs)
        if self.event:
            day = self.when - timedelta(days=4)
            paras[0] = f"Ngày {day:%d/%m/%Y}, {paras[0][0].lower()}{paras[0][1:]}"
        if self.theo_inside and len(paras) > 1:
            paras.insert(
                1,
                "Theo Kế hoạch số 45/KH-UBND, các sở, ngành hoàn thành báo cáo trước "
                "ngày 20 hằng tháng và gửi về Văn phòng Ủy ban nhân dân tỉnh.",
            )
        return paras

    def byline(self) -> str:
        return self.story.byline[0]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(page: Page, extra: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>{_e(page.title)} - Cổng thông tin điện tử'
        f"</title>{extra}</head>"
    )


def _related() -> str:
    items = "".join(f'<li><a href="/tin/{n}">{_e(t)}</a></li>' for n, t in enumerate(RELATED))
    return f"<div class='other'><h3>Các tin khác</h3><ul>{items}</ul></div>"


def _clock(page: Page) -> str:
    return f'<div class="top-date">{CLOCK}</div>' if page.clock else ""


def sharepoint(page: Page) -> str:
    """SharePoint 2010/2013 publishing page: list web part table, Word-pasted MsoNormal body,
    "Ngày đăng" label, breadcrumb repeating the title."""
    span = 'style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif"'
    body = "".join(
        f'<p class="MsoNormal" style="text-align:justify;text-indent:.5in"><span {span}>'
        f"{_e(p)}<o:p></o:p></span></p>"
        for p in page.paragraphs()
    )
    sapo = page.story.sapo or ""
    w = page.when
    return (
        _head(page)
        + '<body><form id="aspnetForm"><div id="s4-workspace"><div id="s4-titlerow">'
        + _clock(page)
        + '<div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div></div>'
        + '<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a>'
        + f" &gt; <span>{_e(page.title)}</span></div>"
        + '<table class="ms-WPBody" width="100%"><tr><td>'
        + f'<div class="news-title"><span class="title">{_e(page.title)}</span></div>'
        + f'<div class="news-date">Ngày đăng: {w:%d/%m/%Y} {w:%H:%M}</div>'
        + f'<div class="news-sapo"><p class="MsoNormal"><b><span {span}>{_e(sapo)}</span></b></p>'
        + "</div>"
        + f'<div class="ms-rtestate-field">{body}'
        + f'<p class="MsoNormal" align="right" style="text-align:right"><b><span {span}>'
        + f"{_e(page.byline())}</span></b></p></div>"
        + "</td></tr></table>"
        + _related()
        + f'<div id="footer">{FOOTER}</div></div></form></body></html>'
    )


def nukeviet3(page: Page) -> str:
    """NukeViet 3 news module (themes/default/modules/news/detail.tpl): #news_detail with h1,
    span.time "Thứ tư, dd/mm/YYYY - HH:MM", #hometext, .bodytext, right-aligned credit lines."""
    w = page.when
    credit = page.byline()
    label, _, value = credit.partition(": ")
    credit_html = (
        f'<p style="text-align: right;"><strong>{_e(label)}: </strong>{_e(value)}</p>'
        if value
        else f'<p style="text-align: right;"><strong>{_e(credit)}</strong></p>'
    )
    body = "".join(f"<p>{_e(p)}</p>" for p in page.paragraphs())
    return (
        _head(page)
        + '<body><div id="header">'
        + _clock(page)
        + '<div class="logo">Sở Tư pháp</div></div><div id="container">'
        + '<div class="news_column"><div id="news_detail">'
        + f"<h1>{_e(page.title)}</h1>"
        + f'<span class="time">{WEEKDAYS[w.weekday()]}, {w:%d/%m/%Y - %H:%M}</span>'
        + '<div class="control"><ul><li><a class="print" title="In ra"></a></li></ul></div>'
        + f'<div id="hometext">{_e(page.story.sapo or "")}</div>'
        + f'<div class="bodytext">{body}</div>{credit_html}'
        + '<p class="copyright">Bản quyền thuộc Sở Tư pháp</p></div>'
        + _related()
        + f'</div></div><div id="footer">{FOOTER}</div></body></html>'
    )


def nukeviet4(page: Page) -> str:
    """NukeViet 4 news module (Bootstrap theme): panel with h1.title, span.h5 date, .hometext,
    #news-bodyhtml, p.h5.text-right credit lines, keywords and "Những tin mới hơn"."""
    w = page.when
    body = "".join(f"<p>{_e(p)}</p>" for p in page.paragraphs())
    credit = _e(page.byline())
    return (
        _head(page, f'<meta property="og:title" content="{_e(page.story.title)}">')
        + '<body><header><div class="container">'
        + _clock(page)
        + '</div></header><div class="container"><ul class="breadcrumbs"><li><a href="/">Trang '
        + f'chủ</a></li><li><a href="/news/">Tin tức</a></li><li>{_e(page.title)}</li></ul>'
        + '<div class="news_column panel panel-default"><div class="panel-body">'
        + f'<h1 class="title margin-bottom-lg">{_e(page.title)}</h1>'
        + '<div class="row margin-bottom-lg"><div class="col-md-12">'
        + f'<span class="h5">{w:%d/%m/%Y %H:%M}</span></div></div>'
        + f'<div class="clearfix"><div class="hometext m-bottom">{_e(page.story.sapo or "")}'
        + "</div></div>"
        + f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{body}</div>'
        + f'<div class="margin-bottom-lg"><p class="h5 text-right"><strong>{credit}</strong></p>'
        + "</div>"
        + '</div></div><div class="news_column panel panel-default"><div class="panel-body">'
        + '<div class="h5"><em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong>'
        + '<a href="/tag/">cải cách</a></div></div></div>'
        + '<div class="news_column panel panel-default"><div class="panel-body"><p class="h3">'
        + "<strong>Những tin mới hơn</strong></p>"
        + _related()
        + f'</div></div></div><footer><div class="container">{FOOTER}</div></footer></body></html>'
    )


def liferay(page: Page) -> str:
    """Liferay 6.2/7 asset publisher: portlet section, .asset-full-content with h3.header-title,
    .asset-metadata publish date, .journal-content-article body, a print header above."""
    w = page.when
    body = "".join(f"<p>{_e(p)}</p>" for p in page.paragraphs())
    portlet = "portlet_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_x1"
    return (
        _head(page)
        + '<body class="controls-visible"><div id="wrapper"><header id="banner">'
        + _clock(page)
        + '<div class="site-title">Sở Thông tin và Truyền thông</div></header>'
        + f'<div class="print-header" style="display:none">{_e(page.title)}</div>'
        + f'<section class="portlet" id="{portlet}"><div class="portlet-content">'
        + '<div class="asset-full-content clearfix default-asset-publisher show-asset-title">'
        + f'<h3 class="header-title"><span>{_e(page.title)}</span></h3>'
        + '<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">'
        + f"{w:%d/%m/%Y %H:%M}</span></div>"
        + '<div class="asset-content"><div class="journal-content-article">'
        + f"<p><strong>{_e(page.story.sapo or '')}</strong></p>{body}"
        + f'<p style="text-align:right"><strong>{_e(page.byline())}</strong></p></div></div>'
        + '<div class="asset-links">'
        + _related()
        + "</div></div></div></section>"
        + f'<footer id="footer">{FOOTER}</footer></div></body></html>'
    )


def wordpress(page: Page) -> str:
    """WordPress with a Yoast-style JSON-LD graph: article.post, h1.entry-title, time.entry-date
    published with its datetime, .entry-content, tags and a related-posts block."""
    w = page.when
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#webpage", "datePublished": "2019-01-01T00:00:00+00:00"},
            {
                "@type": "Article",
                "headline": page.story.title,
                "datePublished": w.isoformat(),
                "author": {"@id": "#person"},
            },
            {"@type": "Person", "@id": "#person", "name": "quantri"},
        ],
    }
    body = "".join(f"<p>{_e(p)}</p>" for p in page.paragraphs())
    sapo = f"<p><strong>{_e(page.story.sapo)}</strong></p>" if page.story.sapo else ""
    return (
        _head(page, f'<script type="application/ld+json">{json.dumps(graph)}</script>')
        + '<body class="post-template-default single single-post"><header id="masthead">'
        + _clock(page)
        + '<p class="site-title">Ủy ban nhân dân xã</p></header><main id="main">'
        + '<article class="post type-post status-publish"><header class="entry-header">'
        + f'<h1 class="entry-title">{_e(page.title)}</h1><div class="entry-meta">'
        + f'<span class="posted-on"><time class="entry-date published" datetime="{w.isoformat()}">'
        + f"{w:%d/%m/%Y}</time></span></div></header>"
        + f'<div class="entry-content">{sapo}{body}<p style="text-align: right;"><em>'
        + f"{_e(page.byline())}</em></p></div>"
        + '<footer class="entry-footer"><span class="tags-links">Thẻ: <a rel="tag">tin tức</a>'
        + "</span></footer></article>"
        + '<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        + "Bài viết liên quan</h3>"
        + _related()
        + f'</div></main><footer id="colophon">{FOOTER}</footer></body></html>'
    )


def newspaper(page: Page) -> str:
    """A government newspaper CMS: h1.article__title, dd-mm-yyyy time in .article__meta, bold
    .article__sapo, .article__body with figures, the credit in .article__author."""
    w = page.when
    paras = page.paragraphs()
    body = "".join(f"<p>{_e(p)}</p>" for p in paras[:1])
    body += (
        '<figure class="image"><img src="/anh/1.jpg" alt=""><figcaption>'
        f"{_e('Quang cảnh buổi làm việc. Ảnh: Minh Anh')}</figcaption></figure>"
    )
    body += "".join(f"<p>{_e(p)}</p>" for p in paras[1:])
    return (
        _head(page, f'<meta property="og:title" content="{_e(page.story.title)}">')
        + '<body><div class="header">'
        + _clock(page)
        + '<a class="logo" href="/">Báo điện tử</a></div><div class="main">'
        + '<article class="article">'
        + '<div class="article__breadcrumb"><a href="/thoi-su">Thời sự</a></div>'
        + f'<h1 class="article__title">{_e(page.title)}</h1><div class="article__meta">'
        + f'<time class="time">{WEEKDAYS[w.weekday()]}, {w:%d-%m-%Y, %H:%M}</time></div>'
        + f'<div class="article__sapo"><strong>{_e(page.story.sapo or "")}</strong></div>'
        + f'<div class="article__body">{body}</div>'
        + f'<div class="article__author">{_e(page.byline())}</div>'
        + '<div class="article__tags">Từ khóa: <a>thời sự</a></div></article>'
        + _related()
        + f'</div><div class="footer">{FOOTER}</div></body></html>'
    )


SHAPES: dict[str, tuple[Callable[[Page], str], str]] = {
    "sharepoint": (sharepoint, "province"),
    "nukeviet3": (nukeviet3, "province"),
    "nukeviet4": (nukeviet4, "finance"),
    "liferay": (liferay, "health"),
    "wordpress": (wordpress, "ict"),
    "newspaper": (newspaper, "party"),
}
ENCODINGS = ("utf-8", "utf-8", "utf-8-nfd", "windows-1258", "utf-8")


def to_cp1258(text: str) -> bytes:
    """windows-1258 bytes: letters it lacks precomposed are written base + combining mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        head = unicodedata.normalize("NFC", parts[:2])
        try:
            out += head.encode("cp1258") + parts[2:].encode("cp1258")
        except UnicodeEncodeError:
            out += parts.encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def build() -> list[dict]:
    truth = []
    for shape_index, (shape, (render, domain)) in enumerate(SHAPES.items()):
        topic = sorted(vocab("gov").TOPICS[domain])[0]
        for n in range(5):
            rng = random.Random(f"vn-cms/{shape}/{n}")
            day = datetime(2025, 1, 6, tzinfo=VN) + timedelta(days=rng.randint(0, 330))
            when = day.replace(hour=rng.randint(7, 17), minute=rng.randint(0, 59))
            kinds = ("source", "theo", "both", "source", "both")
            story = write_story(
                f"vn-cms/{shape}",
                n,
                domain,
                topic,
                when.date(),
                edited=False,
                bylines=(kinds[(n + shape_index) % 5],),
            )
            page = Page(
                slug=f"{shape}-{n + 1}",
                story=story,
                when=when,
                clock=n != 4,
                event=n in (1, 3),
                theo_inside=n in (2, 3),
                allcaps=n == 2 and shape in ("sharepoint", "nukeviet3", "liferay"),
                encoding=ENCODINGS[(n + shape_index) % 5],
            )
            text = render(page)
            if page.encoding == "windows-1258":
                data = to_cp1258(text.replace("charset=utf-8", "charset=windows-1258"))
            else:
                form = "NFD" if page.encoding == "utf-8-nfd" else "NFC"
                data = unicodedata.normalize(form, text).encode("utf-8")
            (HERE / f"{page.slug}.html").write_bytes(data)
            paras = page.paragraphs()
            truth.append(
                {
                    "file": f"{page.slug}.html",
                    "url": f"https://{shape}.example.gov.vn/tin-tuc/{page.slug}",
                    "shape": shape,
                    "traps": [
                        t for t in ("clock", "event", "theo_inside", "allcaps") if getattr(page, t)
                    ]
                    + [page.encoding],
                    "title": page.title,
                    "published": when.isoformat(),
                    "author_unit": story.author_unit,
                    "author": story.author,
                    "summary": story.sapo,
                    "with": [paras[0][:90], paras[len(paras) // 2][:90], paras[-1][-90:]],
                    "without": [RELATED[0], FOOTER[:40], CLOCK],
                }
            )
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    return truth


if __name__ == "__main__":
    print(f"wrote {len(build())} pages to {HERE}")
