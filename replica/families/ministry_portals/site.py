"""Ministry news portal replicas: one class over the URL shapes and markup of ministries.toml.

Each site: ``""`` (home: the newest posts per section), its section pages (page N by a query
parameter), its articles, and photos at ``media/<yyyy>/<mm>/<dd>/<stem>-<id>.jpg`` (assumed).
What each portal's URLs and markup are, and which parts its public sources show, is the spec
file's (docs/evidence.md, "Ministry portals"); the text is govtext's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from replica.chrome import a
from replica.corpus import slugify, weekday
from replica.newsportal import Post, Section, SectionPortal
from replica.site import Request, Response, SiteConfig, data_file, template

_IMAGE = re.compile(r"media/\d{4}/\d\d/\d\d/([a-z0-9-]+)-(\d+)\.jpg")
_PAGER = '<div class="paging">{links}</div>'
RELATED = '\n<div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div>'


def specs() -> dict[str, dict[str, Any]]:
    """Every ministry site's spec, by slug."""
    return {spec["slug"]: spec for spec in data_file(__file__, "ministries.toml")["site"]}


class MinistrySite(SectionPortal):
    """A ministry portal whose URLs and markup its spec states."""

    family = "ministry-portals"
    image_pattern = _IMAGE
    image_path = "media/{day:%Y/%m/%d}/{stem}-{id}.jpg"  # assumed
    headers = (("Server", "nginx"), ("Cache-Control", "public, max-age=120"))
    errors = ("Không tìm thấy trang.", "Bài viết không còn tồn tại.")

    frame_template = template(__file__, "frame.html")
    related_item, related_count = '<li><a href="{href}">{title}</a></li>', 4
    byline_inside = True
    listing_template = '<div class="category"><h2>{name}</h2>\n{items}\n{pager}</div>'
    home_block = '<div class="home-block"><h2><a href="{href}">{name}</a></h2>\n{items}</div>'

    def __init__(self, spec: Mapping[str, Any], config: SiteConfig | None = None) -> None:
        super().__init__(config, spec)
        self.article_template = spec["detail"] + RELATED
        self.article_parts = (spec["sapo"] if spec["summary"] else "", "", "")
        # A repeated slug's digit depends on every earlier title: a table built on the first
        # request, of titles alone, kept small (path hashes and the few repeats), so 100,000
        # articles cost seconds once and a few MB, and each path is computed again on demand.
        self._index_of: dict[int, int] | None = None
        self._repeats: dict[int, int] = {}

    # URLs ------------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        self._table()
        return self.prefix + self._relative_path(post.index)

    def _relative_path(self, index: int, slug: str | None = None) -> str:
        """A post's path after the prefix; a slug met before gains the CMS's 2, 3, … suffix
        (the repeats are known once the table is built)."""
        slug = slug or slugify(self.title_of(index))
        if repeat := self._repeats.get(index):
            slug = f"{slug}{repeat}"
        section = self.sections[self.corpus.section(index)]
        ident = self.ids.id_of(index)
        stamp = f"{self.corpus.published(index):%Y%m%d%H%M}{ident % 100_000:05d}"
        return self.spec["article"].format(
            section=section.key, slug=slug, id=ident, stamp=stamp, cat=section.ident
        )

    def _table(self) -> dict[int, int]:
        """Which post a path names (by the hash of its lower-cased form), and the repeats."""
        if self._index_of is None:
            seen: dict[str, int] = {}
            index_of: dict[int, int] = {}
            for index in range(self.corpus.total):
                slug = slugify(self.title_of(index))
                seen[slug] = seen.get(slug, 0) + 1
                if seen[slug] > 1:
                    self._repeats[index] = seen[slug]
                index_of[hash(self._relative_path(index, slug).lower())] = index
            self._index_of = index_of
        return self._index_of

    def section_path(self, section: Section, page: int = 1) -> str:
        more = f"?{self.spec['page_param']}={page}" if page > 1 else ""
        return f"{self.prefix}{self.spec['listing'].format(section=section.key)}{more}"

    # Routes ----------------------------------------------------------------------------------
    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        if rel.rstrip("/") == "":
            return self.html(self.home_page(), None)
        index = self._table().get(hash(rel))
        if index is not None and self._relative_path(index).lower() == rel:
            post = self.post(index)
            return self.article(post, self.article_page(post))
        for section in self.sections:
            if rel == self.section_path(section)[len(self.prefix) :].lower():
                raw = params.get(self.spec["page_param"], "1")
                page = max(1, int(raw)) if raw.isdigit() else 1
                return self.section_page(section, page)
        return None

    # Markup ----------------------------------------------------------------------------------
    def shown_date(self, post: Post) -> str:
        shown = post.published.strftime(self.spec["shown_date"])
        if self.spec["weekday_before_date"]:
            return f"{weekday(post.published.date())}, {shown}"
        return shown

    def pager(self, section: Section, page: int, last: int, more: bool) -> str:
        return self.spec.get("pager", _PAGER).format(links=super().pager(section, page, last, more))

    def article_head(self, post: Post) -> str:
        iso = f"{post.published:%Y-%m-%dT%H:%M:%S}+0700"
        return self.spec["head"].format(iso=iso, sapo_attr=a(post.story.sapo or ""))

    # Truth -----------------------------------------------------------------------------------
    def record(self, post: Post, base_url: str) -> dict[str, Any]:
        """As the portal shows it: no tags, and no summary where the page shows none."""
        shown = {} if self.spec["summary"] else {"summary": None}
        return {**super().record(post, base_url), "tags": [], **shown}


def ministry_sites(config: SiteConfig) -> list[MinistrySite]:
    """One replica per ministry spec."""
    return [MinistrySite(spec, config) for spec in specs().values()]
