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
from replica.site import number

STATIC_PAGES = {
    "gioi-thieu": (
        "Giới thiệu",
        "Thi hành án dân sự tỉnh {province} là cơ quan thi hành án dân sự cấp tỉnh trực thuộc "
        "Cục Quản lý thi hành án dân sự, Bộ Tư pháp, có chức năng tổ chức thi hành án dân sự "
        "và thực hiện nhiệm vụ quản lý nhà nước về thi hành án hành chính trên địa bàn tỉnh.",
    ),
    "lien-he": (
        "Liên hệ",
        "Mọi thông tin, ý kiến đóng góp xin gửi về Văn phòng Thi hành án dân sự tỉnh {province}.",
    ),
}
ADDRESS = "Số 10, đường Võ Trường Toản, phường Cao Lãnh, tỉnh {province}"


def e(text: str) -> str:
    return escape(text, quote=True)


def dmy(art: Article) -> str:
    return f"{art.day:%d/%m/%Y}"


def layout(site: Portal, *, title: str, description: str, path: str, main: str) -> str:
    """A whole page: head, navbar, breadcrumb-less main column, sidebar and footer."""
    p = site.prefix
    menu = "\n".join(
        f'<li><a class="dropdown-item" href="{site.listing_path(z)}">{e(c.name)}</a></li>'
        for z, c in enumerate(site.categories)
    )
    newest = "\n".join(
        f'<li class="list-group-item"><a href="{site.article_path(a)}">{e(a.story.title)}</a>'
        f' <small class="text-muted">{dmy(a)}</small></li>'
        for a in site.newest(None, 0, 5)
    )
    sections = "\n".join(
        f'<a class="list-group-item list-group-item-action" href="{site.listing_path(z)}">'
        f"{e(c.name)}</a>"
        for z, c in enumerate(site.categories)
    )
    org = site.org
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} | {e(org)}</title>
<meta name="description" content="{e(description)}">
<link rel="canonical" href="{path}">
<meta property="og:type" content="website">
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(org)}">
<link rel="icon" href="/{site.host}/favicon.ico">
<link href="/{site.host}/assets/vendor/bootstrap/css/bootstrap.min.css" rel="stylesheet">
<link href="/{site.host}/assets/vendor/bootstrap-icons/bootstrap-icons.min.css" rel="stylesheet">
<link href="/{site.host}/assets/css/app.css?v=2025.07" rel="stylesheet">
</head>
<body class="d-flex flex-column min-vh-100">
<a class="visually-hidden-focusable" href="#main-content">Bỏ qua đến nội dung chính</a>
<header class="site-header border-bottom">
<div class="topbar bg-primary text-white small py-1">
<div class="container d-flex justify-content-between">
<span>BỘ TƯ PHÁP - CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ</span><span>Hotline: 0277.3851.447</span>
</div></div>
<div class="container py-3 d-flex align-items-center">
<a class="navbar-brand d-flex align-items-center" href="{p}">
<img src="/{site.host}/assets/img/logo-thads.png" alt="Logo" width="64" height="64">
<span class="ms-2 fw-bold text-uppercase site-name">{e(org)}</span></a>
<form class="ms-auto d-none d-md-flex" role="search" action="{p}tim-kiem" method="get">
<input class="form-control form-control-sm" type="search" name="q" placeholder="Tìm kiếm..."
 aria-label="Tìm kiếm">
<button class="btn btn-sm btn-outline-primary ms-1" type="submit">
<i class="bi bi-search"></i></button>
</form>
</div>
<nav class="navbar navbar-expand-lg navbar-dark bg-primary">
<div class="container">
<button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#mainNav"
 aria-controls="mainNav" aria-expanded="false" aria-label="Menu">
<span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="mainNav">
<ul class="navbar-nav me-auto">
<li class="nav-item"><a class="nav-link" href="{p}trang-chu">Trang chủ</a></li>
<li class="nav-item"><a class="nav-link" href="{p}gioi-thieu">Giới thiệu</a></li>
<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="{p}tin-tuc" role="button"
 data-bs-toggle="dropdown" aria-expanded="false">Tin tức</a>
<ul class="dropdown-menu">
<li><a class="dropdown-item" href="{p}tin-tuc">Tất cả tin tức</a></li>
{menu}
</ul></li>
<li class="nav-item"><a class="nav-link" href="{p}lien-he">Liên hệ</a></li>
</ul>
</div>
</div>
</nav>
</header>
<main id="main-content" class="container py-4 flex-grow-1">
<div class="row g-4">
<div class="col-lg-8">
{main}
</div>
<aside class="col-lg-4">
<div class="card mb-4"><div class="card-header fw-bold">Tin mới nhất</div>
<ul class="list-group list-group-flush">
{newest}
</ul></div>
<div class="card"><div class="card-header fw-bold">Chuyên mục</div>
<div class="list-group list-group-flush">
{sections}
</div></div>
</aside>
</div>
</main>
<footer class="site-footer bg-dark text-white-50 py-4 mt-auto">
<div class="container small">
<p class="fw-bold text-white mb-1">{e(org.upper())}</p>
<p class="mb-1">Địa chỉ: {e(site.address)}</p>
<p class="mb-0">Ghi rõ nguồn "{e(org)}" khi phát hành lại thông tin từ website này.</p>
</div>
</footer>
<script src="/{site.host}/assets/vendor/bootstrap/js/bootstrap.bundle.min.js" defer></script>
</body>
</html>
"""


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
    main = f"""<nav aria-label="breadcrumb"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="{site.prefix}trang-chu">Trang chủ</a></li>
