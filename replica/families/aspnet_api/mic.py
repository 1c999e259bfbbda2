"""mic.gov.vn replica: the ICT ministry's SharePoint portal of 2020 (mic.toml), in any letter case.

Sections mic_2020/Pages/ChuyenMuc/PhanTrang/<cat>/<page>/<Slug>.html, articles
mic_2020/Pages/TinTuc/<id>/<Slug>.html (the slug is not checked), photos under
mic_2020/Uploads/images/, search mic_2020/Pages/TimKiem.aspx; the detail parts: docs/replica.md.
"""

from __future__ import annotations

import re

from replica.chrome import a
from replica.newsportal import Post, Section, SectionPortal, title_slug
from replica.site import Request, Response, SiteConfig, data_file, template

_LISTING = re.compile(r"mic_2020/pages/chuyenmuc/phantrang/(\d{1,6})/(\d{1,6})/[a-z0-9-]+\.html")
_ARTICLE = re.compile(r"mic_2020/pages/tintuc/(\d{1,9})/[a-z0-9-]+\.html")
_IMAGE = re.compile(r"mic_2020/uploads/images/\d{4}/\d\d/\d\d/([a-z0-9-]+)-(\d+)\.jpg")


class MicSite(SectionPortal):
    """mic.gov.vn (mic.toml): section pages paged by path, articles at Pages/TinTuc/<id>/…"""

    family = "aspnet-api"
    image_pattern = _IMAGE
    search_url = "mic_2020/Pages/TimKiem.aspx?k={}"
    robots_txt = "Disallow: /_layouts/\nDisallow: /mic_2020/Pages/TimKiem.aspx\n"
    image_path = "mic_2020/Uploads/images/{day:%Y/%m/%d}/{stem}-{id}.jpg"
    frame_template = template(__file__, "mic_frame.html")
    home_title, home_count = "Trang chủ", 4
    article_template = template(__file__, "mic_article.html")
    pager_span = 4

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config, data_file(__file__, "mic.toml"))

    # URLs ------------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        slug = title_slug(post.story.title)
        return f"{self.prefix}mic_2020/Pages/TinTuc/{post.ident}/{slug}.html"

    def section_path(self, section: Section, page: int = 1) -> str:
        where = f"{section.ident}/{page}/{section.key}"
        return f"{self.prefix}mic_2020/Pages/ChuyenMuc/PhanTrang/{where}.html"

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
                return self.section_page(section, max(1, int(match.group(2))))
        if rel == "mic_2020/pages/timkiem.aspx":
            found = self.newest(None, 10)
            return self.html(self.frame("Tìm kiếm", self.items_html(found)), None)
        return None

    def pager(self, section: Section, page: int, last: int, more: bool) -> str:
        """First and previous, the numbers and next, then last (not in a trap)."""

        def link(label: str, n: int) -> str:
            return self.pager_link.format(href=a(self.section_path(section, n)), n=label)

        first = link("Trang đầu", 1) + link("«", page - 1) if page > 1 else ""
        end = link("Trang cuối", last) if page < last and not self.config.trap else ""
        numbers = super().pager(section, page, last, more)
        return f'<div class="paging"><ul>{first}{numbers}{end}</ul></div>'
