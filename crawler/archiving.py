"""The crawl's archive: one read connection for the crawl, and one writer that does every
write (archive batches, WARC records), inline or on a thread of its own."""

from __future__ import annotations

import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from archive import Archive
from crawler.fatal import stop_crawl_from_thread
from crawler.writer import Job, Writer

logger = logging.getLogger(__name__)

_OPEN: weakref.WeakKeyDictionary[Crawler, Archive] = weakref.WeakKeyDictionary()
_WRITERS: weakref.WeakKeyDictionary[Crawler, Writer] = weakref.WeakKeyDictionary()
# One writer thread per archive file in a process, shared by its crawlers: SQLite has one
# writer at a time, and two connections that both read before writing lock each other out.
_THREADS: dict[Path, ThreadWriter] = {}
# A fetch row's key for the snapshot the writer fills in (its WARC record is written later).
PENDING_SNAPSHOT = "_pending_snapshot"
SNAPSHOT_FIELDS = ("warc_file", "warc_offset", "warc_record_id", "payload_digest", "warc_type")
ARTICLE_SNAPSHOT_FIELDS = SNAPSHOT_FIELDS[:3]
# Jobs waiting for the writer thread: enough to ride out a slow transaction, few enough that a
# writer that cannot keep up slows the crawl instead of filling memory with pages.
QUEUE_SIZE = 2000

# Jobs go to the thread in groups of this many, or when the last group went this long ago.
GROUP_JOBS = 32
GROUP_SECONDS = 0.2

Entry = tuple[Job, "queue.Queue[Any] | None"]  # a job, and where its caller waits for it


def crawl_archive(crawler: Crawler) -> Archive:
    """The archive a crawl reads (ARCHIVE_DB), one connection per crawler.

    The spider asks first (its plan reads how the last run ended, which articles are known),
    then the fetch log and the archive pipeline. It is the writer's connection too when the
    writer is inline. The connection is closed on `engine_stopped`, which comes after
    `spider_closed`: the pipeline has written its last batch and closed the run by then.
    """
    archive = _OPEN.get(crawler)
    if archive is None:
        path = Path(crawler.settings.get("ARCHIVE_DB"))
        if crawler.settings.get("ARCHIVE_WRITER") != "redis":
            archive = Archive.open(path)
        elif path.exists():  # a distributed worker only reads it; `ingest` writes it
            archive = Archive.open_readonly(path)
        else:  # a worker on a machine without the archive: nothing is known yet
            archive = Archive.in_memory()
        _OPEN[crawler] = archive
        crawler.signals.connect(archive.close, signal=signals.engine_stopped)
    return archive


def crawl_writer(crawler: Crawler) -> Writer:
    """The crawl's one writer: ARCHIVE_WRITER "thread" (fetching and extraction never wait on
    SQLite, gzip or WARC I/O), "inline" (each job done when asked, on the crawl's own
    connection: a component tried alone sees its writes at once) or "redis" (a distributed
    worker's: the writes go to a Redis stream, crawler/distributed/records.py)."""
    writer = _WRITERS.get(crawler)
    if writer is None:
        kind = crawler.settings.get("ARCHIVE_WRITER")
        if kind == "redis":  # a distributed worker: its writes go to the stream (`ingest`)
            from crawler.distributed.connection import connect
            from crawler.distributed.records import StreamArchive, StreamWriter

            settings = crawler.settings
            client = connect(settings.get("REDIS_URL"), settings.get("REDIS_PARAMS"))
            stream = StreamArchive(client, settings.get("REDIS_WORKER"), settings.get("REDIS_RUN"))
            writer = StreamWriter(stream)  # type: ignore[arg-type]
        elif kind == "thread":
            path = Path(crawler.settings.get("ARCHIVE_DB")).absolute()
            writer = _THREADS.get(path) or _THREADS.setdefault(path, ThreadWriter(path))
            writer.users += 1
            writer.on_failure.append(
                lambda reason: stop_crawl_from_thread(crawler, reason, "archive_write_failed")
            )
        else:
            writer = Writer(crawl_archive(crawler))
        _WRITERS[crawler] = writer
        crawler.signals.connect(writer.close, signal=signals.engine_stopped)
    return writer


