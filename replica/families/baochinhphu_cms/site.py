"""The baochinhphu.vn CMS replicas: baochinhphu, vpcp, xaydungchinhsach, hanoi, mst (cms.toml).

Pages under `/<host>/` (docs/replica.md says which are evidenced): home; sections `<cat>.htm`
(hanoi: `<cat>`) with their first TIMELINE_SIZE items, paged on by the fragments
`timelinelist/<zone id>/<page>.htm` (hanoi: POST api/NewsZone/NewsZone, newszone.py); articles
`<slug>-<id>.htm` (hanoi: `<cat>/<slug>-<id>.htm`; a wrong slug 301s); feeds (feeds.py); an
endless `search?keywords=…&page=N`; mst's `tin-tuc-su-kien/xem-theo-ngay-<dd-mm-yyyy>.htm`.
An id is a prefix, the creation time yymmddhhmmss and ms (the oldest few: prefix + 5 digits),
increasing with the article's number, so it maps back to its article in O(1).
"""

from __future__ import annotations

import bisect
import posixpath
import random
import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote_plus

from replica.corpus import VN
from replica.families.baochinhphu_cms import feeds, newszone
from replica.families.baochinhphu_cms import html as markup
from replica.families.baochinhphu_cms.specs import Article, CmsSpec, Zone
from replica.newsroom import RosterSite, Story, page_number, slug_vi
from replica.places import PROVINCE_NAMES
from replica.site import Request, Response, SiteConfig, data_file, digest, number, query_ci
from replica.text import Writer
from replica.vocab import vocab

HANOI_WORDS = vocab("hanoi")
NEWS_WORDS = vocab("news")

TIMELINE_SIZE = 10
ALL_TOPICS = {**NEWS_WORDS.TOPICS, **HANOI_WORDS.HANOI_TOPICS}
ALL_TAGS = {**NEWS_WORDS.TOPIC_TAGS, **HANOI_WORDS.HANOI_TAGS}
FEED_SIZE, SITEMAP_SIZE = 50, 100
FIRST = datetime(2024, 1, 3, 7, 0, tzinfo=VN)
BASE_END = datetime(2026, 6, 30, 22, 0, tzinfo=VN)
NEW_FIRST, NEW_STEP = datetime(2026, 7, 1, 6, 0, tzinfo=VN), 97 * 60
SHORT_BASE, SHORT_STEP = 50000, 37  # short ids: prefix + (SHORT_BASE + n * SHORT_STEP + jitter)
_ARTICLE = re.compile(r"(?:([a-z0-9-]+)-)?(\d{6,20})\.htm")  # index_of checks the id
_TIMELINE = re.compile(r"timelinelist/(\d{1,9})/(\d{1,9})\.htm")


