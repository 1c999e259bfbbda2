"""The site registry: profiles load, and each real profile recognises the real URLs of its site."""

from __future__ import annotations

import pytest

from crawler.sites import RegistryError, find_site, get_site, load_sites

# Real URL shapes from ../shared/portals.md, per real profile: articles it must accept,
# listings it must treat as listings, and URLs of the same host that are neither.
THADS_PROVINCES = ("dongthap", "langson", "tiengiang", "caobang", "haugiang", "binhdinh",
                   "quangtri", "kontum", "tphochiminh", "thuathienhue")  # fmt: skip


def thads_province(prov: str) -> dict[str, list[str]]:
    base = f"https://thads.moj.gov.vn/{prov}/noidung"
    return {
        "articles": [
            f"{base}/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=45",
            f"http://thads.moj.gov.vn/{prov}/noidung/tintuc/lists/tintudiaphuong/view_detail.aspx?itemid=45",
            f"https://thads.moj.gov.vn:443/{prov}/noidung/tintuc/Lists/HoatDongCuaCuc/View_Detail.aspx?ItemID=120",
            f"{base}/thongbao/Lists/ThongBao/View_Detail.aspx?itemid=17",
        ],
        "listings": [
            f"{base}/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx",
            f"{base}/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?Page=3",
        ],
        "elsewhere": [
            "https://thads.moj.gov.vn/noidung/tintuc/Lists/TinTuBoTuPhap/View_Detail.aspx?ItemID=3912",
            f"{base}/thongbao/Lists/ThongBao/Attachments/17/tb.pdf",
            f"{base}/tintuc/PublishingImages/Năm 2020/Thang 8/anh.jpg",
        ],
    }


