"""The archive writer in a process of its own (ARCHIVE_WRITER "process"): the crawl process,
CPU-bound on one core, hands every archive call and WARC exchange to a child that does the
SQLite, gzip and WARC work on the other core, with an interpreter of its own (a writer
thread shared the crawl's).

The jobs the crawl asks (closures over its pipeline and fetch log) run at once in the crawl
process on a stand-in archive, as a distributed worker's do (crawler/distributed/records.py):
each archive call they make and each exchange is sent, in order, to the child, which makes
them on the archive file. A WARC record's place is known in the child only: the fetch row and
the article name their exchange by a key, and the child gives them the record's file, offset
and id before it writes them. What the child could not write is told back, and the crawl
stops with the same reasons as with the writer thread. Killed with the crawl (SIGKILL
included): what it had not committed is fetched again by the next run, as with the thread.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import multiprocessing
import signal
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive import Archive, Capture, WarcFile, WriteCounts
from crawler.writer import Job, Writer, header_pairs

logger = logging.getLogger(__name__)

# Calls go to the child in groups of this many, or when the last group went this long ago
# (each hand-over wakes the queue's feeder thread, which competes for the interpreter).
GROUP_CALLS = 32
GROUP_SECONDS = 0.2
# Groups waiting for the child: a writer that cannot keep up slows the crawl instead of
# filling memory with pages (2,000 calls, as the writer thread's queue).
QUEUE_GROUPS = 2000 // GROUP_CALLS
# Exchanges whose record's place the child remembers for rows still to come (a row is sent
# within a batch, ARCHIVE_BATCH_SIZE items, of its exchange).
SPOTS_KEPT = 20_000
SNAPSHOT_FIELDS = ("warc_file", "warc_offset", "warc_record_id", "payload_digest", "warc_type")

Call = tuple[str, tuple[Any, ...], dict[str, Any]]
Stop = Callable[[str, str], None]  # told a failure's message and the crawl's close reason


class ProcessWriter(Writer):
    """Hands the crawl's archive calls to a child process that writes the archive file."""

    def __init__(self, path: Path, registry: dict[Path, ProcessWriter]) -> None:
        """A writer of the archive file at `path`, in `registry` (the process's writers by
        file, shared by its crawlers) until it closes."""
        self.path, self.registry = path, registry
        registry[path] = self
        context = multiprocessing.get_context("spawn")
        self.calls: Any = context.Queue(QUEUE_GROUPS)
        self.answers: Any = context.Queue()
        self.process: Any = None
        self.archive = RemoteArchive(self)  # type: ignore[assignment]
        self.gathered: list[Call] = []
        self.handed_at = 0.0
        self.failure: BaseException | None = None
        self.users = 0  # crawlers not stopped yet
        self.on_failure: list[Stop] = []
        self.counts: dict[int, WriteCounts] = {}  # per run: what the child's writes did
        self.keys = itertools.count()  # exchanges' keys and asks' numbers
        self.answered: dict[int | None, tuple[Any, ...]] = {}  # answers not taken yet
        self.answer_came = threading.Condition()
        self.listener: threading.Thread | None = None

    @property
    def deferred(self) -> bool:
        return False  # a job runs when asked (on the stand-in); the rows name their records

    def run(self, job: Job) -> None:
        job(self.archive)

    def call(self, job: Job) -> Any:
        """Run `job` once the child has made every call sent before it (so a failure or the
        counts of earlier writes are known to it), then wait for the calls it made."""
        self.ask(None)
        result = job(self.archive)
        self.ask(None)
        return result

    def send(self, name: str, *args: Any, **kwargs: Any) -> None:
        if self.process is None:
            self._start()
        self.gathered.append((name, args, kwargs))
        now = time.monotonic()
        if len(self.gathered) >= GROUP_CALLS or now - self.handed_at >= GROUP_SECONDS:
            self._hand_over(now)

    def ask(self, name: str | None, *args: Any, **kwargs: Any) -> Any:
        """Make a call and wait for its result (None: only wait for every earlier call)."""
        asked = next(self.keys)
        self.send("answer", asked, name, args, kwargs)
        self._hand_over(time.monotonic())
        with self.answer_came:
            while asked not in self.answered and None not in self.answered:
                if not self.answer_came.wait(timeout=1) and not self.process.is_alive():
                    died = f"archive writer process died (exit {self.process.exitcode})"
                    self._failed(died)
                    self.answered[None] = ("answer", None, RuntimeError(died), {})
            _, _, result, counts = self.answered.pop(asked, None) or self.answered[None]
        self.counts.update(counts)
        if isinstance(result, Exception):
            raise result
        return result

    def _hand_over(self, now: float) -> None:
        if self.gathered:
            self.calls.put(self.gathered)
            self.gathered = []
        self.handed_at = now

    def _listen(self) -> None:
        """On a thread of its own, asleep until the child says something: a failure is told
        to the crawls at once (they stop from the reactor's loop), an answer is kept for its
        ask."""
        while (message := self.answers.get()) is not None:
            if message[0] == "failed":
                self._failed(message[1], message[2])
                continue
            with self.answer_came:
                self.answered[message[1]] = message
                self.answer_came.notify_all()

    def _failed(self, reason: str, close_reason: str = "archive_write_failed") -> None:
        if self.failure is None:
            self.failure = RuntimeError(reason)
            self.failed_as = close_reason
        for stop in self.on_failure:
            stop(reason, close_reason)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(
            target=serve, args=(self.path, self.calls, self.answers), name="archive-writer"
        )
        self.process.start()
        self.listener = threading.Thread(target=self._listen, name="archive-writer-answers")
        self.listener.start()

    def run_counts(self, run_id: int | None) -> WriteCounts | None:
        return self.counts.get(run_id) if run_id is not None else None

    def open_warc(self, directory: Path, name: str) -> WarcFile:
        return RemoteWarc(self, directory, name)

    def close(self) -> None:
        """When the last crawler using it stops: the child makes every call sent and ends."""
        self.users -= 1
        if self.users > 0:
            return
        self.registry.pop(self.path, None)
        if self.process is None:
            return
        try:
            self.ask(None)
        finally:
            self.calls.put(None)
            self.process.join()
            self.answers.put(None)  # the listener's end (the child's queue end is gone)
            if self.listener is not None:
                self.listener.join()
            self.process = None


