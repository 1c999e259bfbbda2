"""Sentence templates of the baochinhphu.vn-family replicas: topic -> (titles, sapos, sentences).

The n-th sapo goes with the n-th title. Sapos never cite a document: the truth file lists only
the documents the body cites. Slots ending in 0 ({growth0}) keep one value per article.
"""

from __future__ import annotations

Topic = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

TOPICS: dict[str, Topic] = {
    "phien_hop": (
        (
            "Chính phủ họp phiên chuyên đề về xây dựng pháp luật tháng {month}/{year}",
            "Thủ tướng chủ trì Phiên họp Chính phủ thường kỳ tháng {month}/{year}",
            "Chính phủ họp trực tuyến với các địa phương về tình hình kinh tế - xã hội",
            "Thường trực Chính phủ họp về các dự án hạ tầng giao thông trọng điểm",
        ),
        (
            "{date}, Thủ tướng Chính phủ chủ trì phiên họp Chính phủ chuyên đề về xây dựng pháp "
            "luật, cho ý kiến đối với {num} dự án luật, dự thảo nghị quyết.",
            "{date}, tại Trụ sở Chính phủ, Thủ tướng chủ trì Phiên họp Chính phủ thường kỳ, trực "
            "tuyến với các địa phương trên cả nước.",
            "{date}, Chính phủ họp trực tuyến với các địa phương để đánh giá tình hình kinh tế - "
            "xã hội {period} và bàn giải pháp thúc đẩy tăng trưởng.",
            "{date}, Thường trực Chính phủ họp về tiến độ triển khai dự án {project} và một số dự "
            "án hạ tầng trọng điểm.",
        ),
        (
            "Tham dự phiên họp có các Phó Thủ tướng, các thành viên Chính phủ; lãnh đạo các bộ, "
            "ngành, cơ quan ngang bộ.",
            "Tại phiên họp, Chính phủ thảo luận, cho ý kiến về dự án Luật sửa đổi, bổ sung một số "
            "điều của Luật {law}.",
            "Phát biểu kết luận, Thủ tướng yêu cầu các bộ, ngành tiếp thu tối đa ý kiến của các "
            "thành viên Chính phủ để hoàn thiện hồ sơ, trình Quốc hội theo quy định.",
            "Thủ tướng nhấn mạnh, xây dựng pháp luật phải bám sát thực tiễn, tháo gỡ kịp thời các "
            "“điểm nghẽn” về thể chế, khơi thông mọi nguồn lực cho phát triển.",
            "Theo báo cáo, tổng sản phẩm trong nước (GDP) quý {quarter} ước tăng {growth} so với "
            "cùng kỳ năm trước.",
            "Giải ngân vốn đầu tư công đến hết tháng {month} đạt {pct} kế hoạch Thủ tướng giao.",
            "Các thành viên Chính phủ đánh giá cao sự chuẩn bị công phu của cơ quan chủ trì soạn "
            "thảo.",
            "“{quote}”, Thủ tướng nhấn mạnh.",
        ),
    ),
    "lam_viec": (
        (
            "{leader} làm việc với lãnh đạo chủ chốt tỉnh {province}",
            "{leader} kiểm tra tiến độ dự án {project}",
            "{leader}: Tháo gỡ vướng mắc, đẩy nhanh tiến độ dự án {project}",
            "{leader} đề nghị tỉnh {province} tập trung phát triển hạ tầng chiến lược",
        ),
        (
            "{date}, {leader} và đoàn công tác của Chính phủ đã làm việc với Ban Thường vụ Tỉnh ủy "
            "{province} về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year}.",
            "{date}, {leader} đã đi kiểm tra thực địa và làm việc với các bộ, ngành, địa phương về "
            "tiến độ triển khai dự án {project}.",
            "{date}, {leader} chủ trì cuộc họp với các bộ, ngành, địa phương nhằm tháo gỡ vướng "
            "mắc về giải phóng mặt bằng, nguồn vật liệu cho dự án {project}.",
            "{date}, tại tỉnh {province}, {leader} đề nghị địa phương tập trung nguồn lực phát "
            "triển hạ tầng giao thông, hạ tầng số và hạ tầng năng lượng.",
        ),
        (
            "Cùng dự buổi làm việc có lãnh đạo {ministry}, {other_ministry} và Văn phòng Chính "
            "phủ.",
            "Báo cáo tại buổi làm việc cho biết, năm {year}, tăng trưởng kinh tế (GRDP) của tỉnh "
            "{province} ước đạt {growth}, cao hơn mức bình quân chung cả nước.",
            "Thu ngân sách nhà nước trên địa bàn ước đạt {trillion}, bằng {pct} dự toán.",
            "Lãnh đạo tỉnh {province} kiến nghị Chính phủ, các bộ, ngành quan tâm hỗ trợ nguồn vốn "
            "đầu tư hạ tầng giao thông kết nối vùng.",
            "Theo chủ đầu tư, đến nay dự án đã hoàn thành khoảng {pct} khối lượng, phấn đấu về "
            "đích trước thời hạn.",
            "Kết luận buổi làm việc, {leader} đề nghị tập trung tháo gỡ khó khăn về giải phóng mặt "
            "bằng, bảo đảm nguồn vật liệu xây dựng cho các dự án.",
            "{leader} yêu cầu chủ đầu tư và nhà thầu huy động tối đa nhân lực, thiết bị, thi công "
            "“3 ca, 4 kíp”, “vượt nắng, thắng mưa”.",
            "“{quote}”, {leader} nói.",
        ),
    ),
    "chinh_sach": (
        (
            "Quy định mới về {subject}",
            "Sửa đổi, bổ sung quy định về {subject}",
            "Chính sách mới về {subject} có hiệu lực từ ngày {later}",
            "Hướng dẫn thực hiện chính sách về {subject}",
            "Chính phủ ban hành Nghị định quy định về {subject}",
        ),
        (
            "Chính phủ vừa ban hành Nghị định quy định chi tiết về {subject}, có hiệu lực thi hành "
            "từ ngày {later}.",
            "Chính phủ vừa ban hành Nghị định sửa đổi, bổ sung một số điều của các nghị định quy "
            "định về {subject}.",
            "Từ ngày {later}, nhiều quy định mới về {subject} chính thức có hiệu lực, tác động "
            "trực tiếp đến người dân và doanh nghiệp.",
            "{ministry} vừa ban hành Thông tư hướng dẫn thực hiện chính sách về {subject}, trong "
            "đó có nhiều điểm mới đáng chú ý.",
            "Chính phủ vừa ban hành Nghị định quy định về {subject}; văn bản có hiệu lực từ ngày "
            "{later}.",
        ),
        (
            "Văn bản gồm {num} điều, quy định cụ thể về đối tượng áp dụng, điều kiện, trình tự, "
            "thủ tục và trách nhiệm của các cơ quan liên quan.",
            "Theo quy định mới, hồ sơ được nộp trực tuyến qua Cổng Dịch vụ công quốc gia; thời hạn "
            "giải quyết rút ngắn còn {num} ngày làm việc.",
            "Văn bản này thay thế {doc}.",
            "Điểm mới đáng chú ý là việc phân cấp, phân quyền mạnh mẽ cho chính quyền địa phương "
            "trong giải quyết thủ tục hành chính.",
            "Kinh phí thực hiện chính sách được bố trí từ nguồn ngân sách nhà nước theo phân cấp "
            "hiện hành.",
            "{ministry} có trách nhiệm hướng dẫn, kiểm tra việc thực hiện; tổng hợp vướng mắc, báo "
            "cáo Thủ tướng Chính phủ.",
            "Trường hợp hồ sơ đã nộp trước ngày văn bản có hiệu lực thì tiếp tục thực hiện theo "
            "quy định tại {doc}.",
            "Đối tượng được hưởng chính sách gồm người lao động, hộ gia đình, cá nhân đáp ứng các "
            "điều kiện theo quy định.",
        ),
    ),
    "chi_dao": (
        (
            "Thủ tướng chỉ đạo đẩy nhanh giải ngân vốn đầu tư công năm {year}",
            "Thủ tướng yêu cầu tập trung khắc phục hậu quả mưa lũ tại các tỉnh miền Trung",
            "Phó Thủ tướng giao {ministry} xử lý kiến nghị về {subject}",
            "Thủ tướng yêu cầu tăng cường quản lý thị trường, bình ổn giá mặt hàng thiết yếu",
            "Chỉ đạo của Thủ tướng về triển khai dự án {project}",
        ),
        (
            "Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương quyết liệt triển khai các giải "
            "pháp đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}.",
            "Thủ tướng Chính phủ vừa ký ban hành công điện yêu cầu các bộ, ngành, địa phương tập "
            "trung ứng phó, khắc phục hậu quả mưa lũ, ổn định đời sống người dân.",
            "Văn phòng Chính phủ vừa có văn bản truyền đạt ý kiến chỉ đạo của {leader} về kiến "
            "nghị liên quan đến {subject}.",
            "Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương tăng cường quản lý thị trường, "
            "bảo đảm cung ứng đủ hàng hóa, không để xảy ra tình trạng tăng giá bất hợp lý.",
            "Thủ tướng Chính phủ yêu cầu các cơ quan liên quan dồn sức triển khai dự án {project}, "
            "bảo đảm tiến độ, chất lượng, an toàn lao động.",
        ),
        (
            "Theo {doc}, {leader} giao {ministry} chủ trì, phối hợp với các cơ quan liên quan "
            "nghiên cứu, xử lý kiến nghị theo thẩm quyền.",
            "Thủ tướng yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm toàn "
            "diện trước Chính phủ về kết quả giải ngân tại địa phương.",
            "Các bộ, ngành khẩn trương rà soát, sửa đổi các quy định còn chồng chéo, gây khó khăn "
            "cho người dân, doanh nghiệp.",
            "Trước đó, tại {doc}, Chính phủ đã đề ra các nhiệm vụ, giải pháp chủ yếu thực hiện kế "
            "hoạch phát triển kinh tế - xã hội.",
            "{ministry} được giao tổng hợp tình hình, báo cáo Thủ tướng Chính phủ trước ngày "
            "{later}.",
            "Thủ tướng yêu cầu người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Thủ tướng "
            "về kết quả thực hiện.",
            "Các địa phương được yêu cầu chủ động bố trí nguồn lực, kịp thời báo cáo khó khăn, "
            "vướng mắc vượt thẩm quyền.",
        ),
    ),
    "kinh_te": (
        (
            "Xuất khẩu {goods} {period} tăng {growth0}",
            "Giải ngân vốn đầu tư công {period} đạt {pct0} kế hoạch",
            "Thu hút vốn đầu tư trực tiếp nước ngoài {period} tăng mạnh",
            "Chỉ số giá tiêu dùng tháng {month} tăng nhẹ",
            "Doanh nghiệp thành lập mới tăng cao trong {period}",
        ),
        (
            "Theo số liệu của {ministry}, {period} năm {year}, kim ngạch xuất khẩu {goods} ước đạt "
            "{usd}, tăng {growth0} so với cùng kỳ.",
            "Theo {ministry}, giải ngân vốn đầu tư công {period} năm {year} ước đạt {trillion}, "
            "bằng {pct0} kế hoạch Thủ tướng Chính phủ giao.",
            "Tổng vốn đầu tư nước ngoài đăng ký vào Việt Nam {period} năm {year} đạt {usd}, tăng "
            "{growth} so với cùng kỳ năm trước.",
            "Chỉ số giá tiêu dùng (CPI) tháng {month} tăng nhẹ so với tháng trước, chủ yếu do giá "
            "nhóm nhà ở, vật liệu xây dựng và dịch vụ y tế điều chỉnh tăng.",
            "{period} năm {year}, cả nước có thêm {big} doanh nghiệp thành lập mới, tăng {growth} "
            "so với cùng kỳ.",
        ),
        (
            "Các thị trường xuất khẩu chủ lực như Hoa Kỳ, Trung Quốc, Nhật Bản và EU đều ghi nhận "
            "mức tăng trưởng khá.",
            "Chỉ số sản xuất công nghiệp {period} ước tăng {growth} so với cùng kỳ năm trước.",
            "Tổng vốn đầu tư nước ngoài đăng ký vào Việt Nam đạt {usd}, tăng {growth}.",
            "Chỉ số giá tiêu dùng (CPI) bình quân tăng {cpi} so với cùng kỳ, trong phạm vi mục "
            "tiêu Quốc hội đề ra.",
            "Cả nước có thêm {big} doanh nghiệp thành lập mới với tổng vốn đăng ký {trillion}.",
            "Theo các chuyên gia, để duy trì đà tăng trưởng, cần tiếp tục cải thiện môi trường đầu "
            "tư kinh doanh, thúc đẩy chuyển đổi số và chuyển đổi xanh.",
            "Ngân hàng Nhà nước tiếp tục điều hành chính sách tiền tệ chủ động, linh hoạt, hỗ trợ "
            "tăng trưởng gắn với kiểm soát lạm phát.",
        ),
    ),
    "xa_hoi": (
        (
            "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo tại tỉnh {province}",
            "Điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội từ ngày {later}",
            "Bảo đảm an sinh xã hội, chăm lo đời sống nhân dân dịp Tết",
            "Nâng cao chất lượng khám, chữa bệnh bảo hiểm y tế tại tuyến cơ sở",
            "Đắk Lắk, Đồng Nai đẩy nhanh tiến độ xóa nhà tạm, nhà dột nát",
        ),
        (
            "{date}, tại tỉnh {province}, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam phối hợp tổ "
            "chức lễ bàn giao nhà cho các hộ nghèo, hộ có hoàn cảnh khó khăn.",
            "Chính phủ vừa ban hành Nghị định điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội và trợ "
            "cấp hằng tháng, áp dụng từ ngày {later}.",
            "Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương chăm lo đời sống vật chất, tinh "
            "thần của nhân dân, bảo đảm mọi người, mọi nhà đều được đón Tết.",
            "Theo {ministry}, tỷ lệ bao phủ bảo hiểm y tế tiếp tục tăng, chất lượng khám, chữa "
            "bệnh tại tuyến cơ sở từng bước được nâng lên.",
            "Theo {ministry}, đến nay cả nước đã hỗ trợ xóa hơn {big} căn nhà tạm, nhà dột nát, "
            "nhiều địa phương đã hoàn thành trước thời hạn.",
        ),
        (
            "Mỗi hộ được hỗ trợ {money} để xây mới hoặc sửa chữa nhà ở, bảo đảm “3 cứng”: nền "
            "cứng, khung - tường cứng, mái cứng.",
            "Nguồn kinh phí được huy động từ ngân sách nhà nước, Quỹ “Vì người nghèo” và sự đóng "
            "góp của các doanh nghiệp, nhà hảo tâm.",
            "Đến nay, tỷ lệ bao phủ bảo hiểm y tế đạt {pct} dân số.",
            "Ngành y tế đẩy mạnh ứng dụng căn cước điện tử trong khám, chữa bệnh bảo hiểm y tế, "
            "giảm thời gian chờ đợi của người bệnh.",
            "Chính quyền địa phương được yêu cầu rà soát, lập danh sách đối tượng thụ hưởng công "
            "khai, minh bạch, đúng quy định.",
            "Thực hiện {doc}, các địa phương đã bố trí đủ kinh phí để thực hiện chính sách.",
            "Nhiều người dân bày tỏ vui mừng, phấn khởi khi được hỗ trợ kịp thời.",
        ),
    ),
    "cai_cach": (
        (
            "Cắt giảm, đơn giản hóa {num0} thủ tục hành chính trong lĩnh vực {field}",
            "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
            "Hội nghị trực tuyến toàn quốc về cải cách thủ tục hành chính năm {year}",
            "Phân cấp, phân quyền trong giải quyết thủ tục hành chính lĩnh vực {field}",
        ),
        (
            "Thủ tướng Chính phủ vừa phê duyệt phương án cắt giảm, đơn giản hóa {num0} thủ tục "
            "hành chính liên quan đến hoạt động kinh doanh trong lĩnh vực {field}.",
            "Các bộ, ngành, địa phương được yêu cầu rà soát, tái cấu trúc quy trình để cung cấp "
            "dịch vụ công trực tuyến toàn trình, lấy người dân, doanh nghiệp làm trung tâm.",
            "{date}, Văn phòng Chính phủ tổ chức hội nghị trực tuyến đánh giá kết quả cải cách thủ "
            "tục hành chính, cải thiện môi trường kinh doanh {period} năm {year}.",
            "Chính phủ vừa ban hành Nghị định quy định về phân cấp, phân quyền giải quyết thủ tục "
            "hành chính trong lĩnh vực {field}.",
        ),
        (
            "Theo báo cáo, các bộ, ngành đã cắt giảm, đơn giản hóa {big} quy định kinh doanh, "
            "chiếm {pct} tổng số quy định.",
            "Cổng Dịch vụ công quốc gia đã cung cấp {big} dịch vụ công trực tuyến, tỷ lệ hồ sơ "
            "trực tuyến đạt {pct}.",
            "Việc tái sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư giúp người dân không "
            "phải nộp lại giấy tờ đã có.",
            "Tuy nhiên, một số thủ tục vẫn còn rườm rà, thời gian giải quyết kéo dài, gây phiền hà "
            "cho người dân, doanh nghiệp.",
            "Văn phòng Chính phủ đề nghị các bộ, ngành, địa phương thực hiện nghiêm {doc}.",
            "Phương án cắt giảm dự kiến tiết kiệm chi phí tuân thủ khoảng {trillion} mỗi năm.",
            "Các bộ, cơ quan ngang bộ có trách nhiệm dự thảo văn bản quy phạm pháp luật để thực "
            "thi phương án đã được phê duyệt.",
        ),
    ),
    "du_thao": (
        (
            "Lấy ý kiến dự thảo Nghị định về {subject}",
            "{ministry} đề xuất sửa đổi quy định về {subject}",
            "Đề xuất nhiều điểm mới trong dự án Luật {law} (sửa đổi)",
            "Góp ý dự thảo Thông tư hướng dẫn về {subject}",
        ),
        (
            "{ministry} đang dự thảo Nghị định quy định về {subject} và lấy ý kiến rộng rãi của cơ "
            "quan, tổ chức, cá nhân.",
            "{ministry} vừa đề xuất sửa đổi, bổ sung nhiều quy định về {subject} nhằm tháo gỡ "
            "vướng mắc trong thực tiễn.",
            "{ministry} vừa hoàn thiện hồ sơ dự án Luật {law} (sửa đổi), trong đó đề xuất nhiều "
            "nội dung mới.",
            "{ministry} đang lấy ý kiến góp ý đối với dự thảo Thông tư hướng dẫn về {subject}.",
        ),
        (
            "Theo cơ quan soạn thảo, sau thời gian thực hiện, {doc} đã bộc lộ một số bất cập cần "
            "sửa đổi cho phù hợp với thực tiễn.",
            "Dự thảo gồm {num} điều, tập trung vào các nhóm chính sách lớn về phân cấp, phân quyền "
            "và cắt giảm thủ tục hành chính.",
            "Dự thảo đề xuất bổ sung đối tượng áp dụng, đồng thời quy định rõ trách nhiệm của từng "
            "cơ quan trong tổ chức thực hiện.",
            "Toàn văn dự thảo được đăng tải trên Cổng Thông tin điện tử Chính phủ để người dân, "
            "doanh nghiệp tham gia góp ý.",
            "Thời gian lấy ý kiến là 60 ngày, kể từ ngày đăng tải.",
            "Cơ quan soạn thảo sẽ tiếp thu, giải trình đầy đủ các ý kiến góp ý trước khi trình "
            "Chính phủ xem xét, quyết định.",
            "Nhiều chuyên gia cho rằng cần đánh giá kỹ tác động của chính sách đối với doanh "
            "nghiệp nhỏ và vừa.",
        ),
    ),
    "vpcp_hoat_dong": (
        (
            "Văn phòng Chính phủ sơ kết công tác {period} năm {year}",
            "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ tiếp đoàn công tác tỉnh {province}",
            "Văn phòng Chính phủ triển khai nhiệm vụ chuyển đổi số năm {year}",
            "Lãnh đạo Văn phòng Chính phủ làm việc với {ministry}",
        ),
        (
            "{date}, tại Trụ sở Chính phủ, Văn phòng Chính phủ tổ chức hội nghị đánh giá kết quả "
            "công tác {period} và triển khai nhiệm vụ thời gian tới.",
            "{date}, tại Trụ sở Chính phủ, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ {chief} đã "
            "tiếp và làm việc với đoàn công tác tỉnh {province}.",
            "{date}, Văn phòng Chính phủ tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số, phát "
            "triển Chính phủ số năm {year}.",
            "{date}, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ {chief} đã làm việc với {ministry} "
            "về công tác phối hợp tham mưu, giúp việc Chính phủ.",
        ),
        (
            "Theo báo cáo, {period}, Văn phòng Chính phủ đã tham mưu trình Chính phủ, Thủ tướng "
            "Chính phủ ban hành {big} văn bản chỉ đạo, điều hành.",
            "Công tác theo dõi, đôn đốc thực hiện nhiệm vụ được giao được đẩy mạnh, tỷ lệ nhiệm vụ "
            "quá hạn giảm rõ rệt.",
            "Hệ thống thông tin báo cáo Chính phủ đã kết nối với {num} bộ, cơ quan và {num} địa "
            "phương.",
            "Lãnh đạo Văn phòng Chính phủ đề nghị các vụ, cục tiếp tục nâng cao chất lượng tham "
            "mưu, bảo đảm kịp thời, chính xác.",
            "Văn phòng Chính phủ sẽ phối hợp chặt chẽ với {ministry} trong xây dựng, hoàn thiện "
            "thể chế, chính sách.",
            "Việc vận hành hệ thống phòng họp không giấy giúp tiết kiệm thời gian và chi phí tổ "
            "chức các cuộc họp.",
        ),
    ),
    "vpcp_doan_the": (
        (
            "Đảng bộ Văn phòng Chính phủ học tập, quán triệt nghị quyết của Trung ương",
            "Công đoàn Văn phòng Chính phủ tổ chức Hội thao năm {year}",
            "Đoàn Thanh niên Văn phòng Chính phủ ra quân Chiến dịch tình nguyện hè",
            "Văn phòng Chính phủ trao quà cho học sinh vùng khó khăn tỉnh {province}",
        ),
        (
            "{date}, Đảng ủy Văn phòng Chính phủ tổ chức hội nghị học tập, quán triệt và triển "
            "khai thực hiện các nghị quyết của Trung ương.",
            "{date}, Công đoàn Văn phòng Chính phủ khai mạc Hội thao năm {year} với sự tham gia "
            "của hơn {num} vận động viên.",
            "{date}, Đoàn Thanh niên Văn phòng Chính phủ tổ chức lễ ra quân Chiến dịch tình nguyện "
            "hè năm {year}.",
            "{date}, Đoàn Thanh niên Văn phòng Chính phủ tổ chức chương trình thiện nguyện tại "
            "tỉnh {province}.",
        ),
        (
            "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các chi bộ trực "
            "thuộc.",
            "Các đảng viên được nghe báo cáo viên truyền đạt những nội dung cơ bản, cốt lõi của "
            "các nghị quyết.",
            "Hội thao diễn ra với các môn thi đấu bóng đá, cầu lông, bóng bàn, quần vợt và cờ "
            "tướng.",
            "Hoạt động góp phần tăng cường tinh thần đoàn kết, gắn bó giữa cán bộ, công chức, "
            "người lao động.",
            "Dịp này, Đoàn đã trao tặng {num} suất quà và học bổng cho học sinh có hoàn cảnh khó "
            "khăn.",
            "Tổng kinh phí của chương trình là {money} do đoàn viên, thanh niên đóng góp.",
        ),
    ),
}
