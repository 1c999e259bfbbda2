"""The section portals' base (mic, mof, dangcongsan, ministries, Liferay): posts, pages, truth.

Each is a news portal over a corpus.Corpus: articles numbered oldest first, spread over a few
sections, each listed newest first on numbered pages; the text comes from text.gov.write_story.
A subclass names its URLs and states its markup as templates (or overrides the method that fills
them); this class answers photos, errors and the truth.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, ClassVar
from urllib.parse import quote_plus

from replica.chrome import a, body_html, t
from replica.corpus import Corpus, IdSpace, iso, weekday
from replica.files import file_payload
from replica.site import Request, Response, SiteConfig, number, query_ci
from replica.text.gov import Story, story_title, truth_record, write_story

_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def title_slug(text: str) -> str:
    """The ASP.NET portals' URL title: marks stripped, đ/Đ -> d/D, letter case kept."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("-", text).strip("-")


@dataclass(frozen=True)
class Section:
    key: str  # in URLs
    name: str
    topics: tuple[str, ...]
    weight: int
    ident: int  # the CMS's category id


@dataclass(frozen=True)
class Post:
    index: int
    ident: int
    section: Section
    story: Story
    published: datetime  # Vietnam time, whole minutes
    modified: datetime
    status: int
    edited: bool
    updated: datetime | None  # when an edited post was changed
    date_style: int  # which of a skin's date formats the page uses


