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

from html import escape

from replica.families.moj_portal.model import Article, Portal
from replica.site import number, templates

# The page skeletons and parts: templates/<name>.html, str.format placeholders.
T = templates(__file__)


def e(text: str) -> str:
    return escape(text, quote=True)


def dmy(art: Article) -> str:
    return f"{art.day:%d/%m/%Y}"


def layout(site: Portal, *, title: str, description: str, path: str, main: str) -> str:
    """A whole page: head, navbar, breadcrumb-less main column, sidebar and footer."""
    links = [(site.listing_path(z), e(c.name)) for z, c in enumerate(site.categories)]
    menu = "\n".join(f'<li><a class="dropdown-item" href="{h}">{n}</a></li>' for h, n in links)
    sections = "\n".join(
        f'<a class="list-group-item list-group-item-action" href="{h}">{n}</a>' for h, n in links
    )
    newest = "\n".join(
        f'<li class="list-group-item"><a href="{site.article_path(a)}">{e(a.story.title)}</a>'
        f' <small class="text-muted">{dmy(a)}</small></li>'
        for a in site.newest(None, 0, 5)
    )
    return T["layout"].format(
        site=site,
        title=e(title),
        org=e(site.org),
        org_upper=e(site.org.upper()),
        address=e(site.address),
        description=e(description),
        path=path,
        menu=menu,
        sections=sections,
        newest=newest,
        main=main,
    )


def _content(site: Portal, art: Article) -> str:
    story, blocks = art.story, []
    figures = dict(zip(art.figures, story.images, strict=True))
    for n, text in enumerate(story.paragraphs):
        blocks.append(f'<p style="text-align:justify;">{escape(text, quote=False)}</p>')
        if n in figures:
            image = figures[n]
            caption = image["caption"]
            blocks.append(
                f'<figure class="image"><img src="{e(image["url"])}" alt="{e(caption or "")}"'
                ' loading="lazy">'
                + (f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else "")
                + "</figure>"
            )
    if art.author_line:
        line = escape(art.author_line, quote=False)
        blocks.append(f'<p style="text-align:right;"><strong>{line}</strong></p>')
    return "\n".join(blocks)


def article_page(site: Portal, art: Article) -> str:
    story = art.story
    zone = site.roster.zone(art.index)
    files = "".join(
        f'<li><i class="bi bi-paperclip"></i> <a href="{e(f["url"])}" download>{e(f["name"])}</a>'
        f' <span class="badge text-bg-light">{f["type"].upper()}</span></li>'
        for f in story.attachments
    )
    attachments = (
        '<div class="news-detail__attachments mt-3"><h2 class="h6 fw-bold">Tài liệu đính kèm</h2>'
        f'<ul class="list-unstyled">{files}</ul></div>'
        if files
        else ""
    )
    related = "\n".join(
        f'<li class="mb-2"><a href="{site.article_path(o)}">{e(o.story.title)}</a>'
        f' <small class="text-muted">({dmy(o)})</small></li>'
        for o in site.related(art)
    )
    share = "https://" + site.article_path(art).lstrip("/")  # the real host's URL
    main = T["article"].format(
        prefix=site.prefix,
        news_path=site.listing_path(None),
        category=e(site.categories[zone].name),
        ident=art.ident,
        title=escape(story.title, quote=False),
        date=dmy(art),
        category_path=site.listing_path(zone),
        views=art.views,
        lead=escape(story.summary or "", quote=False),
        content=_content(site, art),
        attachments=attachments,
        share=share,
        related=related,
    )
    return layout(
        site,
        title=story.title,
        description=story.summary or "",
        path=site.article_path(art),
        main=main,
    )


def _card(site: Portal, art: Article) -> str:
    image = (
        art.story.images[0]["url"] if art.story.images else f"/{site.host}/assets/img/no-image.jpg"
    )
    href = site.article_path(art)
    title = escape(art.story.title, quote=False)
    return T["card"].format(
        href=href,
        image=e(image),
        alt=e(art.story.title),
        title=title,
        date=dmy(art),
        lead=escape(art.story.summary or "", quote=False),
    )


def pager(site: Portal, zone: int | None, page: int, last: int, more: bool) -> str:
    links = [(page - 1, "&laquo; Trước", ' rel="prev"')] if page > 1 else []
    links += [(n, str(n), "") for n in range(max(1, page - 2), min(max(last, page), page + 2) + 1)]
    if more:
        links.append((page + 1, "Sau &raquo;", ' rel="next"'))
    if page < last:
        links.append((last, "Trang cuối", ""))
    items = "\n".join(
        f'<li class="page-item{" active" if n == page else ""}"><a class="page-link"{rel} '
        f'href="{e(site.listing_path(zone, n))}">{label}</a></li>'
        for n, label, rel in links
    )
    return (
        '<nav aria-label="Phân trang"><ul class="pagination justify-content-center">\n'
        f"{items}\n</ul></nav>"
    )


def listing_page(
    site: Portal, zone: int | None, page: int, last: int, items: list[Article], more: bool
) -> str:
    heading = "Tin tức" if zone is None else site.categories[zone].name
    cards = "\n".join(_card(site, a) for a in items)
    if not items:
        cards = '<div class="col-12"><p class="text-muted">Chưa có tin bài.</p></div>'
    main = T["listing"].format(
        heading=e(heading), cards=cards, pager=pager(site, zone, page, last, more)
    )
    return layout(
        site, title=heading, description=heading, path=site.listing_path(zone, page), main=main
    )


def listing_fragment(
    site: Portal, zone: int | None, page: int, last: int, items: list[Article], more: bool
) -> str:
    """What the LoadNews handler answers: the cards of one page and its pager, no layout."""
    cards = "\n".join(_card(site, a) for a in items)
    return f'<div class="row g-3">\n{cards}\n</div>\n{pager(site, zone, page, last, more)}\n'


def home_page(site: Portal) -> str:
    blocks = []
    for zone, category in enumerate(site.categories):
        items = "\n".join(_card(site, a) for a in site.newest(zone, 0, 4))
        blocks.append(
            '<section class="home-block mb-4">'
            '<h2 class="section-title h5 fw-bold border-bottom pb-2">'
            f'<a href="{site.listing_path(zone)}">{e(category.name)}</a></h2>\n'
            f'<div class="row g-3">\n{items}\n</div></section>'
        )
    return layout(
        site, title="Trang chủ", description="Trang chủ", path=site.prefix, main="\n".join(blocks)
    )


def section_page(site: Portal, key: str, css: str, title: str, heading: str, para: str) -> str:
    """A page of one heading and one paragraph: a static page, or the search's answer."""
    main = T["section"].format(css=css, heading=heading, paragraph=para)
    return layout(site, title=title, description=title, path=site.prefix + key, main=main)


def error_page(site: Portal, status: int) -> str:
    text = "Bài viết đã bị gỡ bỏ." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    ref = number(site.salt, status, "ref", below=10**8)
    return T["error"].format(
        status=status, org=e(site.org), host=site.host, text=text, ref=ref, prefix=site.prefix
    )
