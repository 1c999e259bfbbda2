"""Family 1 replica: thads.moj.gov.vn (SharePoint 2013), the national site and province sub-sites.

Each site is a handful of SharePoint lists whose items are made on demand from
(seed, site, list, index); see replica/thads_lists.py for the list model and the knobs.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

from replica import files
from replica.families.thads_sharepoint import chrome as thads_chrome
from replica.families.thads_sharepoint import html as thads_html
from replica.families.thads_sharepoint.lists import (
    FALLBACK_MODIFIED,
    Article,
    Attachment,
    ListDef,
    ListSite,
    ListSpec,
    choose_byline,
    edit_paragraphs,
    pick_images,
)
from replica.places import BY_SLUG, NATIONAL, PROVINCES, Place
from replica.site import Request, Response, SiteConfig, number, pick, query_ci
from replica.text.thads import PROVINCE_VOICE, TextGen, Voice
from replica.vocab import vocab

THADS_WORDS = vocab("thads")

PROVINCE_LISTS = (
    ListDef(
        "TinTuDiaPhuong",
        "Tin từ địa phương",
        7,
        ("cuong_che", "kiem_tra", "tuyen_truyen", "dan_van"),
    ),
    ListDef(
        "HoatDongCuaCuc", "Hoạt động của Cục", 5, ("hoi_nghi", "tap_huan", "kiem_tra", "thi_dua")
    ),
    ListDef(
        "HoatDongDoanThe",
        "Hoạt động đoàn thể",
        4,
        ("doan_the", "binh_dang_gioi", "thi_dua", "dan_van"),
    ),
    ListDef("ThongBao", "Thông báo", 2, tuple(THADS_WORDS.NOTICES), web="thongbao"),
)
NATIONAL_LISTS = (
    ListDef("TinTuBoTuPhap", "Tin từ Bộ Tư pháp", 3, ("bo_tu_phap",)),
    ListDef("ChiDaoDieuHanh", "Chỉ đạo điều hành", 2, ("chi_dao",)),
    ListDef("NghienCuuTraoDoi", "Nghiên cứu trao đổi", 2, ("nghien_cuu",)),
    ListDef("TuThucTien", "Từ thực tiễn", 3, ("cuong_che", "kiem_tra", "tuyen_truyen", "tap_huan")),
    ListDef("HoatDongDangDoanThe", "Hoạt động Đảng, đoàn thể", 2, ("doan_the_tw",)),
)
NATIONAL_VOICE = Voice(
    THADS_WORDS.NATIONAL_UNITS,
    THADS_WORDS.NATIONAL_ORG_UNITS,
    THADS_WORDS.NATIONAL_POSITIONS,
    THADS_WORDS.CENTRAL_DOCUMENTS,
    THADS_WORDS.CENTRAL_GENERIC,
    THADS_WORDS.CENTRAL_CLOSERS,
    local=False,
)
NOTICE_VOICE = Voice(documents=THADS_WORDS.NOTICE_DOCUMENTS)
# The real seed article sits in the middle of HoatDongDoanThe, pinned to its real date; the
# items around it get earlier/later dates so ItemID order and date order agree.
SEED_LIST, SEED_DAY = "HoatDongDoanThe", date(2021, 11, 10)
SEED_CITED = (
    {
        "number": "321/KH-UBND",
        "type": "Kế hoạch",
        "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
        "date": "2021-11-02",
    },
)
MIN_ARTICLES = 18  # so HoatDongDoanThe holds >= 4 items: undated (1) and seed (n // 2) apart
HOME_PATHS = ("", "pages/trangchu.aspx", "default.aspx")
_LIST_PATH = re.compile(r"noidung/(tintuc|thongbao)/lists/([a-z]+)/view_detail\.aspx")
_ATTACHMENT = re.compile(r"noidung/thongbao/lists/thongbao/attachments/(\d+)/([^/]+)")
_IMAGE = re.compile(r"noidung/tintuc/publishingimages/[^/]+/[^/]+/[^/]+\.jpe?g")
FRAGMENTS = ("#", "#top", "#content")


@lru_cache(maxsize=1)
def seed_article() -> tuple[str, date, tuple[str, ...], str]:
    """Parse replica/seed_article.txt: (title, date, body lines verbatim, author unit)."""
    text = resources.files("replica").joinpath("seed_article.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    # Reading order: Sign In, title, date, title again, body..., "Theo <unit>", widget.
    if lines[0] != "Sign In" or lines[3] != lines[1] or not lines[-2].startswith("Theo "):
        raise ValueError("seed_article.txt does not have the expected layout")
    day = datetime.strptime(lines[2].strip(), "%d/%m/%Y").date()
    if day != SEED_DAY:
        raise ValueError(f"seed article date {day} != {SEED_DAY}")
    return lines[1].strip(), day, tuple(lines[4:-2]), lines[-2].removeprefix("Theo ").strip()


class ThadsSite(ListSite):
    """One site of thads.moj.gov.vn: the national site at the root or a Cục THADS sub-site."""

    host = "thads.moj.gov.vn"

    def __init__(
        self, place: Place, config: SiteConfig, *, national: bool, with_seed_article: bool
    ) -> None:
        if config.articles < MIN_ARTICLES:
            raise ValueError(f"a THADS site needs at least {MIN_ARTICLES} articles")
        self.place, self.national = place, national
        self.province_slug = place.slug  # "" on the national site
        self.slug = "thads-national" if national else f"thads-{place.slug}"
        self.prefix = f"/{self.host}/" + (f"{place.slug}/" if place.slug else "")
        self.province, self.agency = place.name, place.agency
        self.address, self.phone, self.portal = place.address, place.phone, place.portal
        self.districts = place.districts
        self.repeat_title = not national  # province pages repeat the title as the first line
        defs = NATIONAL_LISTS if national else PROVINCE_LISTS
        base = 3000 if national else 10
        self.init_lists(
            defs,
            config,
            lambda name: base + number(config.seed, self.slug, name, "first", below=11),
            seed_list=SEED_LIST if with_seed_article else None,
            seed_day=SEED_DAY,
            undated_list=defs[2].name,
        )

    # URLs ------------------------------------------------------------------------------------
    def list_path(self, spec: ListSpec) -> str:
        return f"{self.prefix}noidung/{spec.d.web}/Lists/{spec.name}/View_Detail.aspx"

    def article_path(self, spec: ListSpec, item_id: int) -> str:
        key = "itemid" if spec.d.web == "thongbao" else "ItemID"  # as real notice links write it
        return f"{self.list_path(spec)}?{key}={item_id}"

    def article_href(self, spec: ListSpec, item_id: int, context: str, relative: bool) -> str:
        """How one page links to an article: the spelling varies, deterministically."""
        canonical = self.article_path(spec, item_id)
        roll = number(spec.salt, context, item_id, "href", below=100)
        if roll < 55:
            return canonical
        if roll < 70:
            return canonical.lower()
        if roll < 85 and relative:
            return f"View_Detail.aspx?ItemID={item_id}"
        if roll < 95:
            return canonical + pick(FRAGMENTS, spec.salt, context, item_id)
        lower = f"{self.prefix}noidung/{spec.d.web}/lists/{spec.name}/view_detail.aspx"
        return f"{lower}?itemid={item_id}"

    def page_href(self, spec: ListSpec, page: int, context: str) -> str:
        roll = number(spec.salt, context, page, "page-href", below=4)
        query = "" if page == 1 and roll == 0 else f"?Page={page}"
        return (
            f"View_Detail.aspx{query}",
            f"{self.list_path(spec)}{query}",
            f"view_detail.aspx{query.lower()}",
            f"{self.list_path(spec).lower()}{query}",
        )[roll]

    # Articles --------------------------------------------------------------------------------
    def build_article(self, spec: ListSpec, index: int) -> Article:
        item_id, day = spec.item_id(index), spec.day(index)
        if index == spec.seed_index:
            title, _, lines, unit = seed_article()
            return Article(
                spec,
                index,
                item_id,
                title,
                day,
                None,
                True,
                lines,
                None,
                unit,
                f"Theo {unit}",
                cited=SEED_CITED,
                style="seed",
                is_seed=True,
            )
        rng = random.Random(f"{spec.salt}/{item_id}")
        place = self.place
        if self.national:  # national news is about one province or another
            place = pick(PROVINCES, spec.salt, item_id, "place")
        topic = rng.choice(spec.d.topics)
        notice = spec.d.web == "thongbao"
        voice = NOTICE_VOICE if notice else PROVINCE_VOICE
        if topic in THADS_WORDS.CENTRAL_TOPICS:
            voice = NATIONAL_VOICE
        gen = TextGen(rng, place.name, place.districts, day, voice, place.agency)
        files: tuple[str, ...] = ()
        if notice:
            titles, templates, files = THADS_WORDS.NOTICES[topic]
            title = gen.fill(rng.choice(titles))
            paragraphs = [gen.fill(t) for t in templates]
        else:
            title = gen.title(topic)
            if rng.random() < 0.1:
                title = title.upper()
            paragraphs = gen.body(topic)
            if rng.random() < 0.15:  # a Word-style footnote: marker in the text, note at the end
                first, sep, rest = paragraphs[0].partition(", ")
                paragraphs[0] = f"{first}[1]{sep}{rest}"
                paragraphs.append(f"[1] {gen.document()}.")
        cited = tuple(gen.cited)
        author = unit = line = None
        if not notice:
            units = voice.units if voice is NATIONAL_VOICE or not self.national else (place.agency,)
            if voice is NATIONAL_VOICE:  # most national items come from the Tổng cục's office
                units = ("Văn phòng Tổng cục",) * 4 + units
            weights = (0.25, 0.45, 0.15) if self.national else (0.5, 0.2, 0.15)
            author, unit, line = choose_byline(rng, gen, units, weights)
        edited = spec.is_edited(index)
        if edited:
            edit_paragraphs(spec, item_id, paragraphs, gen)
        markup = random.Random(f"{spec.salt}/{item_id}/markup")
        style = markup.choices(("p", "mso", "div", "br"), weights=(45, 15, 20, 20))[0]
        folder = f"{self.prefix}noidung/tintuc/PublishingImages"
        images = () if notice or style == "br" else pick_images(markup, gen, folder, item_id)
        attachments = self._attachments(spec, item_id, day, files, markup) if notice else ()
        return Article(
            spec,
            index,
            item_id,
            title,
            day,
            None,
            index != spec.undated_index,
            tuple(paragraphs),
            author,
            unit,
            line,
            images=images,
            attachments=attachments,
            cited=cited,
            style=style,
            edited=edited,
        )

    def _attachments(
        self, spec: ListSpec, item_id: int, day: date, files: tuple[str, ...], rng: random.Random
    ) -> tuple[Attachment, ...]:
        names = rng.sample(files, min(len(files), rng.randint(1, 2)))
        folder = f"{self.list_path(spec).rsplit('/', 1)[0]}/Attachments/{item_id}"
        out = []
        for name in names:
            name = name.format(k=rng.randint(3, 240), year=day.year)
            out.append(Attachment(f"{folder}/{name}", name, name.rsplit(".", 1)[1]))
        return tuple(out)

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        root = f"/{self.province_slug}/" if self.province_slug else "/"
        return "".join(f"Disallow: {root}{private}/\n" for private in ("_layouts", "_vti_bin"))

    def handle(self, request: Request) -> Response:
        path = request.path
        rel = path[len(self.prefix) :].lower()
        params = query_ci(request.query)
        if rel in HOME_PATHS:
            return self._ok(thads_html.home_page(self), "home", self.last_modified())
        if rel.startswith("pages/") and rel[6:] in thads_html.STATIC_PAGES:
            return self._ok(thads_html.static_page(self, rel[6:]), rel, None)
        if match := _ATTACHMENT.fullmatch(rel):
            return self._attachment(int(match.group(1)), match.group(2), path)
        if _IMAGE.fullmatch(rel):
            body = files.jpeg(f"{self.slug} {rel}")
            return Response(200, body, "image/jpeg", self.headers(rel), FALLBACK_MODIFIED)
        match = _LIST_PATH.fullmatch(rel)
        spec = self.by_name.get(match.group(2)) if match else None
        if match is None or spec is None or spec.d.web != match.group(1):
            return self.error(404, path)
        if "itemid" in params:
            raw = params["itemid"].strip()
            index = spec.index_of(int(raw)) if raw.isdigit() else None
            if index is None:
                return self.error(404, path)
            if spec.is_removed(index):
                return self.error(spec.gone_status(index), path)
            art = self.article(spec, index)
            html = thads_html.article_page(self, art, self.others(art))
            return self._ok(html, f"{spec.name}/{art.item_id}", art.modified())
        raw = params.get("page", "1").strip()
        page = max(1, int(raw)) if raw.isdigit() else 1
        items = self.listing(spec, page)
        html = thads_html.listing_page(self, spec, page, items)
        return self._ok(html, f"{spec.name}/p", items[0].modified() if items else None)

    def _attachment(self, item_id: int, name: str, path: str) -> Response:
        spec = self.by_name["thongbao"]
        index = spec.index_of(item_id)
        if index is None or spec.is_removed(index):
            return self.error(404, path)
        art = self.article(spec, index)
        for att in art.attachments:
            if att.name.lower() == name:
                lines = [art.title, self.agency, att.name, *art.paragraphs]
                body = files.attachment_bytes(att.kind, lines, art.modified())
                content_type = files.content_type(att.kind)
                return Response(200, body, content_type, self.headers(path), art.modified())
        return self.error(404, path)

    def headers(self, key: str) -> tuple[tuple[str, str], ...]:
        return thads_chrome.sharepoint_headers(self.slug, key)

    def _ok(self, html: str, key: str, modified: datetime | None) -> Response:
        modified = modified or FALLBACK_MODIFIED
        return Response(200, encode(html), headers=self.headers(key), last_modified=modified)

    def error(self, status: int, path: str) -> Response:
        """SharePoint's error page: 404 for what never existed, 404 or 410 for removed items."""
        html = thads_chrome.error_page(self, path, gone=status == 410)
        headers = self.headers(path)
        return Response(status, encode(html), headers=headers, last_modified=FALLBACK_MODIFIED)


