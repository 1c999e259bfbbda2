"""Family 4 replicas: what the Liferay-profile sites share, and the Đồng Tháp portal (DXP 7)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from replica.corpus import file_uuid, iso, parse_file_uuid
from replica.families.liferay import html as lh
from replica.files import file_payload
from replica.newsportal import Post, Section, SectionPortal
from replica.site import Request, Response, SiteConfig, data_file, number, query_ci

_FILE = re.compile(r"documents/(\d+)/\d+/[^/]+/([0-9a-f-]{36})")
IMAGE_K = 8  # file numbers >= 8 are the article's photos, below 8 its attachments
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


class LiferaySite(SectionPortal):
    """What both sites share: a spec in sites.toml, the theme's page shell (and error pages)."""

    family = "liferay"
    search_url = "tim-kiem?q={}"  # the theme's search box
    errors = (
        "Không tìm thấy trang được yêu cầu.",
        "Nội dung này đã bị gỡ bỏ và không còn tồn tại trên hệ thống.",
    )
    fallback_modified = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config, data_file(__file__, "sites.toml")[self.slug])
        self.attachment_rate = self.spec["attachment_rate"]
        self.menu_extra = [(path, label) for path, label in self.spec["menu_extra"]]

    def error_page(self, status: int) -> str:
        return lh.error_page(self, status)


class DongThapSite(LiferaySite):
    """dongthap.gov.vn: Liferay DXP 7, articles at /tin-tuc/chi-tiet?id=<n>, sections at
    /tin-tuc/<slug> paged by their news list portlet's `_cur`, files under /documents/."""

    slug = "dongthap-gov"
    portlet = "vn_dongthap_news_web_NewsListPortlet_INSTANCE_"
    robots_txt = "Disallow: /c/\nDisallow: /api/\nDisallow: /group/\nDisallow: /tim-kiem\n"

    # URLs ------------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        return f"{self.prefix}tin-tuc/chi-tiet?id={post.ident}"

    def section_path(self, section: Section, page: int = 1) -> str:
        return f"{self.prefix}tin-tuc/{section.key}"

    def namespace(self, section: Section) -> str:
        """The section's portlet namespace: its instance id is 12 stable random characters."""
        inst = "".join(
            ALPHABET[number(self.salt, section.key, "inst", k, below=62)] for k in range(12)
        )
        return f"_{self.portlet}{inst}_"

    def page_href(self, section: Section, page: int) -> str:
        ns = self.namespace(section)
        return (
            f"{self.section_path(section)}?p_p_id={ns.strip('_')}&p_p_lifecycle=0"
            f"&p_p_state=normal&p_p_mode=view&{ns}cur={page}&{ns}delta={self.page_size}"
        )

    def file_href(self, post: Post, k: int) -> str:
        return self._document(post, k, quote(post.story.attachments[k][0]))

    def image_href(self, post: Post, k: int) -> str:
        return self._document(post, IMAGE_K + k, f"{post.story.images[k][0]}.jpg")

    def _document(self, post: Post, k: int, title: str) -> str:
        uid = file_uuid(self.salt, post.index, k)
        stamp = int(post.published.timestamp() * 1000) + number(self.salt, post.index, k, below=999)
        return f"{self.prefix}documents/{self.spec['group_id']}/0/{title}/{uid}?t={stamp}"

    # HTTP ------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].rstrip("/").lower()
        params = query_ci(request.query)
        if match := _FILE.fullmatch(rel):
            return self._file(int(match.group(1)), match.group(2))
        if rel in ("", "web/guest", "web/guest/trang-chu", "trang-chu", "tin-tuc"):
            newest = self.newest(None, 1)
            return self.html(lh.home_page(self), newest[0].modified if newest else None)
        if rel == "tim-kiem":
            page = lh.simple_page(self, "Tìm kiếm", "Kết quả tìm kiếm", self.newest(None, 10))
            return self.html(page, None)
        for path, label in self.menu_extra:
            if rel == path:
                return self.html(lh.simple_page(self, label, self.spec["agency"] + "."), None)
        if rel == "tin-tuc/chi-tiet":
            post = self.post_by_id(params.get("id", ""))
            return self.article(post, lh.article_page(self, post) if post else "")
        for section in self.sections:
            if rel == f"tin-tuc/{section.key}":
                raw = params.get(f"{self.namespace(section)}cur".lower(), "1")
                return self.section_page(section, max(1, int(raw)) if raw.isdigit() else 1)
        return self.error(404)

    def listing_page(
        self, section: Section, page: int, posts: list[Post], last: int, more: bool
    ) -> str:
        return lh.listing_page(self, section, page, posts, more)

    def _file(self, group: int, uid: str) -> Response:
        found = parse_file_uuid(self.salt, uid)
        if group != self.spec["group_id"] or found is None or found[0] >= self.corpus.total:
            return self.error(404)
        post, k = self.post(found[0]), found[1]
        story = post.story
        if post.status != 200:
            return self.error(404)
        if k >= IMAGE_K and k - IMAGE_K < len(story.images):
            body, ctype = file_payload("jpg", story.title)
        elif k < len(story.attachments):
            body, ctype = file_payload(story.attachments[k][1], story.attachments[k][0])
        else:
            return self.error(404)
        return Response(200, body, ctype, self.headers, post.modified)

    # Truth -----------------------------------------------------------------------------------
    def record(self, post: Post, base_url: str) -> dict[str, Any]:
        attachments = [
            {"url": base_url + self.file_href(post, k), "name": name, "type": ext}
            for k, (name, ext) in enumerate(post.story.attachments)
        ]
        return {
            **super().record(post, base_url),
            "updated": iso(post.updated),
            "attachments": attachments,
        }
