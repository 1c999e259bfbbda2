"""Which replica sites the server mounts, built from one SiteConfig."""

from __future__ import annotations

from replica.site import Site, SiteConfig
from replica.thads import ThadsProvinceSite


def build_sites(config: SiteConfig | None = None) -> list[Site]:
    """Every replica site, generated from `config` (same config, same sites, byte for byte)."""
    config = config or SiteConfig()
    return [ThadsProvinceSite("dongthap", "Đồng Tháp", config)]
