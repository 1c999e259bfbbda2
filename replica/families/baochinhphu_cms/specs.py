"""The baochinhphu.vn-CMS sites the replica mounts: hosts, id prefixes, zones, topics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from replica.newsroom import DocKind, doc_kinds
from replica.vocab import vocab

HANOI_WORDS = vocab("hanoi")
NEWS_WORDS = vocab("news")


@dataclass(frozen=True)
class Zone:
    """A category: `/<key>.htm`, `/<key>.rss`, `/timelinelist/<zone_id>/<page>.htm`."""

    key: str  # may nest one level: "<parent>/<section>"
    name: str
    zone_id: int
    weight: int  # share of the site's articles
    topics: tuple[str, ...]


@dataclass(frozen=True)
class CmsSpec:
    slug: str
    host: str
    id_prefix: str  # ids start with it: 102… baochinhphu, 115… vpcp, 119… xaydungchinhsach
    sapo_prefix: str  # "(Chinhphu.vn) - " or "VGP - "
    publication: str
    media: str  # the image CDN host
    zones: tuple[Zone, ...]
    kinds: tuple[DocKind, ...]
    challenge: bool = False  # the legacy JS cookie challenge
    owner: str = "Văn phòng Chính phủ"  # "Cơ quan chủ quản" in the footer
    short_ids: bool = True  # the oldest few articles have short ids (prefix + 5 digits)
    page_ext: str = "htm"  # category pages: /<key>.htm, or /<key> when ""
    # hanoi.gov.vn pages a category by POST api/NewsZone/NewsZone (replica/newszone.py)
    # instead of /timelinelist/ fragments.
    zone_api: bool = False
    sapo_tag: str = "h2"  # the detail page's sapo element (mst.gov.vn: a div)
    # List items: div.box-stream-item ("stream"), or div.box-category-item in div.list__news
    # ("category", mic.gov.vn and mst.gov.vn).
    items: str = "stream"
    # A page per day listing that day's articles, `{date}` written dd-mm-yyyy ("" for none).
    day_pages: str = ""
    pools: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # over vocab/news.json POOLS
    generic: tuple[str, ...] = NEWS_WORDS.GENERIC
    closers: tuple[str, ...] = NEWS_WORDS.CLOSERS
    captions: tuple[str, ...] = NEWS_WORDS.CAPTIONS


BAOCHINHPHU = CmsSpec(
    slug="baochinhphu",
    host="baochinhphu.vn",
    id_prefix="102",
    sapo_prefix="(Chinhphu.vn) - ",
    publication="Báo Điện tử Chính phủ",
    media="imagev3.baochinhphu.vn",
    # Sections of the real site's menu; chinh-sach-moi (zone 1021119) sits one level down and
    # kinh-te is zone 1027, as public crawlers saw them (docs/evidence.md). The other ids are
    # the replica's.
    zones=(
        Zone("chinh-tri", "Chính trị", 1010, 3, ("phien_hop", "lam_viec")),
        Zone(
            "chinh-sach-va-cuoc-song/chinh-sach-moi", "Chính sách mới", 1021119, 3, ("chinh_sach",)
        ),
        Zone(
            "chi-dao-quyet-dinh-cua-chinh-phu-thu-tuong-chinh-phu",
            "Chỉ đạo, quyết định của Chính phủ, Thủ tướng Chính phủ",
            1037,
            2,
            ("chi_dao",),
        ),
        Zone("kinh-te", "Kinh tế", 1027, 2, ("kinh_te",)),
        Zone("xa-hoi", "Xã hội", 1052, 2, ("xa_hoi",)),
    ),
    kinds=doc_kinds(NEWS_WORDS.DOC_KINDS),
)
VPCP = CmsSpec(
    slug="vpcp",
    host="vpcp.chinhphu.vn",
    id_prefix="115",
    sapo_prefix="VGP - ",
    publication="Cổng Thông tin điện tử Văn phòng Chính phủ",
    media="imagev3.vpcp.chinhphu.vn",
    zones=(
        Zone("tin-noi-bat", "Tin nổi bật", 2011, 3, ("vpcp_hoat_dong",)),
        Zone("thong-tin-hoat-dong", "Thông tin hoạt động", 2016, 3, ("chi_dao", "phien_hop")),
        Zone("cong-ttdt-chinh-phu/thong-cao-bao-chi", "Thông cáo báo chí", 2023, 2, ("cai_cach",)),
        Zone("cong-tac-dang-doan-the", "Công tác Đảng, đoàn thể", 2030, 1, ("vpcp_doan_the",)),
    ),
    kinds=doc_kinds(NEWS_WORDS.VPCP_KINDS),
    challenge=True,
)
XAYDUNGCHINHSACH = CmsSpec(
    slug="xaydungchinhsach",
    host="xaydungchinhsach.chinhphu.vn",
    id_prefix="119",
    sapo_prefix="(Chinhphu.vn) - ",
    publication="Xây dựng chính sách, pháp luật",
    media="imagev3.xaydungchinhsach.chinhphu.vn",
    zones=(
        Zone("thong-tin-chinh-sach", "Thông tin chính sách", 3004, 3, ("chinh_sach", "cai_cach")),
        Zone("chinh-sach-moi", "Chính sách mới", 3009, 3, ("chinh_sach",)),
        Zone("lay-y-kien-du-thao", "Lấy ý kiến dự thảo", 3015, 2, ("du_thao",)),
        Zone("chinh-sach-va-cuoc-song", "Chính sách và cuộc sống", 3021, 2, ("xa_hoi",)),
    ),
    kinds=doc_kinds(NEWS_WORDS.DOC_KINDS),
)
HANOI = CmsSpec(
    slug="hanoi",
    host="hanoi.gov.vn",
    id_prefix="4",
    sapo_prefix="",
    publication="Cổng thông tin điện tử Thành phố Hà Nội",
    media="image.hanoi.gov.vn",
    zones=(
        Zone("tin-tuc-su-kien-noi-bat", "Tin tức sự kiện nổi bật", 4101, 3, ("hanoi_chinh_quyen",)),
        Zone(
            "chi-dao-cua-ubnd-thanh-pho-ha-noi",
            "Chỉ đạo của UBND Thành phố",
            4104,
            2,
            ("hanoi_do_thi", "hanoi_chinh_quyen"),
        ),
        Zone("tin-so-nganh", "Tin sở ngành", 4107, 2, ("kinh_te",)),
        Zone("van-hoa-xa-hoi", "Văn hóa - Xã hội", 4112, 2, ("xa_hoi", "hanoi_chinh_quyen")),
    ),
    kinds=doc_kinds(HANOI_WORDS.HANOI_KINDS),
    owner="Ủy ban nhân dân Thành phố Hà Nội",
    short_ids=False,
    page_ext="",
    zone_api=True,
    pools=HANOI_WORDS.CITY_POOLS,
    generic=HANOI_WORDS.HANOI_GENERIC,
    closers=HANOI_WORDS.HANOI_CLOSERS,
    captions=HANOI_WORDS.HANOI_CAPTIONS,
)
# mst.gov.vn: sections nest under tin-tuc-su-kien/ (public code; the slugs are not pinned to a
# commit), a page per day, div.box-category-item list items and a div.detail-sapo (public
# crawlers, docs/evidence.md). The zone ids are the replica's.
MST = CmsSpec(
    slug="mst",
    host="mst.gov.vn",
    id_prefix="197",
    sapo_prefix="",
    publication="Cổng Thông tin điện tử Bộ Khoa học và Công nghệ",
    media="mic.mediacdn.vn",
    zones=(
        Zone(
            "tin-tuc-su-kien/khoa-hoc-va-cong-nghe",
            "Khoa học và công nghệ",
            1971001,
            3,
            ("chinh_sach", "lam_viec"),
        ),
        Zone("tin-tuc-su-kien/chuyen-doi-so", "Chuyển đổi số", 1971002, 2, ("cai_cach",)),
        Zone("tin-tuc-su-kien/doi-moi-sang-tao", "Đổi mới sáng tạo", 1971003, 2, ("kinh_te",)),
        Zone("tin-tuc-su-kien/tin-tong-hop", "Tin tổng hợp", 1971004, 2, ("phien_hop", "chi_dao")),
    ),
    kinds=doc_kinds(NEWS_WORDS.DOC_KINDS),
    owner="Bộ Khoa học và Công nghệ",
    sapo_tag="div",
    items="category",
    day_pages="tin-tuc-su-kien/xem-theo-ngay-{date}.htm",
)
SPECS = (BAOCHINHPHU, VPCP, XAYDUNGCHINHSACH)  # hanoi and mst are mounted on their own (catalog)
