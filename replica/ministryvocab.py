"""Vocabulary of ministry news (health, finance) for the family 4 and 5 replicas."""

from __future__ import annotations

# A topic: (titles, sapos, body sentences). Slots in braces are filled by govtext.NewsGen.
Topic = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

HEALTH_TOPICS: dict[str, Topic] = {
    "phong_dich": (
        (
            "Bộ Y tế chỉ đạo tăng cường phòng, chống bệnh {disease}",
            "Chủ động giám sát, phòng chống dịch bệnh trong mùa mưa năm {year}",
            "Triển khai chiến dịch tiêm chủng vắc xin sởi cho trẻ em tại {prov}",
            "Số ca mắc {disease} có xu hướng tăng, người dân cần chủ động phòng bệnh",
        ),
        (
            "Từ đầu năm đến nay, cả nước ghi nhận {big} ca mắc {disease}, số ca mắc tăng so với "
            "cùng kỳ năm trước.",
            "Bộ Y tế đề nghị các địa phương không để dịch bệnh lây lan rộng, hạn chế thấp nhất "
            "số ca tử vong.",
        ),
        (
            "Theo {unit}, số ca mắc tập trung chủ yếu tại các tỉnh phía Nam và Tây Nguyên.",
            "Các địa phương cần tăng cường giám sát, phát hiện sớm ca bệnh và xử lý triệt để ổ "
            "dịch.",
            "Người dân không tự ý điều trị tại nhà mà cần đến cơ sở y tế khi có dấu hiệu sốt "
            "cao, mệt mỏi.",
            "Chiến dịch dự kiến tiêm cho khoảng {big} trẻ trong độ tuổi tiêm chủng.",
            "Bộ Y tế đã thành lập {num} đoàn công tác đi kiểm tra, hỗ trợ các địa phương có số "
            "mắc cao.",
            "Việc cung ứng vắc xin, sinh phẩm được bảo đảm đầy đủ, kịp thời cho các địa phương.",
        ),
    ),
    "kham_chua_benh": (
        (
            "Nâng cao chất lượng khám bệnh, chữa bệnh tại {hospital}",
            "Triển khai bệnh án điện tử tại các bệnh viện trên toàn quốc",
            "Kiểm tra công tác khám bệnh, chữa bệnh bảo hiểm y tế tại {hospital}",
            "Ghép tạng thành công cho bệnh nhân tại {hospital}",
        ),
        (
            "Đến nay đã có {num} bệnh viện triển khai bệnh án điện tử, thay thế hoàn toàn bệnh "
            "án giấy.",
            "Bệnh viện tiếp nhận khám, điều trị cho khoảng {big} lượt người bệnh mỗi ngày.",
        ),
        (
            "Theo {unit}, việc triển khai bệnh án điện tử giúp giảm thời gian chờ đợi của người "
            "bệnh.",
            "Sau ca phẫu thuật kéo dài {hours} giờ, sức khỏe người bệnh đã ổn định.",
            "Bệnh viện đã làm chủ nhiều kỹ thuật chuyên sâu, giảm tình trạng chuyển tuyến.",
            "Tỷ lệ hài lòng của người bệnh nội trú đạt {pct}.",
            "Đoàn kiểm tra đề nghị bệnh viện tiếp tục cải tiến quy trình khám bệnh, rút ngắn thời "
            "gian làm thủ tục.",
            "Người bệnh có thẻ bảo hiểm y tế được thanh toán chi phí theo đúng quy định.",
        ),
    ),
    "lanh_dao": (
        (
            "Lãnh đạo Bộ Y tế làm việc với Ủy ban nhân dân tỉnh {prov}",
            "Thứ trưởng Bộ Y tế tiếp Đoàn công tác của Tổ chức Y tế Thế giới",
            "Bộ trưởng Bộ Y tế thăm, kiểm tra {hospital}",
            "Lãnh đạo Bộ Y tế dự Hội nghị tổng kết công tác y tế năm {year} của {prov}",
        ),
        (
            "{date}, {person} đã có buổi làm việc về tình hình thực hiện nhiệm vụ y tế trên địa "
            "bàn.",
            "Hai bên đã trao đổi về kết quả hợp tác và định hướng hợp tác trong thời gian tới.",
        ),
        (
            "Phát biểu tại buổi làm việc, {person} ghi nhận những kết quả mà ngành y tế địa "
            "phương đã đạt được.",
            "Lãnh đạo Bộ đề nghị địa phương quan tâm đầu tư cho y tế cơ sở và y tế dự phòng.",
            "Đại diện Tổ chức Y tế Thế giới khẳng định sẽ tiếp tục hỗ trợ Việt Nam nâng cao năng "
            "lực hệ thống y tế.",
            "Mạng lưới y tế cơ sở hiện có {num} trạm y tế, {pct} trạm có bác sĩ làm việc.",
            "Bộ Y tế sẽ xem xét, tháo gỡ các kiến nghị của địa phương về nhân lực và trang thiết "
            "bị.",
            "Đoàn đã thăm hỏi, động viên đội ngũ y bác sĩ đang làm nhiệm vụ tại bệnh viện.",
        ),
    ),
    "duoc_attp": (
        (
            "Tăng cường bảo đảm an toàn thực phẩm dịp Tết Nguyên đán {next_year}",
            "Bảo đảm cung ứng đủ thuốc, vật tư y tế cho khám bệnh, chữa bệnh",
            "Thu hồi lô thuốc không đạt tiêu chuẩn chất lượng",
            "Cấp mới, gia hạn giấy đăng ký lưu hành cho {num} loại thuốc",
        ),
        (
            "Bộ Y tế yêu cầu các cơ sở kinh doanh ngừng bán, trả lại nơi cung cấp lô thuốc vi "
            "phạm.",
            "Các đoàn kiểm tra liên ngành sẽ được thành lập ở cả bốn cấp để kiểm tra việc chấp "
            "hành quy định về an toàn thực phẩm.",
        ),
        (
            "Theo {unit}, mẫu thuốc được lấy để kiểm tra chất lượng không đạt chỉ tiêu định lượng.",
            "Người dân nên lựa chọn thực phẩm có nguồn gốc rõ ràng, bảo quản đúng cách.",
            "Qua kiểm tra {big} cơ sở, đã phát hiện và xử lý {num} cơ sở vi phạm.",
            "Số tiền phạt vi phạm hành chính là {money}.",
            "Các cơ sở khám bệnh, chữa bệnh chủ động xây dựng kế hoạch mua sắm, không để thiếu "
            "thuốc.",
            "Danh mục thuốc được cấp giấy đăng ký lưu hành được công bố trên cổng thông tin của "
            "Cục Quản lý Dược.",
        ),
    ),
}

