"""Vocabulary of provincial, health and finance news for the family 4 and 5 replicas.

The ICT and Party domains live in vocab_sectors and are merged into the tables here.
"""

from __future__ import annotations

from replica import vocab_sectors as sectors
from replica.ministryvocab import FINANCE_TOPICS, HEALTH_TOPICS, Topic

PROVINCE_TOPICS: dict[str, Topic] = {
    "nong_nghiep": (
        (
            "Đồng Tháp đẩy mạnh liên kết sản xuất lúa chất lượng cao gắn với tiêu thụ",
            "Nông dân {place} trúng mùa xoài vụ nghịch năm {year}",
            "Triển khai sản xuất lúa chất lượng cao, phát thải thấp tại {place}",
            "Sơ kết vụ lúa Đông Xuân {year} trên địa bàn tỉnh",
        ),
        (
            "Năm {year}, toàn tỉnh xuống giống hơn {area} héc-ta lúa, trong đó diện tích liên kết "
            "tiêu thụ chiếm trên {pct}.",
            "Nhờ áp dụng quy trình canh tác tiên tiến, năng suất bình quân đạt {yield} tấn/ha, "
            "lợi nhuận của nông dân tăng đáng kể so với vụ trước.",
        ),
        (
            "Theo {unit}, vụ này toàn tỉnh xuống giống {area} héc-ta, năng suất bình quân ước "
            "đạt {yield} tấn/ha.",
            "Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp, giúp nông dân "
            "yên tâm sản xuất.",
            "Ngành nông nghiệp khuyến cáo bà con gieo sạ tập trung, đồng loạt, né rầy theo lịch "
            "thời vụ của địa phương.",
            "Giá lúa tươi tại ruộng dao động từ {price} đồng/kg tùy giống, cao hơn cùng kỳ năm "
            "trước.",
            "Đến nay đã có {num} mã số vùng trồng được cấp phục vụ xuất khẩu nông sản.",
            "Việc cơ giới hóa khâu thu hoạch đạt gần như tuyệt đối, góp phần giảm tổn thất sau "
            "thu hoạch.",
        ),
    ),
    "hanh_chinh": (
        (
            "Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng {month} năm {year}",
            "Đồng Tháp nâng cao chất lượng giải quyết thủ tục hành chính trên môi trường số",
            "Hội nghị triển khai nhiệm vụ chuyển đổi số tỉnh Đồng Tháp năm {year}",
            "Tỉnh Đồng Tháp công bố Chỉ số cải cách hành chính của các sở, ngành năm {year}",
        ),
        (
            "{date}, Ủy ban nhân dân tỉnh tổ chức hội nghị đánh giá tình hình thực hiện nhiệm vụ "
            "và triển khai phương hướng thời gian tới.",
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn trên địa bàn tỉnh đạt {pct}, "
            "tỷ lệ hồ sơ trực tuyến tiếp tục tăng.",
        ),
        (
            "Hội nghị do {person} chủ trì, với sự tham dự của lãnh đạo các sở, ban, ngành tỉnh.",
            "Toàn tỉnh hiện có {num} thủ tục hành chính được cung cấp dịch vụ công trực tuyến "
            "toàn trình.",
            "Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận {big} hồ sơ, trong đó hồ sơ "
            "trực tuyến chiếm {pct}.",
            "Các địa phương cần rà soát, cắt giảm thành phần hồ sơ, rút ngắn thời gian giải "
            "quyết cho người dân và doanh nghiệp.",
            "Tỉnh tiếp tục đầu tư hạ tầng số, bảo đảm an toàn thông tin cho các hệ thống dùng "
            "chung.",
            "Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được thực hiện theo đúng "
            "lộ trình đề ra.",
        ),
    ),
    "dau_tu": (
        (
            "Lãnh đạo tỉnh tiếp và làm việc với đoàn doanh nghiệp đến tìm hiểu cơ hội đầu tư",
            "Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}",
            "Khởi công xây dựng tuyến đường kết nối tại {place}",
            "Đồng Tháp trao quyết định chủ trương đầu tư cho {num} dự án",
        ),
        (
            "Tổng vốn đầu tư công năm {year} của tỉnh là {money}, đến nay đã giải ngân đạt "
            "{pct} kế hoạch.",
            "Các dự án trọng điểm được tập trung tháo gỡ vướng mắc về mặt bằng, nguồn vật liệu "
            "để sớm hoàn thành.",
        ),
        (
            "Tại buổi làm việc, {person} giới thiệu tiềm năng, lợi thế và định hướng thu hút đầu "
            "tư của tỉnh.",
            "Dự án có tổng mức đầu tư {money}, dự kiến hoàn thành trong năm {next_year}.",
            "Chủ đầu tư cam kết bảo đảm chất lượng công trình và an toàn lao động trong quá "
            "trình thi công.",
            "Tỉnh sẵn sàng đồng hành, tạo điều kiện thuận lợi nhất để nhà đầu tư triển khai dự án.",
            "Công tác bồi thường, giải phóng mặt bằng được các địa phương tích cực phối hợp "
            "thực hiện.",
            "Đến nay, khối lượng thi công đạt khoảng {pct} giá trị hợp đồng.",
        ),
    ),
    "xa_hoi": (
        (
            "Trao tặng nhà đại đoàn kết cho hộ nghèo tại {place}",
            "Chăm lo Tết cho hộ nghèo, gia đình chính sách năm {year}",
            "Kỳ thi tốt nghiệp trung học phổ thông năm {year} diễn ra an toàn",
            "Đồng Tháp tổ chức ngày hội việc làm cho lao động nông thôn",
        ),
        (
            "Toàn tỉnh đã vận động hơn {money} để chăm lo cho các hộ nghèo, hộ cận nghèo và gia "
            "đình chính sách.",
            "Hoạt động thể hiện sự quan tâm của cấp ủy, chính quyền đối với người có hoàn cảnh "
            "khó khăn.",
        ),
        (
            "Mỗi căn nhà được hỗ trợ {price} đồng từ Quỹ Vì người nghèo của tỉnh.",
            "Dịp này, {unit} đã trao {num} suất quà cho các gia đình có hoàn cảnh khó khăn.",
            "Ngày hội thu hút {num} doanh nghiệp tham gia tuyển dụng với hơn {big} vị trí việc "
            "làm.",
            "Toàn tỉnh có {big} thí sinh đăng ký dự thi tại {num} điểm thi.",
            "Tỷ lệ hộ nghèo của tỉnh giảm còn {pct_low}, vượt chỉ tiêu Nghị quyết đề ra.",
            "Các đoàn thể tiếp tục phát huy vai trò vận động nguồn lực xã hội cho công tác an "
            "sinh.",
        ),
    ),
}

