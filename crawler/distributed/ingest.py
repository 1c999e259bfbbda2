"""`ingest`: the one writer of a distributed crawl. It makes the workers' calls on the
archive in the order sent, writes their WARC records beside it, each stream entry
acknowledged (and deleted) after its transaction, and closes the runs of dead workers."""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import redis

from archive import Archive, PackedExchange, WarcFile
from crawler.distributed.connection import RECORDS

logger = logging.getLogger(__name__)

GROUP = "writers"
RUNS = f"{RECORDS}:runs"  # a worker's run token: the archive's run id
OPEN = f"{RECORDS}:open"  # a run not ended yet: its worker's heartbeat key
# Per run: a WARC record's id (given out by the worker) -> where ingest wrote it. Kept in
# Redis, not in memory, so a restarted ingest still fills in rows sent before it stopped.
WARC_SPOTS = f"{RECORDS}:warc:"


def ingest(
    client: redis.Redis,
    archive: Archive,
    *,
    drain: bool,
    warc_dir: Path | None = None,
    block_ms: int = 1000,
    stopping: Callable[[], bool] = lambda: False,
) -> int:
    """Make the stream's calls on `archive` (WARC records into `warc_dir`); each entry is
    acknowledged (and deleted) after its call committed, so a writer killed mid-way makes it
    again. Whenever the stream holds nothing new, the WARC files are closed and the runs of
    workers that died are closed (`interrupted`). With `drain`, return then; return too
    once `stopping()` says so after an entry (within `block_ms` when idle). The number of
    calls made."""
    try:
        client.xgroup_create(RECORDS, GROUP, id="0", mkstream=True)
    except redis.ResponseError as error:
        if "BUSYGROUP" not in str(error):
            raise
    writer = Ingest(client, archive, warc_dir)
    made = 0
    # Entries read but not acknowledged by an earlier writer first ("0"), then new ones.
    cursor = "0"
    try:
        while True:
            # The client does not decode: [(stream, [(entry id, {field: value})])], all bytes.
            answer = cast(
                "list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]]",
                client.xreadgroup(GROUP, "ingest", {RECORDS: cursor}, count=200, block=block_ms),
            )
            entries = answer[0][1] if answer else []
            if not entries:
                if cursor == "0":
                    cursor = ">"
                    continue
                writer.caught_up()
                if drain or stopping():
                    return made
                continue
            for entry_id, fields in entries:
                writer.make(*pickle.loads(fields[b"call"]))
                client.xack(RECORDS, GROUP, entry_id)
                client.xdel(RECORDS, entry_id)
                made += 1
                if stopping():  # the entries read and not made are read again next time
                    return made
    finally:
        writer.close_warcs()


class Ingest:
    """Makes one worker call after another on the archive."""

    def __init__(self, client: redis.Redis, archive: Archive, warc_dir: Path | None) -> None:
        self.client, self.archive, self.warc_dir = client, archive, warc_dir
        self.runs: dict[str, int | None] = {}  # run token -> archive run id
        self.warcs: dict[str, WarcFile] = {}  # site -> the file its records go to now

    def make(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if name == "start_run":
            token, alive = kwargs.pop("token"), kwargs.pop("alive")
            self.runs[token] = self.archive.start_run(*args)
            self.client.hset(RUNS, token, cast("int", self.runs[token]))
            self.client.hset(OPEN, token, alive)
            return
        if name == "write_exchange":
            self._write_exchange(*args)
            return
        if name == "write":
            self._place_records(kwargs)
            kwargs["run_id"] = self._run(kwargs.get("run_id"))
        if name in ("note_fetch_error", "finish_run"):
            if name == "finish_run":
                self._ended(args[0])
            args = (self._run(args[0]), *args[1:])
        getattr(self.archive, name)(*args, **kwargs)

    def _run(self, token: str | None) -> int | None:
        if token is None:
            return None
        if token not in self.runs:  # started before this writer did
            found = self.client.hget(RUNS, token)
            self.runs[token] = int(cast("bytes", found)) if found is not None else None
        return self.runs[token]

    def _ended(self, token: str) -> None:
        self.client.hdel(OPEN, token)
        self.client.delete(WARC_SPOTS + token)

    def _write_exchange(self, token: str, packed: PackedExchange) -> None:
        """A response's records, built by the worker, appended; or a revisit record when the
        URL's last archived payload is the same, whichever worker fetched it."""
        if self.warc_dir is None:
            return
        site = token.rsplit(":", 2)[1]
        if site not in self.warcs:
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            name = f"{site}-{stamp}-ingest{os.getpid()}.warc.gz"
            self.warcs[site] = WarcFile(self.warc_dir, name)
        earlier = self.archive.earlier_capture(packed.exchange.url)
        capture = self.warcs[site].write_packed(packed, earlier)
        spot = f"{capture.warc_file}\t{capture.warc_offset}\t{capture.warc_type}"
        self.client.hset(WARC_SPOTS + token, capture.warc_record_id, spot)

    def _place_records(self, batch: dict[str, Any]) -> None:
        """Give the batch's fetch rows and articles the file and offset of their WARC
        records, written by `_write_exchange` (left empty if none was: WARC off)."""
        rows = [row for kind in ("fetches", "articles") for row in batch.get(kind, ())]
        waiting = [row for row in rows if row.get("warc_record_id") and not row["warc_file"]]
        if not waiting:
            return
        key = WARC_SPOTS + str(batch.get("run_id"))
        spots = self.client.hmget(key, [row["warc_record_id"] for row in waiting])
        for row, spot in zip(waiting, cast("list[bytes | None]", spots), strict=True):
            # None: the record is not known (not written, or its run's spots are gone).
            warc_file, offset, kind = spot.decode().split("\t") if spot else (None, None, None)
            row.update(warc_file=warc_file, warc_offset=int(offset) if offset else None)
            if spot is None:
                row["warc_record_id"] = None
            if "warc_type" in row:  # a fetch row (an article names its record only)
                row["warc_type"] = kind

    def caught_up(self) -> None:
        """The stream holds nothing new: the WARC files are closed (the next record starts
        a new one), and the runs whose worker died are closed."""
        self.close_warcs()
        self._close_dead_runs()

    def close_warcs(self) -> None:
        for warc in self.warcs.values():
            warc.close()
        self.warcs.clear()

    def _close_dead_runs(self) -> None:
        """Mark `interrupted` the runs whose worker's heartbeat ran out before their end came:
        the worker was killed (the stream holds nothing more of it). A worker that was only
        stalled and ends its run after all gives it its real status then."""
        opened = cast("dict[bytes, bytes]", self.client.hgetall(OPEN))
        for token, alive in opened.items():
            if self.client.exists(alive):
                continue
            run_id = self._run(token.decode())
            if run_id is not None:
                self.archive.finish_run(run_id, status="interrupted")
                logger.warning("run %s (%s): its worker died, marked interrupted", run_id, token)
            self._ended(token.decode())
