"""An archive on a read-only mount (root ignores permission bits, so a chmod proves nothing):
served and read as it is; a crawl, an update or a re-extraction into it says why in one line,
and so does a WARC export from a folder without the WARC files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from datasette.utils import tilde_encode

from tests.helpers import ROOT, free_port, run_govarchive, wait_for_http
from tests.reliability.conftest import SITE, Faulty

pytestmark = pytest.mark.slow


@pytest.fixture
def read_only(faulty, tmp_path: Path) -> Iterator[tuple[Faulty, Path, str]]:
    """A crawled 20-article twin's archive and WARC files, copied onto a tmpfs remounted
    read-only (unmounted at teardown), and one archived article's URL; the twin stays up."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    bed = faulty(None, articles=20)
    crawled = bed.crawl()
    assert crawled.returncode == 0, crawled.stdout
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        shutil.copy(bed.db, folder / "archive.db")
        shutil.copytree(bed.db.parent / "warc", folder / "warc")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield bed, folder / "archive.db", crawled.archived()[0]
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_an_archive_on_a_read_only_mount_is_read_and_served(read_only, tmp_path: Path) -> None:
    bed, db, article = read_only
    for args in (
        ["status"],
        ["export", "-o", str(tmp_path / "out.jsonl")],
        ["export", "--format", "warc", "-o", str(tmp_path / "out.warc.gz")],
        ["diff", article],
    ):
        result = run_govarchive(*args, "--db", str(db), timeout=120)
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr[-2000:]}"
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 20
    assert bed.server is not None
    replica = ["--replica-url", bed.server.url]
    for args, why in (
        (["crawl", SITE, *replica], "read-only"),
        (["update", SITE, *replica], "read-only"),
        (["reextract"], "read-only"),
        (["export", "--format", "warc", "--warc-dir", str(tmp_path), "-o", "/dev/null"], "WARC"),
    ):
        result = run_govarchive(*args, "--db", str(db), timeout=120)
        said = (result.stdout + result.stderr).strip()
        assert result.returncode != 0 and "Traceback" not in said, said[-2000:]
        assert len(said.splitlines()) == 1 and why in said, said
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/-/health", server)
        row = f"/archive/articles/{tilde_encode(article)}"
        for path in ("/", "/-/health", "/archive/articles", row):
            assert httpx.get(base + path, timeout=30).status_code == 200, path
    finally:
        server.terminate()
        server.wait(10)
