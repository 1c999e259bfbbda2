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
    z = None if zone is None else site.zones[zone]
    title = site.spec.publication if z is None else f"{z.name} - {site.spec.publication}"
    path = f"{site.prefix}rss/home.rss" if z is None else site.feed_path(z)
    entries = "\n".join(_rss_item(site, base, art) for art in items)
    newest = rss_date(items[0].published) if items else ""
    links = {"home": base + site.prefix, "self_link": base + path}
    body = fill(RSS, site=site, title=title, newest=newest, entries=entries, **links)
    return _xml(body, RSS_TYPE, items)


def _rss_item(site: CmsSite, base: str, art: Article) -> str:
    link, images = base + art.path, art.story.images
    picture = f'<a href="{link}"><img src="{images[0]["url"]}" /></a>' if images else ""
    summary = escape(site.spec.sapo_prefix + (art.story.summary or ""))
    description = _cdata(picture + summary)
    return fill(RSS_ITEM, art=art, link=link, description=description, date=rss_date(art.published))


def sitemap(site: CmsSite, base: str, items: list[Article]) -> Response:
    entries = "\n".join(
        fill(
            SITEMAP_URL,
            site=site,
            art=art,
            loc=base + art.path,
            iso=art.published.isoformat(),
            keywords=", ".join(art.story.tags),
        )
        for art in items
    )
    return _xml(SITEMAP.format(entries=entries), XML_TYPE, items)


def _xml(body: str, content_type: str, items: list[Article]) -> Response:
    modified = max((a.modified for a in items), default=datetime(2024, 1, 3, tzinfo=UTC))
    headers = (("Server", "nginx"), ("Cache-Control", "public, max-age=300"))
    return Response(200, body.encode("utf-8"), content_type, headers, modified)
