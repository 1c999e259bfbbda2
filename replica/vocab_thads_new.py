"""Vocabulary of the 2025 THADS portal replica: units after the 2025 reorganisation, topics.

Slots: {prov} the province, {agency} "Thi hành án dân sự tỉnh …", {khuvuc} a regional office
(one per article), {commune}, {unit}, {person}, {doc}, {date} and the numbers of NewsGen.
"""

from __future__ import annotations

from replica.newsroom import DocKind

# (key, display name, share of articles, topics)
CATEGORIES = (
    ("tin-hoat-dong", "Tin hoạt động", 4, ("hoi_nghi", "tap_huan", "chuyen_doi_so", "kiem_tra")),
    ("tin-dia-phuong", "Tin từ cơ sở", 3, ("cuong_che", "tuyen_truyen", "ket_qua")),
    ("hoat-dong-doan-the", "Hoạt động đoàn thể", 2, ("doan_the", "thi_dua")),
)
DOC_KINDS = (
    DocKind("Kế hoạch", "{n}/KH-UBND", "Ủy ban nhân dân tỉnh {prov}"),
    DocKind("Kế hoạch", "{n}/KH-THADS", "Thi hành án dân sự tỉnh {prov}"),
    DocKind("Quyết định", "{n}/QĐ-BTP", "Bộ trưởng Bộ Tư pháp"),
    DocKind("Công văn", "{n}/QLTHADS-NV", "Cục Quản lý thi hành án dân sự"),
    DocKind("Chỉ thị", "{n}/CT-BTP", "Bộ trưởng Bộ Tư pháp", top=40),
    DocKind("Hướng dẫn", "{n}/HD-QLTHADS", "Cục Quản lý thi hành án dân sự"),
    DocKind("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", top=360),
    DocKind("Thông tư", "{n}/{y}/TT-BTP", "Bộ trưởng Bộ Tư pháp", top=30),
)
POOLS: dict[str, tuple[str, ...]] = {
    "khuvuc": tuple(f"Phòng Thi hành án dân sự khu vực {n}" for n in range(1, 13)),
    "commune": (
        "phường Cao Lãnh", "phường Mỹ Tho", "phường Sa Đéc", "phường Hồng Ngự", "xã Tháp Mười",
        "xã Lai Vung", "xã Lấp Vò", "xã Tân Hồng", "xã Cái Bè", "xã Chợ Gạo", "phường Gò Công",
        "xã Mỹ Hiệp", "xã Phong Mỹ", "xã Tân Phước 1", "xã Thanh Bình", "xã Tam Nông",
    ),
    "unit": (
        "Văn phòng Thi hành án dân sự tỉnh", "Phòng Nghiệp vụ và Tổ chức thi hành án",
        "Phòng Kiểm tra và Giải quyết khiếu nại, tố cáo", "Công đoàn cơ sở Thi hành án dân sự tỉnh",
        "Chi đoàn Thi hành án dân sự tỉnh", "{khuvuc}",
    ),
    "position": (
        "Trưởng Thi hành án dân sự tỉnh", "Phó Trưởng Thi hành án dân sự tỉnh",
        "Chánh Văn phòng Thi hành án dân sự tỉnh", "Trưởng phòng Nghiệp vụ và Tổ chức thi hành án",
        "Trưởng {khuvuc}", "Phó Cục trưởng Cục Quản lý thi hành án dân sự",
    ),
    "person": ("đồng chí {name}, {position}", "ông {man}, {position}"),
    "orgunit": (
        "Công đoàn cơ sở Thi hành án dân sự tỉnh", "Chi đoàn Thi hành án dân sự tỉnh",
        "Chi bộ Văn phòng", "Ban Vì sự tiến bộ phụ nữ Thi hành án dân sự tỉnh",
    ),
}  # fmt: skip
GENERIC = (
    "Thực hiện {doc}, {unit} đã chủ động xây dựng kế hoạch, phân công nhiệm vụ cụ thể cho từng "
    "công chức, người lao động.",
    "Qua đó, góp phần nâng cao nhận thức, trách nhiệm của đội ngũ công chức trong thực hiện "
    "nhiệm vụ chính trị được giao.",
    "Phát biểu tại buổi làm việc, {person} đề nghị các đơn vị bám sát chỉ tiêu, nhiệm vụ, phấn "
    "đấu hoàn thành kế hoạch năm {year}.",
    "Đây là một trong những nhiệm vụ trọng tâm đã được xác định tại {doc}.",
    "Bên cạnh kết quả đạt được, vẫn còn một số khó khăn như số việc chuyển kỳ sau còn lớn, nhiều "
    "tài sản bán đấu giá nhiều lần nhưng chưa có người mua.",
    "Sau sắp xếp tổ chức bộ máy, hệ thống thi hành án dân sự tỉnh {prov} vận hành ổn định, "
    "thông suốt, không để gián đoạn công việc.",
    "Các đơn vị cần thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất theo quy định.",
    "Được biết, từ đầu năm đến nay, {khuvuc} đã thụ lý {big} việc, trong đó đã giải quyết xong "
    "{pct} số việc có điều kiện thi hành.",
)
CLOSERS = (
    "Thời gian tới, {agency} sẽ tiếp tục đổi mới phương thức chỉ đạo, điều hành, nâng cao chất "
    "lượng, hiệu quả công tác thi hành án dân sự.",
    "Hoạt động góp phần thực hiện thắng lợi nhiệm vụ chính trị của hệ thống thi hành án dân sự "
    "tỉnh {prov} năm {year}.",
    "{agency} đề nghị các đơn vị tiếp tục quán triệt, triển khai thực hiện nghiêm túc các nội "
    "dung nêu trên.",
    "Đơn vị sẽ tiếp tục duy trì, phát huy những kết quả đạt được trong thời gian qua.",
)
BULLET_LEADS = (
    "Để hoàn thành nhiệm vụ, hội nghị thống nhất một số giải pháp trọng tâm như sau:",
    "{unit} đề ra một số nhiệm vụ cụ thể như sau:",
    "Trong thời gian tới, các đơn vị cần tập trung thực hiện tốt các nội dung sau:",
)
BULLETS = (
    "- Tập trung giải quyết dứt điểm các vụ việc có điều kiện thi hành, nhất là vụ việc lớn, "
    "phức tạp, kéo dài.",
    "- Đẩy mạnh tuyên truyền, phổ biến pháp luật về thi hành án dân sự đến người dân.",
    "- Tăng cường kiểm tra, giám sát hoạt động của Chấp hành viên; kịp thời chấn chỉnh sai sót.",
    "- Làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
    "- Khai thác hiệu quả phần mềm quản lý thi hành án dân sự và cơ sở dữ liệu dùng chung.",
    "- Giữ vững đoàn kết nội bộ, thực hiện tốt quy chế dân chủ ở cơ sở.",
)
CAPTIONS = (
    "Quang cảnh hội nghị",
    "Các đại biểu tham dự buổi làm việc",
    "Lãnh đạo {agency} phát biểu tại hội nghị",
    "Chấp hành viên tuyên truyền pháp luật cho người dân tại {commune}",
    "Đoàn công tác làm việc tại {khuvuc}",
    "Các đại biểu chụp ảnh lưu niệm",
)
ATTACHMENTS = ("Kế hoạch triển khai", "Báo cáo kết quả", "Danh sách khen thưởng", "Thông báo")