GENERIC: dict[str, tuple[str, ...]] = {
    "province": (
        "Thực hiện {doc}, các sở, ngành và địa phương đã chủ động xây dựng kế hoạch triển khai.",
        "Phát biểu kết luận, {person} đề nghị các đơn vị bám sát nhiệm vụ được giao, phấn đấu "
        "hoàn thành các chỉ tiêu năm {year}.",
        "Bên cạnh kết quả đạt được, vẫn còn một số khó khăn, vướng mắc cần tập trung tháo gỡ.",
        "Nội dung này đã được xác định tại {doc}.",
        "Các địa phương cần tăng cường phối hợp, kịp thời báo cáo những vấn đề phát sinh.",
        "Dịp này, {unit} đã biểu dương các tập thể, cá nhân có thành tích tiêu biểu.",
    ),
    "health": (
        "Thực hiện {doc}, các đơn vị trong ngành y tế đã triển khai đồng bộ nhiều giải pháp.",
        "Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố chỉ đạo các đơn vị thực hiện nghiêm các "
        "nội dung trên.",
        "Theo {doc}, các cơ sở y tế phải báo cáo kết quả thực hiện trước ngày {later}.",
        "Công tác truyền thông được đẩy mạnh để người dân hiểu và chủ động phòng bệnh.",
        "Phát biểu tại hội nghị, {person} nhấn mạnh trách nhiệm của người đứng đầu cơ sở y tế.",
        "Cán bộ y tế cơ sở đóng vai trò quan trọng trong chăm sóc sức khỏe ban đầu cho người dân.",
    ),
    "finance": (
        "Thực hiện {doc}, Bộ Tài chính đã chỉ đạo các đơn vị trong ngành triển khai quyết liệt.",
        "Các giải pháp được nêu tại {doc} đã phát huy hiệu quả.",
        "Phát biểu tại hội nghị, {person} yêu cầu các đơn vị tiếp tục cải cách thủ tục hành "
        "chính, hỗ trợ người nộp thuế.",
        "Bộ Tài chính sẽ tiếp tục theo dõi sát tình hình để kịp thời báo cáo Chính phủ.",
        "Công tác quản lý, sử dụng tài sản công được thực hiện công khai, minh bạch.",
        "Các đơn vị cần thực hiện nghiêm chế độ báo cáo định kỳ theo quy định.",
    ),
    **sectors.GENERIC,
}
CLOSERS: dict[str, tuple[str, ...]] = {
    "province": (
        "Thời gian tới, tỉnh sẽ tiếp tục tập trung chỉ đạo quyết liệt, hoàn thành thắng lợi các "
        "mục tiêu đề ra.",
        "Ủy ban nhân dân tỉnh giao các sở, ngành liên quan theo dõi, đôn đốc việc thực hiện.",
        "Hoạt động góp phần thúc đẩy phát triển kinh tế - xã hội của tỉnh năm {year}.",
    ),
    "health": (
        "Bộ Y tế sẽ tiếp tục theo dõi, chỉ đạo sát sao để bảo vệ sức khỏe Nhân dân.",
        "Ngành y tế phấn đấu hoàn thành các chỉ tiêu được giao năm {year}.",
        "Người dân khi có dấu hiệu bất thường về sức khỏe cần đến ngay cơ sở y tế gần nhất.",
    ),
    "finance": (
        "Bộ Tài chính sẽ tiếp tục điều hành ngân sách chặt chẽ, bảo đảm các nhiệm vụ chi quan "
        "trọng.",
        "Ngành Tài chính phấn đấu hoàn thành vượt mức dự toán thu ngân sách năm {year}.",
        "Các giải pháp sẽ được triển khai đồng bộ trong thời gian tới.",
    ),
    **sectors.CLOSERS,
}
BULLET_LEADS = (
    "Để thực hiện hiệu quả các nhiệm vụ, hội nghị thống nhất một số giải pháp sau:",
    "Nội dung cụ thể như sau:",
)
BULLETS: dict[str, tuple[str, ...]] = {
    "province": (
        "- Tiếp tục đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh.",
        "- Tập trung tháo gỡ khó khăn, đẩy nhanh tiến độ các công trình trọng điểm.",
        "- Chăm lo đời sống vật chất, tinh thần của Nhân dân.",
        "- Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội.",
    ),
    "health": (
        "- Tăng cường giám sát dịch tễ, phát hiện sớm ca bệnh.",
        "- Bảo đảm đủ thuốc, trang thiết bị, vật tư y tế.",
        "- Đẩy mạnh truyền thông phòng, chống dịch bệnh.",
        "- Tổ chức tốt việc thu dung, điều trị người bệnh.",
    ),
    "finance": (
        "- Quyết liệt chống thất thu, chuyển giá, trốn thuế.",
        "- Siết chặt kỷ luật, kỷ cương tài chính.",
        "- Tiết kiệm triệt để các khoản chi thường xuyên.",
        "- Đẩy nhanh giải ngân vốn đầu tư công.",
    ),
    **sectors.BULLETS,
}

