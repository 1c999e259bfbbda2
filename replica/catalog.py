"""Which replica sites the server mounts, family by family, built from one SiteConfig."""

from __future__ import annotations

from replica.families.aspnet_api.mic import MicSite
from replica.families.aspnet_api.mof import MofSite
from replica.families.aspnet_api.vanban import ChinhphuDocsSite
from replica.families.baochinhphu_cms.site import CmsSite
from replica.families.baochinhphu_cms.specs import cms_specs
from replica.families.dangcongsan.site import DangCongSanSite
from replica.families.liferay.moh import MohSite
from replica.families.liferay.site import DongThapSite
from replica.families.ministry_portals.site import ministry_sites
from replica.families.moj_portal.moj import MojPortalSite
from replica.families.moj_portal.site import ThadsNewSite
from replica.families.thads_sharepoint.site import thads_sites
from replica.site import Site, SiteConfig


def build_sites(config: SiteConfig | None = None) -> list[Site]:
    """Every replica site, generated from `config` (same config, same sites, byte for byte)."""
    config = config or SiteConfig()
    cms = cms_specs()
    return [
        *thads_sites(config),
        MojPortalSite(config),
        ThadsNewSite("dongthap", "Đồng Tháp", config),
        *(CmsSite(cms[slug], config) for slug in ("baochinhphu", "vpcp", "xaydungchinhsach")),
        DongThapSite(config),
        MohSite(config),
        ChinhphuDocsSite(config),
        MofSite(config),
        CmsSite(cms["hanoi"], config),
        CmsSite(cms["mst"], config),
        MicSite(config),
        DangCongSanSite(config),
        *ministry_sites(config),
    ]


def sites_named(config: SiteConfig, *slugs: str) -> list[Site]:
    """The sites with these slugs, in catalog order (a test serves a few of them)."""
    return [site for site in build_sites(config) if site.slug in slugs]
