"""RSS feeds and the Google News sitemap of the baochinhphu.vn-CMS replicas.

The feeds' ``pubDate`` is what the real CMS writes, not RFC 822: month/day/year and a 12-hour
clock, "9/14/2026 6:44:00 PM" (Vietnam time, no zone). Links are absolute on this server.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from replica.chrome import fill
from replica.families.baochinhphu_cms.specs import Article
from replica.site import Response, template

if TYPE_CHECKING:
    from replica.families.baochinhphu_cms.site import CmsSite

RSS_TYPE = "application/rss+xml; charset=utf-8"
XML_TYPE = "application/xml"
RSS, RSS_ITEM = template(__file__, "rss.xml"), template(__file__, "rss_item.xml")
SITEMAP, SITEMAP_URL = template(__file__, "sitemap.xml"), template(__file__, "sitemap_url.xml")


def rss_date(moment: datetime) -> str:
    """'9/14/2026 6:44:00 PM'."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {half}"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss(site: CmsSite, base: str, zone: int | None, items: list[Article]) -> Response:
    if zone is None:
        title, path = site.spec.publication, f"{site.prefix}rss/home.rss"
    else:
        z = site.zones[zone]
        title, path = f"{z.name} - {site.spec.publication}", site.zone_path(z, ".rss")
    entries = []
    for art in items:
        link = base + site.article_path(art)
        image = art.story.images[0]["url"] if art.story.images else None
        picture = f'<a href="{link}"><img src="{image}" /></a>' if image else ""
        summary = site.spec.sapo_prefix + (art.story.summary or "")
        entries.append(
            fill(
                RSS_ITEM,
                art=art,
                link=escape(link),
                description=_cdata(picture + escape(summary)),
                date=rss_date(art.published),
            )
        )
    newest = rss_date(items[0].published) if items else ""
    body = fill(
        RSS,
        site=site,
        title=title,
        home=escape(base + site.prefix),
        self_link=escape(base + path),
        newest=newest,
        entries="\n".join(entries),
    )
    return _xml(body, RSS_TYPE, items)


def sitemap(site: CmsSite, base: str, items: list[Article]) -> Response:
    entries = [
        fill(
            SITEMAP_URL,
            site=site,
            art=art,
            loc=escape(base + site.article_path(art)),
            iso=art.published.isoformat(),
            keywords=escape(", ".join(art.story.tags)),
        )
        for art in items
    ]
    return _xml(SITEMAP.format(entries="\n".join(entries)), XML_TYPE, items)


def _xml(body: str, content_type: str, items: list[Article]) -> Response:
    modified = max((a.modified for a in items), default=datetime(2024, 1, 3, tzinfo=UTC))
    headers = (("Server", "nginx"), ("Cache-Control", "public, max-age=300"))
    return Response(200, body.encode("utf-8"), content_type, headers, modified)