class ThreadWriter(Writer):
    """Runs jobs in order on one thread with its own connection to the archive file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.jobs: queue.Queue[list[Entry] | None] = queue.Queue(QUEUE_SIZE // GROUP_JOBS)
        self.gathered: list[Entry] = []  # jobs not handed to the thread yet
        self.handed_at = 0.0
        self.failure: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.users = 0  # crawlers not stopped yet
        # Told (on the writer's thread) of a job that failed: each stops its crawl.
        self.on_failure: list[Callable[[str], None]] = []

    @property
    def deferred(self) -> bool:
        return True

    def _start(self) -> None:
        opened: queue.Queue[BaseException | None] = queue.Queue()
        self.thread = threading.Thread(target=self._work, args=(opened,), name="archive-writer")
        self.thread.start()
        if (error := opened.get()) is not None:
            self.thread.join()
            self.thread = None
            raise error

    def _work(self, opened: queue.Queue[BaseException | None]) -> None:
        try:
            self.archive = Archive.open(self.path)
        except BaseException as error:
            opened.put(error)
            return
        opened.put(None)
        try:
            while (entry := self.jobs.get()) is not None:
                for job, answer in entry:
                    self._do(job, answer)
        finally:
            self.archive.close()

    def _do(self, job: Job, answer: queue.Queue[Any] | None) -> None:
        try:
            result: Any = job(self.archive)
        except Exception as error:
            # What the job was to write is lost for this run: the crawls end, their runs
            # failed and their walks unfinished, so the next run fetches again whatever is
            # not in the archive. Later jobs still run (the runs' rows are closed by them);
            # a caller waiting for an answer gets the error.
            logger.exception("archive writer: a job failed")
            if self.failure is None:
                self.failure = error
                reason = f"archive writer failed: {type(error).__name__}: {error}"
                for stop in self.on_failure:
                    stop(reason)
            result = error
        if answer is not None:
            answer.put(result)

    def run(self, job: Job) -> None:
        if self.thread is None:
            self._start()
        self.gathered.append((job, None))
        # Handed over in groups: each hand-over wakes the writer thread, which then competes
        # with the crawl for the interpreter (a fast crawl asks a job per response).
        now = time.monotonic()
        if len(self.gathered) >= GROUP_JOBS or now - self.handed_at >= GROUP_SECONDS:
            self._hand_over(now)

    def _hand_over(self, now: float) -> None:
        if self.gathered:
            self.jobs.put(self.gathered)
            self.gathered = []
        self.handed_at = now

    def call(self, job: Job) -> Any:
        if self.thread is None:
            self._start()
        answer: queue.Queue[Any] = queue.Queue(1)
        self.gathered.append((job, answer))
        self._hand_over(time.monotonic())
        result = answer.get()
        if isinstance(result, Exception):
            raise result
        return result

    def close(self) -> None:
        """When the last crawler using it stops: do every job asked, then close the
        writer's connection."""
        self.users -= 1
        if self.users > 0:
            return
        _THREADS.pop(self.path, None)
        if self.thread is None:
            return
        self._hand_over(time.monotonic())
        self.jobs.put(None)
        self.thread.join()
        self.thread = None
        if self.failure is not None and not self.on_failure:  # else told to the crawls
            logger.error("archive writer: %s", self.failure)


def resolve_snapshot(
    row: MutableMapping[str, Any], fields: tuple[str, ...] = SNAPSHOT_FIELDS
) -> None:
    """Give a row (a fetch's, or an article's: `fields`) the fields of its WARC record,
    written since the row was made; a fetch row also the reason it could not be written."""
    snapshot = row.pop(PENDING_SNAPSHOT, None)
    if snapshot is None:
        return
    row.update({field: snapshot.get(field) for field in fields})
    if fields == SNAPSHOT_FIELDS and (error := snapshot.get("error")):
        known = row.get("error")
        row["error"] = f"{error}: {known}" if known else error