class ThadsProvinceSite(ThadsSite):
    """A Cục THADS province sub-site of thads.moj.gov.vn mounted at /<province_slug>/."""

    def __init__(
        self,
        province_slug: str = "dongthap",
        province: str = "Đồng Tháp",
        config: SiteConfig | None = None,
        *,
        with_seed_article: bool | None = None,
    ) -> None:
        place = BY_SLUG[province_slug]
        if place.name != province:
            raise ValueError(f"{province_slug} is {place.name}, not {province}")
        if with_seed_article is None:
            with_seed_article = province_slug == "dongthap"  # the seed is a Đồng Tháp page
        super().__init__(
            place, config or SiteConfig(), national=False, with_seed_article=with_seed_article
        )


class ThadsNationalSite(ThadsSite):
    """The Tổng cục THADS site at the root of thads.moj.gov.vn."""

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__(NATIONAL, config or SiteConfig(), national=True, with_seed_article=False)


def thads_sites(config: SiteConfig) -> list[ThadsSite]:
    """The national site and every province sub-site the replica mounts."""
    provinces = [ThadsProvinceSite(p.slug, p.name, config) for p in PROVINCES]
    return [ThadsNationalSite(config), *provinces]


def encode(html: str) -> bytes:
    # SharePoint serves CRLF line endings.
    return html.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