# topic -> (titles, leads, body sentences); the n-th lead goes with the n-th title
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "hoi_nghi": (
        (
            "Thi hành án dân sự tỉnh {prov} sơ kết công tác 6 tháng đầu năm {year}",
            "Hội nghị triển khai nhiệm vụ thi hành án dân sự năm {year}",
            "Giao ban công tác thi hành án dân sự quý {quarter} năm {year}",
            "{prov}: Đối thoại giữa người đứng đầu cơ quan với công chức, người lao động",
        ),
        (
            "{date}, {agency} tổ chức hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm "
            "vụ trọng tâm 6 tháng cuối năm {year}.",
            "{date}, {agency} tổ chức hội nghị triển khai nhiệm vụ năm {year} với sự tham dự của "
            "lãnh đạo các phòng chuyên môn và các Phòng Thi hành án dân sự khu vực.",
            "{date}, {agency} tổ chức giao ban trực tuyến đánh giá kết quả công tác quý {quarter} "
            "năm {year}.",
            "{date}, {agency} tổ chức hội nghị đối thoại giữa người đứng đầu cơ quan với công "
            "chức, người lao động năm {year}.",
        ),
        (
            "Tham dự hội nghị có {person}; cùng lãnh đạo các phòng chuyên môn và {num} Phòng Thi "
            "hành án dân sự khu vực.",
            "Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến các điểm cầu trong tỉnh.",
            "Theo báo cáo, tổng số việc phải thi hành là {big} việc; trong số việc có điều kiện "
            "thi hành, đã thi hành xong {pct}.",
            "Về tiền, đã thi hành xong hơn {money}, vượt chỉ tiêu được giao.",
            "Phát biểu chỉ đạo, {person} ghi nhận nỗ lực của tập thể công chức, người lao động "
            "trong bối cảnh vừa sắp xếp tổ chức bộ máy, vừa thực hiện nhiệm vụ chuyên môn.",
        ),
    ),
    "kiem_tra": (
        (
            "Kiểm tra công tác thi hành án dân sự tại {khuvuc}",
            "Đoàn kiểm tra Thi hành án dân sự tỉnh làm việc tại {khuvuc}",
            "Kiểm tra công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm {year}",
        ),
        (
            "{date}, Đoàn kiểm tra của {agency} đã kiểm tra công tác thi hành án dân sự tại "
            "{khuvuc}.",
            "{date}, {person} cùng Đoàn kiểm tra làm việc với {khuvuc} về kết quả thực hiện nhiệm "
            "vụ năm {year}.",
            "{date}, {agency} tổ chức kiểm tra công tác tiếp công dân, giải quyết khiếu nại, tố "
            "cáo tại {khuvuc}.",
        ),
        (
            "Nội dung kiểm tra tập trung vào việc tổ chức thi hành các bản án, quyết định; quản lý "
            "kho vật chứng và kế toán nghiệp vụ thi hành án.",
            "Qua kiểm tra {num} hồ sơ, Đoàn đánh giá đơn vị cơ bản chấp hành đúng trình tự, thủ "
            "tục thi hành án.",
            "Đoàn kiểm tra cũng chỉ ra một số thiếu sót như biên bản xác minh chưa đầy đủ nội "
            "dung, việc lưu trữ hồ sơ chưa khoa học.",
            "Trưởng đoàn đề nghị đơn vị khẩn trương khắc phục tồn tại và báo cáo kết quả trước "
            "ngày {later}.",
        ),
    ),
    "tap_huan": (
        (
            "Tập huấn nghiệp vụ thi hành án dân sự năm {year}",
            "Tập huấn kỹ năng xác minh điều kiện thi hành án cho Chấp hành viên",
            "Bồi dưỡng nghiệp vụ cho Thư ký thi hành án năm {year}",
        ),
        (
            "{date}, {agency} tổ chức lớp tập huấn nghiệp vụ cho {num} Chấp hành viên, Thư ký thi "
            "hành án và công chức.",
            "{date}, {agency} tổ chức tập huấn kỹ năng xác minh điều kiện thi hành án cho đội ngũ "
            "Chấp hành viên.",
            "{date}, {agency} tổ chức lớp bồi dưỡng nghiệp vụ cho {num} Thư ký thi hành án.",
        ),
        (
            "Báo cáo viên tại lớp tập huấn là {person}.",
            "Học viên được trao đổi kỹ năng xác minh điều kiện thi hành án, kê biên, xử lý tài sản "
            "và tổ chức cưỡng chế.",
            "Nhiều tình huống phát sinh trong thực tiễn đã được học viên nêu ra và được báo cáo "
            "viên giải đáp cụ thể.",
            "Cuối buổi, học viên làm bài kiểm tra đánh giá mức độ tiếp thu kiến thức.",
        ),
    ),
    "chuyen_doi_so": (
        (
            "Đẩy mạnh chuyển đổi số trong công tác thi hành án dân sự",
            "Triển khai phần mềm quản lý thi hành án dân sự dùng chung",
            "Thi hành án dân sự tỉnh {prov} số hóa hồ sơ thi hành án",
        ),
        (
            "{date}, {agency} tổ chức hội nghị triển khai kế hoạch chuyển đổi số giai đoạn {term}.",
            "{date}, {agency} tổ chức hội nghị triển khai ứng dụng phần mềm quản lý thi hành án "
            "dân sự dùng chung đến toàn thể công chức.",
            "Đến nay, {agency} đã hoàn thành số hóa {pct0} hồ sơ thi hành án đang thụ lý.",
        ),
        (
            "Đến nay, toàn bộ hồ sơ thi hành án mới thụ lý đã được cập nhật lên hệ thống.",
            "Việc số hóa giúp lãnh đạo theo dõi tiến độ giải quyết từng việc theo thời gian thực.",
            "Người dân có thể tra cứu thông tin về việc thi hành án của mình trên Cổng dịch vụ "
            "công trực tuyến.",
            "Đơn vị đã bố trí {num} công chức chuyên trách hỗ trợ kỹ thuật cho các Phòng Thi hành "
            "án dân sự khu vực.",
        ),
    ),
    "cuong_che": (
        (
            "{khuvuc} tổ chức cưỡng chế thi hành án thành công",
            "Cưỡng chế giao quyền sử dụng đất tại {commune}",
            "Cưỡng chế kê biên tài sản để bảo đảm thi hành án tại {commune}",
        ),
        (
            "{date}, {khuvuc} đã tổ chức cưỡng chế thi hành án đối với ông {man}, cư trú tại "
            "{commune}.",
            "{date}, {khuvuc} phối hợp với các cơ quan chức năng tổ chức cưỡng chế giao quyền sử "
            "dụng đất cho người được thi hành án tại {commune}.",
            "{date}, {khuvuc} tổ chức cưỡng chế kê biên quyền sử dụng đất và tài sản gắn liền với "
            "đất của người phải thi hành án tại {commune}.",
        ),
        (
            "Theo bản án đã có hiệu lực pháp luật, người phải thi hành án có nghĩa vụ giao trả "
            "{area} mét vuông đất cho người được thi hành án.",
            "Dù được Chấp hành viên vận động, thuyết phục nhiều lần nhưng người phải thi hành án "
            "vẫn không tự nguyện thi hành.",
            "Tham gia buổi cưỡng chế có đại diện Viện kiểm sát nhân dân khu vực, Công an và Ủy ban "
            "nhân dân {commune}.",
            "Với phương án chặt chẽ, buổi cưỡng chế diễn ra an toàn, đúng quy định pháp luật.",
            "Kết quả, đã thu được {money} để chi trả cho người được thi hành án.",
        ),
    ),
    "tuyen_truyen": (
        (
            "Tuyên truyền pháp luật về thi hành án dân sự tại {commune}",
            "Đẩy mạnh phổ biến, giáo dục pháp luật về thi hành án dân sự",
            "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm {year}",
        ),
        (
            "{date}, {khuvuc} phối hợp với Ủy ban nhân dân {commune} tuyên truyền pháp luật về thi "
            "hành án dân sự cho hơn {num} người dân.",
            "Thời gian qua, {agency} đã triển khai nhiều hình thức tuyên truyền, phổ biến pháp "
            "luật về thi hành án dân sự phong phú, đa dạng.",
            "{date}, {agency} tổ chức các hoạt động hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội "
            "chủ nghĩa Việt Nam năm {year}.",
        ),
        (
            "Chấp hành viên giới thiệu những nội dung cơ bản của Luật Thi hành án dân sự, quyền và "
            "nghĩa vụ của đương sự.",
            "Người dân đặt nhiều câu hỏi về thủ tục, thời hiệu yêu cầu thi hành án và việc miễn, "
            "giảm nghĩa vụ thi hành án.",
            "Đơn vị còn phát tờ gấp, tài liệu hỏi đáp pháp luật và đăng tin, bài trên Trang thông "
            "tin điện tử.",
            "Thông qua tuyên truyền, nhiều trường hợp đã tự nguyện thi hành án.",
        ),
    ),
    "ket_qua": (
        (
            "Kết quả thi hành án dân sự {khuvuc} quý {quarter} năm {year}",
            "{khuvuc} đẩy nhanh tiến độ giải quyết án tồn đọng",
        ),
        (
            "Quý {quarter} năm {year}, {khuvuc} đã giải quyết xong {big} việc, đạt {pct0} số việc "
            "có điều kiện thi hành.",
            "Từ đầu năm đến nay, {khuvuc} đã giải quyết dứt điểm nhiều vụ việc tồn đọng, kéo dài, "
            "góp phần giảm số việc chuyển kỳ sau.",
        ),
        (
            "Về tiền, đơn vị đã thi hành xong {money}, tăng so với cùng kỳ năm trước.",
            "Nhiều vụ việc tồn đọng kéo dài đã được giải quyết dứt điểm nhờ sự phối hợp chặt chẽ "
            "của chính quyền cơ sở.",
            "Đơn vị phân loại chính xác án có điều kiện và chưa có điều kiện thi hành để có giải "
            "pháp phù hợp.",
            "Công tác xác minh điều kiện thi hành án được thực hiện kịp thời, đúng thời hạn.",
        ),
    ),
    "doan_the": (
        (
            "Công đoàn cơ sở Thi hành án dân sự tỉnh tổ chức Đại hội nhiệm kỳ {term}",
            "Chi đoàn Thi hành án dân sự tỉnh ra quân Tháng Thanh niên năm {year}",
            "Thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn",
            "Họp mặt kỷ niệm Ngày Phụ nữ Việt Nam 20/10",
        ),
        (
            "{date}, Công đoàn cơ sở Thi hành án dân sự tỉnh {prov} đã tổ chức thành công Đại hội "
            "nhiệm kỳ {term}.",
            "{date}, Chi đoàn Thi hành án dân sự tỉnh {prov} tổ chức lễ ra quân hưởng ứng Tháng "
            "Thanh niên năm {year}.",
            "{date}, {orgunit} tổ chức thăm hỏi, động viên đoàn viên có hoàn cảnh khó khăn.",
            "{date}, Ban Vì sự tiến bộ phụ nữ Thi hành án dân sự tỉnh {prov} tổ chức họp mặt nữ "
            "công chức, người lao động nhân kỷ niệm Ngày Phụ nữ Việt Nam.",
        ),
        (
            "Đại hội đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua và đề ra phương hướng "
            "nhiệm kỳ mới.",
            "Với tinh thần dân chủ, đoàn kết, Đại hội bầu {num} đồng chí vào Ban Chấp hành.",
            "Hoạt động góp phần tăng cường tinh thần đoàn kết, gắn bó giữa các đoàn viên.",
            "Tổng kinh phí hỗ trợ từ quỹ Công đoàn và đóng góp của đoàn viên là {money}.",
        ),
    ),
    "thi_dua": (
        (
            "Phát động phong trào thi đua hoàn thành chỉ tiêu, nhiệm vụ năm {year}",
            "Ký kết giao ước thi đua giữa các Phòng Thi hành án dân sự khu vực",
            "Đẩy mạnh thi đua chào mừng Ngày truyền thống Thi hành án dân sự",
        ),
        (
            "{date}, {agency} tổ chức lễ phát động phong trào thi đua hoàn thành chỉ tiêu, nhiệm "
            "vụ năm {year}.",
            "{date}, {agency} tổ chức lễ ký kết giao ước thi đua giữa các Phòng Thi hành án dân sự "
            "khu vực năm {year}.",
            "Hướng tới kỷ niệm Ngày truyền thống Thi hành án dân sự, {agency} phát động đợt thi "
            "đua cao điểm trong toàn hệ thống.",
        ),
        (
            "Phong trào được phát động với chủ đề “Kỷ cương, trách nhiệm, đoàn kết, đổi mới, hiệu "
            "quả”.",
            "Đại diện các đơn vị ký kết giao ước thi đua, cam kết hoàn thành vượt mức chỉ tiêu.",
            "Dịp này, {num} tập thể và {num} cá nhân có thành tích xuất sắc được khen thưởng.",
            "Phong trào thi đua đã tạo động lực để công chức, người lao động vượt qua khó khăn.",
        ),
    ),
}
