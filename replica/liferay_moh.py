"""Family 4 replica: moh.gov.vn (Liferay 6.2) with onclick-only links and a 502 on first fetch."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from datetime import date
from urllib.parse import quote

from replica import liferay_html as lh
from replica.govcorpus import slugify
from replica.liferay import Item, LiferaySite, Section
from replica.site import Request, Response, SiteConfig, number

_SECTION = re.compile(r"web/guest/([a-z0-9-]+)")
_ARTICLE = re.compile(r"([a-z0-9-]+)/-/asset_publisher/([a-z0-9]+)/content/([a-z0-9-]+)-(\d+)")
_RSS = re.compile(r"rss/-/asset_publisher/([a-z0-9]+)/rss")
RSS_SIZE = 20
ONCLICK_INDEX, FLAKY_INDEX = 3, 7  # always present (sites have more than 7 articles)


class MohSite(LiferaySite):
    """moh.gov.vn: asset publisher pages /web/guest/<section>, articles under /<section>/-/…"""

    slug = "moh"
    host = "moh.gov.vn"
    agency = "Bộ Y tế"
    portal_name = "Cổng thông tin điện tử Bộ Y tế"
    address = "Số 138A Giảng Võ, Hà Nội. Điện thoại: 024.6273.2273"
    domain = "health"
    theme = "moh-theme"
    body_class = "moh-theme"
    company_id = "10154"
    group_id = 20182
    search_path = "web/guest/tim-kiem"
    search_param = "_3_keywords"
    page_size = 20
    has_rss = True
    bylines = ("source", "author", "author_source")
    attachment_rate = 0.1
    first_day, last_day = date(2019, 1, 1), date(2026, 10, 31)
    id_space = (2_300_017, 4)
    sections_spec = (
        ("tin-noi-bat", "Tin nổi bật", ("phong_dich", "kham_chua_benh"), 2),
        ("tin-tong-hop", "Tin tổng hợp", ("kham_chua_benh", "duoc_attp", "phong_dich"), 3),
        ("hoat-dong-cua-lanh-dao-bo", "Hoạt động của lãnh đạo Bộ", ("lanh_dao",), 2),
    )
    menu_extra = (("web/guest/gioi-thieu", "Giới thiệu"), ("web/guest/tim-kiem", "Tìm kiếm"))
    headers = (
        ("Server", "nginx"),
        (
            "Liferay-Portal",
            "Liferay Portal Community Edition 6.2 CE GA6 (Newton / Build 6205 / January 6, 2016)",
        ),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Cache-Control", "private, no-cache, no-store, must-revalidate"),
    )

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(config)
        self._lock = threading.Lock()
        self._answered: set[int] = set()  # flaky articles that already had their 502

    def is_onclick(self, index: int) -> bool:
        """About one link in eight is a clickable div, never an <a href>."""
        if index == FLAKY_INDEX:
            return False
        return index == ONCLICK_INDEX or number(self.salt, index, "onclick", below=100) < 12

    def is_flaky(self, index: int) -> bool:
        """About one article in 25 (and always the eighth) answers 502 to its first request."""
        if index == ONCLICK_INDEX:
            return False
        return index == FLAKY_INDEX or number(self.salt, index, "502", below=25) == 0

    def url_title(self, item: Item) -> str:
        return f"{slugify(item.story.title)}-{item.ident}"

    def item_href(self, item: Item) -> str:
        sec = item.section
        return (
            f"{self.prefix}{sec.slug}/-/asset_publisher/{sec.inst}/content/{self.url_title(item)}"
        )

    def related_href(self, item: Item) -> str:
        """Liferay 6.2 adds a redirect back to the current page to some asset links."""
        href = self.item_href(item)
        if number(self.salt, item.index, "redirect", below=3):
            return href
        back = quote(self.section_path(item.section), safe="")
        return f"{href}?inheritRedirect=false&redirect={back}"

    def section_path(self, section: Section) -> str:
        return f"{self.prefix}web/guest/{section.slug}"

    def rss_path(self, section: Section) -> str:
        return f"{self.prefix}rss/-/asset_publisher/{section.inst}/rss"

    def namespace(self, section: Section) -> str:
        return f"_101_INSTANCE_{section.inst}_"

    def page_href(self, section: Section, page: int) -> str:
        ns = self.namespace(section)
        return (
            f"{self.section_path(section)}?p_p_id={ns.strip('_')}&p_p_lifecycle=0"
            "&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_count=1"
            f"&{ns}cur={page}&{ns}delta={self.page_size}"
        )

    def robots(self) -> str:
        return "Disallow: /web/guest/tim-kiem\nDisallow: /c/\nDisallow: /api/jsonws\n"

    def by_inst(self, inst: str) -> Section | None:
        return next((s for s in self.sections if s.inst.lower() == inst), None)

    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        match = _SECTION.fullmatch(rel)
        if match:
            section = next((s for s in self.sections if s.slug == match.group(1)), None)
            if section is None:
                return None
            raw = params.get(f"{self.namespace(section)}cur".lower(), "1")
            return self.listing(section, max(1, int(raw)) if raw.isdigit() else 1)
        match = _ARTICLE.fullmatch(rel)
        if match:
            return self._article(*match.groups())
        match = _RSS.fullmatch(rel)
        section = self.by_inst(match.group(1)) if match else None
        if section is not None:
            return self._rss(section, f"http://{request.headers.get('host', self.host)}")
        return None

    def _article(self, slug: str, inst: str, title: str, ident: str) -> Response | None:
        index = self.ids.index_of(int(ident), self.corpus.total)
        if index is None:
            return None
        item = self.item(index)
        if (slug, inst) != (item.section.slug, item.section.inst.lower()):
            return None
        if f"{title}-{ident}" != self.url_title(item):
            return None
        if item.flaky and item.status == 200:
            with self._lock:
                first = index not in self._answered
                self._answered.add(index)
            if first:
                return Response(502, lh.BAD_GATEWAY.encode("ascii"), headers=(("Server", "nginx"),))
        return self.article(item)

    def _rss(self, section: Section, base: str) -> Response:
        n, items, start = self.sections.index(section), [], 0
        while len(items) < RSS_SIZE and start < 10 * RSS_SIZE:
            batch = self.live(self.corpus.newest(n, start, RSS_SIZE))
            items += [i for i in batch if not i.onclick][: RSS_SIZE - len(items)]
            if len(batch) < RSS_SIZE:
                break
            start += RSS_SIZE
        body = lh.rss(self, section, items, base).encode("utf-8")
        modified = items[0].modified if items else None
        ctype = "application/rss+xml; charset=UTF-8"
        return Response(200, body, ctype, self.headers, modified)

    def article_page(self, item: Item) -> str:
        return moh_article(self, item, self.others(item))

    def shown_published(self, item: Item) -> str | None:
        """Style 1 shows only the day ("Thứ tư, 14/01/2026 (GMT+7)"); the others a time too."""
        if item.date_style == 1:
            return item.published.date().isoformat()
        return super().shown_published(item)


def moh_article(site: MohSite, item: Item, others: Sequence[Item]) -> str:
    """Asset publisher full content: title in h1 or .header-title, .time-post, .sapo, body."""
    story, section = item.story, item.section
    header = heading = ""
    if item.index % 2:
        header = (
            '<div class="taglib-header"><span class="header-back-to"><a href="'
            f'{lh.attr(site.section_path(section))}">«</a></span>\n'
            f'<h3 class="header-title"><span>{lh.text(story.title)}</span></h3></div>\n'
        )
    else:
        heading = f'<h1 class="title-detail">{lh.text(story.title)}</h1>\n'
    style = 0 if item.updated and item.date_style == 2 else item.date_style
    shown = (
        lh.hhmm_dmy(item.published),
        lh.gmt7(item.published, False),
        lh.gmt7(item.published, True),
    )
    updated = ""
    if item.updated:
        updated = f'<div class="time-update">{lh.gmt7(item.updated, True)}</div>\n'
    sapo = f'<div class="sapo">{lh.text(story.sapo)}</div>\n' if story.sapo else ""
    inside = item.index % 4 != 1
    body = lh.body_html(site, item, byline_inside=inside)
    after = "" if inside else lh.byline_block(item)
    files, tags = lh.attachments_block(site, item), lh.tags_block(site, item)
    main = (
        '<div class="portlet-boundary portlet-asset-publisher"'
        f' id="p_p_id{site.namespace(section)}">\n'
        f'<section class="portlet"><div class="portlet-content">\n{header}'
        '<div class="asset-full-content default-asset-publisher show-asset-title">\n'
        '<div class="asset-content">\n<div class="journal-content-article">\n'
        f'{heading}<div class="time-post">{shown[style]}</div>\n{updated}{sapo}'
        f'<div class="contentDetail">\n{body}\n</div>\n{after}\n</div>\n{files}\n{tags}\n'
        f"</div></div>\n{lh.other_news(site, others, 'Các tin khác')}\n"
        "</div></section></div>"
    )
    return lh.shell(site, story.title, main, canonical=None)
