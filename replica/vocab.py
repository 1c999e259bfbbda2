"""Vocabulary of the text generator: names, units, document patterns, sentence templates."""

from __future__ import annotations

FAMILY_NAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Đinh",
    "Đoàn",
    "Lương",
    "Châu",
)
MALE_MIDDLE = ("Văn", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Công", "Hoàng")
FEMALE_MIDDLE = ("Thị", "Thị Ngọc", "Thị Kim", "Thị Thanh", "Ngọc", "Thị Mỹ", "Thị Bích")
MALE_GIVEN = (
    "An",
    "Dũng",
    "Đạt",
    "Hùng",
    "Tâm",
    "Phúc",
    "Đông",
    "Định",
    "Tuấn",
    "Khánh",
    "Trung",
    "Nghĩa",
    "Đức",
    "Thắng",
    "Lộc",
)
FEMALE_GIVEN = (
    "Hiếu",
    "Lan",
    "Hạnh",
    "Phương",
    "Trang",
    "Thảo",
    "Diễm",
    "Hằng",
    "Nhung",
    "Duyên",
    "Đào",
    "Liên",
    "Yến",
    "Ngân",
)

# Units of the provincial department that write news items or appear in the text.
UNITS = (
    "Văn phòng Cục",
    "Phòng Nghiệp vụ và Tổ chức thi hành án",
    "Phòng Kiểm tra, giải quyết khiếu nại, tố cáo",
    "Công đoàn cơ sở Cục THADS",
    "Chi bộ Văn phòng Cục",
    "Đoàn Thanh niên Cục THADS",
    "Ban Vì sự tiến bộ phụ nữ",
    "Tổ công nghệ thông tin Cục",
)
ORG_UNITS = (
    "Công đoàn cơ sở Cục THADS",
    "Chi bộ Văn phòng Cục",
    "Đoàn Thanh niên Cục THADS",
    "Chi bộ Phòng Nghiệp vụ và Tổ chức thi hành án",
)
POSITIONS = (
    "Cục trưởng Cục Thi hành án dân sự tỉnh",
    "Phó Cục trưởng Cục Thi hành án dân sự tỉnh",
    "Chánh Văn phòng Cục",
    "Trưởng phòng Nghiệp vụ và Tổ chức thi hành án",
    "Chi cục trưởng {chicuc}",
    "Chủ tịch Công đoàn cơ sở Cục THADS",
    "Bí thư Đoàn Thanh niên Cục THADS",
    "Phó Vụ trưởng Vụ Nghiệp vụ 1, Tổng cục Thi hành án dân sự",
)
# Citations of documents: (type, number pattern, issuer or None, shows a date, writes "số").
# {n} number, {y} year, {place} the province as text names it. TextGen records each citation.
DOCUMENTS: tuple[tuple[str, str, str | None, bool, bool], ...] = (
    ("Kế hoạch", "{n}/KH-UBND", "Ủy ban nhân dân {place}", True, True),
    ("Kế hoạch", "{n}/KH-CTHADS", "Cục Thi hành án dân sự {place}", True, True),
    (
        "Quyết định",
        "{n}/QĐ-TCTHADS",
        "Tổng cục trưởng Tổng cục Thi hành án dân sự",
        True,
        True,
    ),
    ("Quyết định", "{n}/QĐ-UBND", "Ủy ban nhân dân {place}", True, False),
    ("Công văn", "{n}/TCTHADS-VP", "Tổng cục Thi hành án dân sự", True, True),
    ("Chỉ thị", "{n}/CT-BTP", "Bộ trưởng Bộ Tư pháp", True, True),
    ("Hướng dẫn", "{n}/HD-TCTHADS", "Tổng cục Thi hành án dân sự", True, True),
    ("Nghị quyết", "{n}-{y}/NQ-CP", None, False, True),
)

GENERIC = (
    "Thực hiện {doc}, {unit} đã chủ động xây dựng kế hoạch và tổ chức triển khai thực hiện "
    "đến toàn thể công chức, người lao động.",
    "Qua đó, góp phần nâng cao nhận thức, trách nhiệm của đội ngũ công chức trong thực hiện "
    "nhiệm vụ được giao.",
    "Phát biểu tại buổi làm việc, {person} đề nghị các đơn vị tiếp tục đẩy mạnh công tác chỉ "
    "đạo, điều hành, phấn đấu hoàn thành các chỉ tiêu được giao.",
    "Đây là một trong những nhiệm vụ trọng tâm đã được xác định tại {doc}.",
    "Bên cạnh kết quả đạt được, vẫn còn một số khó khăn như số việc chuyển kỳ sau còn nhiều, "
    "một số tài sản đã bán đấu giá nhiều lần nhưng không có người mua.",
    "Đồng thời, tăng cường phối hợp với các cơ quan hữu quan trong tổ chức thi hành án, nhất "
    "là đối với các vụ việc lớn, phức tạp.",
    "Các đơn vị cần thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất theo quy định.",
    "Nhân dịp này, {unit} đã biểu dương những tập thể, cá nhân có thành tích tiêu biểu.",
    "Được biết, từ đầu năm đến nay, {chicuc} đã thụ lý {big} việc, đã giải quyết xong {big} việc.",
    "Kết thúc chương trình, {person} đánh giá cao tinh thần trách nhiệm của các đơn vị tham gia.",
)
CLOSERS = (
    "Thời gian tới, Cục Thi hành án dân sự {place} sẽ tiếp tục đổi mới phương thức chỉ "
    "đạo, điều hành, nâng cao chất lượng, hiệu quả công tác.",
    "Hoạt động đã góp phần thực hiện thắng lợi nhiệm vụ chính trị của ngành Thi hành án dân "
    "sự {place} năm {year}.",
    "Cục Thi hành án dân sự {place} đề nghị các đơn vị tiếp tục quán triệt, triển khai "
    "thực hiện nghiêm túc, hiệu quả các nội dung nêu trên.",
    "Đơn vị sẽ tiếp tục duy trì, phát huy những kết quả đã đạt được trong thời gian qua.",
)
BULLET_LEADS = (
    "Để hoàn thành nhiệm vụ, hội nghị thống nhất một số giải pháp trọng tâm như sau:",
    "{unit} đề ra một số nhiệm vụ cụ thể như sau:",
    "Nội dung cụ thể như sau:",
    "Trong thời gian tới, các đơn vị cần tập trung thực hiện tốt các nội dung sau:",
)
BULLETS = (
    "- Tiếp tục quán triệt, thực hiện nghiêm các văn bản chỉ đạo của Bộ Tư pháp, Tổng cục "
    "Thi hành án dân sự.",
    "- Tập trung giải quyết dứt điểm các vụ việc có điều kiện thi hành, nhất là vụ việc lớn, "
    "phức tạp, kéo dài.",
    "- Đẩy mạnh công tác tuyên truyền, phổ biến pháp luật về thi hành án dân sự đến người dân.",
    "- Tăng cường kiểm tra, giám sát hoạt động của Chấp hành viên; kịp thời chấn chỉnh sai sót.",
    "- Làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
    "- Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý, chỉ đạo, điều hành.",
    "- Giữ vững đoàn kết nội bộ, thực hiện tốt quy chế dân chủ ở cơ sở.",
    "- Phối hợp chặt chẽ với các cơ quan tư pháp địa phương trong tổ chức thi hành án.",
    "- Quan tâm đào tạo, bồi dưỡng nâng cao trình độ chuyên môn cho đội ngũ công chức.",
    "- Thực hiện tốt công tác thi đua, khen thưởng; kịp thời biểu dương điển hình tiên tiến.",
)

# topic -> (titles, opening sentences, topic sentences)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "hoi_nghi": (
        (
            "Cục Thi hành án dân sự {place} sơ kết công tác 6 tháng đầu năm {year}",
            "Hội nghị triển khai công tác thi hành án dân sự năm {year}",
            "Hội nghị giao ban công tác thi hành án dân sự quý {quarter} năm {year}",
            "Hội nghị đối thoại giữa người đứng đầu cơ quan với công chức năm {year}",
            "Cục THADS {place} tổng kết công tác thi hành án dân sự năm {year}",
        ),
        (
            "{date}, Cục Thi hành án dân sự {place} đã tổ chức hội nghị nhằm đánh giá kết "
            "quả thực hiện nhiệm vụ và đề ra phương hướng công tác thời gian tới.",
            "Thực hiện {doc}, {date}, Cục THADS {place} tổ chức hội nghị với sự tham dự "
            "của lãnh đạo các đơn vị trực thuộc.",
        ),
        (
            "Tham dự hội nghị có {person}; cùng lãnh đạo các phòng chuyên môn thuộc Cục và Chi "
            "cục trưởng các Chi cục Thi hành án dân sự huyện, thành phố.",
            "Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến điểm cầu của {num} Chi cục.",
            "Theo báo cáo, tổng số việc phải thi hành là {big} việc, đã thi hành xong {big} "
            "việc, đạt tỷ lệ {pct}.",
            "Về tiền, đã thi hành xong hơn {money}, vượt chỉ tiêu được Tổng cục giao.",
            "Phát biểu chỉ đạo, {person} ghi nhận những nỗ lực của tập thể công chức, người lao "
            "động toàn ngành trong điều kiện còn nhiều khó khăn.",
            "Tại hội nghị, các đại biểu đã tập trung thảo luận, đánh giá những tồn tại, hạn chế "
            "và đề xuất giải pháp khắc phục.",
        ),
    ),
    "kiem_tra": (
        (
            "Kiểm tra công tác thi hành án dân sự tại {chicuc}",
            "Đoàn kiểm tra Cục THADS {place} làm việc tại {chicuc}",
            "Kiểm tra công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm {year}",
            "Tự kiểm tra công tác thi hành án dân sự năm {year} tại {chicuc}",
        ),
        (
            "Thực hiện {doc}, {date}, Đoàn kiểm tra của Cục Thi hành án dân sự {place} đã "
            "tiến hành kiểm tra công tác thi hành án dân sự tại {chicuc}.",
            "{date}, {person} cùng Đoàn kiểm tra đã làm việc với {chicuc} về kết quả thực hiện "
            "nhiệm vụ năm {year}.",
        ),
        (
            "Nội dung kiểm tra tập trung vào việc tổ chức thi hành các bản án, quyết định; việc "
            "quản lý kho vật chứng và công tác kế toán nghiệp vụ.",
            "Qua kiểm tra {num} hồ sơ thi hành án, Đoàn đánh giá đơn vị đã chấp hành tương đối "
            "tốt quy định về trình tự, thủ tục thi hành án.",
            "Đoàn kiểm tra cũng chỉ ra một số thiếu sót cần khắc phục như biên bản xác minh chưa "
            "đầy đủ nội dung, lưu trữ hồ sơ chưa khoa học.",
            "Trưởng đoàn đề nghị đơn vị khẩn trương khắc phục các tồn tại và báo cáo kết quả về "
            "Cục trước ngày {later}.",
            "Việc kiểm tra nhằm kịp thời phát hiện, chấn chỉnh sai sót, bảo đảm hoạt động thi "
            "hành án đúng quy định của pháp luật.",
        ),
    ),
    "tap_huan": (
        (
            "Tập huấn nghiệp vụ thi hành án dân sự năm {year}",
            "Cục THADS {place} tập huấn kỹ năng xác minh điều kiện thi hành án",
            "Tập huấn ứng dụng công nghệ thông tin trong quản lý, điều hành",
            "Bồi dưỡng nghiệp vụ cho Chấp hành viên, Thư ký thi hành án năm {year}",
            "Tập huấn Luật Thi hành án dân sự và các văn bản hướng dẫn thi hành",
        ),
        (
            "{date}, Cục Thi hành án dân sự {place} tổ chức lớp tập huấn nghiệp vụ cho {num} "
            "Chấp hành viên, Thư ký thi hành án và công chức.",
            "Nhằm nâng cao kỹ năng nghiệp vụ cho đội ngũ công chức, {date}, Cục THADS "
            "{place} đã tổ chức hội nghị tập huấn.",
        ),
        (
            "Báo cáo viên tại lớp tập huấn là {person}.",
            "Các học viên được truyền đạt kỹ năng xác minh điều kiện thi hành án, kê biên, xử lý "
            "tài sản và tổ chức cưỡng chế.",
            "Nhiều tình huống phát sinh trong thực tiễn đã được học viên nêu ra, trao đổi và được "
            "báo cáo viên giải đáp cụ thể.",
            "Lớp tập huấn được kết nối trực tuyến đến các điểm cầu tại Chi cục huyện, thành phố.",
            "Cuối buổi, các học viên đã làm bài kiểm tra đánh giá mức độ tiếp thu kiến thức.",
        ),
    ),
    "tuyen_truyen": (
        (
            "{chicuc} tuyên truyền pháp luật về thi hành án dân sự tại {commune}",
            "Đẩy mạnh tuyên truyền, phổ biến, giáo dục pháp luật về thi hành án dân sự",
            "Tuyên truyền pháp luật về thi hành án dân sự cho người dân vùng sâu, vùng xa",
            "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm {year}",
        ),
        (
            "{date}, {chicuc} phối hợp với Ủy ban nhân dân {commune} tổ chức tuyên truyền pháp "
            "luật về thi hành án dân sự cho hơn {num} người dân.",
            "Thực hiện {doc}, {unit} đã triển khai nhiều hình thức tuyên truyền, phổ biến, giáo "
            "dục pháp luật phong phú, đa dạng.",
        ),
        (
            "Chấp hành viên đã giới thiệu những nội dung cơ bản của Luật Thi hành án dân sự, "
            "quyền và nghĩa vụ của đương sự.",
            "Người dân đã đặt nhiều câu hỏi về thủ tục, thời hiệu yêu cầu thi hành án và việc "
            "miễn, giảm nghĩa vụ thi hành án.",
            "Đơn vị còn cấp phát tờ gấp, tài liệu hỏi đáp pháp luật và đăng tải tin, bài trên "
            "Trang thông tin điện tử của Cục.",
            "Thông qua tuyên truyền, ý thức chấp hành pháp luật của người dân được nâng lên, "
            "nhiều trường hợp đã tự nguyện thi hành án.",
        ),
    ),
    "cuong_che": (
        (
            "{chicuc} tổ chức cưỡng chế thi hành án thành công",
            "Tổ chức cưỡng chế giao quyền sử dụng đất tại {commune}, {district}",
            "Cưỡng chế kê biên tài sản để bảo đảm thi hành án tại {district}",
            "Phối hợp tổ chức cưỡng chế thi hành án dân sự đạt kết quả tốt",
        ),
        (
            "{date}, {chicuc} đã tổ chức cưỡng chế thi hành án đối với ông {man}, cư trú tại "
            "{commune}, {district}.",
            "Thực hiện {doc}, {date}, {chicuc} phối hợp với các cơ quan chức năng tổ chức cưỡng "
            "chế giao quyền sử dụng đất cho người được thi hành án.",
        ),
        (
            "Theo bản án đã có hiệu lực pháp luật, người phải thi hành án có nghĩa vụ giao trả "
            "{area} mét vuông đất cho người được thi hành án.",
            "Dù được Chấp hành viên vận động, thuyết phục nhiều lần nhưng người phải thi hành án "
            "vẫn không tự nguyện thi hành.",
            "Tham gia buổi cưỡng chế có đại diện Viện kiểm sát nhân dân, Công an {district} và "
            "Ủy ban nhân dân {commune}.",
            "Với phương án chặt chẽ, buổi cưỡng chế đã diễn ra an toàn, đúng quy định pháp luật.",
            "Sau khi cưỡng chế, Chấp hành viên đã giao tài sản cho người được thi hành án theo "
            "đúng nội dung bản án.",
            "Kết quả, đã thu được {money} để chi trả cho người được thi hành án.",
        ),
    ),
    "thi_dua": (
        (
            "Phát động phong trào thi đua hoàn thành chỉ tiêu, nhiệm vụ năm {year}",
            "Tổng kết phong trào thi đua, khen thưởng năm {year}",
            "Ký kết giao ước thi đua giữa các Chi cục Thi hành án dân sự năm {year}",
            "Đẩy mạnh phong trào thi đua chào mừng Ngày truyền thống Thi hành án dân sự",
        ),
        (
            "{date}, Cục Thi hành án dân sự {place} tổ chức lễ phát động phong trào thi đua "
            "và ký kết giao ước thi đua năm {year}.",
            "Thực hiện {doc}, Hội đồng Thi đua, Khen thưởng Cục THADS {place} đã phát động "
            "phong trào thi đua trong toàn ngành.",
        ),
        (
            "Phong trào được phát động với chủ đề “Kỷ cương, trách nhiệm, đoàn kết, đổi mới, "
            "hiệu quả”.",
            "Đại diện các đơn vị đã ký kết giao ước thi đua, cam kết hoàn thành vượt mức chỉ "
            "tiêu được giao.",
            "Dịp này, {num} tập thể và {num} cá nhân có thành tích xuất sắc đã được khen thưởng.",
            "Các đơn vị đăng ký phấn đấu đạt danh hiệu “Tập thể lao động xuất sắc”, cá nhân đăng "
            "ký danh hiệu “Chiến sĩ thi đua cơ sở”.",
            "Phong trào thi đua đã tạo động lực để công chức, người lao động vượt qua khó khăn.",
        ),
    ),
    "dan_van": (
        (
            "Triển khai công tác dân vận năm {year}",
            "Cục THADS {place} thực hiện tốt công tác dân vận chính quyền",
            "Xây dựng mô hình “Dân vận khéo” trong công tác thi hành án dân sự",
            "Sơ kết thực hiện Quy chế công tác dân vận năm {year}",
        ),
        (
            "{date}, Cục Thi hành án dân sự {place} tổ chức hội nghị triển khai công tác dân "
            "vận năm {year}.",
            "Thực hiện {doc}, Ban Chỉ đạo Quy chế dân chủ ở cơ sở Cục THADS đã xây dựng kế hoạch "
            "thực hiện công tác dân vận.",
        ),
        (
            "Công tác dân vận được xác định là nhiệm vụ thường xuyên, gắn với nhiệm vụ chuyên môn "
            "của từng đơn vị.",
            "Nhiều Chấp hành viên đã kiên trì vận động, thuyết phục đương sự tự nguyện thi hành "
            "án, hạn chế việc áp dụng biện pháp cưỡng chế.",
            "Trong năm, đã có {num} mô hình “Dân vận khéo” được đăng ký và triển khai thực hiện.",
            "Đơn vị đã phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể ở địa phương trong "
            "công tác vận động thi hành án.",
        ),
    ),
    "binh_dang_gioi": (
        (
            "Hưởng ứng Tháng hành động vì bình đẳng giới năm {year}",
            "Ban Vì sự tiến bộ phụ nữ Cục THADS họp mặt kỷ niệm Ngày Phụ nữ Việt Nam 20/10",
            "Tọa đàm về bình đẳng giới trong cơ quan Thi hành án dân sự",
            "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3 và tôn vinh nữ công chức tiêu biểu",
        ),
        (
            "{date}, Ban Vì sự tiến bộ phụ nữ Cục Thi hành án dân sự {place} tổ chức buổi "
            "họp mặt nữ công chức, người lao động.",
            "Thực hiện {doc}, Cục THADS {place} đã triển khai kế hoạch thực hiện công tác "
            "bình đẳng giới và vì sự tiến bộ của phụ nữ.",
        ),
        (
            "Hiện nay, nữ công chức, người lao động chiếm {pct} tổng số biên chế của toàn ngành.",
            "Các chị em đã phát huy tốt vai trò, vừa hoàn thành nhiệm vụ chuyên môn, vừa chăm lo "
            "xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc.",
            "Buổi tọa đàm là dịp để các đại biểu trao đổi kinh nghiệm, chia sẻ khó khăn trong "
            "công tác và cuộc sống.",
            "Dịp này, Ban Vì sự tiến bộ phụ nữ đã trao tặng quà cho {num} nữ công chức có hoàn "
            "cảnh khó khăn.",
        ),
    ),
    "doan_the": (
        (
            "Công đoàn cơ sở Cục THADS tổ chức Đại hội nhiệm kỳ {term}",
            "Đoàn Thanh niên Cục THADS ra quân hưởng ứng Tháng Thanh niên năm {year}",
            "Chi bộ Văn phòng Cục tổ chức Đại hội Chi bộ nhiệm kỳ {term}",
            "Công đoàn cơ sở Cục THADS thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn",
            "Đảng bộ Cục THADS học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh",
            "Hội thao chào mừng kỷ niệm Ngày thành lập Công đoàn Việt Nam",
        ),
        (
            "{date}, {orgunit} đã tổ chức thành công Đại hội nhiệm kỳ {term}.",
            "{date}, {orgunit} tổ chức thăm hỏi, động viên các đoàn viên có hoàn cảnh khó khăn.",
            "{date}, Đoàn Thanh niên Cục THADS {place} đã ra quân thực hiện công trình thanh "
            "niên tại {commune}.",
        ),
        (
            "Đại hội đã đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua và đề ra phương hướng "
            "cho nhiệm kỳ mới.",
            "Với tinh thần dân chủ, đoàn kết, Đại hội đã bầu {num} đồng chí vào Ban Chấp hành "
            "nhiệm kỳ mới.",
            "Đồng chí {name} được tín nhiệm bầu giữ chức vụ Chủ tịch Công đoàn cơ sở.",
            "Hoạt động đã góp phần tăng cường tinh thần đoàn kết, gắn bó giữa các đoàn viên.",
            "Đoàn viên thanh niên đã dọn dẹp vệ sinh môi trường, phát quang bụi rậm và sửa chữa "
            "đường giao thông nông thôn.",
            "Tổng kinh phí hỗ trợ từ quỹ Công đoàn và sự đóng góp của đoàn viên là {money}.",
        ),
    ),
}