<li class="breadcrumb-item"><a href="{site.listing_path(None)}">Tin tức</a></li>
<li class="breadcrumb-item active" aria-current="page">{e(art.category.name)}</li>
</ol></nav>
<article class="news-detail" data-id="{art.ident}">
<h1 class="news-detail__title h3 fw-bold">{escape(story.title, quote=False)}</h1>
<div class="news-detail__meta d-flex flex-wrap gap-3 text-muted small mb-3">
<span class="news-detail__date"><i class="bi bi-calendar3"></i> {dmy(art)}</span>
<a class="news-detail__category" href="{site.listing_path(zone)}">{e(art.category.name)}</a>
<span class="news-detail__views"><i class="bi bi-eye"></i> {art.views} lượt xem</span>
</div>
<div class="news-detail__lead fw-bold mb-3">{escape(story.summary or "", quote=False)}</div>
<div class="news-detail__content ck-content">
{_content(site, art)}
</div>
{attachments}
<div class="news-detail__share mt-3 small">Chia sẻ:
<a href="https://www.facebook.com/sharer/sharer.php?u={share}" target="_blank"
 rel="noopener">Facebook</a></div>
</article>
<section class="related-news mt-4"><h2 class="h5 fw-bold border-bottom pb-2">Tin liên quan</h2>
<ul class="list-unstyled">
{related}
</ul></section>"""
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
    return f"""<div class="col-12">
<div class="card news-card flex-md-row border-0 border-bottom pb-3">
<a class="news-card__thumb flex-shrink-0" href="{href}"><img src="{e(image)}"
 class="img-fluid rounded" width="240" height="160" alt="{e(art.story.title)}" loading="lazy"></a>
<div class="card-body py-0">
<h3 class="news-card__title h6 fw-bold"><a href="{href}">{title}</a></h3>
<div class="news-card__date text-muted small mb-1">{dmy(art)}</div>
<p class="news-card__lead card-text small">{escape(art.story.summary or "", quote=False)}</p>
</div></div></div>"""


def pager(site: Portal, zone: int | None, page: int, last: int, more: bool) -> str:
    def item(n: int, label: str, *, rel: str = "", active: bool = False) -> str:
        state = " active" if active else ""
        rel_attr = f' rel="{rel}"' if rel else ""
        href = site.listing_path(zone, n)
        return (
            f'<li class="page-item{state}">'
            f'<a class="page-link"{rel_attr} href="{e(href)}">{label}</a></li>'
        )

    links = []
    if page > 1:
        links.append(item(page - 1, "&laquo; Trước", rel="prev"))
    for n in range(max(1, page - 2), min(max(last, page), page + 2) + 1):
        links.append(item(n, str(n), active=n == page))
    if more:
        links.append(item(page + 1, "Sau &raquo;", rel="next"))
    if page < last:
        links.append(item(last, "Trang cuối"))
    body = "\n".join(links)
    return (
        '<nav aria-label="Phân trang"><ul class="pagination justify-content-center">\n'
        f"{body}\n</ul></nav>"
    )


def listing_page(
    site: Portal, zone: int | None, page: int, last: int, items: list[Article], more: bool
) -> str:
    heading = "Tin tức" if zone is None else site.categories[zone].name
    cards = "\n".join(_card(site, a) for a in items)
    if not items:
        cards = '<div class="col-12"><p class="text-muted">Chưa có tin bài.</p></div>'
    main = f"""<section class="news-list">
<h1 class="section-title h4 fw-bold border-bottom pb-2">{e(heading)}</h1>
<div class="row g-3">
{cards}
</div>
{pager(site, zone, page, last, more)}
</section>"""
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


def static_page(site: Portal, key: str) -> str:
    heading, text = STATIC_PAGES[key]
    main = (
        f'<section class="static-page"><h1 class="h4 fw-bold">{heading}</h1>\n'
        f"<p>{e(text.format(province=site.province))}</p></section>"
    )
    return layout(site, title=heading, description=heading, path=site.prefix + key, main=main)


def search_page(site: Portal, query: str) -> str:
    main = (
        f'<section class="search-page"><h1 class="h4 fw-bold">Kết quả tìm kiếm: {e(query)}</h1>\n'
        '<p class="text-muted">Không tìm thấy kết quả phù hợp.</p></section>'
    )
    return layout(
        site, title="Tìm kiếm", description="Tìm kiếm", path=site.prefix + "tim-kiem", main=main
    )


def error_page(site: Portal, status: int) -> str:
    text = "Bài viết đã bị gỡ bỏ." if status == 410 else "Không tìm thấy trang bạn yêu cầu."
    ref = number(site.salt, status, "ref", below=10**8)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{status} | {e(site.org)}</title>
<link href="/{site.host}/assets/vendor/bootstrap/css/bootstrap.min.css" rel="stylesheet"></head>
<body><main class="container py-5 text-center">
<h1 class="display-4">{status}</h1><p class="lead">{text}</p>
<p class="small text-muted">Mã tham chiếu: {ref:08d}</p>
<a class="btn btn-primary" href="{site.prefix}">Về trang chủ</a>
</main></body></html>
"""
