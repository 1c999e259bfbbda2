"""Vocabulary of ICT-ministry (mic.gov.vn) and Party-newspaper (dangcongsan.vn) news.

Two more domains for govtext.NewsGen, in govvocab's shapes: a topic is (titles, sapos,
sentences); the per-domain tables are merged into govvocab's. Party documents are never cited
by number ("19-NQ/TW" is no state document symbol): the texts name them in words.
"""

from __future__ import annotations

from replica.ministryvocab import Topic

ICT_TOPICS: dict[str, Topic] = {
    "buu_chinh": (
        (
            "Bưu chính Việt Nam đẩy mạnh chuyển đổi số, phát triển thương mại điện tử",
            "Sản lượng bưu gửi {period} năm {year} tăng mạnh",
            "Triển khai mã địa chỉ bưu chính gắn với bản đồ số tại {prov}",
        ),
        (
            "Doanh thu lĩnh vực bưu chính {period} năm {year} đạt {money_big}, tăng {pct_low} so "
            "với cùng kỳ.",
            "Mạng bưu chính công cộng tiếp tục giữ vai trò hạ tầng quan trọng phục vụ người dân.",
        ),
        (
            "Theo {unit}, sản lượng bưu gửi {period} đạt hơn {big} triệu bưu gửi.",
            "Hoạt động bưu chính gắn với thương mại điện tử chiếm phần lớn sản lượng.",
            "Các doanh nghiệp bưu chính được khuyến khích đầu tư trung tâm khai thác tự động.",
            "Mã bưu chính quốc gia được chuẩn hóa, kết nối với cơ sở dữ liệu địa chỉ số.",
            "Hệ thống điểm phục vụ bưu chính tiếp tục được duy trì tại các xã vùng sâu, vùng xa.",
            "Dịch vụ bưu chính công ích được cung ứng đúng chất lượng, giá cước theo quy định.",
            "Thời gian toàn trình của bưu gửi nội tỉnh được rút ngắn còn {hours} giờ.",
            "Doanh nghiệp bưu chính đã số hóa quy trình nhận, phát, theo dõi bưu gửi theo thời "
            "gian thực.",
        ),
    ),
    "vien_thong": (
        (
            "Phủ sóng di động 5G tại {prov} năm {year}",
            "Thu hồi kho số viễn thông, xử lý thuê bao sai thông tin",
            "Hội nghị triển khai nhiệm vụ ngành viễn thông năm {year}",
        ),
        (
            "Đến nay đã có {big} trạm phát sóng 5G được lắp đặt, tỷ lệ phủ sóng đạt {pct}.",
            "Các doanh nghiệp viễn thông được yêu cầu chuẩn hóa thông tin thuê bao trước ngày "
            "{later}.",
        ),
        (
            "Theo {unit}, tốc độ truy cập Internet di động trung bình tiếp tục tăng.",
            "Các nhà mạng đã chuẩn hóa thông tin của {big} nghìn thuê bao.",
            "Hạ tầng viễn thông băng rộng được phát triển đồng bộ, phục vụ chuyển đổi số.",
            "Việc dùng chung hạ tầng giữa các doanh nghiệp giúp tiết kiệm chi phí đầu tư.",
            "Đến nay, {num} xã vùng lõm sóng đã được phủ sóng di động.",
            "Doanh thu dịch vụ viễn thông {period} ước đạt {money_big}.",
            "Cơ quan quản lý sẽ đấu giá quyền sử dụng tần số cho các băng tần mới.",
            "Người dùng được khuyến cáo không cung cấp thông tin cá nhân qua các cuộc gọi lạ.",
        ),
    ),
    "chuyen_doi_so": (
        (
            "Đẩy mạnh chuyển đổi số quốc gia, phát triển chính phủ số",
            "{prov} công bố Chỉ số chuyển đổi số năm {year}",
            "Nền tảng số quốc gia phục vụ người dân, doanh nghiệp",
        ),
        (
            "{date}, {person} chủ trì hội nghị đánh giá kết quả chuyển đổi số {period} năm {year}.",
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt {pct}, vượt chỉ tiêu đề ra.",
        ),
        (
            "Theo {unit}, {num} nền tảng số quốc gia đã được đưa vào vận hành.",
            "Cơ sở dữ liệu quốc gia về dân cư được kết nối, chia sẻ với các bộ, ngành.",
            "Các địa phương cần bố trí đủ nguồn lực cho chuyển đổi số, ưu tiên dữ liệu dùng chung.",
            "Kỹ năng số cho người dân được phổ cập qua các tổ công nghệ số cộng đồng.",
            "Doanh nghiệp công nghệ số Việt Nam được khuyến khích làm chủ công nghệ lõi.",
            "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử đạt {pct}.",
            "Hệ thống báo cáo của Chính phủ đã kết nối với các bộ, ngành và địa phương.",
            "Dữ liệu mở được công bố trên cổng dữ liệu quốc gia để người dân khai thác.",
        ),
    ),
    "an_toan_thong_tin": (
        (
            "Cảnh báo chiến dịch lừa đảo trực tuyến mạo danh cơ quan nhà nước",
            "Diễn tập thực chiến bảo đảm an toàn thông tin mạng năm {year}",
            "Xử lý {num} sự cố tấn công mạng vào hệ thống thông tin tại Việt Nam",
        ),
        (
            "Người dân cần cảnh giác trước các tin nhắn, cuộc gọi yêu cầu cung cấp mã xác thực.",
            "Các hệ thống thông tin quan trọng phải được giám sát an toàn thông tin 24/7.",
        ),
        (
            "Theo {unit}, {period} đã ghi nhận {big} cảnh báo lừa đảo trực tuyến.",
            "Các cơ quan cần triển khai mô hình bảo vệ bốn lớp cho hệ thống thông tin.",
            "Phần lớn sự cố xuất phát từ việc người dùng mở tệp đính kèm không rõ nguồn gốc.",
            "Diễn tập giúp các đội ứng cứu sự cố nâng cao năng lực phối hợp xử lý.",
            "Người dân có thể phản ánh dấu hiệu lừa đảo qua cổng cảnh báo an toàn thông tin.",
            "Các hệ thống thông tin phải được phân loại cấp độ và phê duyệt phương án bảo vệ.",
            "Số vụ tấn công có chủ đích vào các cơ quan nhà nước giảm so với cùng kỳ.",
            "Doanh nghiệp an toàn thông tin trong nước đã cung cấp {num} sản phẩm cho thị trường.",
        ),
    ),
}
PARTY_TOPICS: dict[str, Topic] = {
    "xay_dung_dang": (
        (
            "Hội nghị học tập, quán triệt Nghị quyết Trung ương tại {prov}",
            "Ủy ban Kiểm tra Tỉnh ủy {prov} tổng kết công tác kiểm tra, giám sát năm {year}",
            "Nâng cao chất lượng sinh hoạt chi bộ ở cơ sở",
        ),
        (
            "{date}, Tỉnh ủy tổ chức hội nghị trực tuyến đến {num} điểm cầu cơ sở.",
            "Công tác xây dựng, chỉnh đốn Đảng được triển khai đồng bộ, có trọng tâm.",
        ),
        (
            "Dự hội nghị có {person} cùng đông đảo cán bộ, đảng viên.",
            "Các cấp ủy đã kiểm tra {num} tổ chức đảng và {big} đảng viên.",
            "Việc học tập nghị quyết phải gắn với xây dựng chương trình hành động cụ thể.",
            "Sinh hoạt chi bộ cần đổi mới nội dung, tăng tính lãnh đạo, tính giáo dục.",
            "Công tác phát triển đảng viên mới trong {period} đạt {pct} kế hoạch.",
            "Các tổ chức cơ sở đảng được đánh giá, xếp loại thực chất hơn.",
            "Công tác cán bộ được thực hiện đúng nguyên tắc, quy trình, công khai, minh bạch.",
            "Việc tiếp thu ý kiến góp ý của Nhân dân được thực hiện nghiêm túc.",
        ),
    ),
    "thoi_su": (
        (
            "Đoàn công tác Trung ương làm việc với Ban Thường vụ Tỉnh ủy {prov}",
            "Kỷ niệm ngày thành lập Đảng bộ tỉnh {prov}",
            "Gặp mặt đại biểu người có uy tín trong đồng bào dân tộc thiểu số",
        ),
        (
            "{date}, {person} dẫn đầu đoàn công tác làm việc về tình hình thực hiện nhiệm vụ năm "
            "{year}.",
            "Tỉnh ủy đánh giá kết quả lãnh đạo phát triển kinh tế - xã hội {period} năm {year}.",
        ),
        (
            "Tăng trưởng kinh tế của tỉnh {period} ước đạt {pct_low} so với cùng kỳ.",
            "Đoàn công tác ghi nhận, biểu dương những kết quả địa phương đạt được.",
            "Địa phương cần chăm lo đời sống của Nhân dân, nhất là vùng đồng bào dân tộc thiểu số.",
            "Công tác quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội ổn định.",
            "Khối đại đoàn kết toàn dân tộc tiếp tục được củng cố, tăng cường.",
            "Các công trình an sinh xã hội được triển khai kịp thời, đúng đối tượng.",
            "Văn hóa, giáo dục, y tế tiếp tục có chuyển biến tích cực.",
            "Đoàn đề nghị tỉnh phát huy tiềm năng, lợi thế để phát triển nhanh và bền vững.",
        ),
    ),
    "kinh_te": (
        (
            "Tháo gỡ khó khăn, thúc đẩy sản xuất kinh doanh tại {prov}",
            "Giải ngân vốn đầu tư công {period} năm {year}",
            "Thu hút đầu tư vào các khu công nghiệp tại {prov}",
        ),
        (
            "Thu ngân sách nhà nước {period} năm {year} đạt {money_big}, bằng {pct} dự toán.",
            "Nhiều dự án lớn đã được khởi công, tạo động lực tăng trưởng mới.",
        ),
        (
            "Giải ngân vốn đầu tư công đạt {pct} kế hoạch được giao.",
            "Các khu công nghiệp đã thu hút {num} dự án với tổng vốn {money_big}.",
            "Doanh nghiệp kiến nghị tiếp tục cải cách thủ tục hành chính về đất đai, đầu tư.",
            "Tỉnh tập trung đầu tư hạ tầng giao thông kết nối vùng.",
            "Kim ngạch xuất khẩu {period} tăng {pct_low} so với cùng kỳ.",
            "Số doanh nghiệp thành lập mới {period} đạt {big}, tăng so với cùng kỳ.",
            "Tỉnh thành lập tổ công tác đặc biệt để tháo gỡ vướng mắc cho các dự án.",
            "Nhiều doanh nghiệp đã mở rộng sản xuất, tạo việc làm cho {big} lao động.",
        ),
    ),
}
GENERIC = {
    "ict": (
        "Thực hiện {doc}, Bộ Thông tin và Truyền thông đã chỉ đạo các đơn vị triển khai quyết "
        "liệt.",
        "Nội dung này đã được quy định tại {doc}.",
        "Phát biểu tại hội nghị, {person} đề nghị các doanh nghiệp chủ động đổi mới sáng tạo.",
        "Bộ sẽ tiếp tục hoàn thiện thể chế, tạo hành lang pháp lý cho kinh tế số phát triển.",
        "Các sở, ngành và địa phương cần phối hợp chặt chẽ trong quá trình thực hiện.",
        "Bên cạnh kết quả đạt được, vẫn còn những hạn chế cần sớm được khắc phục.",
        "Các doanh nghiệp được đề nghị tuân thủ nghiêm các quy định về chất lượng dịch vụ.",
    ),
    "party": (
        "Thực hiện {doc}, các cấp ủy, chính quyền đã vào cuộc quyết liệt.",
        "Phát biểu chỉ đạo, {person} đề nghị tiếp tục nâng cao năng lực lãnh đạo của tổ chức đảng.",
        "Nhiệm vụ này đã được cụ thể hóa tại {doc}.",
        "Các cấp ủy cần phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người "
        "đứng đầu.",
        "Kết quả đạt được là tiền đề quan trọng để thực hiện thắng lợi các mục tiêu năm {year}.",
        "Bên cạnh kết quả đạt được, vẫn còn những hạn chế, khuyết điểm cần khắc phục.",
        "Cán bộ, đảng viên cần tiếp tục nêu cao tinh thần trách nhiệm, đoàn kết, đổi mới.",
    ),
}
CLOSERS = {
    "ict": (
        "Bộ Thông tin và Truyền thông sẽ tiếp tục theo dõi, hướng dẫn việc thực hiện.",
        "Các doanh nghiệp được yêu cầu báo cáo kết quả trước ngày {later}.",
        "Ngành phấn đấu hoàn thành các chỉ tiêu được giao năm {year}.",
    ),
    "party": (
        "Hội nghị đã thống nhất các nhiệm vụ, giải pháp trọng tâm thời gian tới.",
        "Các cấp ủy, tổ chức đảng cần tổ chức thực hiện nghiêm túc, hiệu quả.",
        "Tỉnh ủy sẽ tiếp tục theo dõi, đôn đốc việc thực hiện trong năm {year}.",
    ),
}
BULLETS = {
    "ict": (
        "- Hoàn thiện thể chế cho kinh tế số, xã hội số.",
        "- Phát triển hạ tầng số đồng bộ, hiện đại.",
        "- Bảo đảm an toàn, an ninh mạng.",
        "- Phổ cập kỹ năng số cho người dân.",
    ),
    "party": (
        "- Tăng cường công tác xây dựng, chỉnh đốn Đảng.",
        "- Nâng cao chất lượng sinh hoạt chi bộ.",
        "- Đẩy mạnh công tác kiểm tra, giám sát.",
        "- Chăm lo đời sống vật chất, tinh thần của Nhân dân.",
    ),
}
UNITS = {
    "ict": (
        "Cục Viễn thông", "Cục Bưu điện Trung ương", "Cục An toàn thông tin",
        "Cục Chuyển đổi số quốc gia", "Vụ Bưu chính", "Trung tâm Thông tin",
    ),
    "party": (
        "TTXVN", "Báo Nhân Dân", "Ban Tuyên giáo và Dân vận Trung ương", "Báo Quân đội nhân dân",
        "Đài Tiếng nói Việt Nam", "Ủy ban Kiểm tra Trung ương",
    ),
}  # fmt: skip
POSITIONS = {
    "ict": (
        "Bộ trưởng Bộ Thông tin và Truyền thông", "Thứ trưởng Bộ Thông tin và Truyền thông",
        "Cục trưởng Cục Viễn thông", "Vụ trưởng Vụ Bưu chính",
    ),
    "party": (
        "Ủy viên Bộ Chính trị", "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy",
        "Trưởng Ban Tổ chức Tỉnh ủy",
    ),
}  # fmt: skip
CITATIONS = {
    "ict": (
        ("Thông tư", "{y}/TT-BTTTT", "Bộ Thông tin và Truyền thông"),
        ("Quyết định", "QĐ-BTTTT", "Bộ Thông tin và Truyền thông"),
        ("Nghị định", "{y}/NĐ-CP", "Chính phủ"),
        ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ"),
    ),
    "party": (
        ("Nghị quyết", "NQ-CP", "Chính phủ"),
        ("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ"),
        ("Kế hoạch", "KH-UBND", "Ủy ban nhân dân tỉnh"),
        ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ"),
    ),
}
TAGS = {
    "ict": ("chuyển đổi số", "viễn thông", "bưu chính", "an toàn thông tin", "5G", "dữ liệu"),
    "party": ("xây dựng Đảng", "công tác kiểm tra", "nghị quyết", "cấp ủy", "đảng viên"),
}
TOPICS = {"ict": ICT_TOPICS, "party": PARTY_TOPICS}
