"""`govarchive export` for spreadsheets and `--since` dates, and `govarchive diff` given the
URL as a person copies it, on a small archive made here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.schema import migrate
from crawler.cli_archive import diff, export

KEY = "https://thads.moj.gov.vn/dongthap/noidung/tintuc/lists/tintuc/view_detail.aspx?itemid=24"
AS_SHOWN = (
    "https://thads.moj.gov.vn/dongthap/NoiDung/TinTuc/Lists/TinTuc/View_Detail.aspx?ItemID=24"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    archive = Database(path)
    migrate(archive)
    for index, published in enumerate(["2021-11-09", "2021-11-10T08:00:00+07:00", "2022-01-01"]):
        url = KEY if index == 0 else f"https://x.invalid/{index}"
        archive.table("articles").insert(
            {
                "url": url,
                "source_url": AS_SHOWN if index == 0 else url,
                "site": "s",
                "title": f"Bài số {index} về Đồng Tháp",
                "published": published,
            }
        )
    for version, title in ((1, "Tiêu đề cũ"), (2, "Tiêu đề mới")):
        archive.table("article_versions").insert(
            {
                "article_url": KEY,
                "version": version,
                "title": title,
                "body_text": "Nội dung.",
                "fetched_at": f"2026-01-0{version}T00:00:00+00:00",
            }
        )
    archive.close()
    return path


def run(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_excel_csv_starts_with_a_bom(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    result = run(export, "--db", str(db), "--format", "csv", "--excel", "-o", str(out))
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfurl,") and "Đồng Tháp".encode() in raw
    plain = tmp_path / "plain.csv"
    assert run(export, "--db", str(db), "--format", "csv", "-o", str(plain)).exit_code == 0
    assert plain.read_bytes().startswith(b"url,")
    assert run(export, "--db", str(db), "--format", "jsonl", "--excel").exit_code != 0


def test_since_takes_a_day_and_refuses_what_is_not_one(db: Path) -> None:
    result = run(export, "--db", str(db), "--format", "jsonl", "--since", "2021-11-10")
    assert result.exit_code == 0 and result.output.count('"url"') == 2
    for bad in ("10/11/2021", "yesterday"):
        refused = run(export, "--db", str(db), "--since", bad)
        assert refused.exit_code == 2 and "does not match the format" in refused.output
        assert "Traceback" not in refused.output


@pytest.mark.parametrize("given", [KEY, AS_SHOWN, AS_SHOWN.upper().replace("HTTPS://", "https://")])
def test_diff_finds_the_article_however_its_url_is_written(db: Path, given: str) -> None:
    result = run(diff, given, "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "2 version(s)" in result.output and "Tiêu đề mới" in result.output


def test_diff_of_an_unknown_url_says_so(db: Path) -> None:
    result = run(diff, "https://x.invalid/nothing", "--db", str(db))
    assert result.exit_code == 2 and "no versions of" in result.output
