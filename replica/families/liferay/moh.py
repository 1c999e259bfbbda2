"""moh.gov.vn as it is now: JavaScript page shells (index.jsp?pageId=…) over a POST JSON
"bridge" answering a category's newest articles and one article; its URL shapes and answers,
and which of them are assumed, are docs/replica.md's (the moh row) and docs/evidence.md's.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from replica.chrome import body_html, fill, t
from replica.families.liferay.site import LiferaySite
from replica.files import file_payload
from replica.newsportal import Post, Section
from replica.site import Request, Response, number, template

PAGE_SIZE_CAP = 500  # assumed: the largest PAGE_SIZE the list API answers in full
ARTICLE_PAGE, HOME_PAGE = "5803", "5801"
LIST_API, DETAIL_API = "/portal/api/lay_bai_viet_theo_danh_muc", "/portal/api/layChiTietBaiViet"
FEATURED = "8358"  # "Tin nổi bật": some articles carry it as a second category
TWELVE_HOUR = "%d/%m/%Y %I:%M %p"  # the API's times: "21/07/2026 03:00 PM"
SHELL = template(__file__, "moh_shell.html")  # index.jsp as a crawler without JavaScript sees it
# noiDung's photos: figures with captions (assumed)
FIGURE = '<figure class="image"><img alt="" src="{src}" />{caption}</figure>'
FIGCAPTION = "<figcaption>{}</figcaption>"
_IMAGE = re.compile(r"resource/CustomsCMS/BO_YTE/\d{4}/\d{1,2}/\d{1,2}/(\d+)-(\d+)\.jpg")


class MohSite(LiferaySite):
    """moh.gov.vn: page shells, a POST list API per category and a POST article API; no
    robots.txt rules (assumed: no source shows them)."""

    slug = "moh"

    def post_path(self, post: Post) -> str:
        return (
            f"{self.prefix}index.jsp?pageId={ARTICLE_PAGE}&aid={post.ident}&cid={post.section.key}"
        )

    def image_href(self, item: Post, k: int) -> str:
        day = item.published
        folder = f"resource/CustomsCMS/BO_YTE/{day.year}/{day.month}/{day.day}"
        return f"{self.prefix}{folder}/{item.ident}-{k}.jpg"

    def section_path(self, section: Section, page: int = 1) -> str:
        return f"{self.prefix}index.jsp?pageId={HOME_PAGE}&cid={section.key}"

    # HTTP ------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].rstrip("/")
        params = dict(parse_qsl(request.query, keep_blank_values=True))
        if rel == "bridge":
            return self._bridge(request, params.get("url", ""))
        if match := _IMAGE.fullmatch(rel):
            post = self.post_by_id(match.group(1))
            if post is None or post.status != 200 or int(match.group(2)) >= len(post.story.images):
                return self.error(404)
            body, ctype = file_payload("jpg", post.story.title)
            return Response(200, body, ctype, self.headers, post.modified)
        if rel in ("", "index.jsp"):
            return self.html(fill(SHELL, site=self, page=params.get("pageId", HOME_PAGE)), None)
        return self.error(404)

    def _bridge(self, request: Request, target: str) -> Response:
        if request.method != "POST":
            return self.json({"Message": "The requested resource does not support GET."}, 405)
        try:
            payload = json.loads(request.body or b"{}")
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            return self.json({"Message": "Invalid JSON."}, 400)
        api = {LIST_API: self._list, DETAIL_API: self._detail}.get(target)
        return api(payload) if api else self.json({"Message": "Not found."}, 404)

    def _list(self, payload: dict[str, Any]) -> Response:
        """A category's newest articles, one group per category asked for; MA_DANH_MUC names
        the article's category, and for one in four the featured one too."""
        section = next((s for s in self.sections if s.key == str(payload.get("MA_DANH_MUC"))), None)
        if section is None:
            return self.json([])
        try:
            size = max(1, min(int(payload.get("PAGE_SIZE", 10)), PAGE_SIZE_CAP))
        except (TypeError, ValueError):
            size = 10
        posts = self.newest(section, size)
        items = [
            {
                "MA": str(post.ident),
                "TIEU_DE": post.story.title,
                "MO_TA": post.story.sapo or "",
                "DUONG_DAN_ANH": self.image_href(post, 0) if post.story.images else None,
                "THOI_GIAN_XUAT_BAN": f"{post.published:{TWELVE_HOUR}}",
                "MA_DANH_MUC": section.key
                + (
                    f";{FEATURED}"
                    if number(self.salt, post.index, "featured", below=4) == 0
                    else ""
                ),
            }
            for post in posts
        ]
        group = {"MA": section.key, "TEN_MUC": section.name, "ITEMS": items}
        return self.json([group], modified=posts[0].modified if posts else None)

    def _detail(self, payload: dict[str, Any]) -> Response:
        item = self.post_by_id(str(payload.get("maBaiViet", "")))
        if item is None or item.status != 200:  # assumed: how unknown and removed ids answer
            return self.json({"d": None}, item.status if item else 404)
        story = item.story
        detail = {
            "ma": str(item.ident),
            "tieuDe": story.title,
            "moTa": f"<strong>{t(story.sapo)}</strong>" if story.sapo else "",
            "noiDung": body_html(
                self, item, byline_inside=True, photo=FIGURE, caption=FIGCAPTION, noise=False
            ),
            "thoiGianBatDauDang": f"{item.published:{TWELVE_HOUR}}",
        }
        return self.json({"d": detail}, modified=item.modified)

    # Truth -----------------------------------------------------------------------------------
    def record(self, post: Post, base_url: str) -> dict[str, Any]:
        return {**super().record(post, base_url), "tags": []}  # the article API shows no tags
