"""Cited documents: sentence patterns, what is no citation, speed, and the replica's truth."""

from __future__ import annotations

import json
import unicodedata
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest

from crawler.extract.citations import Citation, find_citations
from replica.server import ReplicaServer
from replica.site import SiteConfig

SEED_SENTENCE = (
    "Thực hiện Kế hoạch số 321/KH-UBND ngày 02/11/2021 của Ủy ban nhân dân tỉnh Đồng Tháp, ngày "
    "08/11/2021 Cục THADS đã ban hành Kế hoạch Tháng hành động vì bình đẳng giới năm 2021."
)

# Citations where the replica's truth may state more than its text says (site -> numbers).
# Empty since the replica records exactly what it writes; the test below fails if an entry
# here is ever not needed, so the list cannot silently grow stale.
TRUTH_DATE_NOT_IN_TEXT: dict[str, set[str]] = {}
TRUTH_ISSUER_NOT_IN_TEXT: dict[str, set[str]] = {}
EXCLUDED = {"date": TRUTH_DATE_NOT_IN_TEXT, "issuer": TRUTH_ISSUER_NOT_IN_TEXT}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SEED_SENTENCE,
            [
                Citation(
                    "321/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Đồng Tháp", date(2021, 11, 2)
                )
            ],
        ),
        ("Thực hiện Nghị quyết số 19-2017/NQ-CP.", [Citation("19-2017/NQ-CP", "Nghị quyết")]),
        ("Theo Quyết định 832/QĐ-UBND, tỉnh đã", [Citation("832/QĐ-UBND", "Quyết định")]),
        (
            "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 3/2/2020 của Chính phủ quy định xử phạt",
            [Citation("15/2020/NĐ-CP", "Nghị định", "Chính phủ", date(2020, 2, 3))],
        ),
        (
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25 tháng 06 năm 2015;",
            [Citation("83/2015/QH13", "Luật", None, date(2015, 6, 25))],
        ),
        (
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25 tháng 06 năm 2015 của Quốc "
            "hội;",
            [Citation("83/2015/QH13", "Luật", "Quốc hội", date(2015, 6, 25))],
        ),
        (  # "pháp luật" ends the law's name; it is not a second kind
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;",
            [Citation("80/2015/QH13", "Luật")],
        ),
        (
            "Công văn số 1234/TCTHADS-VP ngày 02/11/2021 của Tổng cục Thi hành án dân sự về việc",
            [
                Citation(
                    "1234/TCTHADS-VP", "Công văn", "Tổng cục Thi hành án dân sự", date(2021, 11, 2)
                )
            ],
        ),
        (
            "Chỉ thị số 24/CT-TTg của Thủ tướng Chính phủ và Kế hoạch số 629/KH-CTHADS của Cục "
            "THADS tỉnh.",
            [
                Citation("24/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ"),
                Citation("629/KH-CTHADS", "Kế hoạch", "Cục THADS tỉnh"),
            ],
        ),
        (
            "Quyết định số 530/QĐ-TCTHADS của Tổng cục trưởng Tổng cục Thi hành án dân sự đã",
            [
                Citation(
                    "530/QĐ-TCTHADS", "Quyết định", "Tổng cục trưởng Tổng cục Thi hành án dân sự"
                )
            ],
        ),
        (
            "Chỉ thị số 5/CT-BTP ngày 2 tháng 3 năm 2021 của Bộ trưởng Bộ Tư pháp hướng dẫn",
            [Citation("5/CT-BTP", "Chỉ thị", "Bộ trưởng Bộ Tư pháp", date(2021, 3, 2))],
        ),
        (
            "Thông tư liên tịch số 11/2016/TTLT-BTP-TANDTC ngày 1/8/2016 của Bộ Tư pháp, Tòa án",
            [
                Citation(
                    "11/2016/TTLT-BTP-TANDTC", "Thông tư liên tịch", "Bộ Tư pháp", date(2016, 8, 1)
                )
            ],
        ),
        (
            "Thông tư số 5/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo hướng dẫn",
            [Citation("5/2021/TT-BGDĐT", "Thông tư", "Bộ Giáo dục và Đào tạo")],
        ),
        (
            "Quyết định số 7/QĐ-VPCP của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ.",
            [Citation("7/QĐ-VPCP", "Quyết định", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")],
        ),
        (
            "Kế hoạch số 3/KH-UBND của Ủy ban nhân dân tỉnh Thừa Thiên Huế và Sở Tư pháp",
            [Citation("3/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Thừa Thiên Huế")],
        ),
        (
            "Quyết định thi hành án số 12/QĐ-CCTHADS ngày 3/4/2021 của Chi cục trưởng Chi cục "
            "THADS huyện Cao Lãnh",
            [
                Citation(
                    "12/QĐ-CCTHADS",
                    "Quyết định",
                    "Chi cục trưởng Chi cục THADS huyện Cao Lãnh",
                    date(2021, 4, 3),
                )
            ],
        ),
        (  # a kind in lower case counts right before its number, and is named capitalised
            "theo công văn số 55/UBND-VX của UBND tỉnh",
            [Citation("55/UBND-VX", "Công văn", "UBND tỉnh")],
        ),
        (  # a date after the issuer is not the issue date; an impossible one is no date
            "Quyết định số 9/QĐ-UBND ngày 31/02/2021 của UBND tỉnh, ngày 5/3/2021 Cục đã",
            [Citation("9/QĐ-UBND", "Quyết định", "UBND tỉnh")],
        ),
        ("Giấy phép số 472/GP-BTTTT.", [Citation("472/GP-BTTTT")]),
        (  # reading order, each number once, the first mention wins
            "Thực hiện Kế hoạch 5/KH-UBND, Nghị định số 15/2020/NĐ-CP và Kế hoạch số 5/KH-UBND "
            "ngày 1/1/2021 của UBND tỉnh",
            [Citation("5/KH-UBND", "Kế hoạch"), Citation("15/2020/NĐ-CP", "Nghị định")],
        ),
    ],
)
def test_find_citations(text: str, expected: list[Citation]) -> None:
    assert find_citations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 17/7/2025, Cục THADS tổ chức hội nghị.",
        "Trụ sở tại số 5 đường Lê Lợi, phường 1.",
        "Điện thoại: 0277.3851234 hoặc 0913 123 456, fax (0277) 385.1235.",
        "Kế hoạch năm 2021 được triển khai từ ngày 15/11- 15/12/2021.",
        "Kế hoạch Tháng hành động vì bình đẳng giới và phòng ngừa bạo lực năm 2021.",
        "Đã thụ lý 1.234 việc, tỷ lệ 85/100 việc, đạt 24/7.",
        "Địa chỉ 12/B Nguyễn Trãi, số nhà 123/4A Lê Lợi.",  # an address, not a document
    ],
)
def test_not_a_citation(text: str) -> None:
    assert find_citations(text) == []


