"""The THADS sub-sites the replica mounts: province names, districts, addresses, portals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One Cục THADS: its path slug, name, how text names it, and its own district map."""

    slug: str
    name: str  # "Đồng Tháp"
    place: str  # how a sentence names it: "tỉnh Đồng Tháp", "Thành phố Hồ Chí Minh"
    agency: str  # "Cục Thi hành án dân sự tỉnh Đồng Tháp"
    address: str
    phone: str
    portal: str
    districts: dict[str, tuple[str, ...]]


def _province(
    slug: str, name: str, address: str, phone: str, portal: str, districts: dict
) -> Place:
    place = f"tỉnh {name}"
    agency = f"Cục Thi hành án dân sự {place}"
    return Place(slug, name, place, agency, address, phone, portal, districts)


DONGTHAP = _province(
    "dongthap",
    "Đồng Tháp",
    "Số 10, đường Võ Trường Toản, Phường 1, TP. Cao Lãnh, tỉnh Đồng Tháp",
    "0277.3851.447",
    "https://dongthap.gov.vn",
    {
        "huyện Cao Lãnh": ("xã Mỹ Xương", "xã Phong Mỹ", "xã Bình Hàng Trung"),
        "huyện Tháp Mười": ("xã Trường Xuân", "xã Đốc Binh Kiều", "xã Mỹ Đông"),
        "huyện Tam Nông": ("xã Phú Đức", "xã An Long", "xã Phú Thành B"),
        "huyện Thanh Bình": ("xã Tân Thạnh", "xã Bình Thành", "xã Tân Mỹ"),
        "huyện Hồng Ngự": ("xã Thường Thới Tiền", "xã Long Khánh A"),
        "huyện Tân Hồng": ("xã Tân Công Chí", "xã Bình Phú"),
        "huyện Lai Vung": ("xã Tân Dương", "xã Hòa Long", "xã Định Hòa"),
        "huyện Lấp Vò": ("xã Định An", "xã Định Yên", "xã Mỹ An Hưng A"),
        "huyện Châu Thành": ("xã An Nhơn", "xã Tân Nhuận Đông"),
        "thành phố Cao Lãnh": ("phường Mỹ Phú", "xã Mỹ Tân"),
        "thành phố Sa Đéc": ("phường An Hòa", "xã Tân Khánh Đông"),
        "thành phố Hồng Ngự": ("phường An Lạc", "xã Tân Hội"),
    },
)
DONGTHAP_DISTRICTS = DONGTHAP.districts

