"""moj.gov.vn on its 2026 portal.

By 2026 moj.gov.vn no longer serves the 2021 SharePoint pages (/qt/tintuc/Pages/...): its news
is under /portal/ on the platform of the 2025 THADS portal (docs/evidence.md), so the twin is
that replica (site.ThadsNewSite) mounted at /moj.gov.vn/portal/ with the ministry's categories.
The article text stays generated from the THADS vocabulary, voiced for the ministry.
"""

from __future__ import annotations

from replica.families.moj_portal.site import Category, ThadsNewSite, data
from replica.site import SiteConfig


class MojPortalSite(ThadsNewSite):
    """moj.gov.vn/portal/, the Ministry of Justice portal (2026): portal.toml's [moj]."""

    host = "moj.gov.vn"

    def __init__(self, config: SiteConfig | None = None) -> None:
        spec = data()["moj"]
        self.categories = tuple(Category(*row) for row in spec["categories"])
        super().__init__("portal", "Hà Nội", config, slug="moj")
        self.org, self.address = spec["org"], spec["address"]