# Who writes (units) and who speaks (positions), per domain.
UNITS: dict[str, tuple[str, ...]] = {
    "province": (
        "Sở Nông nghiệp và Môi trường",
        "Sở Tài chính",
        "Sở Nội vụ",
        "Sở Khoa học và Công nghệ",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Báo và Phát thanh, Truyền hình Đồng Tháp",
    ),
    "health": (
        "Cục Y tế dự phòng",
        "Cục Quản lý Khám, chữa bệnh",
        "Cục Quản lý Dược",
        "Cục An toàn thực phẩm",
        "Vụ Truyền thông và Thi đua, khen thưởng",
        "Văn phòng Bộ Y tế",
    ),
    "finance": (
        "Vụ Ngân sách nhà nước",
        "Cục Thuế",
        "Cục Hải quan",
        "Kho bạc Nhà nước",
        "Cục Quản lý nợ và Kinh tế đối ngoại",
        "Ủy ban Chứng khoán Nhà nước",
    ),
    **sectors.UNITS,
}
POSITIONS: dict[str, tuple[str, ...]] = {
    "province": (
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Nông nghiệp và Môi trường",
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
    ),
    "health": (
        "Bộ trưởng Bộ Y tế",
        "Thứ trưởng Bộ Y tế",
        "Cục trưởng Cục Quản lý Khám, chữa bệnh",
        "Giám đốc Sở Y tế",
    ),
    "finance": (
        "Bộ trưởng Bộ Tài chính",
        "Thứ trưởng Bộ Tài chính",
        "Vụ trưởng Vụ Ngân sách nhà nước",
        "Cục trưởng Cục Thuế",
    ),
    **sectors.POSITIONS,
}
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ")
MALE_MIDDLE = ("Văn", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Công", "Xuân")
FEMALE_MIDDLE = ("Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thị Hồng", "Thu", "Bích")
MALE_GIVEN = ("Bình", "Cường", "Dũng", "Hải", "Hiếu", "Khoa", "Long", "Nam", "Quang", "Sơn", "Tùng")
FEMALE_GIVEN = ("Anh", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngân", "Trang", "Vân")
PLACES = (
    "xã Mỹ Hiệp",
    "xã Tháp Mười",
    "xã Tràm Chim",
    "phường Sa Đéc",
    "phường Cao Lãnh",
    "xã Lai Vung",
    "xã Thanh Bình",
    "phường Hồng Ngự",
)
PROVINCES = ("Đồng Tháp", "An Giang", "Cần Thơ", "Lâm Đồng", "Nghệ An", "Thanh Hóa", "Gia Lai")
HOSPITALS = (
    "Bệnh viện Bạch Mai",
    "Bệnh viện Chợ Rẫy",
    "Bệnh viện Trung ương Huế",
    "Bệnh viện Nhi Trung ương",
    "Bệnh viện Hữu nghị Việt Đức",
    "Bệnh viện Đa khoa tỉnh Đồng Tháp",
)
DISEASES = ("sốt xuất huyết", "tay chân miệng", "sởi", "cúm mùa", "bạch hầu")
PERIODS = ("6 tháng đầu năm", "9 tháng", "quý I", "11 tháng", "tháng 10")

# Documents a news item cites: (type, number code with {y} for the year, issuer).
CITATIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "province": (
        ("Kế hoạch", "KH-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("Nghị quyết", "{y}/NQ-HĐND", "Hội đồng nhân dân tỉnh Đồng Tháp"),
        ("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ"),
    ),
    "health": (
        ("Quyết định", "QĐ-BYT", "Bộ Y tế"),
        ("Thông tư", "{y}/TT-BYT", "Bộ Y tế"),
        ("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ"),
        ("Nghị định", "{y}/NĐ-CP", "Chính phủ"),
    ),
    "finance": (
        ("Nghị quyết", "NQ-CP", "Chính phủ"),
        ("Thông tư", "{y}/TT-BTC", "Bộ Tài chính"),
        ("Quyết định", "QĐ-BTC", "Bộ Tài chính"),
        ("Công điện", "CĐ-TTg", "Thủ tướng Chính phủ"),
    ),
    **sectors.CITATIONS,
}
CAPTIONS = (
    "Quang cảnh hội nghị.",
    "Đại biểu phát biểu tại buổi làm việc.",
    "Đoàn công tác kiểm tra thực tế tại cơ sở.",
    "Các đại biểu chụp ảnh lưu niệm.",
)
TAGS: dict[str, tuple[str, ...]] = {
    "province": ("nông nghiệp", "chuyển đổi số", "cải cách hành chính", "đầu tư công", "an sinh"),
    "health": ("phòng chống dịch", "tiêm chủng", "bảo hiểm y tế", "an toàn thực phẩm", "y tế"),
    "finance": ("ngân sách", "thuế", "hải quan", "đầu tư công", "chứng khoán"),
    **sectors.TAGS,
}
TOPICS = {
    "province": PROVINCE_TOPICS,
    "health": HEALTH_TOPICS,
    "finance": FINANCE_TOPICS,
    **sectors.TOPICS,
}
