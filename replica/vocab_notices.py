"""Vocabulary of notices (thông báo) and their attachments, image captions and later edits."""

from __future__ import annotations

# Citations a notice rests on; same shape as vocab.DOCUMENTS. {chicuc} is the Chi cục.
NOTICE_DOCUMENTS: tuple[tuple[str, str, str | None, bool, bool], ...] = (
    ("Quyết định thi hành án", "{n}/QĐ-CCTHADS", "Chi cục trưởng {chicuc}", True, True),
    ("Quyết định cưỡng chế", "{n}/QĐ-CCTHADS", "Chấp hành viên {chicuc}", True, True),
    (
        "Quyết định thi hành án",
        "{n}/QĐ-CTHADS",
        "Cục trưởng Cục Thi hành án dân sự {place}",
        True,
        True,
    ),
)
# kind -> (titles, paragraph templates in order, attachment file names)
NOTICES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "dau_gia": (
        ("Thông báo về việc bán đấu giá tài sản", "Thông báo bán đấu giá tài sản lần thứ {small}"),
        (
            "Căn cứ {doc}, {chicuc} thông báo về việc bán đấu giá tài sản đã kê biên của ông "
            "{man}, cư trú tại {commune}, {district}.",
            "Tài sản bán đấu giá gồm quyền sử dụng {area} mét vuông đất và tài sản gắn liền với "
            "đất tại {commune}. Giá khởi điểm là {money}.",
            "Người tham gia đấu giá đăng ký và nộp tiền đặt trước đến hết ngày {later} tại tổ chức "
            "đấu giá tài sản.",
            "Nội dung chi tiết xem tại tệp đính kèm.",
        ),
        ("TB ban dau gia so {k}.pdf", "Thông báo bán đấu giá {k}.pdf", "Quy che dau gia.doc"),
    ),
    "chon_to_chuc": (
        ("Thông báo lựa chọn tổ chức đấu giá tài sản",),
        (
            "Căn cứ {doc}, {chicuc} thông báo lựa chọn tổ chức đấu giá tài sản để bán đấu giá tài "
            "sản thi hành án.",
            "Tổ chức đấu giá quan tâm nộp hồ sơ đăng ký tham gia tại trụ sở {chicuc} trước ngày "
            "{later}.",
            "Hồ sơ đăng ký gửi kèm bảng kê các tiêu chí theo mẫu tại tệp đính kèm.",
        ),
        ("TB lua chon to chuc dau gia.pdf", "Mau ho so dang ky.docx"),
    ),
    "cuong_che": (
        ("Thông báo về việc cưỡng chế thi hành án", "Thông báo về việc cưỡng chế giao tài sản"),
        (
            "Căn cứ {doc}, {chicuc} thông báo sẽ tổ chức cưỡng chế thi hành án đối với ông {man}, "
            "cư trú tại {commune}, {district}.",
            "Thời gian cưỡng chế: từ 07 giờ 30 phút ngày {later} cho đến khi kết thúc.",
            "Đề nghị người phải thi hành án và những người có liên quan có mặt đúng thời gian, địa "
            "điểm nêu trên.",
        ),
        ("TB cuong che so {k}.pdf", "QD cuong che {k}.doc"),
    ),
    "ket_qua_gia": (
        ("Thông báo kết quả thẩm định giá tài sản",),
        (
            "Căn cứ {doc}, {chicuc} thông báo kết quả thẩm định giá tài sản kê biên của bà "
            "{woman}.",
            "Tổng giá trị tài sản theo chứng thư thẩm định giá là {money}.",
            "Trường hợp không đồng ý với kết quả thẩm định giá, đương sự có quyền yêu cầu thẩm "
            "định "
            "giá lại trong thời hạn 05 ngày làm việc kể từ ngày nhận được thông báo.",
        ),
        ("Ket qua tham dinh gia.pdf", "Bang ke tai san {k}.xls"),
    ),
    "tuyen_dung": (
        ("Thông báo tuyển dụng công chức năm {year}", "Thông báo kết quả xét tuyển công chức"),
        (
            "{agency} thông báo tuyển dụng công chức làm việc tại các Chi cục Thi hành án dân sự "
            "trực thuộc năm {year}.",
            "Chỉ tiêu tuyển dụng: {small} Thư ký thi hành án và {small} Kế toán viên.",
            "Thời gian nhận hồ sơ đến hết ngày {later}. Chi tiết chỉ tiêu và mẫu phiếu đăng ký xem "
            "tại tệp đính kèm.",
        ),
        ("TB tuyen dung {year}.pdf", "Phieu dang ky du tuyen.docx", "Chi tieu tuyen dung.xls"),
    ),
}
CAPTIONS = (
    "Quang cảnh hội nghị",
    "Toàn cảnh buổi làm việc",
    "Đồng chí {name} phát biểu tại hội nghị",
    "Các đại biểu tham dự chụp ảnh lưu niệm",
    "Đoàn kiểm tra làm việc tại đơn vị",
    "Lực lượng tham gia buổi cưỡng chế",
    "Ảnh: {unit}",
)
IMAGE_NAMES = ("IMG_{ymd}_{item}{k}", "anh {item}-{k}", "hoi nghi {item}_{k}", "DSC0{item}{k}")
# Sentences an editor adds when an article is edited after publication (never a citation).
EDIT_SENTENCES = (
    "Đến nay, đơn vị đã hoàn thành việc khắc phục các tồn tại theo kiến nghị của Đoàn kiểm tra.",
    "Theo số liệu cập nhật, tỷ lệ giải quyết xong về việc đạt {pct}.",
    "Ngoài ra, {unit} đã bổ sung kế hoạch chi tiết để triển khai trong quý tiếp theo.",
    "Thông tin trong bài đã được cập nhật, bổ sung theo báo cáo của đơn vị.",
)
