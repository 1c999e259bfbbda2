"""Sentence templates and pools of the hanoi.gov.vn replica (the city's news on the CMS).

Same shapes as vocab_news / vocab_news_topics: a topic is (titles, sapos, sentences), the n-th
sapo goes with the n-th title, sapos never cite a document. Names are generated, never real.
"""

from __future__ import annotations

from replica.newsroom import DocKind
from replica.vocab_news_topics import Topic

CITY = "Ủy ban nhân dân Thành phố Hà Nội"
HANOI_KINDS = (
    DocKind("Quyết định", "{n}/QĐ-UBND", CITY, top=6200),
    DocKind("Kế hoạch", "{n}/KH-UBND", CITY, top=420),
    DocKind("Chỉ thị", "{n}/CT-UBND", "Chủ tịch Ủy ban nhân dân Thành phố", top=40),
    DocKind("Nghị quyết", "{n}/NQ-HĐND", "Hội đồng nhân dân Thành phố Hà Nội", top=90),
    DocKind("Công văn", "{n}/UBND-ĐT", CITY, top=4800),
    DocKind("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", top=380),
)
# Pools every Hanoi topic narrows to the city (merged over vocab_news.POOLS).
CITY_POOLS: dict[str, tuple[str, ...]] = {
    "leader": (
        "Chủ tịch UBND Thành phố {man}", "Phó Chủ tịch UBND Thành phố {name}",
        "Phó Chủ tịch Thường trực UBND Thành phố {man}",
    ),
    "ministry": (
        "Sở Xây dựng Hà Nội", "Sở Tài chính Hà Nội", "Sở Nông nghiệp và Môi trường Hà Nội",
        "Sở Y tế Hà Nội", "Sở Giáo dục và Đào tạo Hà Nội", "Sở Nội vụ Hà Nội",
        "Sở Khoa học và Công nghệ Hà Nội", "Văn phòng UBND Thành phố Hà Nội",
    ),
    "district": (
        "phường Hoàn Kiếm", "phường Ba Đình", "phường Cầu Giấy", "phường Hà Đông",
        "phường Long Biên", "xã Sóc Sơn", "xã Ba Vì", "xã Thạch Thất", "phường Tây Hồ",
        "xã Mê Linh", "phường Hoàng Mai", "xã Thường Tín",
    ),
    "work": (
        "tuyến đường Vành đai 4", "cầu Trần Hưng Đạo", "tuyến đường sắt đô thị số 3",
        "cải tạo hồ Thiền Quang", "nút giao Mai Dịch", "khu nhà ở xã hội Thượng Thanh",
    ),
    "photo": ("Hanoi.gov.vn", "Trần Mạnh", "Minh Hà", "Thanh Hải"),
}  # fmt: skip
HANOI_TOPICS: dict[str, Topic] = {
    "hanoi_chinh_quyen": (
        (
            "UBND Thành phố Hà Nội họp phiên thường kỳ tháng {month}/{year}",
            "Hà Nội đẩy mạnh giải quyết thủ tục hành chính trên môi trường số",
            "{leader} tiếp công dân định kỳ tại {district0}",
            "Hà Nội triển khai mô hình chính quyền địa phương hai cấp tại {district0}",
        ),
        (
            "{date}, UBND Thành phố Hà Nội họp phiên thường kỳ, xem xét, cho ý kiến về {num} nội "
            "dung quan trọng trình Hội đồng nhân dân Thành phố.",
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn trên địa bàn Thủ đô đạt "
            "{pct0}, số hồ sơ trực tuyến tiếp tục tăng.",
            "{date}, {leader} đã chủ trì buổi tiếp công dân định kỳ, trực tiếp lắng nghe, giải "
            "đáp kiến nghị của người dân.",
            "{date}, tại {district0}, Thành phố đánh giá kết quả vận hành mô hình chính quyền địa "
            "phương hai cấp sau {num} tháng triển khai.",
        ),
        (
            "Tham dự có lãnh đạo các sở, ban, ngành Thành phố và các phường, xã.",
            "Trung tâm Phục vụ hành chính công Thành phố đã tiếp nhận {big} hồ sơ, tỷ lệ hồ sơ "
            "trực tuyến đạt {pct}.",
            "{leader} yêu cầu các đơn vị không để hồ sơ của người dân, doanh nghiệp quá hạn mà "
            "không có lý do chính đáng.",
            "Các kiến nghị thuộc thẩm quyền đã được giao các sở, ngành giải quyết dứt điểm trong "
            "tháng {month}.",
            "Hà Nội tiếp tục rà soát, cắt giảm thành phần hồ sơ, rút ngắn thời gian giải quyết "
            "thủ tục hành chính.",
            "Thành phố đã đưa vào vận hành ứng dụng iHanoi để tiếp nhận phản ánh, kiến nghị của "
            "người dân.",
            "Việc sắp xếp, bố trí cán bộ tại các phường, xã mới được thực hiện công khai, minh "
            "bạch.",
        ),
    ),
    "hanoi_do_thi": (
        (
            "Hà Nội đẩy nhanh tiến độ dự án {work0}",
            "Thành phố kiểm tra công tác giải phóng mặt bằng dự án {work0}",
            "Hà Nội xử lý dứt điểm các điểm ùn tắc giao thông tại {district0}",
            "Hà Nội chỉnh trang đô thị, cải tạo hạ tầng tại {district0}",
        ),
        (
            "{date}, {leader} đã kiểm tra thực địa, đôn đốc tiến độ thi công dự án {work0} và "
            "yêu cầu hoàn thành đúng kế hoạch.",
            "{date}, đoàn công tác của Thành phố kiểm tra công tác giải phóng mặt bằng dự án "
            "{work0}, tháo gỡ vướng mắc cho các hộ dân.",
            "Theo {ministry}, Thành phố đã xác định {num} điểm thường xuyên ùn tắc và đang triển "
            "khai giải pháp tổ chức lại giao thông.",
            "{date}, {district0} ra quân chỉnh trang vỉa hè, hạ ngầm đường dây, cải tạo cây xanh "
            "trên các tuyến phố chính.",
        ),
        (
            "Đến nay, khối lượng thi công đạt khoảng {pct} giá trị hợp đồng.",
            "Tổng mức đầu tư của dự án là {trillion}, từ nguồn ngân sách Thành phố.",
            "Các đơn vị thi công được yêu cầu bố trí đủ nhân lực, máy móc, thi công “ba ca, bốn "
            "kíp”.",
            "Đã có {big} hộ dân bàn giao mặt bằng, đạt {pct} tổng diện tích cần thu hồi.",
            "Thành phố yêu cầu bảo đảm an toàn lao động, vệ sinh môi trường trong quá trình thi "
            "công.",
            "Người dân được thông tin đầy đủ về phương án phân luồng, tổ chức giao thông.",
            "{leader} đề nghị các sở, ngành phối hợp chặt chẽ, kịp thời xử lý phát sinh.",
        ),
    ),
}
HANOI_TAGS: dict[str, tuple[str, ...]] = {
    "hanoi_chinh_quyen": ("UBND Thành phố", "thủ tục hành chính", "chính quyền hai cấp", "iHanoi"),
    "hanoi_do_thi": ("giao thông", "giải phóng mặt bằng", "chỉnh trang đô thị", "dự án trọng điểm"),
}
HANOI_GENERIC = (
    "Theo {ministry}, thời gian qua, các đơn vị đã tích cực triển khai các nhiệm vụ được giao.",
    "Bên cạnh kết quả đạt được, vẫn còn một số tồn tại, hạn chế cần sớm được khắc phục.",
    "Việc triển khai được thực hiện theo đúng tinh thần {doc}.",
    "Các sở, ngành, phường, xã được yêu cầu tăng cường phối hợp, bảo đảm hiệu quả.",
    "Người dân có thể tra cứu thông tin chi tiết trên Cổng thông tin điện tử Thành phố.",
)
HANOI_CLOSERS = (
    "Các sở, ngành, phường, xã được yêu cầu tổ chức thực hiện nghiêm túc, hiệu quả.",
    "{ministry} chịu trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc thực hiện.",
    "Kết quả thực hiện sẽ được tổng hợp, báo cáo UBND Thành phố trong tháng {month}.",
)
HANOI_CAPTIONS = (
    "{leader} phát biểu tại hội nghị - Ảnh: {photo}",
    "Quang cảnh buổi làm việc - Ảnh: {photo}",
    "Đoàn công tác kiểm tra thực địa - Ảnh: {photo}",
    "Ảnh minh họa",
)
