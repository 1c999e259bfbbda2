"""Family 1 replica: a THADS province sub-site (SharePoint 2013); articles made on demand."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from importlib import resources
from typing import Any

from replica import thads_chrome, thads_html
from replica.site import (
    Request,
    Response,
    SiteConfig,
    collapse,
    number,
    pick,
    query_ci,
    stable_uuid,
)
from replica.textgen import DONGTHAP_DISTRICTS, TextGen

# (list name in URLs, display name, share of the site's articles)
LISTS = (
    ("TinTuDiaPhuong", "Tin từ địa phương", 4),
    ("HoatDongCuaCuc", "Hoạt động của Cục", 3),
    ("HoatDongDoanThe", "Hoạt động đoàn thể", 2),
)
LIST_TOPICS = {
    "TinTuDiaPhuong": ("cuong_che", "kiem_tra", "tuyen_truyen", "dan_van"),
    "HoatDongCuaCuc": ("hoi_nghi", "tap_huan", "kiem_tra", "thi_dua"),
    "HoatDongDoanThe": ("doan_the", "binh_dang_gioi", "thi_dua", "dan_van"),
}
PROVINCE_FACTS = {
    "dongthap": (
        "Số 10, đường Võ Trường Toản, Phường 1, TP. Cao Lãnh, tỉnh Đồng Tháp",
        "0277.3851.447",
    ),
}
PAGE_SIZE = 10
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2022, 12, 31)
# The real seed article sits in the middle of HoatDongDoanThe, pinned to its real date; the
# items around it get earlier/later dates so ItemID order and date order agree.
SEED_LIST, SEED_DAY = "HoatDongDoanThe", date(2021, 11, 10)
# Exactly one article per site shows no date: the second-oldest item (index 1) of HoatDongDoanThe.
UNDATED_LIST, UNDATED_INDEX = "HoatDongDoanThe", 1
MIN_ARTICLES = 18  # so HoatDongDoanThe holds >= 4 items: undated (1) and seed (n // 2) apart
VN_TIME = timezone(timedelta(hours=7))
HOME_PATHS = ("", "pages/trangchu.aspx", "default.aspx")
_LIST_PATH = re.compile(r"noidung/tintuc/lists/([a-z]+)/view_detail\.aspx")
FRAGMENTS = ("#", "#top", "#content")


@dataclass(frozen=True)
class ListSpec:
    """One SharePoint list: its own ItemID sequence with a few deleted (missing) ids."""

    name: str
    display: str
    count: int
    first_id: int
    gap: int  # after every `gap` items one ItemID is skipped, as if the item was deleted
    salt: str
    seed_index: int | None = None

    def item_id(self, index: int) -> int:
        return self.first_id + index + index // self.gap

    def index_of(self, item_id: int) -> int | None:
        offset = item_id - self.first_id
        if offset < 0 or offset % (self.gap + 1) == self.gap:
            return None
        index = offset - offset // (self.gap + 1)
        return index if index < self.count else None

    def day(self, index: int) -> date:
        """Publication day: non-decreasing with the index, O(1), jittered per item."""
        lo_i, lo_d = -1, FIRST_DAY.toordinal()
        hi_i, hi_d = self.count, LAST_DAY.toordinal() + 1
        if self.seed_index is not None:
            if index == self.seed_index:
                return SEED_DAY
            if index < self.seed_index:
                hi_i, hi_d = self.seed_index, SEED_DAY.toordinal()
            else:
                lo_i, lo_d = self.seed_index, SEED_DAY.toordinal() + 1
        slots = hi_i - lo_i - 1
        jitter = number(self.salt, index, "day", below=1024)
        step = ((index - lo_i - 1) * 1024 + jitter) * (hi_d - lo_d) // (slots * 1024)
        return date.fromordinal(lo_d + step)

    def pages(self) -> int:
        return max(1, -(-self.count // PAGE_SIZE))


@dataclass(frozen=True)
class Article:
    spec: ListSpec
    index: int
    item_id: int
    title: str
    day: date  # also kept for the undated article: it orders the list and sets Last-Modified
    dated: bool
    paragraphs: tuple[str, ...]  # the body as text, one entry per paragraph or bullet line
    author: str | None
    author_unit: str | None
    author_line: str | None
    is_seed: bool = False

    @property
    def published(self) -> date | None:
        return self.day if self.dated else None

    def modified(self) -> datetime:
        minutes = number(self.spec.salt, self.item_id, "modified", below=600)
        local = datetime.combine(self.day, time(7, 30), VN_TIME) + timedelta(minutes=minutes)
        return local.astimezone(UTC)


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


class ThadsProvinceSite:
    """A Cục THADS province sub-site of thads.moj.gov.vn mounted at /<province_slug>/."""

    family = "thads-sharepoint"
    host = "thads.moj.gov.vn"

    def __init__(
        self,
        province_slug: str = "dongthap",
        province: str = "Đồng Tháp",
        config: SiteConfig | None = None,
        *,
        with_seed_article: bool = True,
        districts: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        config = config or SiteConfig()
        seed, articles = config.seed, config.articles
        if articles < MIN_ARTICLES:
            raise ValueError(f"a THADS site needs at least {MIN_ARTICLES} articles")
        self.config = config
        self.slug = f"thads-{province_slug}"
        self.province_slug = province_slug
        self.prefix = f"/{self.host}/{province_slug}/"
        self.province = province
        self.seed = seed
        self.districts = districts or DONGTHAP_DISTRICTS
        self.address, self.phone = PROVINCE_FACTS.get(
            province_slug, (f"Số 1, đường Trần Hưng Đạo, tỉnh {province}", "0200.3800.000")
        )
        self.portal = f"https://{province_slug}.gov.vn"
        shares = sum(share for *_, share in LISTS)
        counts = [articles * share // shares for *_, share in LISTS]
        counts[0] += articles - sum(counts)
        self.lists: tuple[ListSpec, ...] = tuple(
            ListSpec(
                name=name,
                display=display,
                count=count,
                first_id=10 + number(seed, self.slug, name, "first", below=11),
                gap=6 + number(seed, self.slug, name, "gap", below=7),
                salt=f"{seed}/{self.slug}/{name}",
                seed_index=count // 2 if with_seed_article and name == SEED_LIST else None,
            )
            for (name, display, _), count in zip(LISTS, counts, strict=True)
        )
        self._by_lower = {spec.name.lower(): spec for spec in self.lists}
        self.article = lru_cache(maxsize=2048)(self._build_article)

    def article_count(self) -> int:
        return sum(spec.count for spec in self.lists)

    # URLs ------------------------------------------------------------------------------------
    def list_path(self, spec: ListSpec) -> str:
        return f"{self.prefix}noidung/tintuc/Lists/{spec.name}/View_Detail.aspx"

    def article_path(self, spec: ListSpec, item_id: int) -> str:
        return f"{self.list_path(spec)}?ItemID={item_id}"

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
        return f"{self.prefix}noidung/tintuc/lists/{spec.name}/view_detail.aspx?itemid={item_id}"

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
    def _build_article(self, spec: ListSpec, index: int) -> Article:
        item_id, day = spec.item_id(index), spec.day(index)
        if index == spec.seed_index:
            title, _, lines, unit = seed_article()
            return Article(
                spec,
                index,
                item_id,
                title,
                day,
                dated=True,
                paragraphs=lines,
                author=None,
                author_unit=unit,
                author_line=f"Theo {unit}",
                is_seed=True,
            )
        rng = random.Random(f"{spec.salt}/{item_id}")
        gen = TextGen(rng, self.province, self.districts, day)
        topic = rng.choice(LIST_TOPICS[spec.name])
        title = gen.title(topic)
        if rng.random() < 0.1:
            title = title.upper()
        paragraphs = gen.body(topic)
        if rng.random() < 0.15:  # a Word-style footnote: marker in the text, note at the end
            first, sep, rest = paragraphs[0].partition(", ")
            paragraphs[0] = f"{first}[1]{sep}{rest}"
            paragraphs.append(f"[1] {gen.document()}.")
        author = unit = line = None
        roll = rng.random()
        if roll < 0.5:
            unit = gen.unit()
            line = f"Theo {unit}"
        elif roll < 0.7:
            author, unit = gen.byline(gen.name()), gen.unit()
            line = f"{author} – {unit}"
        elif roll < 0.85:
            author = line = gen.byline(gen.name())
        dated = not (spec.name == UNDATED_LIST and index == UNDATED_INDEX)
        return Article(
            spec,
            index,
            item_id,
            title,
            day,
            dated=dated,
            paragraphs=tuple(paragraphs),
            author=author,
            author_unit=unit,
            author_line=line,
        )

    def newest(self, spec: ListSpec, start: int, count: int) -> list[Article]:
        """`count` articles of `spec` from position `start` in newest-first order."""
        top = spec.count - 1 - start
        return [self.article(spec, i) for i in range(top, max(-1, top - count), -1)]

    def others(self, art: Article, count: int = 5) -> list[Article]:
        """The "Các tin khác" items: the next older ones, topped up with newer ones."""
        spec = art.spec
        older = range(art.index - 1, max(-1, art.index - 1 - count), -1)
        newer = range(art.index + 1, min(spec.count, art.index + 1 + count - len(older)))
        return [self.article(spec, i) for i in sorted((*older, *newer), reverse=True)]

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        return "".join(
            f"Disallow: /{self.province_slug}/{private}/\n" for private in ("_layouts", "_vti_bin")
        )

    def handle(self, request: Request) -> Response:
        path = request.path
        rel = path[len(self.prefix) :].lower()
        params = query_ci(request.query)
        if rel in HOME_PATHS:
            newest = max(self.lists, key=lambda s: s.day(s.count - 1))
            modified = self.article(newest, newest.count - 1).modified()
            return self._ok(thads_html.home_page(self), "home", modified)
        if rel.startswith("pages/") and rel[6:] in thads_html.STATIC_PAGES:
            return self._ok(thads_html.static_page(self, rel[6:]), rel, None)
        match = _LIST_PATH.fullmatch(rel)
        spec = self._by_lower.get(match.group(1)) if match else None
        if spec is None:
            return self.not_found(path)
        if "itemid" in params:
            raw = params["itemid"].strip()
            index = spec.index_of(int(raw)) if raw.isdigit() else None
            if index is None:
                return self.not_found(path)
            art = self.article(spec, index)
            html = thads_html.article_page(self, art, self.others(art))
            return self._ok(html, f"{spec.name}/{art.item_id}", art.modified())
        raw = params.get("page", "1").strip()
        page = max(1, int(raw)) if raw.isdigit() else 1
        items = self.newest(spec, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        html = thads_html.listing_page(self, spec, page, items)
        return self._ok(html, f"{spec.name}/p", items[0].modified() if items else None)

    def headers(self, key: str) -> tuple[tuple[str, str], ...]:
        guid = str(stable_uuid(self.slug, key, "request"))
        return (
            ("Server", "Microsoft-IIS/10.0"),
            ("Cache-Control", "private, max-age=0"),
            ("X-SharePointHealthScore", "0"),
            ("X-AspNet-Version", "4.0.30319"),
            ("SPRequestGuid", guid),
            ("request-id", guid),
            ("X-FRAME-OPTIONS", "SAMEORIGIN"),
            ("X-Powered-By", "ASP.NET"),
            ("MicrosoftSharePointTeamServices", "15.0.0.4797"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-MS-InvokeApp", "1; RequireReadOnly"),
        )

    def _ok(self, html: str, key: str, modified: datetime | None) -> Response:
        modified = modified or datetime(2022, 12, 31, 10, 0, tzinfo=UTC)
        return Response(200, _encode(html), headers=self.headers(key), last_modified=modified)

    def not_found(self, path: str) -> Response:
        html = thads_chrome.error_page(self, path)
        modified = datetime(2022, 12, 31, 10, 0, tzinfo=UTC)
        return Response(404, _encode(html), headers=self.headers(path), last_modified=modified)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for spec in self.lists:
            for index in range(spec.count):
                art = self.article(spec, index)
                paragraphs = [collapse(p) for p in art.paragraphs]
                published = art.published
                yield {
                    "site": self.slug,
                    "url": base_url + self.article_path(spec, art.item_id),
                    "list": spec.name,
                    "item_id": art.item_id,
                    "title": art.title,
                    "published": published.isoformat() if published else None,
                    "author_unit": art.author_unit,
                    "author": art.author,
                    "first_paragraph": paragraphs[0],
                    "last_paragraph": paragraphs[-1],
                    "paragraph_count": len(paragraphs),
                    "body_text": "\n\n".join(paragraphs),
                }


def _encode(html: str) -> bytes:
    # SharePoint serves CRLF line endings.
    return html.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
