"""Family 1 replica: moj.gov.vn on its 2021 SharePoint template, and the family's site list.

Articles live at /qt/tintuc/Pages/<category>.aspx?ItemID=<n>; the same page without ItemID is
the category listing (?Date=&Page=<n>). The page shows date and time and a toolbar before the
title, then a sapo. A print view and an RSS 2.0 feed exist beside them.
"""

from __future__ import annotations

import random
import re
from datetime import datetime

from replica import moj_html, thads_files
from replica.site import Request, Response, Site, SiteConfig, number, pick, query_ci
from replica.textgen import PROVINCE_VOICE, TextGen, Voice
from replica.thads import MIN_ARTICLES, encode, thads_sites
from replica.thads_chrome import sharepoint_headers
from replica.thads_lists import (
    FALLBACK_MODIFIED,
    Article,
    ListDef,
    ListSite,
    ListSpec,
    choose_byline,
    edit_paragraphs,
    pick_images,
)
from replica.thads_places import PROVINCES
from replica.vocab_central import (
    CENTRAL_CLOSERS,
    CENTRAL_DOCUMENTS,
    CENTRAL_GENERIC,
    CENTRAL_TOPICS,
    MOJ_ORG_UNITS,
    MOJ_POSITIONS,
    MOJ_UNITS,
)

MOJ_LISTS = (
    ListDef(
        "VanBanChinhSachMoi",
        "Văn bản chính sách mới",
        4,
        ("chinh_sach",),
        page="van-ban-chinh-sach-moi",
    ),
    ListDef("ChiDaoDieuHanh", "Chỉ đạo điều hành", 2, ("chi_dao",), page="chi-dao-dieu-hanh"),
    ListDef(
        "NghienCuuTraoDoi", "Nghiên cứu trao đổi", 2, ("nghien_cuu",), page="nghien-cuu-trao-doi"
    ),
    ListDef(
        "ThongTinKhac", "Thông tin khác", 2, ("tuyen_truyen", "hoi_nghi"), page="thong-tin-khac"
    ),
    ListDef(
        "HoatDongLanhDaoBo",
        "Hoạt động của Lãnh đạo Bộ",
        3,
        ("lanh_dao_bo",),
        page="hoat-dong-cua-lanh-dao-bo",
    ),
    ListDef(
        "HoatDongDonViThuocBo",
        "Hoạt động của các đơn vị thuộc Bộ",
        3,
        ("don_vi_bo",),
        page="hoat-dong-cua-cac-don-vi-thuoc-bo",
    ),
    ListDef(
        "HoatDongToChucChinhTriXH",
        "Hoạt động của các tổ chức chính trị - xã hội",
        2,
        ("doan_the_tw",),
        page="hoat-dong-cua-cac-to-chuc-chinh-tri-xh",
    ),
)
MOJ_VOICE = Voice(
    MOJ_UNITS,
    MOJ_ORG_UNITS,
    MOJ_POSITIONS,
    CENTRAL_DOCUMENTS,
    CENTRAL_GENERIC,
    CENTRAL_CLOSERS,
    local=False,
)
HOME_PATHS = ("", "pages/home.aspx", "default.aspx")
RSS_PATH = "qt/tintuc/rss.aspx"  # relative to the prefix; ?c=<category> narrows it
PRINT_PATH = "SMPT_Publishing_UC/TinTuc/PrintTL.aspx"
RSS_ITEMS = 20
_CATEGORY = re.compile(r"qt/tintuc/pages/([a-z0-9-]+)\.aspx")
_IMAGE = re.compile(r"qt/tintuc/publishingimages/[^/]+/[^/]+/[^/]+\.jpe?g")