class SectionPortal:
    """A Corpus-backed news portal; subclasses set the class attributes and the URL hooks."""

    family: str
    slug: str
    host: str
    domain: str  # govvocab domain of the text
    bylines: tuple[str, ...]
    first_day: date
    last_day: date
    id_space: tuple[int, int]
    sections_spec: ClassVar[tuple[Section, ...]]
    image_pattern: ClassVar[re.Pattern[str]]  # a lower-cased photo path: (stem, post id)
    image_path: str  # after the prefix, str.format of {day} (the publication), {stem}, {id}
    page_size: int
    headers: tuple[tuple[str, str], ...]
    attachment_rate = 0.0
    errors = ("Không tìm thấy.", "Bài viết đã bị gỡ bỏ.")  # error_page's 404 and 410 messages
    fallback_modified = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)  # Last-Modified of other pages
    # The markup frame() and home_page() fill, for the sites that use them.
    portal: str  # the site's name
    frame_template: str  # str.format: {title} {portal} {head} {prefix} {menu} {main}
    home_block: str  # one section on the home page: {href} {name} {items}
    home_title = ""  # "": the portal's name
    home_count = 5  # posts per section on the home page
    # article_page(): {prefix} {section_path} {name} {title} {date} {sapo} {body} {byline} {tags}
    # {related}; the sapo, byline and tags stand in their article_parts ({}) where there are any.
    article_template: str
    article_parts: tuple[str, str, str]
    related_item: str  # one older post of the section: {href} {title} {title_attr} {day}
    related_count = 5
    byline_inside = False  # the byline closes the body, inside its element
    search_url: str  # the search page after the prefix, {} the keyword (tags link to it)
    robots_txt = ""  # this host's robots.txt rules
    item_template: str  # one post in a listing (items_html)
    listing_template: str  # a section's page
    pager_link, pager_current = '<li><a href="{href}">{n}</a></li>', "<li><span>{n}</span></li>"
    pager_next: str  # {href} of the next page
    pager_span, pager_sep = 3, ""  # how many numbers either side, what stands between them
    thumb = ""  # its photo: {href} {src} {title_attr}
    no_photo = ""  # the photo of a post without photos, after the prefix ("": no thumb)

    def __init__(
        self, config: SiteConfig | None = None, spec: Mapping[str, Any] | None = None
    ) -> None:
        if spec is not None:
            self.take_spec(spec)
        self.config = config or SiteConfig()
        self.prefix = f"/{self.host}/"
        self.salt = f"{self.config.seed}/{self.slug}"
        self.sections = self.sections_spec
        weights = [s.weight for s in self.sections]
        self.corpus = Corpus(self.config, self.salt, weights, self.first_day, self.last_day)
        self.ids = IdSpace(*self.id_space, salt=self.salt)
        self.post = lru_cache(maxsize=2048)(self._post)

    def take_spec(self, spec: Mapping[str, Any]) -> None:
        """Who the site is and how its text is made, from a spec (a TOML table) instead of
        class attributes; `headers`, `errors` and `markup` (markup attributes such as
        item_template, which then override the class's) are optional."""
        self.spec = spec
        self.slug, self.host, self.portal = spec["slug"], spec["host"], spec["portal"]
        self.domain, self.bylines = spec["domain"], tuple(spec["bylines"])
        self.id_space = tuple(spec["id_space"])
        self.first_day, self.last_day = spec["first_day"], spec["last_day"]  # TOML dates
        self.page_size = spec["page_size"]
        self.sections_spec = tuple(
            Section(s["key"], s["name"], tuple(s["topics"]), s["weight"], s.get("ident", n + 1))
            for n, s in enumerate(spec["sections"])
        )
        if "headers" in spec:
            self.headers = tuple((name, value) for name, value in spec["headers"])
        self.errors = tuple(spec.get("errors", self.errors))
        vars(self).update(spec.get("markup", {}))

    def article_count(self) -> int:
        return self.corpus.total

    def _topic(self, index: int) -> tuple[Section, str, date]:
        """An article's section, topic and day of publication."""
        section = self.sections[self.corpus.section(index)]
        topic = section.topics[number(self.salt, index, "topic", below=len(section.topics))]
        return section, topic, self.corpus.published(index).date()

    def _post(self, index: int) -> Post:
        section, topic, day = self._topic(index)
        edited = self.corpus.edited(index)
        story = write_story(
            self.salt,
            index,
            self.domain,
            topic,
            day,
            edited=edited,
            bylines=self.bylines,
            attachment_rate=self.attachment_rate,
        )
        return Post(
            index=index,
            ident=self.ids.id_of(index),
            section=section,
            story=story,
            published=self.corpus.published(index),
            modified=self.corpus.modified(index),
            status=self.corpus.status(index),
            edited=edited,
            updated=self.corpus.updated(index),
            date_style=number(self.salt, index, "datestyle", below=3),
        )

    def title_of(self, index: int) -> str:
        """A post's title alone (what a URL slug needs), without writing its text."""
        _, topic, day = self._topic(index)
        return story_title(self.salt, index, self.domain, topic, day)

    def post_by_id(self, raw: str) -> Post | None:
        index = self.ids.index_of(int(raw), self.corpus.total) if raw.isdigit() else None
        return None if index is None else self.post(index)

    def newest(self, section: Section | None, count: int) -> list[Post]:
        number_ = None if section is None else self.sections.index(section)
        return [self.post(i) for i in self.corpus.newest(number_, 0, count)]

    def others(self, post: Post, count: int = 5) -> list[Post]:
        """Older live posts of the same section, newest first ("Tin khác")."""
        return [self.post(i) for i in self.corpus.older(post.index, count)]

    # Hooks -----------------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        raise NotImplementedError

    def image_href(self, post: Post, k: int) -> str:
        """The photo's path as the page writes it (it may hold spaces): `image_path` filled."""
        stem = post.story.images[k][0]
        return self.prefix + self.image_path.format(day=post.published, stem=stem, id=post.ident)

    def section_path(self, section: Section, page: int = 1) -> str:
        raise NotImplementedError

    def route(self, rel: str, params: dict[str, str], request: Request) -> Response | None:
        raise NotImplementedError

    def items_html(self, posts: Sequence[Post]) -> str:
        """Posts as a listing shows them: item_template filled ({href} {title} {title_attr}
        {thumb} {day} {date} {lead}); `thumb` is the photo (`no_photo` without one) in `thumb`."""
        rows = []
        for post in posts:
            story, href = post.story, a(self.post_path(post))
            if story.images:
                src = a(self.image_href(post, 0))
            else:
                src = self.no_photo and self.prefix + self.no_photo
            thumb = self.thumb.format(href=href, src=src, title_attr=a(story.title)) if src else ""
            rows.append(
                self.item_template.format(
                    href=href,
                    title=t(story.title),
                    title_attr=a(story.title),
                    thumb=thumb,
                    day=post.published,
                    date=self.shown_date(post),
                    lead=t(story.sapo or story.paragraphs[0]),
                )
            )
        return "\n".join(rows)

    def frame(self, title: str, main: str, head: str = "") -> str:
        """A whole page around `main`; `head` goes into its <head>."""
        return self.frame_template.format(
            title=t(title),
            portal=t(self.portal),
            head=head,
            prefix=self.prefix,
            menu="".join(
                f'<li><a href="{a(self.section_path(s))}">{t(s.name)}</a></li>'
                for s in self.sections
            ),
            main=main,
        )

    def home_page(self) -> str:
        """The newest posts of every section."""
        blocks = [
            self.home_block.format(
                href=a(self.section_path(s)),
                name=t(s.name),
                items=self.items_html(self.newest(s, self.home_count)),
            )
            for s in self.sections
        ]
        return self.frame(self.home_title or self.portal, "\n".join(blocks))

    def article_page(self, post: Post) -> str:
        """An article filled into article_template."""
        story = post.story
        sapo_part, byline_part, tags_part = self.article_parts
        sapo = sapo_part.format(t(story.sapo)) if story.sapo else ""
        byline = "<br />".join(t(line) for line in story.byline)
        byline = byline_part.format(byline) if byline else ""
        links = (f'<a href="{a(self.search_path(g))}">{t(g)}</a>' for g in story.tags)
        tags = tags_part.format(" ".join(links)) if tags_part and story.tags else ""
        related = "".join(
            self.related_item.format(
                href=a(self.post_path(o)),
                title=t(o.story.title),
                title_attr=a(o.story.title),
                day=o.published,
            )
            for o in self.others(post, self.related_count)
        )
        main = self.article_template.format(
            prefix=self.prefix,
            section_path=a(self.section_path(post.section)),
            name=t(post.section.name),
            title=t(story.title),
            date=self.shown_date(post),
            body=body_html(self, post, byline_inside=self.byline_inside),
            sapo=sapo,
            byline=byline,
            tags=tags,
            related=related,
        )
        return self.frame(story.title, main, self.article_head(post))

    def article_head(self, post: Post) -> str:
        """What an article page adds to <head>."""
        return ""

    def shown_date(self, post: Post) -> str:
        """The article's date line, e.g. "Thứ tư, 14/01/2026 08:30"."""
        return f"{weekday(post.published.date())}, {post.published:%d/%m/%Y %H:%M}"

    def search_path(self, keyword: str) -> str:
        return self.prefix + self.search_url.format(quote_plus(keyword))

    def robots(self) -> str:
        return self.robots_txt

    def listing_page(
        self, section: Section, page: int, posts: list[Post], last: int, more: bool
    ) -> str:
        """A section's page: listing_template ({name} {items} {pager}) filled."""
        pager = self.pager(section, page, last, more)
        items = self.items_html(posts)
        main = self.listing_template.format(name=t(section.name), items=items, pager=pager)
        return self.frame(section.name, main)

    def pager(self, section: Section, page: int, last: int, more: bool) -> str:
        """The numbers around `page` (pager_current, pager_link), then pager_next if more; with
        the trap the numbers run on past the last page."""
        top = page + self.pager_span if self.config.trap else min(last, page + self.pager_span)
        links = [
            self.pager_current.format(n=n)
            if n == page
            else self.pager_link.format(href=a(self.section_path(section, n)), n=n)
            for n in range(max(1, page - self.pager_span), top + 1)
        ]
        if more:
            links.append(self.pager_next.format(href=a(self.section_path(section, page + 1))))
        return self.pager_sep.join(links)

    def error_page(self, status: int) -> str:
        message = self.errors[status == 410]
        return self.frame("Thông báo", f'<div class="error-page"><h2>{status}</h2>{message}</div>')

    def section_page(self, section: Section, page: int) -> Response:
        indexes, last, more = self.corpus.page(self.sections.index(section), page, self.page_size)
        posts = [self.post(i) for i in indexes]
        html = self.listing_page(section, page, posts, last, more)
        return self.html(html, posts[0].modified if posts else None)

    # HTTP ------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        rel = request.path[len(self.prefix) :].lower()
        photo = self.image_pattern.fullmatch(rel)  # a post's photo: (stem, post id)
        post = self.post_by_id(photo.group(2)) if photo else None
        if photo and post and photo.group(1) in [stem for stem, _, _ in post.story.images]:
            if post.status != 200:
                return self.error(404)
            body, ctype = file_payload("jpg", post.story.title)
            return Response(200, body, ctype, self.headers, post.modified)
        return self.route(rel, query_ci(request.query), request) or self.error(404)

    def article(self, post: Post | None, page: str) -> Response:
        if post is None:
            return self.error(404)
        if post.status != 200:
            return self.error(post.status)
        return self.html(page, post.modified)

    def html(self, page: str, modified: datetime | None) -> Response:
        modified = modified or self.fallback_modified
        return Response(200, page.encode("utf-8"), headers=self.headers, last_modified=modified)

    def error(self, status: int) -> Response:
        return Response(status, self.error_page(status).encode("utf-8"), headers=self.headers)

    def json(self, value: Any, status: int = 200, modified: datetime | None = None) -> Response:
        """A JSON answer (the sites' APIs)."""
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        return Response(status, body, "application/json; charset=utf-8", self.headers, modified)

    # Truth -----------------------------------------------------------------------------------
    def truth(self, base_url: str) -> Iterator[dict[str, Any]]:
        for index in range(self.corpus.total):
            yield self.record(self.post(index), base_url)

    def record(self, post: Post, base_url: str) -> dict[str, Any]:
        return truth_record(
            self.slug,
            base_url + self.post_path(post),
            post.story,
            published=iso(post.published),
            category=post.section.name,
            images=[
                # what a client makes of the photo's src: absolute, spaces percent-encoded
                {"url": base_url + self.image_href(post, k).replace(" ", "%20"), "caption": caption}
                for k, (_, caption, _) in enumerate(post.story.images)
            ],
            status="live" if post.status == 200 else "removed",
            edited=post.edited,
        )
