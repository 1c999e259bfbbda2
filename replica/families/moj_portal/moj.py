"""moj.gov.vn on its 2026 portal.

By 2026 moj.gov.vn no longer serves the 2021 SharePoint pages (/qt/tintuc/Pages/...): its news
is under /portal/ on the platform of the 2025 THADS portal (docs/evidence.md), so the twin is
that replica (replica.thads_new) mounted at /moj.gov.vn/portal/ with the ministry's categories.
The article text stays generated from the THADS vocabulary, voiced for the ministry.
"""

from __future__ import annotations

from replica.families.moj_portal.model import Category
from replica.families.moj_portal.site import ThadsNewSite
from replica.site import SiteConfig

# The category slugs the evidence names; the topics are the generator's.
MOJ_CATEGORIES = (
    Category(
        "chi-dao-dieu-hanh-cua-lanh-dao-bo",
        "Chỉ đạo, điều hành của Lãnh đạo Bộ",
        4,
        ("hoi_nghi", "kiem_tra", "chuyen_doi_so"),
    ),
    Category("van-ban-chinh-sach-moi", "Văn bản chính sách mới", 3, ("tap_huan", "tuyen_truyen")),
    Category("tai-lieu-tham-dinh", "Tài liệu thẩm định", 2, ("ket_qua", "thi_dua")),
)


class MojPortalSite(ThadsNewSite):
    """moj.gov.vn/portal/, the Ministry of Justice portal (2026)."""

    host = "moj.gov.vn"
    categories = MOJ_CATEGORIES

    def __init__(self, config: SiteConfig | None = None) -> None:
        super().__init__("portal", "Hà Nội", config, slug="moj")
        self.org = "Bộ Tư pháp"
        self.address = "58-60 Trần Phú, phường Ba Đình, Hà Nội"
