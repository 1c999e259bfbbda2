"""Family 5 replica: mic.gov.vn, the ICT ministry's ASP.NET (SharePoint) portal of 2020.

URLs under the prefix `/mic.gov.vn/`, answered in any letter case:
  ``""``                                                   home: the newest posts per section
  ``mic_2020/Pages/ChuyenMuc/PhanTrang/<cat>/<page>/<Slug>.html``   a section's page N
  ``mic_2020/Pages/TinTuc/<id>/<Slug>.html``               an article (the slug is not checked)
  ``mic_2020/Uploads/images/<yyyy>/<mm>/<dd>/<stem>-<id>.jpg``       its photos
  ``mic_2020/Pages/TimKiem.aspx?k=…``                      search (robots: Disallow)
Detail: ``#news_content h1``, a toolbar whose first box holds the date line
("Thứ tư, 14/01/2026 08:30"), ``#divArticleDescription`` (sapo), ``#divArticleContent`` (body),
then the byline as ``<p><strong>…</strong></p>`` and the tags.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote_plus

from replica.chrome import a, t
from replica.newsportal import Post, Section, SectionPortal, title_slug
from replica.site import Request, Response, SiteConfig, template

_LISTING = re.compile(r"mic_2020/pages/chuyenmuc/phantrang/(\d{1,6})/(\d{1,6})/[a-z0-9-]+\.html")
_ARTICLE = re.compile(r"mic_2020/pages/tintuc/(\d{1,9})/[a-z0-9-]+\.html")
_IMAGE = re.compile(r"mic_2020/uploads/images/\d{4}/\d\d/\d\d/([a-z0-9-]+)-(\d+)\.jpg")
WEB_PART = "ctl00_ctl46_g_915af12b_590b_4148_9fd5_0e542a5d896f"
SPEC = Path(__file__).with_name("mic.toml")


class MicSite(SectionPortal):
    """mic.gov.vn (mic.toml): section pages paged by path, articles at Pages/TinTuc/<id>/…"""

    family = "aspnet-api"
    image_pattern = _IMAGE
    image_path = "mic_2020/Uploads/images/{day:%Y/%m/%d}/{stem}-{id}.jpg"
    frame_template = template(__file__, "mic_frame.html")
    home_block = '<div class="home-cat"><h2><a href="{href}">{name}</a></h2>\n{items}</div>'
    home_title, home_count = "Trang chủ", 4
    article_template = template(__file__, "mic_article.html")
    article_parts = (  # around the sapo, the byline, the tags
        '<div id="divArticleDescription"><p>{}</p></div>\n',
        '<p style="text-align: right;"><strong>{}</strong></p>',
        '<div class="tag-detail"><span>Từ khóa:</span> {}</div>',
    )
    related_item = '<li><a href="{href}">{title}</a> <span>({day:%d/%m/%Y})</span></li>'
    item_template = (
        '<div class="item-news"><div class="img-news">{thumb}</div><h3><a href="{href}">{title}'
        '</a></h3><div class="date-news">{day:%d/%m/%Y}</div><div class="sapo-news">{lead}</div>'
        "</div>"
    )
    thumb = '<a href="{href}"><img src="{src}" alt="" /></a>'

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config, tomllib.loads(SPEC.read_text(encoding="utf-8")))

    # URLs ------------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        return (
            f"{self.prefix}mic_2020/Pages/TinTuc/{post.ident}/{title_slug(post.story.title)}.html"
        )

    def section_path(self, section: Section, page: int = 1) -> str:
        return (
            f"{self.prefix}mic_2020/Pages/ChuyenMuc/PhanTrang/{section.ident}/{page}/"
            f"{section.key}.html"
        )

    def search_path(self, keyword: str) -> str:
        return f"{self.prefix}mic_2020/Pages/TimKiem.aspx?k={quote_plus(keyword)}"

    def robots(self) -> str:
        return "Disallow: /_layouts/\nDisallow: /mic_2020/Pages/TimKiem.aspx\n"

    # Routes ----------------------------------------------------------------------------------
    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        if rel in ("", "mic_2020", "mic_2020/pages/home.aspx"):
            return self.html(self.home_page(), None)
        if match := _ARTICLE.fullmatch(rel):
            post = self.post_by_id(match.group(1))
            return self.article(post, self.article_page(post) if post else "")
        if match := _LISTING.fullmatch(rel):
            section = next((s for s in self.sections if str(s.ident) == match.group(1)), None)
            if section is not None:
                page = max(1, int(match.group(2)))
                return self.section_page(section, page)
        if rel == "mic_2020/pages/timkiem.aspx":
            found = self.newest(None, 10)
            return self.html(self.frame("Tìm kiếm", self.items_html(found)), None)
        return None

    def listing_page(
        self, section: Section, page: int, posts: Sequence[Post], last: int, more: bool
    ) -> str:
        main = (
            f'<div id="{WEB_PART}" class="list-news"><h2 class="title-cat">{t(section.name)}</h2>\n'
            f"<div>{self.items_html(posts)}</div>\n<div>{pager(self, section, page, last, more)}"
            "</div></div>"
        )
        return self.frame(section.name, main)


# Markup ------------------------------------------------------------------------------------
def pager(site: MicSite, section: Section, page: int, last: int, more: bool) -> str:
    def link(label: str, target: int, css: str = "") -> str:
        return (
            f'<li class="{css}"><a href="{a(site.section_path(section, target))}">{label}</a></li>'
        )

    links = [link("Trang đầu", 1), link("«", page - 1)] if page > 1 else []
    for n in site.window(page, last, 4):
        links.append(f'<li class="active"><span>{n}</span></li>' if n == page else link(str(n), n))
    if more:
        links.append(link("»", page + 1, "next"))
    if page < last and not site.config.trap:
        links.append(link("Trang cuối", last))
    return f'<div class="paging"><ul>{"".join(links)}</ul></div>'
