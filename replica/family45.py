"""The family 4 (Liferay) and family 5 (ASP.NET / JSON API) replica sites, built from one config."""

from __future__ import annotations

from replica.aspnet_docs import ChinhphuDocsSite
from replica.json_api import MofSite
from replica.liferay import DongThapSite
from replica.liferay_moh import MohSite
from replica.site import Site, SiteConfig


def family45_sites(config: SiteConfig | None = None) -> list[Site]:
    """dongthap-gov and moh (Liferay), chinhphu-vanban (postback grid) and mof (SPA + JSON)."""
    config = config or SiteConfig()
    return [DongThapSite(config), MohSite(config), ChinhphuDocsSite(config), MofSite(config)]
