"""The public SQL endpoint cannot starve other requests or take the server's memory; search
survives a crawl writing meanwhile; an archive in a read-only folder is served and read."""

from __future__ import annotations

import asyncio
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from datasette.app import Datasette

from archive.rank import idf
from archive.scan import estimate_matches
from archive.web import make_datasette
from tests.helpers import ROOT, free_port, wait_for_http
from tests.web_archive import fixture_archive

# Datasette on a copy of the demo archive (a crawl of every twin).
pytestmark = pytest.mark.slow

SLOW_SQL = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_archive(tmp_path_factory, "limits", trap="http://127.0.0.1:9")


@pytest.fixture(scope="module")
def ds(db_path: Path) -> Datasette:
    datasette = make_datasette(db_path)
    asyncio.run(datasette.invoke_startup())
    return datasette


def sql(ds: Datasette, query: str) -> httpx.Response:
    return asyncio.run(
        ds.client.get(
            f"/{Path(ds.get_database().path).stem}.json", params={"sql": query, "_shape": "array"}
        )
    )


def test_slow_arbitrary_queries_leave_other_pages_answering(ds: Datasette) -> None:
    name = ds.get_database().name

    async def scenario() -> tuple[list[int], float, int]:
        slow = [
            asyncio.create_task(ds.client.get(f"/{name}.json", params={"sql": SLOW_SQL}))
            for _ in range(4)
        ]
        await asyncio.sleep(0.3)  # the slow ones hold their threads now
        started = time.perf_counter()
        page = await ds.client.get(f"/{name}/articles.json", params={"_size": "5"})
        elapsed = time.perf_counter() - started
        return [r.status_code for r in await asyncio.gather(*slow)], elapsed, page.status_code

    statuses, elapsed, status = asyncio.run(scenario())
    assert status == 200
    assert elapsed < 1.5, elapsed  # not queued behind three 3-second queries
    assert statuses.count(503) >= 2  # beyond two at once, arbitrary SQL is told to retry


def test_huge_values_are_refused_not_allocated(ds: Datasette) -> None:
    response = sql(ds, "select length(zeroblob(200000000)) as n")
    assert response.status_code == 400
    assert "too big" in response.text
    assert sql(ds, "select length(zeroblob(1000)) as n").json() == [{"n": 1000}]


# The refusal is an exception in an SQL function, which sqlite3 reports as unraisable
# (Datasette turns its callback tracebacks on): expected here.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_fold_of_a_huge_argument_is_refused_at_once(ds: Datasette) -> None:
    started = time.perf_counter()
    response = sql(ds, "select length(fold(printf('%.*c', 5000000, 'x'))) as n")
    assert response.status_code == 400 and time.perf_counter() - started < 1.0
    assert sql(ds, "select fold('Đồng Tháp') as f").json() == [{"f": "dong thap"}]
    # A long article's text folds (an analyst's fold(body_text) LIKE …).
    long_text = "select length(fold(printf('%.*c', 300000, 'x'))) as n"
    assert sql(ds, long_text).json() == [{"n": 300000}]


@pytest.mark.parametrize(("matches", "total"), [(12, 10), (10, 10), (0, 0), (3, 1000)])
def test_idf_never_fails_on_counts_read_apart(matches: int, total: int) -> None:
    # A crawl adding articles between the total and the term count made n > N: log(<0).
    assert idf(matches, total) >= 1e-6 and math.isfinite(idf(matches, total))


def test_estimated_matches_never_exceed_the_total() -> None:
    assert estimate_matches([25, 24, 23], 20) <= 20


def test_search_reads_one_snapshot_while_a_crawl_writes(db_path: Path, tmp_path: Path) -> None:
    from archive.query import parse_query
    from archive.search import run_search

    copy = tmp_path / "archive.db"
    shutil.copy(db_path, copy)
    reader = sqlite3.connect(copy)
    writer = sqlite3.connect(copy)
    seen: list[int] = []
    original = reader.execute

    def spy_execute(sql: str, *args: object) -> sqlite3.Cursor:
        # Between the reads, a crawl archives articles: the search must not see them.
        if "articles_fts MATCH" in sql and not seen:
            seen.append(1)
            writer.execute(
                "INSERT INTO articles (url, title, body_text, search_folded) "
                "SELECT url || '#copy', title, body_text, search_folded "
                "FROM articles"
            )
            writer.commit()
        return original(sql, *args)

    class Spy:
        def __getattr__(self, name: str) -> object:
            return getattr(reader, name)

        execute = staticmethod(spy_execute)

    result = run_search(Spy(), parse_query("binh dang gioi"))  # type: ignore[arg-type]
    assert seen and result.total >= 1
    assert not reader.in_transaction


@pytest.fixture
def read_only_archive(db_path: Path) -> Iterator[tuple[Path, dict]]:
    """The archive in a folder nobody can write: a read-only tmpfs as root (permission bits do
    not stop root), a folder without write permission otherwise."""
    folder = Path(tempfile.mkdtemp(prefix="govarchive-ro-"))
    mounted = False
    try:
        if os.geteuid() == 0:
            mount = ["mount", "-t", "tmpfs", "-o", "size=200m", "tmpfs", str(folder)]
            if subprocess.run(mount, capture_output=True).returncode != 0:
                pytest.skip("cannot mount a read-only folder here")
            mounted = True
        shutil.copy(db_path, folder / "archive.db")
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)
        yield folder / "archive.db", {}
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_read_only_commands_and_serve_in_a_read_only_folder(read_only_archive) -> None:
    archive, as_reader = read_only_archive
    before = sorted(p.name for p in archive.parent.iterdir())
    env = {**os.environ, "HOME": "/tmp", "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (["status"], ["export", "--format", "jsonl", "-o", "/dev/null"]):
        result = subprocess.run(
            [sys.executable, "-m", "crawler.cli", *args, "--db", str(archive)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            **as_reader,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(archive), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **as_reader,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/", server)
        for path in ("/", "/-/search?q=binh+dang+gioi", "/-/health", "/archive/articles"):
            assert httpx.get(base + path, timeout=30).status_code == 200, path
    finally:
        server.terminate()
        server.wait(10)
    assert sorted(p.name for p in archive.parent.iterdir()) == before  # nothing written
