"""Vocabulary of the central sites (Tổng cục THADS, Bộ Tư pháp): units, documents, topics."""

from __future__ import annotations

# Units of the Tổng cục that write news items or appear in the text.
NATIONAL_UNITS = (
    "Văn phòng Tổng cục",
    "Vụ Nghiệp vụ 1",
    "Vụ Nghiệp vụ 2",
    "Vụ Nghiệp vụ 3",
    "Vụ Giải quyết khiếu nại, tố cáo",
    "Vụ Tổ chức cán bộ",
    "Vụ Kiểm tra",
    "Công đoàn Tổng cục",
)
NATIONAL_ORG_UNITS = (
    "Đảng bộ Tổng cục Thi hành án dân sự",
    "Công đoàn Tổng cục Thi hành án dân sự",
    "Đoàn Thanh niên Tổng cục Thi hành án dân sự",
    "Chi bộ Văn phòng Tổng cục",
)
NATIONAL_POSITIONS = (
    "Tổng cục trưởng Tổng cục Thi hành án dân sự",
    "Phó Tổng cục trưởng Tổng cục Thi hành án dân sự",
    "Thứ trưởng Bộ Tư pháp",
    "Chánh Văn phòng Tổng cục",
    "Vụ trưởng Vụ Nghiệp vụ 1",
    "Cục trưởng Cục Thi hành án dân sự {place}",
)
MOJ_UNITS = (
    "Văn phòng Bộ",
    "Vụ Tổ chức cán bộ",
    "Vụ Pháp luật hình sự - hành chính",
    "Vụ Phổ biến, giáo dục pháp luật",
    "Cục Kiểm tra văn bản quy phạm pháp luật",
    "Cục Trợ giúp pháp lý",
    "Cục Hộ tịch, quốc tịch, chứng thực",
    "Cục Đăng ký quốc gia giao dịch bảo đảm",
    "Cục Công nghệ thông tin",
    "Trung tâm Lý lịch tư pháp quốc gia",
)
MOJ_ORG_UNITS = (
    "Đảng ủy Bộ Tư pháp",
    "Công đoàn Bộ Tư pháp",
    "Đoàn Thanh niên Bộ Tư pháp",
    "Hội Cựu chiến binh cơ quan Bộ Tư pháp",
)
MOJ_POSITIONS = (
    "Bộ trưởng Bộ Tư pháp",
    "Thứ trưởng Bộ Tư pháp",
    "Chánh Văn phòng Bộ Tư pháp",
    "Vụ trưởng Vụ Tổ chức cán bộ",
    "Cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật",
    "Giám đốc Sở Tư pháp {place}",
    "Phó Chủ tịch Ủy ban nhân dân {place}",
)
# Same shape as vocab.DOCUMENTS: (type, number, issuer or None, shows a date, writes "số").
CENTRAL_DOCUMENTS: tuple[tuple[str, str, str | None, bool, bool], ...] = (
    ("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", True, True),
    ("Thông tư", "{n}/{y}/TT-BTP", "Bộ trưởng Bộ Tư pháp", True, True),
    ("Quyết định", "{n}/QĐ-TTg", "Thủ tướng Chính phủ", True, True),
    ("Quyết định", "{n}/QĐ-BTP", "Bộ trưởng Bộ Tư pháp", True, False),
    ("Kế hoạch", "{n}/KH-BTP", "Bộ Tư pháp", True, True),
    ("Chỉ thị", "{n}/CT-BTP", "Bộ trưởng Bộ Tư pháp", True, True),
    ("Công văn", "{n}/TCTHADS-NV1", "Tổng cục Thi hành án dân sự", True, True),
    ("Nghị quyết", "{n}-{y}/NQ-CP", None, False, True),
)

