"""A distributed crawl end to end: a real redis-server, three `govarchive worker` processes on
twins of several sites (two of them on one host), and one `govarchive ingest` writing the
archive; read back from the archive's `articles` and `fetches`."""

from __future__ import annotations

import asyncio
import itertools
import pickle
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis

from archive.warc import (
    Earlier,
    Exchange,
    WarcFile,
    complete_records,
    pack_exchange,
    read_snapshot,
)
from crawler.distributed.connection import RECORDS
from crawler.sites import get_site
from replica.server import ReplicaServer
from replica.site import SiteConfig
from tests.helpers import (
    GOVARCHIVE,
    ROOT,
    Processes,
    free_port,
    read_truth,
    run_govarchive,
    wait_while_running,
)

# A replica set of 3,000 articles: six sites of 500, each on its own host. The twins'
# profiles ask no delay of their own (replicas run on this machine); the replica's
# robots.txt asks a Crawl-delay, which must hold between requests to a host whichever worker
# sends them: short, so that the run takes about a minute, long enough that requests sent at
# once would show. (Two sites on one host are the kill test's: its 1,000 pages here were
# the run's tail, taken one at a time.)
SITES = (
    "replica-thads-dongthap",
    "replica-dongthap-gov",
    "replica-moj",
    "replica-baochinhphu",
    "replica-xaydungchinhsach",
    "replica-thads-new-dongthap",
)
WORKERS = 3
CONFIG = SiteConfig(articles=500)
DELAY = 0.02
# The host's clock stamps (fetched_at, started_at) are rounded to milliseconds.
CLOCK = 0.002


