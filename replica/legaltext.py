"""Vocabulary and text of legal documents (văn bản) for the chinhphu.vn document replica."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from replica.govtext import Cite

# (type, number pattern, issuer or None for a ministry, signature lines, share)
KINDS = (
    ("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ", ("TM. CHÍNH PHỦ", "{pm}"), 4),
    ("Quyết định", "{n}/QĐ-TTg", "Thủ tướng Chính phủ", ("{pm}",), 5),
    ("Nghị quyết", "{n}/NQ-CP", "Chính phủ", ("TM. CHÍNH PHỦ", "{pm}"), 2),
    ("Chỉ thị", "{n}/CT-TTg", "Thủ tướng Chính phủ", ("{pm}",), 1),
    ("Thông tư", "{n}/{y}/TT-{code}", None, ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), 3),
)
YEARLY = (180, 1800, 200, 40, 120)  # real yearly volumes: numbers spread up to these
MINISTRIES = (
    ("Bộ Tài chính", "BTC"),
    ("Bộ Y tế", "BYT"),
    ("Bộ Tư pháp", "BTP"),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT"),
    ("Bộ Công Thương", "BCT"),
    ("Bộ Xây dựng", "BXD"),
    ("Bộ Nội vụ", "BNV"),
)
# Fictional office holders: (until, name) for the head of government, then deputies/ministers.
PRIME_MINISTERS = ((date(2021, 4, 5), "Lê Minh Khang"), (date(2099, 1, 1), "Phạm Quốc Toàn"))
DEPUTIES = ("Trần Hữu Nghĩa", "Đặng Thị Thu Vân", "Võ Văn Phúc", "Nguyễn Hoàng Long")
VICE_MINISTERS = ("Bùi Quang Hải", "Hoàng Thị Minh Hạnh", "Đỗ Xuân Sơn", "Phan Công Tùng")
# Real laws, cited as the legal basis: (name, number, date).
LAWS = (
    ("Luật Tổ chức Chính phủ", "76/2015/QH13", date(2015, 6, 19)),
    ("Luật Ban hành văn bản quy phạm pháp luật", "80/2015/QH13", date(2015, 6, 22)),
    ("Luật Xử lý vi phạm hành chính", "15/2012/QH13", date(2012, 6, 20)),
    ("Luật Ngân sách nhà nước", "83/2015/QH13", date(2015, 6, 25)),
    ("Luật Quản lý thuế", "38/2019/QH14", date(2019, 6, 13)),
    ("Luật Đầu tư công", "39/2019/QH14", date(2019, 6, 13)),
    ("Luật Bảo vệ môi trường", "72/2020/QH14", date(2020, 11, 17)),
    ("Luật Khám bệnh, chữa bệnh", "15/2023/QH15", date(2023, 1, 9)),
)
FIELDS = (
    "giao thông đường bộ",
    "bảo vệ môi trường",
    "khám bệnh, chữa bệnh",
    "thuế, hóa đơn",
    "quản lý giá",
    "an toàn thực phẩm",
    "giáo dục nghề nghiệp",
    "văn hóa, thể thao và du lịch",
)
SUBJECTS = {
    "Nghị định": (
        "Quy định xử phạt vi phạm hành chính trong lĩnh vực {field}",
        "Quy định chi tiết một số điều của {law}",
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {ministry}",
        "Sửa đổi, bổ sung một số điều của các nghị định trong lĩnh vực {field}",
    ),
    "Quyết định": (
        "Phê duyệt Chiến lược phát triển {field} đến năm 2030, tầm nhìn đến năm 2045",
        "Phê duyệt Đề án chuyển đổi số trong lĩnh vực {field} giai đoạn {y}-{y5}",
        "Ban hành Kế hoạch triển khai thi hành {law}",
        "Thành lập Ban Chỉ đạo quốc gia về {field}",
    ),
    "Nghị quyết": (
        "Về phiên họp Chính phủ thường kỳ tháng {m} năm {y}",
        "Về những nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội",
        "Về cắt giảm, đơn giản hóa thủ tục hành chính trong lĩnh vực {field}",
    ),
    "Chỉ thị": (
        "Về tăng cường công tác quản lý nhà nước về {field}",
        "Về đẩy mạnh giải ngân vốn đầu tư công năm {y}",
        "Về tổ chức Tết Nguyên đán {y1} an toàn, tiết kiệm",
    ),
    "Thông tư": (
        "Hướng dẫn thực hiện một số nội dung về {field}",
        "Quy định chế độ báo cáo thống kê ngành {field}",
        "Sửa đổi, bổ sung một số điều của các thông tư về {field}",
    ),
}
CLAUSES = (  # (heading of the article, its text)
    (
        "Đối tượng áp dụng",
        "{Kind} này áp dụng đối với cơ quan, tổ chức, cá nhân có liên quan đến {field}.",
    ),
    (
        "Trách nhiệm của các bộ, ngành và địa phương",
        "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh có trách nhiệm hướng dẫn, kiểm tra "
        "việc thực hiện {Kind} này trong phạm vi quản lý.",
    ),
    (
        "Kinh phí thực hiện",
        "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và "
        "các nguồn hợp pháp khác.",
    ),
    (
        "Nguyên tắc thực hiện",
        "Việc tổ chức thực hiện phải bảo đảm công khai, minh bạch, đúng quy định của pháp luật.",
    ),
    (
        "Xử lý vướng mắc",
        "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về "
        "{ministry} để tổng hợp, báo cáo cấp có thẩm quyền xem xét, quyết định.",
    ),
    (
        "Chế độ báo cáo",
        "Định kỳ hằng năm, các cơ quan báo cáo kết quả thực hiện trước ngày 15 tháng 12.",
    ),
)
EDIT_CLAUSE = (
    "Kết nối, chia sẻ dữ liệu",
    "Các cơ quan có liên quan kết nối, chia sẻ dữ liệu qua Nền tảng tích hợp, chia sẻ dữ liệu "
    "quốc gia.",
)
DIRECTIVE_ORDERS = (
    "1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ khẩn trương rà soát, hoàn thiện thể "
    "chế thuộc phạm vi quản lý.",
    "2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chỉ đạo quyết liệt, "
    "kịp thời tháo gỡ khó khăn, vướng mắc tại địa phương.",
    "3. Các cơ quan thông tấn, báo chí đẩy mạnh công tác thông tin, tuyên truyền.",
    "4. Văn phòng Chính phủ theo dõi, đôn đốc, báo cáo Thủ tướng Chính phủ kết quả thực hiện.",
)


@dataclass(frozen=True)
class DocHead:
    """What a document list row and citation need: cheap, no body."""

    kind: str
    number: str
    issuer: str
    ministry: str
    day: date
    subject: str
    signer: str
    signature: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.kind} {self.number} {self.subject[0].lower()}{self.subject[1:]}"

    def cite(self) -> Cite:
        return Cite(self.kind, self.number, self.issuer, self.day)

    def effective(self) -> date:
        return self.day + timedelta(days=45) if self.kind in ("Nghị định", "Thông tư") else self.day


def make_head(rng: random.Random, kind_index: int, serial: int, day: date) -> DocHead:
    kind, pattern, issuer, signature, _ = KINDS[kind_index]
    ministry, code = rng.choice(MINISTRIES)
    subject = rng.choice(SUBJECTS[kind]).format(
        field=rng.choice(FIELDS),
        law=rng.choice([name for name, _, d in LAWS if d < day] or ["Luật Tổ chức Chính phủ"]),
        ministry=ministry,
        y=day.year,
        y5=day.year + 5,
        y1=day.year + 1,
        m=max(1, day.month - 1),
    )
    pm = next(name for until, name in PRIME_MINISTERS if day < until)
    if rng.random() < 0.4:
        signer, lines = rng.choice(DEPUTIES), ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG")
    else:
        signer, lines = pm, ("THỦ TƯỚNG",)
    if issuer is None:  # a ministry's circular, signed by a vice-minister
        issuer, signer, lines = ministry, rng.choice(VICE_MINISTERS), ()
    shown = tuple(line for s in signature for line in (lines if s == "{pm}" else (s,)))
    number = pattern.format(n=serial, y=day.year, code=code)
    return DocHead(kind, number, issuer, ministry, day, subject, signer, (*shown, signer))


def _long_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def doc_body(
    rng: random.Random, head: DocHead, earlier: list[DocHead], *, edited: bool
) -> tuple[list[str], list[Cite]]:
    """Paragraphs of the document and the documents they cite, in reading order."""
    paragraphs: list[str] = []
    cites: list[Cite] = []
    laws = [law for law in LAWS if law[2] < head.day]
    field = rng.choice(FIELDS)
    fill = {"Kind": head.kind, "field": field, "ministry": head.ministry}
    if head.kind == "Chỉ thị":
        paragraphs.append(
            f"Thời gian qua, công tác {field} đã đạt được nhiều kết quả quan trọng, tuy nhiên vẫn "
            "còn những tồn tại, hạn chế cần khắc phục."
        )
        for other in earlier[:1]:
            paragraphs.append(f"Tiếp theo {other.cite().text(1)}, Thủ tướng Chính phủ yêu cầu:")
            cites.append(other.cite())
        if not earlier:
            paragraphs.append("Thủ tướng Chính phủ yêu cầu:")
        paragraphs += list(DIRECTIVE_ORDERS[: rng.randint(2, 4)])
        if edited:
            paragraphs.insert(len(paragraphs) - 1, EDIT_CLAUSE[1])
        return paragraphs, cites
    for name, number, day in rng.sample(laws, min(len(laws), rng.randint(1, 2))):
        paragraphs.append(f"Căn cứ {name} số {number} {_long_date(day)};")
        # "Căn cứ Luật … số …" names no issuer; the truth records what the text says.
        cites.append(Cite("Luật", number, None, day))
    for other in earlier:
        subject = other.subject[0].lower() + other.subject[1:]
        paragraphs.append(
            f"Căn cứ {other.kind} số {other.number} {_long_date(other.day)} của {other.issuer} "
            f"{subject};"
        )
        cites.append(other.cite())
    proposer = "Vụ trưởng Vụ Pháp chế" if head.kind == "Thông tư" else f"Bộ trưởng {head.ministry}"
    paragraphs.append(f"Theo đề nghị của {proposer};")
    subject = head.subject[0].lower() + head.subject[1:]
    enact = {
        "Nghị định": f"Chính phủ ban hành Nghị định {subject}.",
        "Quyết định": "QUYẾT ĐỊNH:",
        "Nghị quyết": "QUYẾT NGHỊ:",
        "Thông tư": f"Bộ trưởng {head.ministry} ban hành Thông tư {subject}.",
    }
    paragraphs.append(enact[head.kind])
    clauses = rng.sample(CLAUSES, rng.randint(2, 4))
    if edited:
        clauses.append(EDIT_CLAUSE)
    for n, (heading, clause) in enumerate(clauses, 1):
        paragraphs.append(f"Điều {n}. {heading}")
        paragraphs.append(clause.format(**fill))
    effective = head.effective()
    n = len(clauses) + 1
    paragraphs.append(f"Điều {n}. Hiệu lực thi hành")
    if effective == head.day:
        paragraphs.append(f"{head.kind} này có hiệu lực thi hành kể từ ngày ký ban hành.")
    else:
        paragraphs.append(f"{head.kind} này có hiệu lực thi hành kể từ {_long_date(effective)}.")
    paragraphs.append(f"Điều {n + 1}. Trách nhiệm thi hành")
    paragraphs.append(
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ "
        f"tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành "
        f"{head.kind} này./."
    )
    return paragraphs, cites