class RemoteArchive:
    """Stands in for the archive in the crawl process: its writes are sent to the child; the
    few answers a crawl waits for (a run's id) come back from it."""

    def __init__(self, writer: ProcessWriter) -> None:
        self.writer = writer

    def register_site(self, site: Any) -> None:
        self.writer.send("register_site", dict(site))

    def start_run(self, *args: Any) -> int:
        run_id: int = self.writer.ask("start_run", *args)
        return run_id

    def write(self, **batch: Any) -> WriteCounts:
        self.writer.send("write", **batch)
        return WriteCounts()  # counted by the child (ProcessWriter.run_counts)

    def note_fetch_error(self, *args: Any) -> None:
        self.writer.send("note_fetch_error", *args)

    def finish_run(self, run_id: int, **fields: Any) -> None:
        self.writer.send("finish_run", run_id, **fields)

    def earlier_capture(self, url: str) -> None:
        return None  # the child decides on revisit records: it has the earlier captures

    def analyze_if_grown(self) -> bool:
        self.writer.send("analyze_if_grown")
        return False


class RemoteWarc(WarcFile):
    """Stands in for the crawl's WARC file: each exchange is sent whole to the child, which
    writes its records; the fetch row and the article name it by a key until then."""

    pairs_headers = True  # the headers go as they are: the child makes them record pairs

    def __init__(self, writer: ProcessWriter, directory: Path, name: str) -> None:
        self.writer, self.directory, self.name = writer, directory, name  # no file here

    def write_exchange(self, **exchange: Any) -> Capture:
        exchange.pop("earlier", None)
        key = f"pending:{next(self.writer.keys)}"
        self.writer.send("write_exchange", self.directory, self.name, key, exchange)
        return Capture("", 0, key, "", "")

    def close(self) -> None:
        self.writer.send("close_warc", self.name)


PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (a killed `update` leaves no
    crawl behind it writing to the archive); a no-op elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def serve(path: Path, calls: Any, answers: Any) -> None:
    """The child: makes the calls in the order sent until told to end (None)."""
    die_with_parent()  # SIGKILL with the crawl: nothing writes after it is gone
    archive = Archive.open(path)
    child = Child(archive, answers)
    try:
        while (group := calls.get()) is not None:
            for name, args, kwargs in group:
                child.make(name, args, kwargs)
    finally:
        child.close_warcs()
        archive.close()


