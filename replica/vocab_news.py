"""Vocabulary of the baochinhphu.vn-family replicas: pools, documents, captions, tags, closers.

Pools are filled by newsgen.NewsGen; those in STICKY keep one value for the whole article
(one leader, one ministry, one province per story). Names of people are generated, never real.
"""

from __future__ import annotations

from replica.newsroom import DocKind

STICKY = (
    "leader", "chief", "ministry", "province", "subject", "project", "field", "goods", "period",
    "law",
)  # fmt: skip
POOLS: dict[str, tuple[str, ...]] = {
    "chief": ("{man}", "{name}"),
    "leader": ("Phó Thủ tướng {man}", "Phó Thủ tướng {name}", "Phó Thủ tướng Thường trực {man}"),
    "ministry": (
        "Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường",
        "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Tư pháp", "Bộ Nội vụ",
        "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch",
    ),
    "other_ministry": ("Bộ Tài chính", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Bộ Nội vụ"),
    "minister": ("Bộ trưởng {ministry} {name}", "Thứ trưởng {ministry} {man}"),
    "province": (
        "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Đồng Tháp", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa",
        "An Giang", "Bắc Ninh", "Gia Lai", "Lào Cai", "Tây Ninh", "Quảng Ngãi", "Cà Mau",
        "Vĩnh Long", "Thái Nguyên", "Phú Thọ", "Ninh Bình", "Hà Tĩnh", "Điện Biên", "Đồng Nai",
    ),
    "subject": (
        "lương hưu, trợ cấp bảo hiểm xã hội", "đăng ký doanh nghiệp", "hóa đơn, chứng từ điện tử",
        "quản lý hoạt động kinh doanh vàng", "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        "định danh và xác thực điện tử", "học phí đối với cơ sở giáo dục công lập",
        "khám bệnh, chữa bệnh bảo hiểm y tế", "nhà ở xã hội", "đấu giá quyền sử dụng đất",
        "tín dụng đối với học sinh, sinh viên", "quản lý, sử dụng tài sản công",
    ),
    "project": (
        "đường dây 500 kV mạch 3", "đường bộ cao tốc Bắc - Nam phía Đông",
        "Cảng hàng không quốc tế Long Thành", "đường Vành đai 4 - Vùng Thủ đô",
        "đường sắt Lào Cai - Hà Nội - Hải Phòng", "cao tốc Châu Đốc - Cần Thơ - Sóc Trăng",
    ),
    "field": (
        "đất đai", "đầu tư", "xây dựng", "thuế", "hải quan", "y tế", "giáo dục", "tư pháp",
        "giao thông vận tải", "nông nghiệp",
    ),
    "goods": ("gạo", "cà phê", "thủy sản", "rau quả", "hạt điều", "dệt may", "gỗ và sản phẩm gỗ"),
    "period": ("6 tháng đầu năm", "9 tháng", "quý I", "7 tháng", "8 tháng", "10 tháng"),
    "law": (
        "Đất đai", "Đầu tư công", "Ngân sách nhà nước", "Quản lý thuế", "Bảo hiểm y tế",
        "Giáo dục", "Doanh nghiệp", "Cán bộ, công chức", "Thuế thu nhập cá nhân",
    ),
    "photo": (
        "VGP/Nhật Bắc", "VGP/Hải Minh", "VGP/Minh Khôi", "VGP/Đức Tuân", "VGP/Trần Mạnh",
        "VGP/Quang Thương", "VGP/Đình Nam", "VGP",
    ),
    "quote": (
        "Phải nói đi đôi với làm, đã cam kết thì phải thực hiện, đã thực hiện thì phải có kết quả "
        "cụ thể, đo đếm được",
        "Không để người dân, doanh nghiệp phải chờ đợi vì sự chậm trễ của cơ quan nhà nước",
        "Thể chế là điểm nghẽn của điểm nghẽn, cần tập trung tháo gỡ dứt điểm",
        "Chỉ bàn làm, không bàn lùi; việc gì đã giao thì phải làm đến nơi đến chốn",
        "Mọi vướng mắc phải được xử lý ngay trong tháng này, không để kéo dài",
    ),
}  # fmt: skip
# Pools a topic narrows: an export story quotes the trade ministry, not the health one.
TOPIC_POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "kinh_te": {"ministry": ("Bộ Công Thương", "Bộ Tài chính")},
    "xa_hoi": {"ministry": ("Bộ Nội vụ", "Bộ Y tế", "Bộ Xây dựng", "Bộ Dân tộc và Tôn giáo")},
    "chinh_sach": {
        "ministry": ("Bộ Tài chính", "Bộ Tư pháp", "Bộ Nội vụ", "Bộ Công an", "Bộ Y tế")
    },
}
REPORTERS = (
    "Thu Giang", "Hải Liên", "Nguyễn Hoàng", "Phương Liên", "Minh Anh", "Đức Tuân", "Thùy Chi",
    "Huy Thắng", "Khánh Linh", "Sơn Hào", "Vũ Phong", "Thanh Quang", "Diệu Anh", "Bích Hồng",
    "Đình Nam", "Gia Huy",
)  # fmt: skip
DOC_KINDS = (
    DocKind("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", top=380),
    DocKind("Nghị quyết", "{n}/NQ-CP", "Chính phủ", top=390),
    DocKind("Quyết định", "{n}/QĐ-TTg", "Thủ tướng Chính phủ"),
    DocKind("Chỉ thị", "{n}/CT-TTg", "Thủ tướng Chính phủ", top=45),
    DocKind("Công điện", "{n}/CĐ-TTg", "Thủ tướng Chính phủ", top=140),
    DocKind("Thông báo", "{n}/TB-VPCP", "Văn phòng Chính phủ", top=600),
    DocKind("Thông tư", "{n}/{y}/TT-BTC", "Bộ Tài chính", top=120),
    DocKind("Thông tư", "{n}/{y}/TT-BYT", "Bộ Y tế", top=60),
    DocKind("Nghị quyết", "{n}/{y}/QH15", "Quốc hội", top=250),
)
VPCP_KINDS = (
    *DOC_KINDS[:6],
    DocKind("Quyết định", "{n}/QĐ-VPCP", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", top=900),
)
GENERIC = (
    "Theo {minister}, thời gian qua, các bộ, ngành đã tích cực triển khai các nhiệm vụ, giải "
    "pháp được giao.",
    "Bên cạnh kết quả đạt được, vẫn còn những tồn tại, hạn chế cần sớm được khắc phục.",
    "Việc triển khai được thực hiện theo đúng tinh thần {doc}.",
    "Các bộ, ngành, địa phương được yêu cầu tăng cường phối hợp, bảo đảm thực hiện đồng bộ, "
    "hiệu quả.",
    "Đại diện {ministry} cho biết, cơ quan này đang khẩn trương hoàn thiện các văn bản hướng dẫn.",
    "Người dân, doanh nghiệp có thể tra cứu thông tin chi tiết trên Cổng Thông tin điện tử "
    "Chính phủ.",
    "{minister} cho biết sẽ tiếp thu đầy đủ ý kiến chỉ đạo để tổ chức thực hiện.",
)
CLOSERS = (
    "Các bộ, ngành, địa phương được yêu cầu tổ chức thực hiện nghiêm túc, hiệu quả.",
    "Chính phủ sẽ tiếp tục theo dõi, chỉ đạo sát sao để bảo đảm đạt mục tiêu đề ra.",
    "{ministry} chịu trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc thực hiện.",
    "Kết quả thực hiện sẽ được tổng hợp, báo cáo Thủ tướng Chính phủ trong tháng {month}.",
    "Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm vụ được giao.",
)
CAPTIONS = (
    "{leader} phát biểu tại hội nghị - Ảnh: {photo}",
    "Thủ tướng Chính phủ chủ trì phiên họp - Ảnh: {photo}",
    "Quang cảnh phiên họp - Ảnh: {photo}",
    "{leader} kiểm tra tiến độ thi công tại công trường - Ảnh: {photo}",
    "Các đại biểu dự hội nghị - Ảnh: {photo}",
    "Lãnh đạo tỉnh {province} báo cáo tại buổi làm việc - Ảnh: {photo}",
    "Ảnh minh họa",
)
HOT_KEYWORDS = ("chính sách mới", "giải ngân đầu tư công", "cải cách thủ tục hành chính")
TOPIC_TAGS: dict[str, tuple[str, ...]] = {
    "phien_hop": ("Thủ tướng Chính phủ", "phiên họp Chính phủ", "xây dựng pháp luật", "thể chế"),
    "lam_viec": ("Phó Thủ tướng", "dự án trọng điểm", "giải phóng mặt bằng", "hạ tầng giao thông"),
    "chinh_sach": ("chính sách mới", "nghị định", "thủ tục hành chính", "văn bản mới"),
    "chi_dao": ("chỉ đạo điều hành", "Thủ tướng Chính phủ", "đầu tư công", "công điện"),
    "kinh_te": ("kinh tế vĩ mô", "xuất khẩu", "tăng trưởng", "doanh nghiệp"),
    "xa_hoi": ("an sinh xã hội", "xóa nhà tạm", "bảo hiểm y tế", "người nghèo"),
    "cai_cach": ("cải cách hành chính", "dịch vụ công trực tuyến", "chuyển đổi số"),
    "du_thao": ("dự thảo", "lấy ý kiến", "xây dựng pháp luật", "góp ý chính sách"),
    "vpcp_hoat_dong": ("Văn phòng Chính phủ", "tham mưu", "chuyển đổi số"),
    "vpcp_doan_the": ("Văn phòng Chính phủ", "công đoàn", "đoàn thanh niên", "công tác Đảng"),
}