PROVINCES: tuple[Place, ...] = (
    DONGTHAP,
    _province(
        "langson",
        "Lạng Sơn",
        "Số 2, đường Hùng Vương, phường Chi Lăng, thành phố Lạng Sơn, tỉnh Lạng Sơn",
        "0205.3812.163",
        "https://langson.gov.vn",
        {
            "thành phố Lạng Sơn": ("phường Chi Lăng", "phường Tam Thanh", "xã Mai Pha"),
            "huyện Cao Lộc": ("thị trấn Đồng Đăng", "xã Tân Liên", "xã Hợp Thành"),
            "huyện Văn Lãng": ("thị trấn Na Sầm", "xã Tân Mỹ"),
            "huyện Lộc Bình": ("thị trấn Lộc Bình", "xã Khánh Xuân"),
            "huyện Chi Lăng": ("thị trấn Đồng Mỏ", "xã Quang Lang"),
            "huyện Hữu Lũng": ("thị trấn Hữu Lũng", "xã Minh Sơn"),
            "huyện Bình Gia": ("thị trấn Bình Gia", "xã Hồng Phong"),
            "huyện Tràng Định": ("thị trấn Thất Khê", "xã Đề Thám"),
        },
    ),
    _province(
        "tiengiang",
        "Tiền Giang",
        "Số 25, đường Hùng Vương, Phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang",
        "0273.3872.618",
        "https://tiengiang.gov.vn",
        {
            "thành phố Mỹ Tho": ("Phường 4", "Phường 6", "xã Đạo Thạnh"),
            "thị xã Gò Công": ("Phường 2", "xã Long Hưng"),
            "thị xã Cai Lậy": ("Phường 1", "xã Mỹ Phước Tây"),
            "huyện Cái Bè": ("thị trấn Cái Bè", "xã Hậu Mỹ Bắc A", "xã An Hữu"),
            "huyện Châu Thành": ("thị trấn Tân Hiệp", "xã Long Định"),
            "huyện Chợ Gạo": ("thị trấn Chợ Gạo", "xã Bình Phục Nhứt"),
            "huyện Gò Công Tây": ("thị trấn Vĩnh Bình", "xã Đồng Sơn"),
            "huyện Tân Phước": ("thị trấn Mỹ Phước", "xã Tân Hòa Tây"),
        },
    ),
    _province(
        "caobang",
        "Cao Bằng",
        "Số 8, phố Kim Đồng, phường Hợp Giang, thành phố Cao Bằng, tỉnh Cao Bằng",
        "0206.3852.341",
        "https://caobang.gov.vn",
        {
            "thành phố Cao Bằng": ("phường Hợp Giang", "phường Sông Bằng", "xã Chu Trinh"),
            "huyện Hòa An": ("thị trấn Nước Hai", "xã Hồng Việt"),
            "huyện Trùng Khánh": ("thị trấn Trùng Khánh", "xã Đàm Thủy"),
            "huyện Hà Quảng": ("thị trấn Thông Nông", "xã Trường Hà"),
            "huyện Bảo Lạc": ("thị trấn Bảo Lạc", "xã Bảo Toàn"),
            "huyện Quảng Hòa": ("thị trấn Quảng Uyên", "xã Phúc Sen"),
            "huyện Nguyên Bình": ("thị trấn Nguyên Bình", "xã Thể Dục"),
            "huyện Thạch An": ("thị trấn Đông Khê", "xã Đức Long"),
        },
    ),
    _province(
        "haugiang",
        "Hậu Giang",
        "Số 3, đường Trần Hưng Đạo, Phường V, thành phố Vị Thanh, tỉnh Hậu Giang",
        "0293.3878.119",
        "https://haugiang.gov.vn",
        {
            "thành phố Vị Thanh": ("Phường I", "Phường V", "xã Vị Tân"),
            "thành phố Ngã Bảy": ("phường Ngã Bảy", "xã Đại Thành"),
            "thị xã Long Mỹ": ("phường Thuận An", "xã Long Phú"),
            "huyện Châu Thành A": ("thị trấn Một Ngàn", "xã Tân Hòa"),
            "huyện Châu Thành": ("thị trấn Ngã Sáu", "xã Đông Phú"),
            "huyện Phụng Hiệp": ("thị trấn Cây Dương", "xã Hòa An"),
            "huyện Vị Thủy": ("thị trấn Nàng Mau", "xã Vị Thắng"),
            "huyện Long Mỹ": ("xã Vĩnh Viễn", "xã Lương Tâm"),
        },
    ),
    _province(
        "binhdinh",
        "Bình Định",
        "Số 126, đường Lê Hồng Phong, phường Lê Lợi, thành phố Quy Nhơn, tỉnh Bình Định",
        "0256.3822.417",
        "https://binhdinh.gov.vn",
        {
            "thành phố Quy Nhơn": ("phường Lý Thường Kiệt", "phường Nhơn Bình", "xã Nhơn Lý"),
            "thị xã An Nhơn": ("phường Bình Định", "xã Nhơn Hậu"),
            "thị xã Hoài Nhơn": ("phường Bồng Sơn", "phường Tam Quan"),
            "huyện Tuy Phước": ("thị trấn Tuy Phước", "xã Phước Lộc"),
            "huyện Phù Cát": ("thị trấn Ngô Mây", "xã Cát Hanh"),
            "huyện Phù Mỹ": ("thị trấn Phù Mỹ", "xã Mỹ Chánh"),
            "huyện Tây Sơn": ("thị trấn Phú Phong", "xã Bình Tường"),
            "huyện Hoài Ân": ("thị trấn Tăng Bạt Hổ", "xã Ân Thạnh"),
        },
    ),
    _province(
        "quangtri",
        "Quảng Trị",
        "Số 45, đường Hùng Vương, Phường 1, thành phố Đông Hà, tỉnh Quảng Trị",
        "0233.3852.503",
        "https://quangtri.gov.vn",
        {
            "thành phố Đông Hà": ("Phường 1", "phường Đông Lương", "phường Đông Giang"),
            "thị xã Quảng Trị": ("Phường 2", "xã Hải Lệ"),
            "huyện Vĩnh Linh": ("thị trấn Hồ Xá", "xã Vĩnh Giang"),
            "huyện Gio Linh": ("thị trấn Gio Linh", "xã Gio Mỹ"),
            "huyện Triệu Phong": ("thị trấn Ái Tử", "xã Triệu Ái"),
            "huyện Hải Lăng": ("thị trấn Diên Sanh", "xã Hải Phú"),
            "huyện Cam Lộ": ("thị trấn Cam Lộ", "xã Cam Thành"),
            "huyện Hướng Hóa": ("thị trấn Khe Sanh", "thị trấn Lao Bảo"),
        },
    ),
    _province(
        "kontum",
        "Kon Tum",
        "Số 182, đường Bà Triệu, phường Quyết Thắng, thành phố Kon Tum, tỉnh Kon Tum",
        "0260.3862.295",
        "https://kontum.gov.vn",
        {
            "thành phố Kon Tum": ("phường Quyết Thắng", "phường Thắng Lợi", "xã Đăk Cấm"),
            "huyện Đăk Hà": ("thị trấn Đăk Hà", "xã Hà Mòn"),
            "huyện Đăk Tô": ("thị trấn Đăk Tô", "xã Diên Bình"),
            "huyện Ngọc Hồi": ("thị trấn Plei Kần", "xã Bờ Y"),
            "huyện Sa Thầy": ("thị trấn Sa Thầy", "xã Sa Nhơn"),
            "huyện Kon Rẫy": ("thị trấn Đăk Rve", "xã Tân Lập"),
            "huyện Đăk Glei": ("thị trấn Đăk Glei", "xã Đăk Pét"),
        },
    ),
    Place(
        "tphochiminh",
        "Thành phố Hồ Chí Minh",
        "Thành phố Hồ Chí Minh",
        "Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        "Số 1, đường Lý Chính Thắng, phường Võ Thị Sáu, Quận 3, Thành phố Hồ Chí Minh",
        "028.3930.2716",
        "https://hochiminhcity.gov.vn",
        {
            "Quận 1": ("phường Bến Nghé", "phường Bến Thành", "phường Đa Kao"),
            "Quận 3": ("phường Võ Thị Sáu", "Phường 9"),
            "quận Bình Thạnh": ("Phường 13", "Phường 25"),
            "quận Gò Vấp": ("Phường 5", "Phường 17"),
            "quận Tân Bình": ("Phường 2", "Phường 15"),
            "Quận 12": ("phường Tân Chánh Hiệp", "phường Thạnh Lộc"),
            "thành phố Thủ Đức": ("phường Hiệp Bình Chánh", "phường Linh Trung"),
            "huyện Bình Chánh": ("xã Vĩnh Lộc A", "xã Bình Hưng"),
            "huyện Củ Chi": ("thị trấn Củ Chi", "xã Tân Thạnh Đông"),
            "huyện Hóc Môn": ("thị trấn Hóc Môn", "xã Xuân Thới Sơn"),
            "huyện Cần Giờ": ("xã Bình Khánh", "xã Long Hòa"),
        },
    ),
    _province(
        "thuathienhue",
        "Thừa Thiên Huế",
        "Số 28, đường Lê Lợi, phường Phú Hội, thành phố Huế, tỉnh Thừa Thiên Huế",
        "0234.3822.618",
        "https://thuathienhue.gov.vn",
        {
            "thành phố Huế": ("phường Phú Hội", "phường Vĩnh Ninh", "phường Thuận Lộc"),
            "thị xã Hương Thủy": ("phường Phú Bài", "xã Thủy Phù"),
            "thị xã Hương Trà": ("phường Tứ Hạ", "xã Hương Toàn"),
            "huyện Phú Vang": ("thị trấn Thuận An", "xã Phú Diên"),
            "huyện Phú Lộc": ("thị trấn Phú Lộc", "thị trấn Lăng Cô"),
            "huyện Quảng Điền": ("thị trấn Sịa", "xã Quảng Phước"),
            "huyện Phong Điền": ("thị trấn Phong Điền", "xã Phong Hiền"),
            "huyện A Lưới": ("thị trấn A Lưới", "xã Hồng Thượng"),
        },
    ),
)
BY_SLUG = {p.slug: p for p in PROVINCES}

# The national site (Tổng cục) at the host root.
NATIONAL = Place(
    "",
    "Tổng cục Thi hành án dân sự",
    "Tổng cục Thi hành án dân sự",
    "Tổng cục Thi hành án dân sự",
    "Số 60, phố Trần Phú, quận Ba Đình, thành phố Hà Nội",
    "024.6273.9600",
    "https://moj.gov.vn",
    DONGTHAP_DISTRICTS,  # unused: national text borrows a province per article
)
