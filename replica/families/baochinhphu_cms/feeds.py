"""RSS feeds and the Google News sitemap of the baochinhphu.vn-CMS replicas.

The feeds' ``pubDate`` is what the real CMS writes, not RFC 822: month/day/year and a 12-hour
clock, "9/14/2026 6:44:00 PM" (Vietnam time, no zone). Links are absolute on this server.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from replica.families.baochinhphu_cms.specs import Article, Portal
from replica.site import Response, template

RSS_TYPE = "application/rss+xml; charset=utf-8"
XML_TYPE = "application/xml"


RSS = template(__file__, "rss.xml")


def rss_date(moment: datetime) -> str:
    """'9/14/2026 6:44:00 PM'."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {half}"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss(site: Portal, base: str, zone: int | None, items: list[Article]) -> Response:
    if zone is None:
        title, path = site.spec.publication, f"{site.prefix}rss/home.rss"
    else:
        z = site.zones[zone]
        title, path = f"{z.name} - {site.spec.publication}", site.zone_path(z, "rss")
    entries = []
    for art in items:
        link = base + site.article_path(art)
        image = art.story.images[0]["url"] if art.story.images else None
        picture = f'<a href="{link}"><img src="{image}" /></a>' if image else ""
        summary = site.spec.sapo_prefix + (art.story.summary or "")
        entries.append(
            "<item>\n"
            f"<title>{escape(art.story.title)}</title>\n"
            f"<link>{escape(link)}</link>\n"
            f'<guid isPermaLink="false">{art.ident}</guid>\n'
            f"<description>{_cdata(picture + escape(summary))}</description>\n"
            f"<pubDate>{rss_date(art.published)}</pubDate>\n"
            "</item>"
        )
    newest = rss_date(items[0].published) if items else ""
    body = RSS.format(
        title=escape(title),
        home=escape(base + site.prefix),
        publication=escape(site.spec.publication),
        self_link=escape(base + path),
        newest=newest,
        entries="\n".join(entries),
    )
    return _xml(body, RSS_TYPE, items)


def sitemap(site: Portal, base: str, items: list[Article]) -> Response:
    entries = []
    for art in items:
        keywords = ", ".join(art.story.tags)
        entries.append(
            f"<url>\n<loc>{escape(base + site.article_path(art))}</loc>\n<news:news>\n"
            "<news:publication>"
            f"<news:name>{escape(site.spec.publication)}</news:name>"
            "<news:language>vi</news:language></news:publication>\n"
            f"<news:publication_date>{art.published.isoformat()}</news:publication_date>\n"
            f"<news:title>{escape(art.story.title)}</news:title>\n"
            f"<news:keywords>{escape(keywords)}</news:keywords>\n"
            "</news:news>\n</url>"
        )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )
    return _xml(body, XML_TYPE, items)


def _xml(body: str, content_type: str, items: list[Article]) -> Response:
    modified = max((a.modified for a in items), default=datetime(2024, 1, 3, tzinfo=UTC))
    headers = (("Server", "nginx"), ("Cache-Control", "public, max-age=300"))
    return Response(200, body.encode("utf-8"), content_type, headers, modified)