FINANCE_TOPICS: dict[str, Topic] = {
    "ngan_sach": (
        (
            "Thu ngân sách nhà nước {period} ước đạt {pct} dự toán",
            "Bộ Tài chính họp báo thường kỳ quý {quarter} năm {year}",
            "Điều hành chính sách tài khóa chủ động, linh hoạt",
            "Tăng cường kỷ luật, kỷ cương tài chính - ngân sách nhà nước",
        ),
        (
            "Tổng thu ngân sách nhà nước {period} ước đạt {money_big}, tăng so với cùng kỳ năm "
            "trước.",
            "Bộ Tài chính cho biết các khoản chi được bảo đảm theo dự toán, đáp ứng nhiệm vụ "
            "chính trị quan trọng.",
        ),
        (
            "Theo {unit}, thu nội địa tiếp tục là nguồn thu chủ yếu của ngân sách.",
            "Tổng chi ngân sách nhà nước ước đạt {money_big}, bảo đảm chi trả nợ đến hạn.",
            "Bội chi ngân sách được kiểm soát trong phạm vi Quốc hội cho phép.",
            "Các địa phương cần quyết liệt chống thất thu, xử lý nợ đọng thuế.",
            "Phát biểu tại họp báo, {person} thông tin về các giải pháp điều hành thời gian tới.",
            "Dư nợ công ở mức an toàn, thấp hơn nhiều so với ngưỡng cảnh báo.",
        ),
    ),
    "thue_hai_quan": (
        (
            "Triển khai hóa đơn điện tử khởi tạo từ máy tính tiền tại {prov}",
            "Ngành Hải quan thu ngân sách đạt {money_big}",
            "Gia hạn thời hạn nộp thuế giá trị gia tăng, thuế thu nhập doanh nghiệp",
            "Đẩy mạnh hoàn thuế giá trị gia tăng cho doanh nghiệp",
        ),
        (
            "Chính sách gia hạn thuế dự kiến giúp doanh nghiệp có thêm {money_big} cho sản xuất, "
            "kinh doanh.",
            "Đến nay đã có {big} doanh nghiệp, hộ kinh doanh đăng ký sử dụng hóa đơn điện tử.",
        ),
        (
            "Theo {unit}, kim ngạch xuất nhập khẩu tiếp tục tăng trưởng khá.",
            "Cơ quan thuế đã giải quyết {big} hồ sơ hoàn thuế với số tiền {money}.",
            "Việc kiểm tra sau thông quan được tăng cường nhằm chống gian lận thương mại.",
            "Người nộp thuế thực hiện thủ tục trực tuyến trên Cổng thông tin điện tử của cơ quan "
            "thuế.",
            "Các trường hợp có dấu hiệu rủi ro được kiểm tra trước, hoàn thuế sau theo quy định.",
            "Cơ quan hải quan đã phát hiện, xử lý {num} vụ vi phạm, trị giá hàng hóa {money}.",
        ),
    ),
    "dau_tu_cong": (
        (
            "Giải ngân vốn đầu tư công {period} đạt {pct} kế hoạch",
            "Bộ Tài chính đôn đốc các bộ, ngành đẩy nhanh giải ngân vốn đầu tư công",
            "Tháo gỡ vướng mắc trong thanh toán vốn đầu tư công",
            "Phân bổ chi tiết kế hoạch vốn đầu tư công năm {year}",
        ),
        (
            "Ước giải ngân vốn đầu tư công {period} đạt {money_big}, cao hơn cùng kỳ năm trước.",
            "Một số bộ, cơ quan trung ương và địa phương có tỷ lệ giải ngân thấp hơn bình quân "
            "chung của cả nước.",
        ),
        (
            "Theo {unit}, vướng mắc chủ yếu liên quan đến giải phóng mặt bằng và nguồn vật liệu "
            "xây dựng.",
            "Các chủ đầu tư cần lập kế hoạch giải ngân chi tiết theo từng tháng, từng dự án.",
            "Kho bạc Nhà nước thực hiện kiểm soát, thanh toán vốn nhanh chóng, đúng quy định.",
            "Có {num} bộ, ngành và địa phương đạt tỷ lệ giải ngân trên mức bình quân.",
            "Bộ Tài chính sẽ tổng hợp, báo cáo Chính phủ điều chuyển vốn từ dự án chậm giải ngân.",
            "Người đứng đầu phải chịu trách nhiệm nếu để chậm giải ngân kéo dài.",
        ),
    ),
    "thi_truong": (
        (
            "Bình ổn giá các mặt hàng thiết yếu dịp cuối năm",
            "Thị trường chứng khoán {period}: thanh khoản cải thiện",
            "Ban Chỉ đạo điều hành giá họp về công tác điều hành giá năm {year}",
            "Phát triển thị trường trái phiếu doanh nghiệp an toàn, bền vững",
        ),
        (
            "Chỉ số giá tiêu dùng bình quân {period} tăng {pct_low} so với cùng kỳ năm trước.",
            "Giá trị giao dịch bình quân đạt {money_big} mỗi phiên, tăng so với năm trước.",
        ),
        (
            "Theo {unit}, mặt bằng giá cơ bản ổn định, nguồn cung hàng hóa dồi dào.",
            "Các bộ, ngành theo dõi sát diễn biến giá để có giải pháp điều hành phù hợp.",
            "Ủy ban Chứng khoán Nhà nước tăng cường thanh tra, giám sát hoạt động giao dịch.",
            "Quy mô vốn hóa thị trường cổ phiếu tương đương {pct} GDP.",
            "Việc điều chỉnh giá dịch vụ công được thực hiện theo lộ trình, tránh gây áp lực lạm "
            "phát.",
            "Doanh nghiệp phát hành trái phiếu phải công bố thông tin đầy đủ, minh bạch.",
        ),
    ),
}
