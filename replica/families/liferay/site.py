"""Family 4 replicas: what Liferay portals share, and the Đồng Tháp province portal (7.x)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, ClassVar
from urllib.parse import quote, quote_plus

from replica.corpus import file_uuid, iso, parse_file_uuid
from replica.families.liferay import html as lh
from replica.families.liferay.model import Section
from replica.files import file_payload
from replica.newsportal import Post, SectionPortal
from replica.site import Request, Response, number, query_ci
from replica.text.gov import truth_record

_FILE = re.compile(r"documents/(\d+)/\d+/[^/]+/([0-9a-f-]{36})")
IMAGE_K = 8  # file numbers >= 8 are the article's photos, below 8 its attachments


class LiferaySite(SectionPortal):
    """What both Liferay portals share: sections with portlet instances, files, skins."""

    family = "liferay"
    agency: str
    portal_name: str
    address: str
    theme: str
    body_class: str
    company_id: str
    group_id: int
    search_path: str
    search_param: str
    sections_spec: ClassVar[tuple[tuple[str, str, tuple[str, ...], int], ...]]
    menu_extra: tuple[tuple[str, str], ...]
    fallback_modified = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)

    def make_sections(self) -> tuple[Section, ...]:
        return tuple(
            Section(slug, name, topics, weight, self._inst(slug))
            for slug, name, topics, weight in self.sections_spec
        )

    def _inst(self, slug: str) -> str:
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        return "".join(alphabet[number(self.salt, slug, "inst", k, below=62)] for k in range(12))

    # URLs shared by both skins ---------------------------------------------------------------
    def file_href(self, item: Post, k: int) -> str:
        name = item.story.attachments[k][0]
        return self._document(item, k, quote(name))

    def image_href(self, item: Post, k: int) -> str:
        stem = item.story.images[k][0]
        return self._document(item, IMAGE_K + k, f"{stem}.jpg")

    def _document(self, item: Post, k: int, title: str) -> str:
        uid = file_uuid(self.salt, item.index, k)
        stamp = int(item.published.timestamp() * 1000) + number(self.salt, item.index, k, below=999)
        return f"{self.prefix}documents/{self.group_id}/0/{title}/{uid}?t={stamp}"

    def search_href(self, tag: str) -> str:
        return f"{self.prefix}{self.search_path}?{self.search_param}={quote_plus(tag)}"

    def related_href(self, item: Post) -> str:
        return self.item_href(item)

    def list_href(self, item: Post) -> str:
        return self.item_href(item)

    # Subclass hooks --------------------------------------------------------------------------
    def item_href(self, item: Post) -> str:
        raise NotImplementedError

    def section_path(self, section: Section) -> str:
        raise NotImplementedError

    def namespace(self, section: Section) -> str:
        raise NotImplementedError

    def page_href(self, section: Section, page: int) -> str:
        raise NotImplementedError

    def article_page(self, item: Post) -> str:
        raise NotImplementedError

    # HTTP ------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].rstrip("/").lower()
        params = query_ci(request.query)
        match = _FILE.fullmatch(rel)
        if match:
            return self._file(int(match.group(1)), match.group(2))
        if rel in ("", "web/guest", "web/guest/trang-chu", "trang-chu"):
            return self.home()
        if rel == self.search_path:
            return self.html(
                lh.simple_page(
                    self, "Tìm kiếm", "Kết quả tìm kiếm", self.live(self.corpus.newest(None, 0, 10))
                ),
                None,
            )
        for path, label in self.menu_extra:
            if rel == path:
                return self.html(lh.simple_page(self, label, self.agency + "."), None)
        return self.route(rel, params, request) or self.error(404)

    def home(self) -> Response:
        blocks = [(s, self.live(self.corpus.newest(n, 0, 5))) for n, s in enumerate(self.sections)]
        newest = self.corpus.newest(None, 0, 1)
        modified = self.post(newest[0]).modified if newest else None
        return self.html(lh.home_page(self, blocks), modified)

    def section_page(self, section: Section, page: int) -> Response:
        n = self.sections.index(section)
        indexes, _, more = self.corpus.page(n, page, self.page_size)
        items = self.live(indexes)
        html = lh.listing_page(self, section, page, items, more)
        return self.html(html, items[0].modified if items else None)

    def detail(self, item: Post) -> Response:
        if item.status != 200:
            return self.error(item.status)
        return self.html(self.article_page(item), item.modified)

    def _file(self, group: int, uid: str) -> Response:
        found = parse_file_uuid(self.salt, uid)
        if group != self.group_id or found is None or found[0] >= self.corpus.total:
            return self.error(404)
        item, k = self.post(found[0]), found[1]
        story = item.story
        if item.status != 200:
            return self.error(404)
        if k >= IMAGE_K and k - IMAGE_K < len(story.images):
            body, ctype = file_payload("jpg", story.title)
        elif k < len(story.attachments):
            body, ctype = file_payload(story.attachments[k][1], story.attachments[k][0])
        else:
            return self.error(404)
        return Response(200, body, ctype, self.headers, item.modified)

    def error_page(self, status: int) -> str:
        return lh.error_page(self, status)

    # Truth -----------------------------------------------------------------------------------
    def record(self, item: Post, base_url: str) -> dict[str, Any]:
        story = item.story
        return truth_record(
            self.slug,
            base_url + self.item_href(item),
            story,
            published=self.shown_published(item),
            updated=iso(item.updated),
            category=item.section.name,
            attachments=[
                {"url": base_url + self.file_href(item, k), "name": name, "type": ext}
                for k, (name, ext) in enumerate(story.attachments)
            ],
            images=[
                {"url": base_url + self.image_href(item, k), "caption": caption}
                for k, (_, caption, _) in enumerate(story.images)
            ],
            status="live" if item.status == 200 else "removed",
            edited=item.updated is not None,
        )

    def shown_published(self, item: Post) -> str | None:
        return iso(item.published)


class DongThapSite(LiferaySite):
    """dongthap.gov.vn: Liferay DXP 7, articles at /tin-tuc/chi-tiet?id=<n>."""

    slug = "dongthap-gov"
    host = "dongthap.gov.vn"
    agency = "Ủy ban nhân dân tỉnh Đồng Tháp"
    portal_name = "Cổng thông tin điện tử tỉnh Đồng Tháp"
    address = "Số 12, đường 30/4, Phường Cao Lãnh, tỉnh Đồng Tháp. Điện thoại: 0277.3851.250"
    domain = "province"
    theme = "o/dongthap-theme"
    body_class = "dongthap-theme"
    company_id = "20099"
    group_id = 10437
    search_path = "tim-kiem"
    search_param = "q"
    page_size = 10
    bylines = ("theo", "source", "both", "name", "none")
    attachment_rate = 0.3
    first_day, last_day = date(2020, 1, 1), date(2026, 9, 30)
    id_space = (7_690_011, 3)
    sections_spec = (
        ("thoi-su-chinh-tri", "Thời sự - Chính trị", ("hanh_chinh",), 2),
        ("kinh-te", "Kinh tế", ("nong_nghiep", "dau_tu"), 3),
        ("van-hoa-xa-hoi", "Văn hóa - Xã hội", ("xa_hoi",), 2),
    )
    menu_extra = (("gioi-thieu", "Giới thiệu"), ("lien-he", "Liên hệ"))
    headers = (
        ("Server", "nginx"),
        ("Liferay-Portal", "Liferay Digital Experience Platform 7.2.10 GA1"),
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "private, no-cache, no-store, must-revalidate"),
    )
    portlet = "vn_dongthap_news_web_NewsListPortlet_INSTANCE_"

    def item_href(self, item: Post) -> str:
        return f"{self.prefix}tin-tuc/chi-tiet?id={item.ident}"

    def list_href(self, item: Post) -> str:
        """Listings (under /tin-tuc/) link relatively."""
        return f"chi-tiet?id={item.ident}"

    def section_path(self, section: Section) -> str:
        return f"{self.prefix}tin-tuc/{section.slug}"

    def namespace(self, section: Section) -> str:
        return f"_{self.portlet}{section.inst}_"

    def page_href(self, section: Section, page: int) -> str:
        ns = self.namespace(section)
        return (
            f"{self.section_path(section)}?p_p_id={ns.strip('_')}&p_p_lifecycle=0"
            f"&p_p_state=normal&p_p_mode=view&{ns}cur={page}&{ns}delta={self.page_size}"
        )

    def robots(self) -> str:
        return "Disallow: /c/\nDisallow: /api/\nDisallow: /group/\nDisallow: /tim-kiem\n"

    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        if rel == "tin-tuc/chi-tiet":
            raw = params.get("id", "")
            index = self.ids.index_of(int(raw), self.corpus.total) if raw.isdigit() else None
            return None if index is None else self.detail(self.post(index))
        if rel == "tin-tuc":
            return self.home()
        for section in self.sections:
            if rel == f"tin-tuc/{section.slug}":
                raw = params.get(f"{self.namespace(section)}cur".lower(), "1")
                return self.section_page(section, max(1, int(raw)) if raw.isdigit() else 1)
        return None

    def article_page(self, item: Post) -> str:
        return lh.dongthap_article(self, item, self.others(item, 6))