class MojSite(ListSite):
    """moj.gov.vn, the Ministry of Justice portal (2021 template)."""

    family = "moj-sharepoint"
    host = "moj.gov.vn"
    slug = "moj"
    prefix = "/moj.gov.vn/"
    agency = "Bộ Tư pháp"

    def __init__(self, config: SiteConfig | None = None) -> None:
        config = config or SiteConfig()
        if config.articles < MIN_ARTICLES:
            raise ValueError(f"the moj.gov.vn replica needs at least {MIN_ARTICLES} articles")
        self.init_lists(
            MOJ_LISTS,
            config,
            lambda name: 20000 + number(config.seed, self.slug, name, "first", below=9000),
        )
        self.by_page = {spec.d.page: spec for spec in self.lists}

    # URLs ------------------------------------------------------------------------------------
    def list_path(self, spec: ListSpec) -> str:
        return f"{self.prefix}qt/tintuc/Pages/{spec.d.page}.aspx"

    def article_path(self, spec: ListSpec, item_id: int) -> str:
        return f"{self.list_path(spec)}?ItemID={item_id}"

    def page_path(self, spec: ListSpec, page: int) -> str:
        return f"{self.list_path(spec)}?Date=&Page={page}"

    def print_path(self, spec: ListSpec, item_id: int) -> str:
        return f"{self.prefix}{PRINT_PATH}?ItemID={item_id}&l=/noidung/tintuc/Lists/{spec.name}"

    def article_href(self, spec: ListSpec, item_id: int, context: str) -> str:
        """How one page links to an article: the spelling varies, deterministically."""
        roll = number(spec.salt, context, item_id, "href", below=100)
        if roll < 60:
            return self.article_path(spec, item_id)
        if roll < 75:
            return f"{spec.d.page}.aspx?ItemID={item_id}"  # relative, from a Pages/ page
        if roll < 90:
            return f"{self.prefix}qt/tintuc/pages/{spec.d.page}.aspx?itemid={item_id}"
        return self.article_path(spec, item_id) + "#top"

    # Articles --------------------------------------------------------------------------------
    def build_article(self, spec: ListSpec, index: int) -> Article:
        item_id, day = spec.item_id(index), spec.day(index)
        rng = random.Random(f"{spec.salt}/{item_id}")
        place = pick(PROVINCES, spec.salt, item_id, "place")
        topic = rng.choice(spec.d.topics)
        voice = MOJ_VOICE if topic in CENTRAL_TOPICS else PROVINCE_VOICE
        gen = TextGen(rng, place.name, place.districts, day, voice, place.agency)
        title = gen.title(topic)
        summary = gen.lead(topic)
        in_summary = len(gen.cited)
        paragraphs = gen.body(topic, opening=False)
        cited = tuple(gen.cited[in_summary:])  # what the body cites; the sapo is no part of it
        units = voice.units if voice is MOJ_VOICE else (place.agency,)
        author, unit, line = choose_byline(rng, gen, units, (0.3, 0.45, 0.15))
        edited = spec.is_edited(index)
        if edited:
            edit_paragraphs(spec, item_id, paragraphs, gen)
        markup = random.Random(f"{spec.salt}/{item_id}/markup")
        folder = f"{self.prefix}qt/tintuc/PublishingImages"
        images = pick_images(markup, gen, folder, item_id, after=(0, 1))
        return Article(
            spec, index, item_id, title, day, spec.minute(index), True, tuple(paragraphs),
            author, unit, line, summary=summary, images=images, cited=cited, edited=edited,
        )  # fmt: skip

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        # The print view duplicates every article: the real portal keeps crawlers out of it.
        return "Disallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: /SMPT_Publishing_UC/\n"

    def handle(self, request: Request) -> Response:
        path = request.path
        rel = path[len(self.prefix) :].lower()
        params = query_ci(request.query)
        if rel in HOME_PATHS:
            return self._ok(moj_html.home_page(self), "home", self.last_modified())
        if rel == RSS_PATH:
            return self._rss(request, params.get("c", "").lower())
        if rel == PRINT_PATH.lower():
            name = params.get("l", "").rstrip("/").rsplit("/", 1)[-1].lower()
            return self._article(self.by_name.get(name), params, path, printable=True)
        if _IMAGE.fullmatch(rel):
            body = thads_files.jpeg(f"{self.slug} {rel}")
            return Response(200, body, "image/jpeg", self.headers(rel), FALLBACK_MODIFIED)
        match = _CATEGORY.fullmatch(rel)
        spec = self.by_page.get(match.group(1)) if match else None
        if spec is None:
            return self.error(404, path)
        if "itemid" in params:
            return self._article(spec, params, path, printable=False)
        raw = params.get("page", "1").strip()
        page = max(1, int(raw)) if raw.isdigit() else 1
        items = self.listing(spec, page)
        html = moj_html.listing_page(self, spec, page, items)
        return self._ok(html, f"{spec.name}/p", items[0].modified() if items else None)

    def _article(
        self, spec: ListSpec | None, params: dict[str, str], path: str, printable: bool
    ) -> Response:
        raw = params.get("itemid", "").strip()
        index = spec.index_of(int(raw)) if spec and raw.isdigit() else None
        if spec is None or index is None:
            return self.error(404, path)
        if spec.is_removed(index):
            return self.error(spec.gone_status(index), path)
        art = self.article(spec, index)
        if printable:
            return self._ok(moj_html.print_page(self, art), f"print/{art.item_id}", art.modified())
        html = moj_html.article_page(self, art, self.others(art))
        return self._ok(html, f"{spec.name}/{art.item_id}", art.modified())

    def _rss(self, request: Request, category: str) -> Response:
        specs = [self.by_page[category]] if category in self.by_page else list(self.lists)
        items = sorted(
            (a for spec in specs for a in self.newest(spec, RSS_ITEMS)),
            key=lambda a: (a.local(), a.item_id),
            reverse=True,
        )[:RSS_ITEMS]
        base = "http://" + request.headers.get("host", "127.0.0.1")
        xml = moj_html.rss_feed(self, base, specs if len(specs) == 1 else None, items)
        modified = max((a.modified() for a in items), default=FALLBACK_MODIFIED)
        return Response(
            200, xml.encode("utf-8"), "application/rss+xml; charset=utf-8", (), modified
        )

    def headers(self, key: str) -> tuple[tuple[str, str], ...]:
        return sharepoint_headers(self.slug, key)

    def _ok(self, html: str, key: str, modified: datetime | None) -> Response:
        modified = modified or FALLBACK_MODIFIED
        return Response(200, encode(html), headers=self.headers(key), last_modified=modified)

    def error(self, status: int, path: str) -> Response:
        html = moj_html.error_page(self, status)
        return Response(status, encode(html), headers=self.headers(path))


def family1_sites(config: SiteConfig) -> list[Site]:
    """Every family-1 site: thads.moj.gov.vn (national + provinces) and moj.gov.vn."""
    return [*thads_sites(config), MojSite(config)]
