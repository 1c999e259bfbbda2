"""The family 2 (2025 THADS portal) and family 3 (baochinhphu.vn CMS) replica sites."""

from __future__ import annotations

from replica.baochinhphu import CmsSite
from replica.baochinhphu_sites import SPECS
from replica.site import Site, SiteConfig
from replica.thads_new import ThadsNewSite


def family23_sites(config: SiteConfig | None = None) -> list[Site]:
    """thads-new-dongthap, baochinhphu, vpcp and xaydungchinhsach, built from one config."""
    config = config or SiteConfig()
    return [ThadsNewSite("dongthap", "Đồng Tháp", config), *(CmsSite(s, config) for s in SPECS)]
