"""mof.gov.vn replica: a single-page app whose articles come only from a JSON API (mof.toml).

POST api/article/reads?offset&limit with {rootSlug} or {categoryId}, GET api/article/getbyslug
and api/articlecategory/getbyslug, answers wrapped in {"data": …}; HTML shells without the text
at /bo-tai-chinh/<category>/<slug>. Which parts are evidenced and which assumed: docs/replica.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from replica.chrome import body_html, fill
from replica.corpus import slugify
from replica.files import file_payload
from replica.newsportal import Post, Section, SectionPortal
from replica.site import (
    Request,
    Response,
    SiteConfig,
    data_file,
    number,
    query_ci,
    stable_uuid,
    template,
)

JS = "application/javascript; charset=utf-8"
MAX_LIMIT = 100
ROOT = "bo-tai-chinh"  # the root category
_IMAGE = re.compile(r"uploads/images/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.jpg")
APP_JS = template(__file__, "app.js")
_CONTENT = {  # articleContent's markup
    "paragraph": '<p style="text-align:justify">{}</p>',
    "photo": '<figure class="image"><img src="{src}" alt="" />{caption}</figure>',
    "caption": "<figcaption>{}</figcaption>",
}
SHELL = template(__file__, "mof_shell.html")


class MofSite(SectionPortal):
    """mof.gov.vn: HTML shells plus POST /api/article/reads and GET /api/article/getbyslug."""

    family = "aspnet-api"
    robots_txt = "Disallow: /admin/\nDisallow: /_next/data/\n"
    image_path = "uploads/images/{day:%Y/%m/%d}/{stem}-{id}.jpg"
    fallback_modified = datetime(2026, 11, 1, 1, 0, tzinfo=UTC)

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config, data_file(__file__, "mof.toml"))
        root = str(stable_uuid(self.salt, ROOT))
        # The root category, then the sections: what articlecategory/getbyslug answers.
        self.categories = [dict(id=root, name=self.portal, slug=ROOT, parentId=None)] + [
            dict(id=str(stable_uuid(self.salt, s.key)), name=s.name, slug=s.key, parentId=root)
            for s in self.sections
        ]

    def _post(self, index: int) -> Post:
        post = super()._post(index)  # the API states times to the second
        seconds = timedelta(seconds=number(self.salt, index, "sec", below=60))
        return replace(post, published=post.published + seconds)

    def category(self, section: Section) -> dict[str, Any]:
        return self.categories[1 + self.sections.index(section)]

    def slug_of(self, post: Post) -> str:
        return f"{slugify(post.story.title)}-{post.ident}"

    def post_of_slug(self, slug: str) -> Post | None:
        match = re.fullmatch(r"[a-z0-9-]+-(\d+)", slug)
        post = self.post_by_id(match.group(1)) if match else None
        return post if post is not None and self.slug_of(post) == slug else None

    # Shapes ----------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        return f"{self.prefix}{ROOT}/{post.section.key}/{self.slug_of(post)}"

    def summary(self, post: Post) -> dict[str, Any]:
        story = post.story
        return {
            "id": post.ident,
            "title": story.title,
            "slug": self.slug_of(post),
            "description": story.sapo or "",
            "publicationTime": post.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "categoryId": self.category(post.section)["id"],
            "rootCategorySlug": ROOT,
            "categorySlug": post.section.key,
            "imageLink": self.image_href(post, 0) if story.images else None,
        }

    def detail(self, post: Post) -> dict[str, Any]:
        story = post.story
        content = self.content(post)
        if number(self.salt, post.index, "wrapped", below=4) == 0:
            # Some articles carry their HTML inside the text of a JSON object.
            content = json.dumps({"Content": content, "Link": None}, ensure_ascii=False)
        category = self.category(post.section)
        return {
            **self.summary(post),
            "articleCategory": {key: category[key] for key in ("id", "name", "slug")},
            "articleContent": content,
            "attachments": [],
            "author": story.author or "",
            "source": story.author_unit or "",
            "sourceLink": "",
            "viewCount": 100 + number(self.salt, post.index, "views", below=5000),
        }

    def content(self, post: Post) -> str:
        return body_html(self, post, byline_inside=False, noise=False, joiner="", **_CONTENT)

    # HTTP ------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].rstrip("/").lower()
        params = query_ci(request.query)
        if rel.startswith("api/"):
            return self.api(request, rel[4:], params)
        if _IMAGE.fullmatch(rel):
            body, ctype = file_payload("jpg", rel)
            return Response(200, body, ctype, self.headers)
        if rel == "static/js/main.js":
            return Response(200, APP_JS.encode(), JS, self.headers)
        if rel in ("", ROOT):
            return self.shell(self.portal)
        parts = rel.split("/")
        sections = [s.key for s in self.sections]
        if parts[0] != ROOT or len(parts) > 3 or parts[1] not in sections:
            return self.shell("Không tìm thấy", status=404)
        section = self.sections[sections.index(parts[1])]
        if len(parts) == 2:
            return self.shell(section.name, self.category(section)["id"])
        post = self.post_of_slug(parts[2])
        if post is None or post.section != section:
            return self.shell("Không tìm thấy", status=404)
        if post.status != 200:
            return self.shell("Không tìm thấy", status=post.status)
        return self.shell(section.name, post=post)

    def api(self, request: Request, name: str, params: dict[str, str]) -> Response:
        if name == "article/reads":
            if request.method != "POST":
                return self.json({"status": 405, "message": "Method Not Allowed"}, 405)
            try:
                payload = json.loads(request.body or b"{}")
                root = "categoryId" not in payload and str(payload["rootSlug"]).lower() == ROOT
                category = str(self.categories[0]["id"] if root else payload.get("categoryId", ""))
                offset = int(params.get("offset", "0"))
                limit = int(params.get("limit", self.page_size))
            except (ValueError, KeyError, TypeError, AttributeError):
                return self.json({"status": 400, "message": "Yêu cầu không hợp lệ"}, 400)
            if offset < 0 or limit < 1:
                return self.json({"status": 400, "message": "offset/limit không hợp lệ"}, 400)
            return self.reads(category.lower(), offset, min(limit, MAX_LIMIT))
        if name == "article/getbyslug":
            post = self.post_of_slug(params.get("slug", "").strip().lower())
            if post is None or post.status != 200:
                return self.json({"status": 404, "message": "Không tìm thấy bài viết"}, 404)
            return self.json({"data": self.detail(post)}, modified=post.modified)
        if name == "articlecategory/getbyslug":
            wanted = params.get("slug", "").strip().lower()
            for found in self.categories:
                if found["slug"] == wanted:
                    return self.json({"data": found})
            return self.json({"status": 404, "message": "Không tìm thấy chuyên mục"}, 404)
        return self.json({"status": 404, "message": "Not Found"}, 404)

    def reads(self, category: str, offset: int, limit: int) -> Response:
        """One window of a category (the root: all), newest first; with `trap` the last repeats."""
        ids = [c["id"] for c in self.categories]
        if category not in ids:
            return self.json({"data": []})
        section = ids.index(category) - 1 if category != ids[0] else None
        live = self.corpus.live_count(section)
        if offset >= live and self.config.trap:
            offset = max(0, live - limit)
        posts = [self.post(i) for i in self.corpus.newest(section, offset, limit)]
        modified = posts[0].modified if posts else None
        return self.json({"data": [self.summary(p) for p in posts]}, modified=modified)

    def shell(
        self, title: str, category: str = "", post: Post | None = None, status: int = 200
    ) -> Response:
        """The SPA's HTML: configuration and an empty root; the article text is never here."""
        slug = self.slug_of(post) if post else ""
        config = {
            "apiBase": f"{self.prefix}api",
            "rootSlug": ROOT,
            "categoryId": category or None,
            "slug": slug or None,
            "categories": [
                {"id": c["id"], "name": c["name"], "url": f"{self.prefix}{ROOT}/{c['slug']}"}
                for c in self.categories[1:]
            ],
        }
        html = fill(
            SHELL, config=config, title=title, prefix=self.prefix, category=category, slug=slug
        )
        modified = post.modified if post else self.fallback_modified
        return Response(status, html.encode("utf-8"), headers=self.headers, last_modified=modified)

    # Truth -----------------------------------------------------------------------------------
    def record(self, post: Post, base_url: str) -> dict[str, Any]:
        # No source shows tags in mof.gov.vn's API: the twin sends none.
        api_url = f"{base_url}{self.prefix}api/article/getbyslug?slug={self.slug_of(post)}"
        return {**super().record(post, base_url), "tags": [], "api_url": api_url}