REAL_URLS: dict[str, dict[str, list[str]]] = {
    **{f"thads-{prov}": thads_province(prov) for prov in THADS_PROVINCES},
    "thads-national": {
        "articles": [
            "https://thads.moj.gov.vn/noidung/tintuc/Lists/TinTuBoTuPhap/View_Detail.aspx?ItemID=3912",
            "https://thads.moj.gov.vn/noidung/tintuc/Lists/ChiDaoDieuHanh/View_Detail.aspx?ItemID=4001",
        ],
        "listings": [
            "https://thads.moj.gov.vn/noidung/tintuc/Lists/TinTuBoTuPhap/View_Detail.aspx?Page=251",
        ],
        "elsewhere": [
            "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/TinTuDiaPhuong/View_Detail.aspx?ItemID=45",
        ],
    },
    "moj": {
        "articles": [
            "https://moj.gov.vn/qt/tintuc/Pages/van-ban-chinh-sach-moi.aspx?ItemID=2345",
            "https://moj.gov.vn/qt/tintuc/Pages/hoat-dong-cua-lanh-dao-bo.aspx?ItemID=41",
        ],
        "listings": [
            "https://moj.gov.vn/qt/tintuc/Pages/van-ban-chinh-sach-moi.aspx?Date=&Page=420",
            "https://moj.gov.vn/qt/tintuc/Pages/chi-dao-dieu-hanh.aspx",
        ],
        "elsewhere": [
            "https://moj.gov.vn/SMPT_Publishing_UC/TinTuc/PrintTL.aspx?ItemID=2345&l=/noidung/tintuc/Lists/VanBanChinhSachMoi",
            "https://moj.gov.vn/portal/tin-tuc/chi-tiet/bo-tu-phap-hop-bao.html",
        ],
    },
    "thads-new-dongthap": {
        "articles": [
            "https://demothads.moj.gov.vn/dongthap/tin-tuc/chi-tiet/cuc-thads-tinh-ong-thap-to-chuc-hoi-nghi-t8ul4b.html",
        ],
        "listings": ["https://demothads.moj.gov.vn/dongthap/tin-tuc?page=2"],
        "elsewhere": ["https://demothads.moj.gov.vn/langson/tin-tuc/chi-tiet/hoi-nghi-t8ul4b.html"],
    },
    "baochinhphu": {
        "articles": [
            "https://baochinhphu.vn/thu-tuong-chu-tri-phien-hop-chinh-phu-102260914184400123.htm",
            "https://baochinhphu.vn/chinh-phu-ban-hanh-nghi-dinh-moi-10259069.htm",
        ],
        "listings": ["https://baochinhphu.vn/chinh-sach-moi.htm", "https://baochinhphu.vn/"],
        "elsewhere": [
            "https://baochinhphu.vn/rss/home.rss",
            "https://vpcp.chinhphu.vn/van-phong-chinh-phu-hop-bao-115260914184400123.htm",
        ],
    },
    "vpcp": {
        "articles": ["https://vpcp.chinhphu.vn/van-phong-chinh-phu-hop-bao-115260914184400123.htm"],
        "listings": ["https://vpcp.chinhphu.vn/tin-hoat-dong.htm"],
        "elsewhere": ["https://vpcp.chinhphu.vn/sitemaps/google-news.xml"],
    },
    "xaydungchinhsach": {
        "articles": [
            "https://xaydungchinhsach.chinhphu.vn/lay-y-kien-du-thao-luat-119260914184400123.htm"
        ],
        "listings": ["https://xaydungchinhsach.chinhphu.vn/chinh-sach-moi.htm"],
        "elsewhere": ["https://xaydungchinhsach.chinhphu.vn/timelinelist/3009/2.htm"],
    },
    "dongthap-gov": {
        "articles": ["https://dongthap.gov.vn/tin-tuc/chi-tiet?id=7742453"],
        "listings": ["https://dongthap.gov.vn/tin-tuc", "https://dongthap.gov.vn/"],
        "elsewhere": [
            "https://dongthap.gov.vn/documents/10437/0/bao-cao.pdf/6f3c1a2e-0000?t=1690000000000"
        ],
    },
    "moh": {
        "articles": [
            "https://moh.gov.vn/tin-noi-bat/-/asset_publisher/k206Q9qkZOqn/content/bo-y-te-hop-bao",
            "https://moh.gov.vn/tin-noi-bat/-/asset_publisher/k206Q9qkZOqn/content/bo-y-te-hop-bao?inheritRedirect=false&redirect=%2Fweb%2Fguest",
        ],
        "listings": [
            "https://moh.gov.vn/web/guest/tin-noi-bat",
            "https://moh.gov.vn/web/guest/tin-noi-bat?p_p_id=101_INSTANCE_k206Q9qkZOqn&_101_INSTANCE_k206Q9qkZOqn_cur=2&_101_INSTANCE_k206Q9qkZOqn_delta=20",
        ],
        "elsewhere": ["https://moh.gov.vn/rss/-/asset_publisher/k206Q9qkZOqn/rss"],
    },
    "chinhphu-vanban": {
        "articles": ["https://chinhphu.vn/?pageid=27160&docid=200000"],
        "listings": ["https://chinhphu.vn/?pageid=27160"],
        "elsewhere": ["https://chinhphu.vn/cpp/files/vbpq/2020/02/15-2020-nd-cp.signed.pdf"],
    },
    "mof": {
        "articles": ["https://mof.gov.vn/tin-tuc/bo-tai-chinh-hop-bao-thuong-ky-102508"],
        "listings": [],
        "elsewhere": ["https://mof.gov.vn/api/article/getbyslug?slug=bo-tai-chinh-hop-bao-102508"],
    },
    "hanoi": {
        "articles": [
            "https://hanoi.gov.vn/ha-noi-day-nhanh-tien-do-du-an-vanh-dai-4-4250912154512345.htm",
        ],
        "listings": ["https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat", "https://hanoi.gov.vn/"],
        "elsewhere": [
            "https://hanoi.gov.vn/api/NewsZone/NewsZone",
            "https://hanoi.gov.vn/rss/home.rss",
            "https://baochinhphu.vn/thu-tuong-chu-tri-phien-hop-chinh-phu-102260914184400123.htm",
        ],
    },
    "mic": {
        "articles": [
            "https://mic.gov.vn/mic_2020/Pages/TinTuc/150493/Bo-TTTT-to-chuc-hoi-nghi.html",
            "http://mic.gov.vn/mic_2020/pages/tintuc/150493/bo-tttt-to-chuc-hoi-nghi.html",
        ],
        "listings": [
            "https://mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/1747/1/Buu-chinh.html",
            "https://mic.gov.vn/mic_2020/Pages/ChuyenMuc/PhanTrang/1752/7/Bao-chi-truyen-thong.html",
        ],
        "elsewhere": [
            "https://mic.gov.vn/mic_2020/Pages/TimKiem.aspx?k=5G",
            "https://mic.gov.vn/mic_2020/Uploads/images/2024/01/02/anh-1-150493.jpg",
        ],
    },
    "dangcongsan": {
        "articles": [
            "https://dangcongsan.vn/canh-bao-thong-tin-gia/bac-lieu-mac-covid-19-duoc-uu-ai-dieu-tri-tai-nha-la-sai-su-that-592693.html",
            "https://dangcongsan.vn/thoi-su/hoi-nghi-hoc-tap-quan-triet-nghi-quyet-trung-uong-631245.html",
        ],
        "listings": [
            "https://dangcongsan.vn/thoi-su",
            "https://dangcongsan.vn/thoi-su/trang-2.html",
        ],
        "elsewhere": [
            "https://dangcongsan.vn/page/search?keyword=dang",
            "https://dangcongsan.vn/DATA/0/2018/12/28/Dangcongsan/vhoai%20_3_16_22_800.jpg",
            "https://dangcongsan.vn/van-kien/dai-hoi/dai-hoi-iv",
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


@pytest.mark.parametrize(
    ("selector", "problem"),
    [
        ("//div[@id='content']", "is XPath; profiles state CSS selectors"),
        ("div[[broken", "is not a CSS selector lexbor can read"),
    ],
)
def test_a_selector_the_profile_path_cannot_use_fails_at_load(
    tmp_path, monkeypatch: pytest.MonkeyPatch, selector: str, problem: str
) -> None:
    (tmp_path / "family.toml").write_text(
        f"""
[family]
name = "test-family"
article_pattern = 'a/\\d+$'
listing_pattern = '$'

[family.selectors]
title = ["h1"]
body = ["{selector}"]

[[site]]
slug = "test-site"
agency = "Test"
base_url = "https://example.gov.vn/"
""",
        encoding="utf-8",
    )
    monkeypatch.setattr("crawler.sites.SITES_DIR", tmp_path)
    load_sites.cache_clear()  # the registry is read once per process
    try:
        with pytest.raises(RegistryError, match=f"family.toml: site 'test-site': .*{problem}"):
            load_sites()
    finally:
        load_sites.cache_clear()
