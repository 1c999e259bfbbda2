"""Archives for the web tests: the demo crawl of every replica site, plus marked fixture rows
(an edited and a removed article, crawl health, a hostile article) inserted directly."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.fold import fold
from archive.schema import migrate
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import SEED_TITLE, free_port, run_govarchive

SEED_AGENCY = "Cục Thi hành án dân sự tỉnh Đồng Tháp"
BROKEN_SITE = "replica-broken"
HOSTILE_URL = "https://hostile.invalid/tin-tuc/bai-doc-hai.html"
DEMO_ARTICLES = 45  # what `govarchive demo` puts on each replica site
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script> Tin độc hại về bình đẳng giới"


@dataclass(frozen=True)
class Demo:
    """What one `govarchive demo --no-serve` left: its folder (archive, WARC files), the port
    its replica answered on (the archive's URLs name it) and what it printed."""

    folder: Path
    port: int
    stdout: str

    @property
    def db(self) -> Path:
        return self.folder / "demo.db"

    def copy(self, to: Path) -> Path:
        """A copy of the demo's folder at `to`; the copy's archive."""
        shutil.copytree(self.folder, to)
        return to / "demo.db"


def shared_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's temporary folder that every pytest-xdist worker of the run shares (the
    parent of the workers' own), or the session's own without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


@contextmanager
def demo_lock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Held while the shared demo is built, and while a replica answers on its port (every
    worker's tests use the same demo, so only one of them at a time may serve that port)."""
    folder = shared_temp(tmp_path_factory)
    with (folder / "plain-demo.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def plain_demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """`govarchive demo --no-serve` of all replica sites, run once per test run by whichever
    worker asks first (the demo tests and the web archive start from it) and never modified:
    copy it, and serve a replica on its port only under `demo_lock`."""
    with demo_lock(tmp_path_factory) as shared:
        folder = shared / "plain-demo"
        printed, port_file = shared / "plain-demo.out", shared / "plain-demo.port"
        if not printed.exists():  # written last: a folder without it is a failed try's
            shutil.rmtree(folder, ignore_errors=True)
            port = free_port()
            result = run_govarchive(
                "demo", "--no-serve", "--db", str(folder / "demo.db"), "--replica-port", str(port)
            )
            assert result.returncode == 0, result.stderr[-3000:]
            port_file.write_text(str(port))
            printed.write_text(result.stdout, encoding="utf-8")
    return Demo(folder, int(port_file.read_text()), printed.read_text(encoding="utf-8"))


def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's archive of all replica sites, then two full re-crawls of the seed's site
    after the replica edited one article and removed one (a real second version and a real
    removal mark), built once per test run (the web and browser tests share it) and never
    modified: copy it."""
    demo = plain_demo(tmp_path_factory)
    with demo_lock(tmp_path_factory) as shared:
        done = shared / "demo-archive"
        if done.exists():
            return done / "demo.db"
        building = shared / "demo-archive.building"  # renamed when whole
        shutil.rmtree(building, ignore_errors=True)
        path = demo.copy(building)
        changed = SiteConfig(articles=DEMO_ARTICLES, edits=1, remove=1)
        with ReplicaServer(port=demo.port, config=changed) as replica:
            for _ in range(2):  # a removal is marked at the second 404/410 in a row
                result = run_govarchive(
                    "crawl",
                    "replica-thads-dongthap",
                    "--full",
                    "--db",
                    str(path),
                    "--replica-url",
                    replica.url,
                )
                assert result.returncode == 0, result.stderr[-3000:]
        building.rename(done)
    return done / "demo.db"


def now_utc(days_ago: float = 0) -> str:
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return moment.isoformat(timespec="seconds")


def hostile_body(trap: str) -> str:
    """Everything a page could try in order to run a script or load a resource from `trap`."""
    return "\n".join(
        [
            "<p>Bài viết độc hại <script>window.__pwned = 'script'; "
            f"fetch('{trap}/f')</script></p>",
            f"<img src='{trap}/img.gif' onerror=\"window.__pwned = 'onerror'\">",
            "<p><a href=\"javascript:window.__pwned = 'href'\">bấm vào đây</a>",
            "<a href=' JaVaScRiPt:window.__pwned=1'>x</a> <a href='data:text/html,<b>x'>d</a></p>",
            f"<div style='background:url({trap}/bg.png);position:fixed;top:0;left:0;"
            "width:100%;height:100%'>phủ kín trang</div>",
            f"<style>@import url({trap}/import.css); "
            f"body {{ background: url({trap}/b.png) }}</style>",
            f"<svg onload=\"window.__pwned = 'svg'\"><image href='{trap}/svg.png'/></svg>",
            f"<iframe src='{trap}/frame'></iframe><object data='{trap}/object'></object>",
            f"<embed src='{trap}/embed'><link rel='stylesheet' href='{trap}/link.css'>",
            f"<meta http-equiv='refresh' content='0;url={trap}/refresh'>",
            f"<form action='{trap}/form'><input type='image' src='{trap}/input.png'></form>",
            f"<base href='{trap}/'><video src='{trap}/v.mp4' poster='{trap}/poster.png'></video>",
            "<p onmouseover=\"window.__pwned = 'mouse'\">di chuột qua đây</p>",
            f"<math><mtext><table><mglyph><style><img src='{trap}/mxss.png' onerror='alert(1)'>",
            f"<noscript><p title=\"</noscript><img src='{trap}/ns.png' onerror='alert(1)'>\">",
            "</noscript><p>Đoạn cuối về bình đẳng giới.</p>",
        ]
    )


def add_fixture_rows(db_path: Path, trap: str = "http://127.0.0.1:9") -> dict[str, str]:
    """Rows a crawl of the replica cannot make, marked as fixtures: the seed article with an
    earlier version whose words are known (the replica never edits the real seed text), a
    broken site's failed run and fetches, and a hostile article whose every field tries to run
    a script or load `trap`. The edit and removal the replica made are real (demo_archive)."""
    db = Database(db_path)
    migrate(db)
    seed = next(db.query("SELECT * FROM articles WHERE title = ?", [SEED_TITLE]))
    removed = next(db.query("SELECT url FROM articles WHERE removed_at IS NOT NULL"))["url"]
    with db.atomic():
        # Fixture: the seed article as first seen (version 1) and as edited (version 2).
        db.execute("DELETE FROM article_versions WHERE article_url = ?", [seed["url"]])
        first = seed["body_text"].replace("Nhằm thu hút", "Để thu hút", 1)
        for version, body, days in ((1, first, 20), (2, seed["body_text"], 1)):
            db.table("article_versions").insert(
                {
                    "article_url": seed["url"],
                    "version": version,
                    "content_hash": f"fixture-{version}",
                    "fetched_at": now_utc(days),
                    "title": seed["title"],
                    "published": seed["published"],
                    "author_unit": seed["author_unit"] if version == 2 else None,
                    "body_text": body,
                    "extractor_version": seed["extractor_version"],
                }
            )
        # Fixture: a site whose last run failed, with failed fetches and no articles.
        run_id = (
            db.table("crawl_runs")
            .insert(
                {
                    "site": BROKEN_SITE,
                    "mode": "incremental",
                    "started_at": now_utc(0.1),
                    "finished_at": now_utc(0.05),
                    "status": "failed",
                    "requests": 3,
                    "failures": 3,
                }
            )
            .last_pk
        )
        db.table("fetches").insert_all(
            {
                "run_id": run_id,
                "url": f"http://127.0.0.1:9/broken/{n}",
                "method": "GET",
                "kind": "listing",
                "status": 503,
                "fetched_at": now_utc(0.1),
            }
            for n in range(3)
        )
        # Fixture: a hostile article (a crawl cannot make one: the extractor sanitizes).
        body_text = "<script>window.__pwned = 'text'</script> Nội dung về bình đẳng giới."
        db.table("articles").insert(
            {
                "url": HOSTILE_URL,
                "site": "replica-hostile",
                "agency": "Cơ quan <b>giả mạo</b>",
                "family": "hostile",
                "title": HOSTILE_TITLE,
                "published": "2024-05-01",
                "year": 2024,
                "month": "2024-05",
                "author_unit": "<img src=x onerror=alert(1)>",
                "body_text": body_text,
                "body_html": hostile_body(trap),
                "summary": "<b onclick=alert(1)>tóm tắt</b>",
                "source_url": "javascript:alert(1)",
                "fetched_at": now_utc(),
                "first_seen": now_utc(),
                "last_seen": now_utc(),
                "extractor_version": "<i>0.1.0</i>",
                "category": "<script>x</script>",
                "search_folded": fold(f"{HOSTILE_TITLE}\n{body_text}"),
            }
        )
        db.table("images").insert(
            {
                "article_url": HOSTILE_URL,
                "position": 0,
                "url": "javascript:alert(1)",
                "caption": "<img src=x onerror=alert(2)>",
            }
        )
        db.table("attachments").insert(
            {
                "article_url": HOSTILE_URL,
                "position": 0,
                "url": f"{trap}/file.pdf",
                "name": "<svg onload=alert(3)>",
                "type": "pdf",
            }
        )
        db.table("cited_documents").insert(
            {
                "article_url": HOSTILE_URL,
                "position": 0,
                "number": "<script>alert(4)</script>",
                "type": "Nghị định",
            }
        )
        db.table("article_versions").insert_all(
            {
                "article_url": HOSTILE_URL,
                "version": n,
                "content_hash": f"hostile-{n}",
                "fetched_at": now_utc(3 - n),
                "title": HOSTILE_TITLE,
                "body_text": body_text + "<img src=x onerror=alert(5)>" * n,
            }
            for n in (1, 2)
        )
    db.close()
    return {"seed": seed["url"], "removed": removed, "hostile": HOSTILE_URL}


def fixture_archive(tmp_path_factory: pytest.TempPathFactory, name: str, trap: str) -> Path:
    """A copy of the demo archive with the fixture rows, under its own name."""
    path = tmp_path_factory.mktemp(name) / "archive.db"
    shutil.copy(demo_archive(tmp_path_factory), path)
    add_fixture_rows(path, trap)
    return path
