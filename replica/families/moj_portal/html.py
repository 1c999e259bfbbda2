"""Markup of the 2025 THADS portal replica: a Bootstrap 5 layout, article detail, listings.

Article detail (inside ``article.news-detail``): ``h1.news-detail__title``, the date alone in
``span.news-detail__date`` ("18/07/2025"), ``a.news-detail__category``, the lead in
``div.news-detail__lead``, the body in ``div.news-detail__content`` (paragraphs, ``figure.image``
with an optional ``figcaption``, a right-aligned closing author line), attachments in
``div.news-detail__attachments a``. Listings: ``div.news-card`` items with
``h3.news-card__title a``, ``.news-card__date``, ``.news-card__lead``; pager ``ul.pagination``
with ``a[rel=next]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica.chrome import a, fill, t
from replica.site import number, templates

if TYPE_CHECKING:
    from replica.families.moj_portal.site import Article, ThadsNewSite

# The page skeletons and parts: templates/<name>.html, chrome.fill placeholders.
T = templates(__file__)


def layout(
    site: ThadsNewSite, title: str, path: str, main: str, description: str | None = None
) -> str:
    """A whole page: head, navbar, breadcrumb-less main column, sidebar and footer."""
    links = [(site.listing_path(z), a(c.name)) for z, c in enumerate(site.categories)]
    newest = (
        f'<li class="list-group-item"><a href="{site.article_path(art)}">{a(art.story.title)}</a>'
        f' <small class="text-muted">{art.day:%d/%m/%Y}</small></li>'
        for art in site.newest(None, 0, 5)
    )
    return fill(
        T["layout"],
        site=site,
        org_upper=site.org.upper(),
        title=title,
        description=title if description is None else description,
        path=path,
        menu="\n".join(f'<li><a class="dropdown-item" href="{h}">{n}</a></li>' for h, n in links),
        sections="\n".join(
            f'<a class="list-group-item list-group-item-action" href="{h}">{n}</a>'
            for h, n in links
        ),
        newest="\n".join(newest),
        main=main,
    )


def _content(art: Article) -> str:
    story, blocks = art.story, []
    figures = dict(zip(art.figures, story.images, strict=True))
    for n, text in enumerate(story.paragraphs):
        blocks.append(f'<p style="text-align:justify;">{t(text)}</p>')
        if image := figures.get(n):
            caption = image["caption"]
            under = f"<figcaption>{t(caption)}</figcaption>" if caption else ""
            blocks.append(
                f'<figure class="image"><img src="{a(image["url"])}" alt="{a(caption or "")}"'
                f' loading="lazy">{under}</figure>'
            )
    if art.author_line:
        blocks.append(f'<p style="text-align:right;"><strong>{t(art.author_line)}</strong></p>')
    return "\n".join(blocks)


def article_page(site: ThadsNewSite, art: Article) -> str:
    story, zone = art.story, site.roster.section(art.index)
    files = "".join(
        f'<li><i class="bi bi-paperclip"></i> <a href="{a(f["url"])}" download>{a(f["name"])}</a>'
        f' <span class="badge text-bg-light">{f["type"].upper()}</span></li>'
        for f in story.attachments
    )
    related = (
        f'<li class="mb-2"><a href="{site.article_path(o)}">{a(o.story.title)}</a>'
        f' <small class="text-muted">({o.day:%d/%m/%Y})</small></li>'
        for o in site.related(art)
    )
    main = fill(
        T["article"],
        site=site,
        art=art,
        category=site.categories[zone].name,
        category_path=site.listing_path(zone),
        lead=story.summary or "",
        content=_content(art),
        attachments=files and fill(T["attachments"], files=files),
        share="https://" + site.article_path(art).lstrip("/"),  # the real host's URL
        related="\n".join(related),
    )
    return layout(site, story.title, site.article_path(art), main, story.summary or "")


def _cards(site: ThadsNewSite, items: list[Article]) -> str:
    no_image = f"/{site.host}/assets/img/no-image.jpg"
    return "\n".join(
        fill(
            T["card"],
            art=art,
            href=site.article_path(art),
            image=art.story.images[0]["url"] if art.story.images else no_image,
            lead=art.story.summary or "",
        )
        for art in items
    )


def pager(site: ThadsNewSite, zone: int | None, page: int, last: int, more: bool) -> str:
    links = [(page - 1, "&laquo; Trước", ' rel="prev"')] if page > 1 else []
    links += [(n, str(n), "") for n in range(max(1, page - 2), min(max(last, page), page + 2) + 1)]
    if more:
        links.append((page + 1, "Sau &raquo;", ' rel="next"'))
    if page < last:
        links.append((last, "Trang cuối", ""))
    items = "\n".join(
        f'<li class="page-item{" active" if n == page else ""}"><a class="page-link"{rel} '
        f'href="{a(site.listing_path(zone, n))}">{label}</a></li>'
        for n, label, rel in links
    )
    return (
        '<nav aria-label="Phân trang"><ul class="pagination justify-content-center">\n'
        f"{items}\n</ul></nav>"
    )


def listing_page(
    site: ThadsNewSite, zone: int | None, page: int, last: int, items: list[Article], more: bool
) -> str:
    heading = "Tin tức" if zone is None else site.categories[zone].name
    cards = _cards(site, items) or T["no_items"]
    main = fill(
        T["listing"], heading=heading, cards=cards, pager=pager(site, zone, page, last, more)
    )
    return layout(site, heading, site.listing_path(zone, page), main)


def listing_fragment(
    site: ThadsNewSite, zone: int | None, page: int, last: int, items: list[Article], more: bool
) -> str:
    """What the LoadNews handler answers: the cards of one page and its pager, no layout."""
    cards = _cards(site, items)
    return f'<div class="row g-3">\n{cards}\n</div>\n{pager(site, zone, page, last, more)}\n'


def home_page(site: ThadsNewSite) -> str:
    blocks = (
        fill(
            T["home_block"],
            href=site.listing_path(z),
            name=c.name,
            cards=_cards(site, site.newest(z, 0, 4)),
        )
        for z, c in enumerate(site.categories)
    )
    return layout(site, "Trang chủ", site.prefix, "\n".join(blocks))


def error_page(site: ThadsNewSite, status: int) -> str:
    text = "Bài viết đã bị gỡ bỏ." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    ref = number(site.salt, status, "ref", below=10**8)
    return fill(T["error"], site=site, status=status, text=text, ref=ref)