class RedisServer:
    """A redis-server of the system's packages on a free 127.0.0.1 port, its data (an
    append-only file) in `directory`; stop and start again keep the data."""

    def __init__(self, directory: Path) -> None:
        server = shutil.which("redis-server")
        if server is None:
            pytest.fail("redis-server is not installed (make test installs it: apt redis-server)")
        self.command = [server, "--port", str(free_port()), "--bind", "127.0.0.1"]
        self.command += ["--dir", str(directory), "--appendonly", "yes", "--save", ""]
        self.url = f"redis://127.0.0.1:{self.command[2]}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL)
        try:
            self._wait_until_up()
        except BaseException:  # a server that did not come up is not left running
            self.stop()
            raise
        return self

    def _wait_until_up(self) -> None:
        assert self.process is not None
        client = redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except (redis.ConnectionError, redis.BusyLoadingError):
                if self.process.poll() is not None:
                    pytest.fail(f"redis-server exited with {self.process.returncode}")
                time.sleep(0.05)
        pytest.fail("redis-server did not answer within 10 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()  # writes its append-only file out, as a restart would
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise
            finally:
                self.process = None


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis for the module's tests, stopped after them whatever happened."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(port=0, config=CONFIG, crawl_delay=DELAY) as server:
        yield server


def seed(
    redis_url: str, replica: ReplicaServer, db: Path, run: str, sites: tuple[str, ...] = SITES
) -> None:
    """`govarchive seed`: the sites' start points into their queues, for run `run`."""
    where = ("--redis", redis_url, "--db", str(db), "--replica-url", replica.url)
    result = run_govarchive("seed", *sites, *where, "--run", run)
    assert result.returncode == 0, result.stderr[-3000:]
    for site in sites:
        assert re.search(rf"^{site}: [1-9]\d* requests queued for run {run}$", result.stdout, re.M)


def start_worker(
    processes: Processes,
    redis_url: str,
    replica: ReplicaServer,
    db: Path,
    sites: tuple[str, ...] = SITES,
    *options: str,
) -> subprocess.Popen[str]:
    """A worker of the run seeded last."""
    return processes.start(
        [
            *GOVARCHIVE,
            "worker",
            *sites,
            "--redis",
            redis_url,
            "--db",
            str(db),
            "--replica-url",
            replica.url,
            "--log-level",
            "ERROR",
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="module")
def distributed_crawl(
    redis_url: str, replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[str], list[tuple]]:
    """Three workers and one ingest writing beside them, stopped (SIGTERM) once the stream is
    empty: the archive, the workers' outputs, the fetches."""
    db = tmp_path_factory.mktemp("distributed") / "archive.db"
    seed(redis_url, replica, db, "test-run")
    with Processes() as processes:
        command = [*GOVARCHIVE, "ingest", "--redis", redis_url, "--db", str(db)]
        pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        ingest = processes.start(command, cwd=ROOT, **pipes)
        try:
            workers = [start_worker(processes, redis_url, replica, db) for _ in range(WORKERS)]
            outputs = [worker.communicate(timeout=300) for worker in workers]
            for worker, (_, err) in zip(workers, outputs, strict=True):
                assert worker.returncode == 0, err[-3000:]
            client = redis.from_url(redis_url)
            deadline = time.monotonic() + 120
            while client.xlen("govarchive:records") and ingest.poll() is None:
                assert time.monotonic() < deadline, "ingest did not catch up"
                time.sleep(0.2)
        finally:
            ingest.terminate()  # before Redis stops: it finishes what it holds
            out, err = ingest.communicate(timeout=30)
    assert ingest.returncode == 0, err[-3000:]
    assert re.fullmatch(r"[1-9]\d* records written to .*\n", out), out
    return db, [out for out, _ in outputs], _fetches(db)


def _fetches(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT url, host, kind, fetches.started_at, fetched_at, site, run_id FROM fetches"
            " JOIN crawl_runs ON crawl_runs.id = run_id ORDER BY fetches.started_at"
        ).fetchall()


@pytest.mark.slow
def test_every_article_archived_once_and_no_page_asked_twice(
    distributed_crawl: tuple[Path, list[str], list[tuple]], replica: ReplicaServer
) -> None:
    db, outputs, fetches = distributed_crawl
    with sqlite3.connect(db) as conn:
        archived = [url for (url,) in conn.execute("SELECT url FROM articles")]
    # Every live article of every site archived, once.
    expected = set()
    for slug in SITES:
        profile = get_site(slug, replica.url)
        truth = read_truth(replica.url, profile.twin_of)
        expected |= {profile.canonical(t["url"]) for t in truth if t["status"] == "live"}
    assert len(expected) == len(SITES) * CONFIG.articles  # the 3,000-article set
    assert len(archived) == len(set(archived))
    assert set(archived) == expected
    # The work was shared, and no page was asked twice (robots.txt: once per worker, Scrapy's
    # robots middleware asks it outside the scheduler).
    pages = [row[0] for row in fetches if row[2] != "robots"]
    assert len(pages) == len(set(pages))
    busy = [out for out in outputs if re.search(r": [1-9]\d* responses", out)]
    assert len(busy) >= 2, outputs


@pytest.mark.slow
def test_per_host_spacing_holds_across_workers(
    distributed_crawl: tuple[Path, list[str], list[tuple]],
) -> None:
    _, _, fetches = distributed_crawl
    handovers = _assert_spaced(fetches, DELAY)
    assert handovers > 0, "no host passed from one worker to another: nothing was checked"


def _assert_spaced(fetches: list[tuple], delay: float) -> int:
    """One request at a time per host across the workers, `delay` between an answer and the
    next request; the number of times a host passed from one worker to another. (robots.txt
    left out: each worker asks it before it knows the delay, see docs/scaling.md.)"""
    by_host = sorted((r for r in fetches if r[2] != "robots"), key=lambda r: (r[1], r[3]))
    handovers = 0  # one worker's request to a host right after another worker's
    for host, rows in itertools.groupby(by_host, key=lambda row: row[1]):
        for before, after in itertools.pairwise(rows):
            gap = _seconds(after[3]) - _seconds(before[4])
            assert gap >= delay - CLOCK, f"{host}: {after[0]} {gap:.3f} s after {before[0]}"
            # A site's runs are one per worker: the same site, another run, another worker.
            handovers += before[5] == after[5] and before[6] != after[6]
    return handovers


@pytest.mark.slow
def test_responses_reach_the_writer_and_become_its_warc_records(
    distributed_crawl: tuple[Path, list[str], list[tuple]],
) -> None:
    """The workers send each response whole through Redis; ingest writes it into WARC files
    beside the archive, under the record id the fetch row and the article's version name."""
    db, _, _ = distributed_crawl
    written = {}
    for path in (db.parent / "warc").glob("*.warc.gz"):
        for offset, kind, record_id in complete_records(path, strict=True):
            written[record_id] = (path.name, offset, kind)
    assert written
    assert all("-ingest" in name for name, _, _ in written.values())  # no worker wrote one
    with sqlite3.connect(db) as conn:
        fetches = conn.execute(
            "SELECT warc_record_id, warc_file, warc_offset, warc_type FROM fetches"
            " WHERE status IS NOT NULL"
        ).fetchall()
        versions = conn.execute(
            "SELECT warc_record_id, warc_file, warc_offset FROM article_versions"
        ).fetchall()
    assert len(fetches) >= len(versions) == len(SITES) * CONFIG.articles
    for record_id, name, offset, kind in fetches:
        assert written[record_id] == (name, offset, kind)
    for record_id, name, offset in versions:
        assert written[record_id][:2] == (name, offset)


def test_records_a_worker_builds_are_those_the_writer_appends(tmp_path: Path) -> None:
    """A worker builds an exchange's records (pack_exchange); the writer appends them as they
    are, or writes a revisit record under the same id when the payload was archived before."""
    url = "https://thads.moj.gov.vn/dongthap/noidung/tintuc/1"
    headers = [("Content-Type", "text/html; charset=utf-8")]
    exchange = Exchange(url, "GET", [("Accept", "text/html")], b"", 200, headers)
    body = "<p>Thi hành án dân sự</p>".encode() * 50
    fetched_at = datetime(2026, 12, 7, tzinfo=UTC)
    warc = WarcFile(tmp_path, "t.warc.gz")
    # As sent through Redis.
    packed = pickle.loads(pickle.dumps(pack_exchange(exchange, body, fetched_at)))
    first = warc.write_packed(packed)
    again = pack_exchange(exchange, body, fetched_at)
    earlier = Earlier(first.warc_record_id, first.payload_digest, "2026-12-07T00:00:00Z")
    second = warc.write_packed(again, earlier)
    warc.close()
    assert (first.warc_record_id, first.warc_type) == (packed.record_id, "response")
    assert (second.warc_record_id, second.warc_type) == (again.record_id, "revisit")
    snapshot = read_snapshot(tmp_path, first.warc_file, first.warc_offset)
    assert (snapshot.url, snapshot.status, snapshot.body) == (url, 200, body)
    kinds = [kind for _, kind, _ in complete_records(tmp_path / "t.warc.gz", strict=True)]
    assert kinds == ["warcinfo", "response", "request", "revisit", "request"]


def _seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def test_host_turns_pass_between_workers_with_the_next_free_time(redis_url: str) -> None:
    """One worker's turn on a host keeps another's out until given back, and the next free
    time it gives back (a delay, or a server's Retry-After) is what the other reads."""
    from crawler.distributed.connection import connect
    from crawler.distributed.ledger import RedisHostLedger

    async def handover() -> tuple[bool, float]:
        first = RedisHostLedger(connect(redis_url), hold_seconds=30)
        second = RedisHostLedger(connect(redis_url), hold_seconds=30)
        hold = await first.acquire("turns.example")
        waiting = asyncio.ensure_future(second.acquire("turns.example"))
        await asyncio.sleep(0.3)
        kept_out = not waiting.done()
        hold.release(ready_at=1234.5, delay=2.0)  # e.g. Retry-After: the answer's time + 2 s
        taken = await asyncio.wait_for(waiting, timeout=5)
        taken.release(ready_at=0, delay=0)
        return kept_out, taken.ready_at

    kept_out, ready_at = asyncio.run(handover())
    assert kept_out
    assert ready_at == 1234.5


def test_a_live_workers_turn_is_kept_and_a_dead_ones_passes_on(redis_url: str) -> None:
    """A turn's lock is renewed while its worker lives, however long its request takes, and
    expires soon after its worker died (renewals stop) instead of holding the host."""
    from crawler.distributed.connection import connect
    from crawler.distributed.ledger import RedisHostLedger

    async def turns() -> bool:
        holder = RedisHostLedger(connect(redis_url), hold_seconds=60, lock_seconds=0.5)
        other = RedisHostLedger(connect(redis_url), hold_seconds=60, lock_seconds=0.5)
        await holder.acquire("renewed.example")
        waiting = asyncio.ensure_future(other.acquire("renewed.example"))
        await asyncio.sleep(2)  # four times the lock's life
        kept = not waiting.done()
        assert holder.renewing is not None
        holder.renewing.cancel()  # as if the worker were killed: never given back
        taken = await asyncio.wait_for(waiting, timeout=10)  # raises if still held
        taken.release(ready_at=0, delay=0)
        return kept

    assert asyncio.run(turns())


# The run the kill and the restart come in the middle of: three sites, two of them on one
# host (its turns are shared across workers and sites), long enough at the replica's
# Crawl-delay (the shared host's 130 pages take 20 s at least).
KILL_SITES = ("replica-thads-dongthap", "replica-thads-binhdinh", "replica-dongthap-gov")
KILL_DELAY = 0.15


@pytest.mark.slow
def test_a_killed_worker_and_a_redis_restart_lose_nothing_after_the_next_run(
    tmp_path: Path, processes: Processes
) -> None:
    """Run 1: three workers; one is killed mid-run, Redis restarted mid-run. Run 2 (an
    incremental one): two workers. The archive then matches the replicas' truth exactly."""
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis").start()
    db = tmp_path / "archive.db"
    try:
        config = SiteConfig(articles=60)
        with ReplicaServer(port=0, config=config, crawl_delay=KILL_DELAY) as replica:
            seed(server.url, replica, db, "run-1", KILL_SITES)
            # The shared host's turn, held by the test until every worker has started (they
            # start seconds apart on a busy machine; the first could walk the host alone).
            profile = get_site(KILL_SITES[0], replica.url)
            host = profile.politeness_host(profile.base_url)
            gate = redis.from_url(server.url).lock(f"govarchive:host:{host}:turn", timeout=60)
            assert gate.acquire(blocking=False)
            workers = [
                start_worker(processes, server.url, replica, db, KILL_SITES) for _ in range(WORKERS)
            ]
            _wait_until_all_started(server.url, f"govarchive:{KILL_SITES[0]}:busy:run-1", workers)
            gate.release()
            time.sleep(2)  # each takes requests meanwhile: they wait for their host's turn
            assert workers[0].poll() is None, "the run ended before a worker could be killed"
            # Mid-run: requests still wait in the queues.
            client = redis.from_url(server.url)
            waiting = sum(client.zcard(f"govarchive:{site}:requests") for site in KILL_SITES)
            assert waiting > 0, "the queues were empty when the worker was killed"
            workers[0].kill()
            server.stop()
            time.sleep(1)
            server.start()
            restarted = time.time()
            outputs = [worker.communicate(timeout=240) for worker in workers[1:]]
            # Each survivor says what the dead worker held is left for the next run.
            for worker, (out, err) in zip(workers[1:], outputs, strict=True):
                assert worker.returncode == 1, out + err[-3000:]
                assert "pages were left behind" in err
            ingest = run_govarchive("ingest", "--redis", server.url, "--db", str(db), "--drain")
            assert ingest.returncode == 0, ingest.stderr[-3000:]
            with sqlite3.connect(db) as conn:
                statuses = [s for (s,) in conn.execute("SELECT status FROM crawl_runs")]
                started = [s for (s,) in conn.execute("SELECT started_at FROM fetches")]
            # The killed worker's runs (one per site it had opened) are closed by ingest as
            # interrupted; the survivors' runs (one per site each) end with their status.
            assert 1 <= statuses.count("interrupted") <= len(KILL_SITES), statuses
            assert len(statuses) - statuses.count("interrupted") == 2 * len(KILL_SITES)
            assert "running" not in statuses
            # The survivors fetched on after the restart, through the same Redis, and the
            # killed worker's turn on a host passed on (no host stood still, then got the
            # requests that had waited all at once).
            assert sum(_seconds(stamp) > restarted for stamp in started if stamp) > 0
            _assert_spaced(_fetches(db), KILL_DELAY)

            seed(server.url, replica, db, "run-2", KILL_SITES)
            workers = [
                start_worker(processes, server.url, replica, db, KILL_SITES) for _ in range(2)
            ]
            for worker in workers:
                out, err = worker.communicate(timeout=240)
                assert worker.returncode == 0, out + err[-3000:]
            ingest = run_govarchive("ingest", "--redis", server.url, "--db", str(db), "--drain")
            assert ingest.returncode == 0, ingest.stderr[-3000:]
            _assert_archive_is_truth(db, replica, KILL_SITES)
            # Pages run 1 archived came again the same: revisit records, whichever worker
            # fetched them the first time (the writer has every earlier capture).
            with sqlite3.connect(db) as conn:
                kinds = dict(conn.execute("SELECT warc_type, count(*) FROM fetches GROUP BY 1"))
            assert kinds.get("revisit", 0) > 0, kinds
    finally:
        server.stop()


@pytest.mark.slow
def test_a_worker_whose_redis_is_gone_for_good_stops_at_once_with_one_line(
    tmp_path: Path, processes: Processes
) -> None:
    """Past --redis-wait, a worker stops (exit 69) instead of retrying forever inside
    Scrapy's engine, which logs each failed call with its traceback and carries on."""
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis").start()
    db, sites = tmp_path / "archive.db", KILL_SITES[:1]
    try:
        with ReplicaServer(port=0, config=SiteConfig(articles=60), crawl_delay=0.3) as replica:
            seed(server.url, replica, db, "run-1", sites)
            worker = start_worker(processes, server.url, replica, db, sites, "--redis-wait", "2")
            client = redis.from_url(server.url)
            wait_while_running(worker, lambda: client.xlen(RECORDS), "the worker sent nothing")
            server.stop()
            out, err = worker.communicate(timeout=60)
    finally:
        server.stop()
    assert worker.returncode == 69, out + err
    assert re.fullmatch(
        rf"govarchive worker: Redis at {re.escape(server.url)} stopped answering \(.+\): "
        "stopped; the next run fetches what this worker held\n",
        err,
    ), err


@pytest.mark.slow
def test_ingest_told_to_stop_while_redis_is_gone_stops_at_its_next_try(
    tmp_path: Path, processes: Processes
) -> None:
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis").start()
    try:
        command = [*GOVARCHIVE, "ingest", "--redis", server.url, "--db", str(tmp_path / "a.db")]
        ingest = processes.start(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        client = redis.from_url(server.url)
        # Its consumer group made: it reads the stream.
        wait_while_running(ingest, lambda: client.exists(RECORDS), "ingest did not start")
        server.stop()
        time.sleep(2)  # it is trying again, with growing pauses, for about a minute
        ingest.terminate()
        out, err = ingest.communicate(timeout=30)
    finally:
        server.stop()
    assert ingest.returncode == 1, out + err
    assert re.fullmatch(rf"Error: Redis at {re.escape(server.url)}: .+\n", err), err


def _assert_archive_is_truth(db: Path, replica: ReplicaServer, sites: tuple[str, ...]) -> None:
    """Every live article of the sites' truth archived once, with one version, nothing else;
    its title and date as the truth says, and its body where the profile places it (a site
    read by the generic path is held to that path's standard in test_replica_crawl)."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = list(conn.execute("SELECT url, title, published, body_text FROM articles"))
        versions = conn.execute(
            "SELECT count(*), count(DISTINCT article_url) FROM article_versions"
        )
        assert tuple(versions.fetchone()) == (len(rows), len(rows))
    archived = {row["url"]: row for row in rows}
    assert len(archived) == len(rows)
    expected = {}
    for slug in sites:
        profile = get_site(slug, replica.url)
        for line in read_truth(replica.url, profile.twin_of):
            if line["status"] == "live":
                expected[profile.canonical(line["url"])] = (line, bool(profile.rules.body))
    assert set(archived) == set(expected)
    for url, (line, placed) in expected.items():
        row = archived[url]
        assert (row["title"], row["published"]) == (line["title"], line["published"]), url
        if placed:
            assert row["body_text"] == line["body_text"], url


def _wait_until_all_started(url: str, busy_key: str, workers: list[subprocess.Popen]) -> None:
    """Until every worker has opened the site (they start slowly on a busy machine)."""
    client = redis.from_url(url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for worker in workers:
            if worker.poll() is not None:
                out, err = worker.communicate()
                pytest.fail(f"a worker ended before all worked: {out}{err[-3000:]}")
        busy = client.hgetall(busy_key)
        if len(busy) == WORKERS:
            return
        time.sleep(0.1)
    pytest.fail(f"the workers did not all start: {busy}")
