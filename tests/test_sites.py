"""The site registry: profiles load, and each real profile recognises the real URLs of its site."""

from __future__ import annotations

import pytest

from crawler.sites import RegistryError, find_site, get_site, load_sites

# Real URL shapes from ../shared/portals.md (family 1), per real profile.
REAL_URLS = {
    "thads-dongthap": {
        "articles": [
            "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=45",
            "http://thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=45",
            "https://thads.moj.gov.vn:443/dongthap/noidung/tintuc/Lists/HoatDongCuaCuc/View_Detail.aspx?ItemID=120",
            "https://thads.moj.gov.vn/dongthap/noidung/thongbao/Lists/ThongBao/View_Detail.aspx?itemid=17",
        ],
        "listings": [
            "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx",
            "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?Page=3",
        ],
        "elsewhere": [
            "https://thads.moj.gov.vn/langson/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=45",
            "https://thads.moj.gov.vn/dongthap/noidung/thongbao/Lists/ThongBao/Attachments/17/tb.pdf",
        ],
    },
}


def test_every_real_profile_has_url_examples_and_every_twin_a_real_site() -> None:
    sites = load_sites()
    real = {slug for slug, site in sites.items() if not site.twin_of}
    assert real == set(REAL_URLS)
    for site in sites.values():
        if site.twin_of:
            assert site.twin_of in real
            assert site.agency == sites[site.twin_of].agency


@pytest.mark.parametrize("slug", sorted(REAL_URLS))
def test_real_profile_accepts_articles_and_rejects_listings(slug: str) -> None:
    site = get_site(slug)
    examples = REAL_URLS[slug]
    assert all(site.is_article(url) for url in examples["articles"])
    assert all(find_site(url) == site for url in examples["articles"])
    assert not any(site.is_article(url) for url in examples["listings"])
    assert all(site.is_listing(url) for url in examples["listings"])
    assert not any(site.is_article(url) or site.is_listing(url) for url in examples["elsewhere"])


def test_replica_twin_follows_the_replica_url() -> None:
    twin = get_site("replica-thads-dongthap", "http://127.0.0.1:9999")
    assert twin.base_url == "http://127.0.0.1:9999/thads.moj.gov.vn/dongthap/"
    assert twin.is_article(
        "http://127.0.0.1:9999/thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=3"
    )


def test_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(RegistryError, match="thads-dongthap"):
        get_site("no-such-site")
