"""Which replica sites the server mounts, built from one SiteConfig."""

from __future__ import annotations

from replica.baochinhphu import CmsSite
from replica.baochinhphu_sites import HANOI, MST
from replica.dangcongsan import DangCongSanSite
from replica.family23 import family23_sites
from replica.family45 import family45_sites
from replica.mic import MicSite
from replica.ministry import ministry_sites
from replica.moj import family1_sites
from replica.site import Site, SiteConfig


def build_sites(config: SiteConfig | None = None) -> list[Site]:
    """Every replica site, generated from `config` (same config, same sites, byte for byte)."""
    config = config or SiteConfig()
    return [
        *family1_sites(config),
        *family23_sites(config),
        *family45_sites(config),
        CmsSite(HANOI, config),
        CmsSite(MST, config),
        MicSite(config),
        DangCongSanSite(config),
        *ministry_sites(config),
    ]