def test_decomposed_text_reads_as_composed() -> None:
    assert find_citations(unicodedata.normalize("NFD", SEED_SENTENCE)) == find_citations(
        SEED_SENTENCE
    )


def test_as_dict_has_iso_date() -> None:
    assert find_citations(SEED_SENTENCE)[0].as_dict() == {
        "number": "321/KH-UBND",
        "type": "Kế hoạch",
        "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
        "date": "2021-11-02",
    }


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (SEED_SENTENCE * (1_000_000 // len(SEED_SENTENCE)), 1),
        (
            "".join(
                f"Căn cứ Quyết định số {n}/QĐ-UBND ngày 2/11/2021 của Chủ tịch Ủy ban nhân dân "
                "tỉnh Đồng Tháp về việc ban hành quy chế. "
                for n in range(8_500)
            ),
            8_500,
        ),
        ("số " * 100_000, 0),
        ("Quyết định " * 100_000, 0),
        ("1/A-B " * 170_000, 0),
        ("1/" + "A" * 1_000_000 + "x", 0),
    ],
    ids=["repeated", "distinct", "so-only", "kinds-only", "bare-symbols", "endless-code"],
)
def test_large_and_pathological_texts_are_read(text: str, count: int) -> None:
    # No timing asserted (it failed on a loaded machine); a backtracking pattern shows as
    # this test's minutes in --durations.
    assert len(find_citations(text)) == count


# The replica's truth -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def truth() -> Iterator[list[dict]]:
    server = ReplicaServer(port=0, config=SiteConfig(articles=30)).start()
    try:
        with urllib.request.urlopen(f"{server.url}/__replica__/truth.jsonl", timeout=30) as r:
            lines = r.read().decode("utf-8").splitlines()
    finally:
        server.stop()
    yield [json.loads(line) for line in lines if line.strip()]


def _excused(record: dict, cited: dict, field: str, found: dict) -> bool:
    """Whether this difference is a listed truth inconsistency the body text confirms."""
    if cited["number"] not in EXCLUDED[field].get(record["site"], ()):
        return False
    body = record["body_text"]
    if field == "date":
        return found["date"] is None and f"{cited['number']} ngày" not in body
    return found["issuer"] is None and f"của {cited['issuer']}" not in body


def test_replica_truth(truth: list[dict]) -> None:
    live = [record for record in truth if record["status"] == "live"]
    assert sum(bool(record["cited_documents"]) for record in live) > len(live) // 2
    matched: dict[str, int] = defaultdict(int)
    articles: dict[str, int] = defaultdict(int)
    problems: list[str] = []
    used: set[tuple[str, str, str]] = set()
    for record in live:
        site = record["site"]
        articles[site] += 1
        found = [c.as_dict() for c in find_citations(record["body_text"])]
        cited = record["cited_documents"]
        if [c["number"] for c in found] != [c["number"] for c in cited]:
            problems.append(
                f"{site} {record['url']}: numbers {[c['number'] for c in found]} "
                f"!= truth {[c['number'] for c in cited]}"
            )
            continue
        clean = True
        for want, got in zip(cited, found, strict=True):
            for field in ("type", "issuer", "date"):
                if want[field] == got[field]:
                    continue
                if field in EXCLUDED and _excused(record, want, field, got):
                    used.add((site, want["number"], field))
                    continue
                clean = False
                problems.append(
                    f"{site} {record['url']} {want['number']}: {field} {got[field]!r} "
                    f"!= truth {want[field]!r}"
                )
        matched[site] += clean
    rates = ", ".join(f"{site} {matched[site]}/{articles[site]}" for site in sorted(articles))
    assert not problems, f"{len(problems)} differences ({rates}):\n" + "\n".join(problems)
    listed = {
        (site, number, field)
        for field, by_site in EXCLUDED.items()
        for site, numbers in by_site.items()
        for number in numbers
    }
    assert listed <= used, f"exclusions no longer needed: {sorted(listed - used)}"