class Child:
    """Makes one call after another on the archive, in the writer process."""

    def __init__(self, archive: Archive, answers: Any) -> None:
        self.archive, self.answers = archive, answers
        self.warcs: dict[str, WarcFile] = {}
        self.spots: OrderedDict[str, dict[str, Any]] = OrderedDict()  # key -> record's place
        self.counts: dict[int, WriteCounts] = {}
        self.refused: set[int] = set()  # runs whose writes the archive refused (a full disk)
        self.failed = False

    def make(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        try:
            if name == "answer":
                asked, call, call_args, call_kwargs = args
                result = (
                    None if call is None else getattr(self.archive, call)(*call_args, **call_kwargs)
                )
                self.answers.put(("answer", asked, result, dict(self.counts)))
            elif name == "write_exchange":
                self._write_exchange(*args)
            elif name == "close_warc":
                if (warc := self.warcs.pop(args[0], None)) is not None:
                    warc.close()
            elif name == "write":
                self._write(kwargs)
            elif name == "finish_run":
                self._finish_run(args, kwargs)
            else:
                getattr(self.archive, name)(*args, **kwargs)
        except Exception as error:
            # As the writer thread: what the call was to write is lost for this run; the
            # crawl stops, its run failed, and the next run fetches it again.
            logger.exception("archive writer: a job failed")
            self._fail(f"archive writer failed: {type(error).__name__}: {error}")
            if name == "answer":
                self.answers.put(("answer", args[0], error, dict(self.counts)))

    def _fail(self, reason: str, close_reason: str = "archive_write_failed") -> None:
        self.answers.put(("failed", reason, close_reason))

    def _write_exchange(self, directory: Path, name: str, key: str, exchange: Any) -> None:
        self.spots[key] = spot = {}
        if len(self.spots) > SPOTS_KEPT:
            self.spots.popitem(last=False)
        try:
            warc = self.warcs.get(name)
            if warc is None:
                warc = self.warcs[name] = WarcFile(directory, name)
            earlier = self.archive.earlier_capture(exchange["url"])
            for headers in ("request_headers", "response_headers"):
                exchange[headers] = header_pairs(exchange[headers])
            capture = warc.write_exchange(**exchange, earlier=earlier)
        except OSError as error:
            spot["error"] = f"WARC write failed: {type(error).__name__}: {error}"
            self._fail(spot["error"], "warc_write_failed")
            return
        spot.update(zip(SNAPSHOT_FIELDS, _capture_fields(capture), strict=True))

    def _write(self, batch: dict[str, Any]) -> None:
        run_id: int = batch.get("run_id") or 0  # none: a batch written outside a run
        if run_id in self.refused:
            return
        for kind, fields in (("fetches", SNAPSHOT_FIELDS), ("articles", SNAPSHOT_FIELDS[:3])):
            for row in batch.get(kind, ()):
                self._place(row, fields)
        try:
            counts = self.archive.write(**batch)
        except (sqlite3.Error, OSError) as error:
            # Every later batch would fail the same way (the pipeline's rule, as inline).
            self.refused.add(run_id)
            self._fail(f"archive write failed: {type(error).__name__}: {error}")
            return
        self.counts.setdefault(run_id, WriteCounts()).add(counts)

    def _finish_run(self, args: tuple[Any, ...], fields: dict[str, Any]) -> None:
        try:
            self.archive.finish_run(*args, **fields)
        except (sqlite3.Error, OSError) as error:  # told already, if the writes failed too
            logger.error("%s: the run's row stays open", error)

    def _place(self, row: dict[str, Any], fields: tuple[str, ...]) -> None:
        """A row that names its exchange by key: the record's place (or why there is none)."""
        key = row.get("warc_record_id")
        if not (isinstance(key, str) and key.startswith("pending:")):
            return
        spot = self.spots.get(key, {})
        row.update({field: spot.get(field) for field in fields})
        if fields == SNAPSHOT_FIELDS and (error := spot.get("error")):
            known = row.get("error")
            row["error"] = f"{error}: {known}" if known else error

    def close_warcs(self) -> None:
        for warc in self.warcs.values():
            warc.close()
        self.warcs.clear()


def _capture_fields(capture: Capture) -> tuple[Any, ...]:
    return (
        capture.warc_file,
        capture.warc_offset,
        capture.warc_record_id,
        capture.payload_digest,
        capture.warc_type,
    )
