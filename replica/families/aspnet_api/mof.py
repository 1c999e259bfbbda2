"""Family 5 replica: mof.gov.vn, a single-page app whose articles come only from a JSON API.

From the evidence (docs/evidence.md): POST /api/article/reads?offset&limit with {rootSlug} or
{categoryId}, GET /api/article/getbyslug?slug= and /api/articlecategory/getbyslug?slug=, every
answer wrapped in {"data": ...}; article pages at /{rootCategorySlug}/{categorySlug}/{slug};
the article's category under articleCategory.name; articleContent at times the text of a JSON
object holding the HTML under "Content". Assumed: the category slugs below "tin-tuc", the
title-id slug shape and the field formats (ISO times).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from html import escape
from typing import Any

from replica.corpus import Corpus, IdSpace, iso, slugify
from replica.files import file_payload
from replica.site import Request, Response, SiteConfig, number, query_ci, stable_uuid, template
from replica.text.gov import Story, truth_record, write_story

JSON = "application/json; charset=utf-8"
MAX_LIMIT = 100
SECTIONS = (  # (slug, name, topic, weight); "tin-tuc" is the evidenced default category
    ("tin-tuc", "Tin tức", "ngan_sach", 3),
    ("thue-hai-quan", "Thuế - Hải quan", "thue_hai_quan", 2),
    ("dau-tu-cong", "Đầu tư công", "dau_tu_cong", 2),
    ("thi-truong-gia-ca", "Thị trường - Giá cả", "thi_truong", 2),
)
ROOT = ("bo-tai-chinh", "Bộ Tài chính")
_IMAGE = re.compile(r"uploads/images/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.jpg")
HEADERS = (("Server", "nginx"), ("X-Powered-By", "Next.js"), ("Vary", "Accept-Encoding"))
APP_JS = template(__file__, "app.js")


@dataclass(frozen=True)
class Post:
    index: int
    ident: int
    section: int
    story: Story
    published: datetime  # Vietnam time, to the second
    modified: datetime
    status: int
    edited: bool
    slug: str


class MofSite:
    """mof.gov.vn: HTML shells plus POST /api/article/reads and GET /api/article/getbyslug."""

    family = "aspnet-api"
    slug = "mof"
    host = "mof.gov.vn"

    def __init__(self, config: SiteConfig | None = None) -> None:
        self.config = config or SiteConfig()
        self.prefix = f"/{self.host}/"
        self.salt = f"{self.config.seed}/{self.slug}"
        weights = [w for *_, w in SECTIONS]
        self.corpus = Corpus(self.config, self.salt, weights, date(2025, 3, 1), date(2026, 10, 31))
        self.ids = IdSpace(102_501, 2, self.salt)
        self.category_ids = [str(stable_uuid(self.salt, slug)) for slug, *_ in SECTIONS]
        self.root_id = str(stable_uuid(self.salt, ROOT[0]))
        self.post = lru_cache(maxsize=2048)(self._post)

    def article_count(self) -> int:
        return self.corpus.total

    def _post(self, index: int) -> Post:
        section = self.corpus.section(index)
        seconds = timedelta(seconds=number(self.salt, index, "sec", below=60))
        published = self.corpus.published(index) + seconds
        edited = self.corpus.edited(index)
        story = write_story(
            self.salt,
            index,
            "finance",
            SECTIONS[section][2],
            published.date(),
            edited=edited,
            bylines=("author", "source", "both", "none"),
        )
        ident = self.ids.id_of(index)
        return Post(
            index=index,
            ident=ident,
            section=section,
            story=story,
            published=published,
            modified=self.corpus.modified(index),
            status=self.corpus.status(index),
            edited=edited,
            slug=f"{slugify(story.title)}-{ident}",
        )

    def index_of_slug(self, slug: str) -> int | None:
        match = re.fullmatch(r"[a-z0-9-]+-(\d+)", slug)
        index = self.ids.index_of(int(match.group(1)), self.corpus.total) if match else None
        return index if index is not None and self.post(index).slug == slug else None

    # Shapes ----------------------------------------------------------------------------------
    def page_path(self, post: Post) -> str:
        return f"{self.prefix}{ROOT[0]}/{SECTIONS[post.section][0]}/{post.slug}"

    def image_path(self, post: Post, k: int) -> str:
        folder, stem = f"{post.published:%Y/%m/%d}", post.story.images[k][0]
        return f"{self.prefix}uploads/images/{folder}/{stem}-{post.ident}.jpg"

    def utc(self, post: Post) -> str:
        return post.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def summary(self, post: Post) -> dict[str, Any]:
        story = post.story
        return {
            "id": post.ident,
            "title": story.title,
            "slug": post.slug,
            "description": story.sapo or "",
            "publicationTime": self.utc(post),
            "categoryId": self.category_ids[post.section],
            "rootCategorySlug": ROOT[0],
            "categorySlug": SECTIONS[post.section][0],
            "imageLink": self.image_path(post, 0) if story.images else None,
        }

    def detail(self, post: Post) -> dict[str, Any]:
        story = post.story
        content = self.content(post)
        if number(self.salt, post.index, "wrapped", below=4) == 0:
            # Some articles carry their HTML inside the text of a JSON object.
            content = json.dumps({"Content": content, "Link": None}, ensure_ascii=False)
        slug, name, *_ = SECTIONS[post.section]
        return {
            **self.summary(post),
            "articleCategory": {"id": self.category_ids[post.section], "name": name, "slug": slug},
            "articleContent": content,
            "attachments": [],
            "author": story.author or "",
            "source": story.author_unit or "",
            "sourceLink": "",
            "viewCount": 100 + number(self.salt, post.index, "views", below=5000),
        }

    def content(self, post: Post) -> str:
        figures = {after: k for k, (_, _, after) in enumerate(post.story.images)}
        parts = []
        for n, paragraph in enumerate(post.story.paragraphs):
            parts.append(f'<p style="text-align:justify">{escape(paragraph, quote=False)}</p>')
            if n in figures:
                k = figures[n]
                caption = post.story.images[k][1]
                cap = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
                src = self.image_path(post, k)
                parts.append(f'<figure class="image"><img src="{src}" alt="" />{cap}</figure>')
        return "".join(parts)

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        return "Disallow: /admin/\nDisallow: /_next/data/\n"

    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].rstrip("/").lower()
        params = query_ci(request.query)
        if rel.startswith("api/"):
            return self.api(request, rel[4:], params)
        if _IMAGE.fullmatch(rel):
            body, ctype = file_payload("jpg", rel)
            return Response(200, body, ctype, HEADERS)
        if rel == "static/js/main.js":
            return Response(200, APP_JS.encode(), "application/javascript; charset=utf-8", HEADERS)
        if rel in ("", ROOT[0]):
            return self.shell(ROOT[1], None, None)
        parts = rel.split("/")
        if parts[0] != ROOT[0] or len(parts) > 3:
            return self.shell("Không tìm thấy", None, None, 404)
        sections = [cat for cat, *_ in SECTIONS]
        if parts[1] not in sections:
            return self.shell("Không tìm thấy", None, None, 404)
        section = sections.index(parts[1])
        if len(parts) == 2:
            return self.shell(SECTIONS[section][1], self.category_ids[section], None)
        index = self.index_of_slug(parts[2])
        post = self.post(index) if index is not None else None
        if post is None or post.section != section:
            return self.shell("Không tìm thấy", None, None, 404)
        if post.status != 200:
            return self.shell("Không tìm thấy", None, None, post.status)
        return self.shell(SECTIONS[section][1], None, post.slug, modified=post.modified)

    def api(self, request: Request, name: str, params: dict[str, str]) -> Response:
        if name == "article/reads":
            if request.method != "POST":
                return self.json({"status": 405, "message": "Method Not Allowed"}, 405)
            try:
                payload = json.loads(request.body or b"{}")
                if "categoryId" in payload:
                    category = str(payload["categoryId"])
                elif str(payload["rootSlug"]).lower() == ROOT[0]:
                    category = self.root_id
                else:
                    category = ""
                offset, limit = int(params.get("offset", "0")), int(params.get("limit", "10"))
            except (ValueError, KeyError, TypeError, AttributeError):
                return self.json({"status": 400, "message": "Yêu cầu không hợp lệ"}, 400)
            if offset < 0 or limit < 1:
                return self.json({"status": 400, "message": "offset/limit không hợp lệ"}, 400)
            return self.reads(str(category).lower(), offset, min(limit, MAX_LIMIT))
        if name == "article/getbyslug":
            index = self.index_of_slug(params.get("slug", "").strip().lower())
            post = self.post(index) if index is not None else None
            if post is None or post.status != 200:
                return self.json({"status": 404, "message": "Không tìm thấy bài viết"}, 404)
            return self.json({"data": self.detail(post)}, modified=post.modified)
        if name == "articlecategory/getbyslug":
            wanted = params.get("slug", "").strip().lower()
            found = [(self.root_id, ROOT[1], ROOT[0], None)] + [
                (cid, name_, slug, self.root_id)
                for cid, (slug, name_, *_) in zip(self.category_ids, SECTIONS, strict=True)
            ]
            for cid, name_, slug, parent in found:
                if slug == wanted:
                    return self.json(
                        {"data": {"id": cid, "name": name_, "slug": slug, "parentId": parent}}
                    )
            return self.json({"status": 404, "message": "Không tìm thấy chuyên mục"}, 404)
        return self.json({"status": 404, "message": "Not Found"}, 404)

    def reads(self, category: str, offset: int, limit: int) -> Response:
        """One window of a category, newest first; with `trap` the last window repeats."""
        section = None
        if category != self.root_id:
            if category not in self.category_ids:
                return self.json({"data": []})
            section = self.category_ids.index(category)
        live = self.corpus.live_count(section)
        if offset >= live and self.config.trap:
            offset = max(0, live - limit)
        posts = [self.post(i) for i in self.corpus.newest(section, offset, limit)]
        modified = posts[0].modified if posts else None
        return self.json({"data": [self.summary(p) for p in posts]}, modified=modified)

    def json(self, value: Any, status: int = 200, modified: datetime | None = None) -> Response:
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        return Response(status, body, JSON, HEADERS, modified)

    def shell(
        self,
        title: str,
        category: str | None,
        slug: str | None,
        status: int = 200,
        modified: datetime | None = None,
    ) -> Response:
        """The SPA's HTML: configuration and an empty root; the article text is never here."""
        config = {
            "apiBase": f"{self.prefix}api",
            "rootSlug": ROOT[0],
            "categoryId": category,
            "slug": slug,
            "categories": [
                {"id": cid, "name": name, "url": f"{self.prefix}{ROOT[0]}/{slug_}"}
                for cid, (slug_, name, *_) in zip(self.category_ids, SECTIONS, strict=True)
            ],
        }
        data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        html = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8" />'
            f"<title>{escape(title)} - Bộ Tài chính</title>"
            '<meta name="viewport" content="width=device-width, initial-scale=1" />'
            f'<link rel="stylesheet" href="{self.prefix}static/css/main.css" />'
            f"<script>window.__APP_CONFIG__ = {data};</script></head><body>"
            "<noscript>Bạn cần bật JavaScript để xem trang này.</noscript>"
            f'<div id="root" data-category-id="{category or ""}" data-slug="{slug or ""}"></div>'
            f'<script src="{self.prefix}static/js/main.js"></script></body></html>'
        )
        modified = modified or datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
        return Response(status, html.encode("utf-8"), headers=HEADERS, last_modified=modified)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for index in range(self.corpus.total):
            post = self.post(index)
            story = post.story
            yield truth_record(
                self.slug,
                base_url + self.page_path(post),
                story,
                published=iso(post.published),
                category=SECTIONS[post.section][1],
                tags=[],  # no source shows tags in mof.gov.vn's API: the twin sends none
                images=[
                    {"url": base_url + self.image_path(post, k), "caption": caption}
                    for k, (_, caption, _) in enumerate(story.images)
                ],
                status="live" if post.status == 200 else "removed",
                edited=post.edited,
                api_url=f"{base_url}{self.prefix}api/article/getbyslug?slug={post.slug}",
            )
