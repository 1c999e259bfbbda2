"""The MOJ portal platform replica: the 2025 THADS portal (demothads.moj.gov.vn/<province>/)
and, on the same code, moj.gov.vn/portal/ (moj.py), made on demand.

URLs under the prefix `/<host>/<section>/` (the section is the province or ``portal``):
  ``tin-tuc/chi-tiet/<slug>-<id>.html``         an article (a wrong slug redirects, 301)
  ``tin-tuc/chuyen-muc/<category>.html``        one category, newest first, 10 a page
  ``…/<category>.html?handler=LoadNews&pageNumber=N&chuyentrang=<section>&categoryId=<category>
  &pageSize=10``                                 page N of it as a fragment (the portal's paging)
  ``""`` or ``trang-chu``; ``tin-tuc?page=N``   home; every article (assumed, as the pager)
  ``gioi-thieu``, ``lien-he``                   static pages; ``tim-kiem?q=`` search (robots: no)
Evidenced (docs/evidence.md): the article and category URLs, the LoadNews paging, ids of 6 or 10
characters, the slugs (NFD, non-ASCII dropped: đ goes), the date DD/MM/YYYY after the title.
Assumed: the markup (html.py), the all-articles listing and its ?page=N pager.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

from replica.chrome import fill
from replica.corpus import VN
from replica.families.moj_portal import html as markup
from replica.families.thads_sharepoint.lists import choose_byline
from replica.newsroom import RosterSite, Story, base36_id, base36_index, page_number, slug_strip
from replica.site import Request, Response, SiteConfig, data_file, number, query_ci
from replica.text import Writer, doc_kinds
from replica.vocab import vocab


def data() -> dict[str, Any]:
    """portal.toml: the platform's headers, address, static pages, and moj.gov.vn's spec."""
    return data_file(__file__, "portal.toml")


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    weight: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    index: int
    ident: str
    slug: str
    day: date
    story: Story
    figures: tuple[int, ...]  # after which paragraph each image of story.images stands
    author_line: str | None
    views: int
    edited: bool
    modified: datetime


WORDS = vocab("thads_new")
CATEGORIES = tuple(Category(*row) for row in WORDS.CATEGORIES)
KINDS, STICKY = doc_kinds(WORDS.DOC_KINDS), ("khuvuc", "commune")
PAGE_SIZE = 10  # pageSize=10 in the LoadNews URLs of the evidence
FIRST_DAY, LAST_DAY = date(2024, 1, 2), date(2026, 3, 31)
NEW_FROM, NEW_PER_DAY = date(2026, 4, 1), 2
_ARTICLE = re.compile(r"tin-tuc/chi-tiet/(?:([a-z0-9-]+)-)?([a-z0-9]{6})\.html")
_CATEGORY = re.compile(r"tin-tuc/chuyen-muc/([a-z0-9-]+)\.html")


class ThadsNewSite(RosterSite):
    """One province of the 2025 THADS portal, mounted at /demothads.moj.gov.vn/<province>/."""

    family = "moj-portal"
    fallback_modified = datetime(2024, 1, 2, 1, 0, tzinfo=UTC)
    host = "demothads.moj.gov.vn"
    categories: tuple[Category, ...] = CATEGORIES

    def __init__(
        self,
        province_slug: str = "dongthap",
        province: str = "Đồng Tháp",
        config: SiteConfig | None = None,
        slug: str | None = None,
    ) -> None:
        self.config = config or SiteConfig()
        self.province_slug, self.province = province_slug, province
        self.slug = slug or f"thads-new-{province_slug}"
        self.org = f"Thi hành án dân sự tỉnh {province}"
        self.address = data()["address"].format(province=province)
        self.headers = tuple(map(tuple, data()["headers"]))
        self.prefix = f"/{self.host}/{province_slug}/"
        self.init_roster([c.weight for c in self.categories])
        self._by_key = {c.key: z for z, c in enumerate(self.categories)}

    # URLs ------------------------------------------------------------------------------------
    def article_path(self, art: Article) -> str:
        return f"{self.prefix}tin-tuc/chi-tiet/{art.slug}-{art.ident}.html"

    def listing_path(self, zone: int | None, page: int = 1) -> str:
        if zone is None:
            return f"{self.prefix}tin-tuc" + (f"?page={page}" if page > 1 else "")
        key = self.categories[zone].key
        path = f"{self.prefix}tin-tuc/chuyen-muc/{key}.html"
        if page == 1:
            return path
        return (
            f"{path}?handler=LoadNews&pageNumber={page}&chuyentrang={self.province_slug}"
            f"&categoryId={key}&pageSize={PAGE_SIZE}"
        )

    # Articles --------------------------------------------------------------------------------
    def day(self, index: int) -> date:
        base = self.roster.base
        if index >= base:
            return NEW_FROM + timedelta(days=(index - base) // NEW_PER_DAY)
        span = LAST_DAY.toordinal() - FIRST_DAY.toordinal() + 1
        jitter = number(self.salt, index, "day", below=1024)
        return date.fromordinal(
            FIRST_DAY.toordinal() + (index * 1024 + jitter) * span // (base * 1024)
        )

    def _build(self, index: int) -> Article:
        rng = random.Random(f"{self.salt}/{index}")
        day, zone = self.day(index), self.roster.section(index)
        category = self.categories[zone]
        fixed, kinds = {"prov": self.province, "agency": self.org}, KINDS
        gen = Writer(rng, day, pools=WORDS.POOLS, kinds=kinds, fixed=fixed, sticky=STICKY)
        topic = rng.choice(category.topics)
        titles, leads, own = WORDS.TOPICS[topic]
        pair = rng.randrange(len(titles))
        title, lead = gen.fill(titles[pair]), gen.fill(leads[pair])
        paragraphs = [gen.paragraph(own, WORDS.GENERIC) for _ in range(rng.randint(2, 4))]
        paragraphs = [p for p in paragraphs if p]
        if rng.random() < 0.35:
            paragraphs.append(gen.fill(gen.pick(WORDS.BULLET_LEADS)))
            paragraphs += rng.sample(WORDS.BULLETS, rng.randint(2, 4))
        paragraphs.append(gen.fill(gen.fresh(WORDS.CLOSERS)))
        story = Story(title, lead, paragraphs, category=category.name)
        slots = range(len(paragraphs) - 1)
        figures = sorted(rng.sample(slots, min(rng.randint(0, 2), len(slots))))
        for n, _ in enumerate(figures, 1):
            caption = gen.fill(gen.pick(WORDS.CAPTIONS)) if rng.random() < 0.7 else None
            url = f"/{self.host}/uploads/{self.province_slug}/{day:%Y/%m}/anh-{index}-{n}.jpg"
            story.images.append({"url": url, "caption": caption})
        unit, reporter = partial(gen.slot, "unit"), partial(gen.slot, "reporter")
        byline = choose_byline(rng.random(), (0.45, 0.7, 0.85), unit, reporter)
        story.author, story.author_unit, line = byline
        if rng.random() < 0.2:
            name = f"{rng.choice(WORDS.ATTACHMENTS)} năm {day.year}"
            kind = "pdf" if rng.random() < 0.7 else "docx"
            folder = f"/{self.host}/uploads/{self.province_slug}/files/{day:%Y/%m}"
            story.attachments.append(
                {"url": f"{folder}/{slug_strip(name)}-{index}.{kind}", "name": name, "type": kind}
            )
        edited = self.roster.edited(index)
        if edited:  # made after everything else so the base state stays byte-identical
            extra = gen.paragraph(own, WORDS.GENERIC) or gen.fill(gen.fresh(WORDS.CLOSERS))
            paragraphs.insert(len(paragraphs) - 1, extra)
        story.citations = gen.citations
        minutes = number(self.salt, index, "modified", below=600)
        modified = datetime.combine(day, time(7, 30), VN) + timedelta(minutes=minutes)
        if edited:
            modified += timedelta(days=3 + number(self.salt, index, "edit-day", below=40))
        return Article(
            index=index,
            ident=base36_id(index, self.salt),
            slug=slug_strip(title),
            day=day,
            story=story,
            figures=tuple(figures),
            author_line=line,
            views=50 + number(self.salt, index, "views", below=2000),
            edited=edited,
            modified=modified.astimezone(UTC),
        )

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        return "".join(
            f"Disallow: /{path}\n"
            for path in (f"{self.province_slug}/tim-kiem", "api/", "admin/", "uploads/tmp/")
        )

    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].lower().strip("/")
        params = query_ci(request.query)
        page = page_number(params.get("page", "1"))
        if rel in ("", "trang-chu"):
            items = self.newest(None, 0, 1)
            return self.html(markup.home_page(self), items[0].modified if items else None)
        if static := data()["static"].get(rel):
            text = static["text"].format(province=self.province)
            main = fill(markup.T["static"], heading=static["heading"], text=text)
            return self.html(markup.layout(self, static["heading"], self.prefix + rel, main), None)
        if rel == "tim-kiem":
            main = fill(markup.T["search"], asked=params.get("q", ""))
            return self.html(markup.layout(self, "Tìm kiếm", self.prefix + rel, main), None)
        if rel == "tin-tuc":
            return self._listing(None, page)
        if (match := _CATEGORY.fullmatch(rel)) and match.group(1) in self._by_key:
            zone = self._by_key[match.group(1)]
            if params.get("handler", "").lower() == "loadnews":  # the portal's own paging
                return self._listing(zone, page_number(params.get("pagenumber", "1")), True)
            return self._listing(zone, page)
        if match := _ARTICLE.fullmatch(rel):
            index = base36_index(match.group(2), self.salt)
            if index is None or index >= self.roster.total:
                return self.not_found(404)
            if index in self.roster.gone:
                return self.not_found(self.roster.status(index))
            art = self.article(index)
            if match.group(1) != art.slug:
                return Response(301, b"", headers=(("Location", self.article_path(art)),))
            return self.html(markup.article_page(self, art), art.modified)
        return self.not_found(404)

    def _listing(self, zone: int | None, page: int, fragment: bool = False) -> Response:
        indexes, last, more = self.roster.page(zone, page, PAGE_SIZE)
        items = [self.article(i) for i in indexes]
        render = markup.listing_fragment if fragment else markup.listing_page
        html = render(self, zone, page, last, items, more)
        return self.html(html, max((art.modified for art in items), default=None))

    def error_page(self, status: int) -> str:
        return markup.error_page(self, status)

    def published_text(self, art: Article) -> str:
        return art.day.isoformat()