# topic -> (titles, opening sentences, topic sentences), as vocab.TOPICS.
CENTRAL_TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "bo_tu_phap": (
        (
            "Bộ Tư pháp sơ kết công tác tư pháp 6 tháng đầu năm {year}",
            "Hội nghị trực tuyến toàn quốc triển khai công tác tư pháp năm {year}",
            "Bộ Tư pháp làm việc với Ủy ban nhân dân {place} về công tác tư pháp",
            "Lãnh đạo Bộ Tư pháp kiểm tra công tác thi hành án dân sự tại {place}",
            "Bộ Tư pháp triển khai Chương trình công tác năm {year}",
        ),
        (
            "{date}, Bộ Tư pháp tổ chức hội nghị trực tuyến toàn quốc nhằm đánh giá kết quả công "
            "tác tư pháp và triển khai các nhiệm vụ trọng tâm thời gian tới.",
            "Thực hiện {doc}, {date}, Đoàn công tác của Bộ Tư pháp do {person} làm Trưởng đoàn đã "
            "có buổi làm việc tại {place}.",
        ),
        (
            "Hội nghị được kết nối trực tuyến tới điểm cầu của Sở Tư pháp và Cục Thi hành án dân "
            "sự các tỉnh, thành phố trực thuộc Trung ương.",
            "Theo báo cáo, công tác xây dựng, thẩm định văn bản quy phạm pháp luật tiếp tục được "
            "thực hiện chặt chẽ, đúng quy trình.",
            "Các đại biểu tập trung thảo luận về những khó khăn trong tổ chức thi hành pháp luật "
            "và "
            "đề xuất giải pháp tháo gỡ.",
            "Phát biểu kết luận, {person} yêu cầu các đơn vị bám sát chương trình công tác, bảo "
            "đảm "
            "tiến độ và chất lượng.",
            "Toàn hệ thống đã thi hành xong {big} việc với số tiền hơn {money}.",
            "Đoàn công tác ghi nhận những kết quả mà địa phương đạt được trong công tác tư pháp, "
            "thi "
            "hành án dân sự năm {year}.",
        ),
    ),
    "chi_dao": (
        (
            "Tăng cường công tác thi hành án dân sự những tháng cuối năm {year}",
            "Hướng dẫn thống kê, báo cáo kết quả thi hành án dân sự năm {year}",
            "Chỉ đạo tập trung giải quyết các vụ việc thi hành án lớn, phức tạp",
            "Tăng cường kỷ luật, kỷ cương hành chính trong hệ thống thi hành án dân sự",
            "Triển khai thực hiện chỉ tiêu, nhiệm vụ thi hành án dân sự năm {year}",
        ),
        (
            "{date}, Tổng cục Thi hành án dân sự ban hành văn bản chỉ đạo các cơ quan thi hành án "
            "dân sự địa phương tập trung thực hiện một số nhiệm vụ trọng tâm.",
            "Thực hiện {doc}, Tổng cục Thi hành án dân sự yêu cầu Cục Thi hành án dân sự các tỉnh, "
            "thành phố trực thuộc Trung ương triển khai các giải pháp hoàn thành chỉ tiêu được "
            "giao.",
        ),
        (
            "Thủ trưởng cơ quan thi hành án dân sự các cấp phải trực tiếp chỉ đạo, chịu trách "
            "nhiệm "
            "về kết quả thi hành án tại đơn vị mình.",
            "Các đơn vị rà soát, phân loại chính xác án có điều kiện và chưa có điều kiện thi "
            "hành.",
            "Đối với các vụ việc có giá trị lớn, phải xây dựng kế hoạch giải quyết cụ thể, phân "
            "công "
            "lãnh đạo trực tiếp theo dõi.",
            "Tổng cục sẽ tăng cường kiểm tra, kịp thời chấn chỉnh những đơn vị có kết quả thấp hơn "
            "mức bình quân chung.",
            "Kết quả thực hiện gửi về Tổng cục trước ngày {later} để tổng hợp, báo cáo Bộ trưởng "
            "Bộ Tư pháp.",
            "Văn bản cũng yêu cầu đẩy mạnh ứng dụng phần mềm quản lý thi hành án dân sự và chữ ký "
            "số trong giải quyết công việc.",
        ),
    ),
    "nghien_cuu": (
        (
            "Một số vướng mắc trong xử lý tài sản bảo đảm khi tổ chức thi hành án",
            "Bàn về xác minh điều kiện thi hành án đối với người phải thi hành án là tổ chức",
            "Những khó khăn khi thu hồi tài sản trong các vụ án tham nhũng, kinh tế",
            "Trao đổi về thời hiệu yêu cầu thi hành án theo Luật Thi hành án dân sự",
            "Một số kiến nghị hoàn thiện quy định về cưỡng chế giao nhà, giao đất",
        ),
        (
            "Trong thực tiễn tổ chức thi hành án dân sự, việc xử lý tài sản của người phải thi "
            "hành "
            "án còn phát sinh nhiều vướng mắc, ảnh hưởng đến tiến độ giải quyết vụ việc.",
            "Luật Thi hành án dân sự và các văn bản hướng dẫn đã tạo hành lang pháp lý quan trọng, "
            "song quá trình áp dụng vẫn còn những cách hiểu khác nhau.",
        ),
        (
            "Theo quy định hiện hành, Chấp hành viên có quyền kê biên tài sản của người phải thi "
            "hành án, kể cả tài sản đang cầm cố, thế chấp.",
            "Tuy nhiên, pháp luật chưa quy định rõ trình tự xử lý khi tài sản đã được chuyển "
            "nhượng "
            "cho người thứ ba ngay tình.",
            "Có ý kiến cho rằng cần hướng dẫn cụ thể hơn để bảo đảm quyền lợi hợp pháp của các bên "
            "liên quan.",
            "Tác giả cho rằng, trong trường hợp này Chấp hành viên cần phối hợp chặt chẽ với Tòa "
            "án "
            "để đề nghị giải thích bản án.",
            "Thực tế tại một số địa phương cho thấy, thời gian xác minh kéo dài làm phát sinh chi "
            "phí và ảnh hưởng đến quyền lợi của đương sự.",
            "Từ những phân tích trên, tác giả kiến nghị sửa đổi {doc} theo hướng quy định rõ thẩm "
            "quyền và thời hạn giải quyết.",
        ),
    ),
    "doan_the_tw": (
        (
            "{orgunit} tổ chức Đại hội nhiệm kỳ {term}",
            "{orgunit} phát động đợt thi đua cao điểm năm {year}",
            "{orgunit} tổ chức các hoạt động chào mừng Ngày thành lập Đảng Cộng sản Việt Nam",
            "{orgunit} thăm hỏi, tặng quà gia đình chính sách nhân dịp Ngày Thương binh, Liệt sĩ",
            "{orgunit} học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII",
        ),
        (
            "{date}, {orgunit} đã tổ chức thành công Đại hội nhiệm kỳ {term} với sự tham dự của "
            "{num} đại biểu.",
            "Thực hiện {doc}, {date}, {orgunit} tổ chức hội nghị học tập, quán triệt và triển khai "
            "thực hiện nghị quyết.",
            "Nhằm phát huy truyền thống tương thân, tương ái, {date}, {orgunit} đã tổ chức chương "
            "trình thăm hỏi, tặng quà.",
        ),
        (
            "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến, bảo đảm an toàn, "
            "tiết kiệm, hiệu quả.",
            "Báo cáo viên đã truyền đạt những nội dung cơ bản, cốt lõi và điểm mới của nghị quyết.",
            "Đại hội đã bầu {num} đồng chí vào Ban Chấp hành nhiệm kỳ mới.",
            "Đoàn đã trao {num} suất quà, mỗi suất trị giá {gift}.",
            "Hoạt động góp phần xây dựng tổ chức vững mạnh, tạo khí thế thi đua sôi nổi trong cơ "
            "quan.",
            "Phát biểu chỉ đạo, {person} đề nghị đoàn viên phát huy vai trò xung kích, hoàn thành "
            "tốt nhiệm vụ chuyên môn.",
        ),
    ),
    "chinh_sach": (
        (
            "Quy định mới về đăng ký biện pháp bảo đảm có hiệu lực từ ngày {later}",
            "Sửa đổi, bổ sung quy định về xử phạt vi phạm hành chính trong lĩnh vực tư pháp",
            "Hướng dẫn mới về chế độ báo cáo thống kê ngành Tư pháp",
            "Ban hành quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật",
            "Quy định mới về thủ tục cấp Phiếu lý lịch tư pháp trực tuyến",
            "Điểm mới của quy định về công chứng, chứng thực năm {year}",
        ),
        (
            "{doc} vừa được ban hành với nhiều điểm mới đáng chú ý.",
            "Nhằm hoàn thiện thể chế, tạo thuận lợi cho người dân và doanh nghiệp, {doc} đã quy "
            "định cụ thể trình tự, thủ tục thực hiện.",
        ),
        (
            "Văn bản gồm {num} điều, quy định về phạm vi điều chỉnh, đối tượng áp dụng và trách "
            "nhiệm của các cơ quan có liên quan.",
            "Một trong những điểm mới là cho phép người dân nộp hồ sơ và nhận kết quả qua dịch vụ "
            "công trực tuyến.",
            "Thời hạn giải quyết hồ sơ được rút ngắn so với quy định trước đây, góp phần cải cách "
            "thủ tục hành chính.",
            "Văn bản có hiệu lực thi hành kể từ ngày {later}.",
            "Bộ Tư pháp giao các đơn vị thuộc Bộ hướng dẫn, kiểm tra việc triển khai thực hiện tại "
            "địa phương.",
        ),
    ),
    "lanh_dao_bo": (
        (
            "Bộ trưởng Bộ Tư pháp làm việc với Ủy ban nhân dân {place}",
            "Thứ trưởng Bộ Tư pháp dự Hội nghị tổng kết công tác tư pháp năm {year}",
            "Thứ trưởng Bộ Tư pháp chủ trì họp Hội đồng thẩm định dự thảo Nghị định",
            "Bộ trưởng Bộ Tư pháp kiểm tra công tác cải cách hành chính tại {place}",
        ),
        (
            "{date}, Bộ trưởng Bộ Tư pháp đã có buổi làm việc với Ủy ban nhân dân {place} về kết "
            "quả công tác tư pháp và thi hành án dân sự trên địa bàn.",
            "{date}, {person} chủ trì cuộc họp Hội đồng thẩm định dự thảo văn bản quy phạm pháp "
            "luật.",
        ),
        (
            "Cùng dự có lãnh đạo một số đơn vị thuộc Bộ, đại diện các bộ, ngành liên quan.",
            "Báo cáo tại buổi làm việc cho thấy, địa phương đã chú trọng công tác xây dựng, kiểm "
            "tra "
            "và rà soát văn bản.",
            "Các thành viên Hội đồng cơ bản thống nhất với sự cần thiết ban hành và phạm vi điều "
            "chỉnh của dự thảo.",
            "Kết luận buổi làm việc, {person} đề nghị địa phương tiếp tục kiện toàn tổ chức, bộ "
            "máy "
            "làm công tác tư pháp.",
            "Lãnh đạo Bộ cũng ghi nhận và giải đáp các kiến nghị, đề xuất của địa phương.",
        ),
    ),
    "don_vi_bo": (
        (
            "{unit} tổ chức hội thảo góp ý dự thảo văn bản quy phạm pháp luật",
            "{unit} tập huấn nghiệp vụ năm {year}",
            "{unit} tổng kết công tác năm {year}",
            "{unit} làm việc tại {place}",
        ),
        (
            "{date}, {unit} tổ chức hội thảo lấy ý kiến chuyên gia, nhà khoa học về dự thảo văn "
            "bản "
            "do đơn vị chủ trì soạn thảo.",
            "{date}, {unit} đã tổ chức hội nghị tổng kết công tác năm {year} và triển khai nhiệm "
            "vụ "
            "trọng tâm thời gian tới.",
        ),
        (
            "Hội thảo đã nhận được nhiều ý kiến đóng góp tâm huyết, có giá trị thực tiễn.",
            "Các đại biểu tập trung thảo luận những vấn đề còn ý kiến khác nhau và đề xuất phương "
            "án hoàn thiện.",
            "Năm {year}, đơn vị đã hoàn thành {pct} kế hoạch công tác được giao.",
            "Đơn vị đã chủ động tham mưu Lãnh đạo Bộ ban hành {num} văn bản chỉ đạo, hướng dẫn "
            "nghiệp vụ.",
            "Phát biểu tại hội nghị, {person} ghi nhận, biểu dương những kết quả đơn vị đã đạt "
            "được.",
        ),
    ),
}
CENTRAL_GENERIC = (
    "Thực hiện {doc}, {unit} đã chủ động xây dựng kế hoạch và tổ chức triển khai thực hiện.",
    "Qua đó, góp phần nâng cao nhận thức, trách nhiệm của đội ngũ công chức trong thực hiện "
    "nhiệm vụ được giao.",
    "Phát biểu tại buổi làm việc, {person} đề nghị các đơn vị tiếp tục đẩy mạnh công tác chỉ "
    "đạo, điều hành.",
    "Đây là một trong những nhiệm vụ trọng tâm đã được xác định tại {doc}.",
    "Các đơn vị cần thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất theo quy định.",
    "Nhân dịp này, {unit} đã biểu dương những tập thể, cá nhân có thành tích tiêu biểu.",
    "Đồng thời, tăng cường phối hợp với các bộ, ngành, địa phương trong quá trình tổ chức thực "
    "hiện.",
)
CENTRAL_CLOSERS = (
    "Thời gian tới, Bộ Tư pháp sẽ tiếp tục theo dõi, đôn đốc việc triển khai thực hiện, kịp thời "
    "tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Các đơn vị được yêu cầu nghiêm túc triển khai thực hiện và báo cáo kết quả theo quy định.",
    "Hoạt động góp phần thực hiện thắng lợi nhiệm vụ chính trị của ngành Tư pháp năm {year}.",
    "Tổng cục Thi hành án dân sự sẽ tiếp tục theo dõi, hướng dẫn để các địa phương thực hiện "
    "thống nhất.",
)
