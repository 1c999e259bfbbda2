"""Family 1 replica: thads.moj.gov.vn (SharePoint 2013), the national site and province sub-sites.

Each site is a handful of SharePoint lists (thads.toml) whose items are made on demand from
(seed, site, list, index); see lists.py for the list model and the knobs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from functools import cache, lru_cache, partial
from importlib import resources
from itertools import filterfalse, islice
from typing import Any
from urllib.parse import quote

from replica import files
from replica.families.thads_sharepoint import html
from replica.families.thads_sharepoint.lists import (
    FALLBACK_MODIFIED,
    PAGE_SIZE,
    SEED_DAY,
    Article,
    Attachment,
    Byline,
    ListSpec,
    choose_byline,
    data,
    edit_paragraphs,
    pick_images,
    split,
)
from replica.places import NATIONAL, PROVINCES, Place
from replica.site import (
    Request,
    Response,
    SiteConfig,
    number,
    pick,
    query_ci,
    stable_uuid,
    truth_line,
)
from replica.text.thads import PROVINCE_VOICE, TextGen, Voice
from replica.vocab import vocab

THADS_WORDS = vocab("thads")
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
# The seed article sits in the middle of its list; the items around it get earlier/later
# dates so ItemID order and date order agree.
SEED_SITE, SEED_LIST = "dongthap", "HoatDongDoanThe"
MIN_ARTICLES = 18  # so HoatDongDoanThe holds >= 4 items: undated (1) and seed (n // 2) apart
HOME_PATHS = ("", "pages/trangchu.aspx", "default.aspx")
_LIST_PATH = re.compile(r"noidung/(tintuc|thongbao)/lists/([a-z]+)/view_detail\.aspx")
_ATTACHMENT = re.compile(r"noidung/thongbao/lists/thongbao/attachments/(\d+)/([^/]+)")
_IMAGE = re.compile(r"noidung/tintuc/publishingimages/[^/]+/[^/]+/[^/]+\.jpe?g")
FRAGMENTS = ("#", "#top", "#content")


@cache
def seed_article() -> tuple[str, tuple[str, ...], str]:
    """Parse replica/seed_article.txt: (title, body lines verbatim, author unit)."""
    text = resources.files("replica").joinpath("seed_article.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    # Reading order: Sign In, title, date, title again, body..., "Theo <unit>", widget.
    if lines[0] != "Sign In" or lines[3] != lines[1] or not lines[-2].startswith("Theo "):
        raise ValueError("seed_article.txt does not have the expected layout")
    day = datetime.strptime(lines[2].strip(), "%d/%m/%Y").date()
    if day != SEED_DAY:
        raise ValueError(f"seed article date {day} != {SEED_DAY}")
    return lines[1].strip(), tuple(lines[4:-2]), lines[-2].removeprefix("Theo ").strip()


class ThadsSite:
    """One site of thads.moj.gov.vn: the national site at the root or a Cục THADS sub-site."""

    family = "thads-sharepoint"
    host = "thads.moj.gov.vn"

    def __init__(self, place: Place, config: SiteConfig | None = None) -> None:
        self.config = config = config or SiteConfig()
        if config.articles < MIN_ARTICLES:
            raise ValueError(f"a THADS site needs at least {MIN_ARTICLES} articles")
        self.place, self.national = place, not place.slug  # the national site is at the root
        self.province_slug = place.slug
        self.slug = "thads-national" if self.national else f"thads-{place.slug}"
        self.prefix = f"/{self.host}/" + (f"{place.slug}/" if place.slug else "")
        self.lists = self._lists(data()["national_lists" if self.national else "province_lists"])
        self.by_name = {spec.name.lower(): spec for spec in self.lists}
        self.article = lru_cache(maxsize=2048)(self.build_article)

    def _lists(self, defs: list[dict[str, Any]]) -> tuple[ListSpec, ...]:
        seed, base = self.config.seed, 3000 if self.national else 10
        counts = split(self.config.articles, [d["share"] for d in defs])
        news = split(self.config.new_articles, [d["share"] for d in defs])
        seeds = [
            c // 2 if self.province_slug == SEED_SITE and d["name"] == SEED_LIST else None
            for d, c in zip(defs, counts, strict=True)
        ]
        removed = self._pick_removed(counts, seeds)
        return tuple(
            ListSpec(
                d["name"],
                d["display"],
                tuple(d["topics"]) or tuple(THADS_WORDS.NOTICES),  # a notices list: every kind
                d.get("web", "tintuc"),
                replace(
                    self.config,
                    articles=counts[k],
                    new_articles=news[k],
                    edits=self.config.edits if k == 0 else 0,  # the site's main list
                    remove=len(removed[k]),
                ),
                first_id=base + number(seed, self.slug, d["name"], "first", below=11),
                gap=6 + number(seed, self.slug, d["name"], "gap", below=7),
                salt=f"{seed}/{self.slug}/{d['name']}",
                seed_index=seeds[k],
                undated_index=1 if k == 2 else None,
                removed=frozenset(removed[k]),
            )
            for k, d in enumerate(defs)
        )

    def _pick_removed(self, counts: list[int], seeds: list[int | None]) -> list[list[int]]:
        """`config.remove` base items chosen by a seeded RNG (never the seed article)."""
        usable = [c - (s is not None) for c, s in zip(counts, seeds, strict=True)]
        rng = random.Random(f"{self.config.seed}/{self.slug}/remove")
        chosen = sorted(rng.sample(range(sum(usable)), min(self.config.remove, sum(usable))))
        per_list: list[list[int]] = [[] for _ in counts]
        for pos in chosen:  # the pos-th eligible item: find its list, step over the seed
            k = 0
            while pos >= usable[k]:
                pos, k = pos - usable[k], k + 1
            seed = seeds[k]
            per_list[k].append(pos + 1 if seed is not None and pos >= seed else pos)
        return per_list

    # URLs ------------------------------------------------------------------------------------
    def list_path(self, spec: ListSpec) -> str:
        return f"{self.prefix}noidung/{spec.web}/Lists/{spec.name}/View_Detail.aspx"

    def article_path(self, spec: ListSpec, item_id: int) -> str:
        key = "itemid" if spec.web == "thongbao" else "ItemID"  # as real notice links write it
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
        lower = f"{self.prefix}noidung/{spec.web}/lists/{spec.name}/view_detail.aspx"
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
        if index == spec.seed_index:
            title, lines, unit = seed_article()
            byline, cited = Byline(None, unit, f"Theo {unit}"), tuple(data()["seed_cited"])
            return Article(spec, index, title, lines, byline, cited=cited, style="seed")
        item_id, day = spec.item_id(index), spec.day(index)
        rng = random.Random(f"{spec.salt}/{item_id}")
        # national news is about one province or another
        place = pick(PROVINCES, spec.salt, item_id, "place") if self.national else self.place
        topic = rng.choice(spec.topics)
        notice = spec.web == "thongbao"
        voice = NOTICE_VOICE if notice else PROVINCE_VOICE
        if topic in THADS_WORDS.CENTRAL_TOPICS:
            voice = NATIONAL_VOICE
        gen = TextGen(rng, place.name, place.districts, day, voice, place.agency)
        kinds: tuple[str, ...] = ()
        if notice:
            titles, templates, kinds = THADS_WORDS.NOTICES[topic]
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
        cited, byline = tuple(gen.cited), Byline()
        if not notice:
            units = voice.units if voice is NATIONAL_VOICE or not self.national else (place.agency,)
            if voice is NATIONAL_VOICE:  # most national items come from the Tổng cục's office
                units = ("Văn phòng Tổng cục",) * 4 + units
            cuts = (0.25, 0.7, 0.85) if self.national else (0.5, 0.7, 0.85)
            byline = choose_byline(
                rng.random(), cuts, partial(rng.choice, units), lambda: gen.byline(gen.name())
            )
        if spec.edited(index):
            edit_paragraphs(spec, item_id, paragraphs, gen)
        markup = random.Random(f"{spec.salt}/{item_id}/markup")
        style = markup.choices(("p", "mso", "div", "br"), weights=(45, 15, 20, 20))[0]
        folder = f"{self.prefix}noidung/tintuc/PublishingImages"
        images = () if notice or style == "br" else pick_images(markup, gen, folder, item_id)
        attachments = []
        if notice:
            folder = f"{self.list_path(spec).rsplit('/', 1)[0]}/Attachments/{item_id}"
            for name in markup.sample(kinds, min(len(kinds), markup.randint(1, 2))):
                name = name.format(k=markup.randint(3, 240), year=day.year)
                attachments.append(Attachment(f"{folder}/{name}", name, name.rsplit(".", 1)[1]))
        return Article(
            spec, index, title, tuple(paragraphs), byline, images, tuple(attachments), cited, style
        )

    def article_count(self) -> int:
        return sum(spec.total for spec in self.lists)

    def newest(self, spec: ListSpec, count: int) -> list[Article]:
        return [self.article(spec, i) for i in spec.newest(None, 0, count)]

    def others(self, art: Article, count: int = 5) -> list[Article]:
        """The "other news" items: the next older live ones, topped up with newer ones."""
        spec = art.spec
        older = list(
            islice(filterfalse(spec.gone.__contains__, range(art.index - 1, -1, -1)), count)
        )
        after = filterfalse(spec.gone.__contains__, range(art.index + 1, spec.total))
        newer = list(islice(after, count - len(older)))
        return [self.article(spec, i) for i in sorted(older + newer, reverse=True)]

    def last_modified(self) -> datetime:
        newest = [self.newest(spec, 1) for spec in self.lists]
        return max((a[0].modified() for a in newest if a), default=FALLBACK_MODIFIED)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for spec in self.lists:
            for index in range(spec.total):  # uncached: a full pass would only churn the cache
                yield self.record(base_url, self.build_article(spec, index))

    def record(self, base_url: str, art: Article) -> dict[str, Any]:
        return truth_line(
            self.slug,
            base_url + self.article_path(art.spec, art.item_id),
            art.title,
            art.paragraphs,
            list=art.spec.name,
            item_id=art.item_id,
            published=art.shown.isoformat() if art.shown else None,
            author_unit=art.byline.unit,
            author=art.byline.author,
            category=art.spec.display,
            attachments=[
                {"url": base_url + quote(f.path), "name": f.name, "type": f.kind}
                for f in art.attachments
            ],
            images=[{"url": base_url + quote(i.path), "caption": i.caption} for i in art.images],
            cited_documents=[dict(c) for c in art.cited],
            status="removed" if art.index in art.spec.gone else "live",
            edited=art.edited,
        )

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        root = f"/{self.province_slug}/" if self.province_slug else "/"
        return "".join(f"Disallow: {root}{private}/\n" for private in ("_layouts", "_vti_bin"))

    def handle(self, request: Request) -> Response:
        path = request.path
        rel = path[len(self.prefix) :].lower()
        params = query_ci(request.query)
        if rel in HOME_PATHS:
            return self._answer(html.home_page(self), "home", self.last_modified())
        if rel.startswith("pages/") and rel[6:] in data()["static"]:
            return self._answer(html.static_page(self, rel[6:]), rel, None)
        if match := _ATTACHMENT.fullmatch(rel):
            return self._attachment(int(match.group(1)), match.group(2), path)
        if _IMAGE.fullmatch(rel):
            body = files.jpeg(f"{self.slug} {rel}")
            return Response(200, body, "image/jpeg", self.headers(rel), FALLBACK_MODIFIED)
        match = _LIST_PATH.fullmatch(rel)
        spec = self.by_name.get(match.group(2)) if match else None
        if match is None or spec is None or spec.web != match.group(1):
            return self.error(404, path)
        if "itemid" in params:
            raw = params["itemid"].strip()
            index = spec.index_of(int(raw)) if raw.isdigit() else None
            if index is None:
                return self.error(404, path)
            if index in spec.gone:
                return self.error(spec.status(index), path)
            art = self.article(spec, index)
            page = html.article_page(self, art, self.others(art))
            return self._answer(page, f"{spec.name}/{art.item_id}", art.modified())
        raw = params.get("page", "1").strip()
        number_ = max(1, int(raw)) if raw.isdigit() else 1
        items = [
            self.article(spec, i) for i in spec.newest(None, (number_ - 1) * PAGE_SIZE, PAGE_SIZE)
        ]
        page = html.listing_page(self, spec, number_, items)
        return self._answer(page, f"{spec.name}/p", items[0].modified() if items else None)

    def _attachment(self, item_id: int, name: str, path: str) -> Response:
        spec = self.by_name.get("thongbao")  # the national site has no notices list
        index = spec.index_of(item_id) if spec else None
        if spec is None or index is None or index in spec.gone:
            return self.error(404, path)
        art = self.article(spec, index)
        for att in art.attachments:
            if att.name.lower() == name:
                lines = [art.title, self.place.agency, att.name, *art.paragraphs]
                body = files.attachment_bytes(att.kind, lines, art.modified())
                content_type = files.content_type(att.kind)
                return Response(200, body, content_type, self.headers(path), art.modified())
        return self.error(404, path)

    def headers(self, key: str) -> tuple[tuple[str, str], ...]:
        """SharePoint's response headers; the request GUID varies per page."""
        guid = str(stable_uuid(self.slug, key, "request"))
        return tuple((name, value.format(guid=guid)) for name, value in data()["headers"])

    def _answer(self, page: str, key: str, when: datetime | None, status: int = 200) -> Response:
        # SharePoint serves CRLF line endings.
        body = page.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
        return Response(
            status, body, headers=self.headers(key), last_modified=when or FALLBACK_MODIFIED
        )

    def error(self, status: int, path: str) -> Response:
        """SharePoint's error page: 404 for what never existed, 404 or 410 for removed items."""
        return self._answer(html.error_page(self, path, status), path, None, status)


def thads_sites(config: SiteConfig) -> list[ThadsSite]:
    """The national site and every province sub-site the replica mounts."""
    return [ThadsSite(place, config) for place in (NATIONAL, *PROVINCES)]