class CmsSite(RosterSite):
    """One site of the baochinhphu.vn CMS family, mounted at /<host>/."""

    family = "baochinhphu-cms"
    headers = tuple((name, value) for name, value in data_file(__file__, "cms.toml")["headers"])
    fallback_modified = FIRST.astimezone(UTC)

    def __init__(self, spec: CmsSpec, config: SiteConfig | None = None) -> None:
        self.spec, self.config = spec, config or SiteConfig()
        self.slug, self.host, self.prefix = spec.slug, spec.host, f"/{spec.host}/"
        self.zones = tuple(
            replace(z, path=f"{self.prefix}{z.key}{spec.page_ext}") for z in spec.zones
        )
        self.init_roster([z.weight for z in spec.zones])
        self._by_key = {z.key: n for n, z in enumerate(spec.zones)}
        self._by_id = {z.zone_id: n for n, z in enumerate(spec.zones)}
        base = self.roster.base
        self.step = max(600, int((BASE_END - FIRST).total_seconds()) // max(1, base))
        self.short = min(max(2, base // 40), 1000) if base >= 10 and spec.short_ids else 0
        # New articles start after the base ones even when a huge site overruns BASE_END.
        self.new_first = max(NEW_FIRST, FIRST + timedelta(seconds=(base + 1) * self.step))
        self.cookie = "D1N=" + digest(self.salt, "cookie", size=12).hex()  # vpcp's challenge
        day = spec.day_pages.replace(".", r"\.").replace("{date}", r"(\d{2})-(\d{2})-(\d{4})")
        self._day_page = re.compile(day) if spec.day_pages else None

    # Time and ids ----------------------------------------------------------------------------
    def created(self, index: int) -> datetime:
        """When the article was created (its id's timestamp): increasing with the index."""
        base = self.roster.base
        if index < base:
            start, step = FIRST + timedelta(seconds=index * self.step), self.step
        else:
            start, step = self.new_first + timedelta(seconds=(index - base) * NEW_STEP), NEW_STEP
        return start + timedelta(seconds=number(self.salt, index, "created", below=step // 2))

    def published(self, index: int) -> datetime:
        """Publication: the next whole minute after creation plus an editor's delay."""
        step = self.step if index < self.roster.base else NEW_STEP
        delay = number(self.salt, index, "delay", below=max(1, min(45, step // 120 - 2)))
        return self.created(index).replace(second=0) + timedelta(minutes=1 + delay)

    def ident(self, index: int) -> str:
        p = self.spec.id_prefix
        if index < self.short:
            jitter = number(self.salt, index, "short", below=SHORT_STEP)
            return f"{p}{SHORT_BASE + index * SHORT_STEP + jitter}"
        ms = number(self.salt, index, "ms", below=1000)
        return f"{p}{self.created(index):%y%m%d%H%M%S}{ms:03d}"

    def index_of(self, ident: str) -> int | None:
        """The article an id names, or None (O(1): ids encode the creation time)."""
        if not ident.startswith(self.spec.id_prefix):
            return None
        digits = ident[len(self.spec.id_prefix) :]
        if len(digits) == 5:
            index, _ = divmod(int(digits) - SHORT_BASE, SHORT_STEP)
            return index if 0 <= index < self.short and ident == self.ident(index) else None
        try:
            stamp = datetime.strptime(digits[:12], "%y%m%d%H%M%S").replace(tzinfo=VN)
        except ValueError:
            return None
        base = self.roster.base
        old = int((stamp - FIRST).total_seconds()) // self.step
        new = base + int((stamp - self.new_first).total_seconds()) // NEW_STEP
        for index, low, high in ((old, self.short, base), (new, base, self.roster.total)):
            if low <= index < high and self.ident(index) == ident:
                return index
        return None

    # URLs ------------------------------------------------------------------------------------
    def article_path(self, art: Article) -> str:
        return art.path

    def feed_path(self, zone: Zone) -> str:
        return f"{self.prefix}{zone.key}.rss"

    def search_path(self, keywords: str, page: int = 1) -> str:
        more = f"&page={page}" if page > 1 else ""
        return f"{self.prefix}search?keywords={quote_plus(keywords)}{more}"

    def day_path(self, day: date) -> str:
        return self.prefix + self.spec.day_pages.format(date=f"{day:%d-%m-%Y}")

    # Articles --------------------------------------------------------------------------------
    def _build(self, index: int) -> Article:
        rng = random.Random(f"{self.salt}/{index}")
        published = self.published(index)
        zone = self.zones[self.roster.section(index)]
        topic = rng.choice(zone.topics)
        pools = {**NEWS_WORDS.POOLS, "province": PROVINCE_NAMES, **self.spec.pools}
        pools.update(NEWS_WORDS.TOPIC_POOLS.get(topic, {}))
        day, kinds = published.date(), self.spec.kinds
        gen = Writer(rng, day, pools=pools, kinds=kinds, sticky=NEWS_WORDS.STICKY, short_dates=True)
        titles, sapos, own = ALL_TOPICS[topic]
        pair = rng.randrange(len(titles))
        title, sapo = gen.fill(titles[pair]), gen.fill(sapos[pair])
        generic = self.spec.generic
        paragraphs = [gen.paragraph(own, generic) for _ in range(rng.randint(3, 5))]
        paragraphs = [p for p in paragraphs if p]
        closer = gen.fill(gen.pick(self.spec.closers))
        paragraphs.append(closer[:-1] + "./." if rng.random() < 0.6 else closer)
        story = Story(
            title, sapo, paragraphs, author=rng.choice(NEWS_WORDS.REPORTERS), category=zone.name
        )
        story.tags = rng.sample(ALL_TAGS[topic], min(len(ALL_TAGS[topic]), rng.randint(2, 4)))
        if "province" in gen.values and rng.random() < 0.5:
            story.tags.append(gen.values["province"])
        slots = range(len(paragraphs) - 1)
        figures = sorted(rng.sample(slots, min(rng.randint(0, 3), len(slots))))
        folder = f"https://{self.spec.media}/thumb_w/640/{self.spec.id_prefix}/{published:%Y/%m/%d}"
        for n, _ in enumerate(figures):
            caption = gen.fill(gen.pick(self.spec.captions)) if rng.random() < 0.85 else None
            name = digest(self.salt, index, n, "image", size=6).hex()
            story.images.append({"url": f"{folder}/{name}.jpg", "caption": caption})
        middle = [k for k in range(1, len(paragraphs) - 1) if k not in figures]
        relation_at = rng.choice(middle) if middle and rng.random() < 0.85 else None
        if rng.random() < 0.15:
            story.author_unit = gen.slot("ministry")
        edited = self.roster.edited(index)
        if edited:  # made after everything else so the base state stays byte-identical
            extra = gen.paragraph(own, generic) or gen.fill(gen.pick(generic))
            paragraphs.insert(len(paragraphs) - 1, extra)  # before the closer: no figure moves
        story.citations = gen.citations
        modified = published + timedelta(minutes=5 + number(self.salt, index, "mod", below=240))
        if edited:
            modified += timedelta(days=1 + number(self.salt, index, "edit-day", below=20))
        ident, slug = self.ident(index), slug_vi(title)
        under = f"{zone.key}/" if self.spec.zone_api else ""  # hanoi.gov.vn: under its section
        return Article(
            index=index,
            ident=ident,
            slug=slug,
            path=f"{self.prefix}{under}{slug}-{ident}.htm",
            published=published,
            zone=zone,
            story=story,
            figures=tuple(figures),
            relation_at=relation_at,
            edited=edited,
            modified=modified.astimezone(UTC),
        )

    def on_day(self, day: date) -> list[Article]:
        """The live articles published on `day` (Vietnam time), newest first. Publication
        follows creation (the id's time, increasing with the index) within the hour."""
        start = datetime.combine(day, time(), VN) - timedelta(hours=1)
        end = start + timedelta(days=1, hours=1)
        numbers = range(self.roster.total)
        low = bisect.bisect_left(numbers, start, key=self.created)
        high = bisect.bisect_left(numbers, end, key=self.created)
        found = (i for i in reversed(range(low, high)) if self.published(i).date() == day)
        return [self.article(i) for i in found if i not in self.roster.gone]

    # HTTP ------------------------------------------------------------------------------------
    def robots(self) -> str:
        closed = ["search", "ajax/", "preview/", "print/"]
        closed += [] if self.spec.zone_api else ["api/"]  # hanoi's own pages call its API
        return "".join(f"Disallow: /{path}\n" for path in closed)

    def handle(self, request: Request) -> Response:
        sent = (part.strip() for part in request.headers.get("cookie", "").split(";"))
        if self.spec.challenge and self.cookie not in sent:
            return markup.challenge(self.cookie)
        rel = request.path[len(self.prefix) :].lower()
        params = query_ci(request.query)
        base = "http://" + request.headers.get("host", "127.0.0.1")
        stem, ext = posixpath.splitext(rel)
        zone = self._by_key.get(stem) if ext in (".rss", self.spec.page_ext) else None
        if rel in ("", "index.htm", "trang-chu.htm"):
            return self._html(markup.home_page(self), self.newest(None, 0, 1))
        if rel == "rss.htm":
            return self._html(markup.rss_index(self), [])
        if rel == "rss/home.rss" or (zone is not None and ext == ".rss"):
            return feeds.rss(self, base, zone, self.newest(zone, 0, FEED_SIZE))
        if rel == "sitemaps/google-news.xml":
            return feeds.sitemap(self, base, self.newest(None, 0, SITEMAP_SIZE))
        if rel in ("search", "search.htm"):
            page = page_number(params.get("page", "1"))
            start = (page - 1) * 10 % max(1, self.roster.live_count(None))
            items = self.newest(None, start, 10)
            return self._html(markup.search_page(self, params.get("keywords", ""), page, items), [])
        if self._day_page and (match := self._day_page.fullmatch(rel)):
            return self._day(*(int(part) for part in match.groups()))
        if zone is not None:
            items = self.newest(zone, 0, TIMELINE_SIZE)
            return self._html(markup.category_page(self, zone, items), items)
        if self.spec.zone_api and rel == newszone.PATH:
            asked = newszone.read(request, self.host, self._by_key)
            if isinstance(asked, Response):
                return asked
            items = self.stream(asked.zone, asked.page_index + 1, asked.size, asked.skip)
            return self._html(markup.list_items(self, items), items)
        match = None if self.spec.zone_api else _TIMELINE.fullmatch(rel)
        if match and (timeline := self._by_id.get(int(match.group(1)))) is not None:
            items = self.stream(timeline, page_number(match.group(2)))
            return self._html(markup.list_items(self, items), items)
        section, _, name = rel.rpartition("/") if self.spec.zone_api else ("", "", rel)
        if match := _ARTICLE.fullmatch(name):
            return self._article(match.group(1), match.group(2), section)
        return self.not_found(404)

    def _article(self, slug: str | None, ident: str, section: str = "") -> Response:
        index = self.index_of(ident)
        if index is None or index in self.roster.gone:
            return self.not_found(404 if index is None else self.roster.status(index))
        art = self.article(index)
        if slug != art.slug or (self.spec.zone_api and section != art.zone.key):
            return Response(301, b"", headers=(("Location", self.article_path(art)),))
        return self._html(markup.detail_page(self, art), [art])

    def _day(self, day_no: int, month: int, year: int) -> Response:
        try:
            day = date(year, month, day_no)
        except ValueError:
            return self.not_found(404)
        items = self.on_day(day)
        return self._html(markup.day_page(self, day, items), items)

    def stream(
        self, zone: int, page: int, size: int = TIMELINE_SIZE, skip: frozenset[str] = frozenset()
    ) -> list[Article]:
        """The zone's items of a "more items" page (1 = the category page's), ids in `skip`
        left out; past the end none, or with `trap` the last page again."""
        items = [self.article(i) for i in self.roster.page(zone, page, size)[0]]
        return [a for a in items if a.ident not in skip]

    def _html(self, html: str, items: list[Article]) -> Response:
        return self.html(html, max((a.modified for a in items), default=None))

    def error_page(self, status: int) -> str:
        return markup.error_page(self, status)

    def published_text(self, art: Article) -> str:
        return art.published.isoformat()
