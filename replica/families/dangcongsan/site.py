"""dangcongsan.vn replica, the Party's e-newspaper (site.toml; evidence: docs/replica.md).

Sections `<cat>` and `<cat>/p/<n>`, articles `<cat>/<slug>-<id>.html` (another slug or section:
301), photos `DATA/0/<yyyy>/<mm>/<dd>/Dangcongsan/<stem> <id>_800.jpg` (a space in the name),
search `page/search?keyword=…`.
"""

from __future__ import annotations

import re

from replica.corpus import slugify
from replica.newsportal import Post, Section, SectionPortal
from replica.site import Request, Response, SiteConfig, data_file, template

_PAGE = re.compile(r"([a-z0-9-]+)(?:/p/(\d{1,6}))?")
_ARTICLE = re.compile(r"([a-z0-9-]+)/([a-z0-9-]+)-(\d{5,9})\.html")
_IMAGE = re.compile(r"data/0/\d{4}/\d\d/\d\d/dangcongsan/([a-z0-9-]+) (\d+)_800\.jpg")


class DangCongSanSite(SectionPortal):
    """dangcongsan.vn (site.toml): /<section> pages, articles at /<section>/<slug>-<id>.html."""

    family = "dangcongsan"
    image_pattern = _IMAGE
    search_url = "page/search?keyword={}"
    robots_txt = "Disallow: /page/search\nDisallow: /_layouts/\n"
    image_path = "DATA/0/{day:%Y/%m/%d}/Dangcongsan/{stem} {id}_800.jpg"
    frame_template = template(__file__, "frame.html")
    article_template = template(__file__, "article.html")
    related_count = 4
    no_photo = "Style%20Library/dcs/images/no-image.png"

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config, data_file(__file__, "site.toml"))

    # URLs ------------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        return f"{self.prefix}{post.section.key}/{slugify(post.story.title)}-{post.ident}.html"

    def section_path(self, section: Section, page: int = 1) -> str:
        more = f"/p/{page}" if page > 1 else ""
        return f"{self.prefix}{section.key}{more}"

    # Routes ----------------------------------------------------------------------------------
    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        rel = rel.rstrip("/")
        if rel in ("", "trang-chu"):
            return self.html(self.home_page(), None)
        if rel == "page/search":
            return self.html(self.frame("Tìm kiếm", self.items_html(self.newest(None, 10))), None)
        if match := _ARTICLE.fullmatch(rel):
            post = self.post_by_id(match.group(3))
            if post is not None and post.status == 200:
                path = self.post_path(post)
                if rel != path[len(self.prefix) :]:
                    return Response(301, b"", headers=(("Location", path), *self.headers))
            return self.article(post, self.article_page(post) if post else "")
        if match := _PAGE.fullmatch(rel):
            section = next((s for s in self.sections if s.key == match.group(1)), None)
            if section is not None:
                return self.section_page(section, max(1, int(match.group(2) or 1)))
        return None
