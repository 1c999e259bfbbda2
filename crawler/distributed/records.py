"""A worker's archive calls, WARC payloads included, as entries of a Redis stream: what the
worker sends; `ingest` (crawler/distributed/ingest.py) makes them on the archive."""

from __future__ import annotations

import pickle
import socket
import time
from pathlib import Path
from typing import Any

import redis

from archive import Capture, Exchange, PackedExchange, WarcFile, WriteCounts, pack_exchange
from crawler.distributed.connection import RECORDS, alive_key
from crawler.writer import Writer


class StreamArchive:
    """Stands in for the archive in a worker: the writes go to the stream (the run's id is a
    token the writer maps to its own), the reads know nothing (the writer has the archive)."""

    def __init__(self, client: redis.Redis, worker: str, run: str) -> None:
        self.client, self.worker, self.run = client, worker, run
        self.runs = 0
        self.token: str | None = None  # the run started last: the WARC records' run

    def _send(self, name: str, *args: Any, **kwargs: Any) -> None:
        entry = pickle.dumps((name, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        self.client.xadd(RECORDS, {"call": entry})

    def register_site(self, site: Any) -> None:
        self._send("register_site", dict(site))

    def start_run(self, site: str, mode: str, code_version: str, started_at: str) -> str:
        self.runs += 1
        self.token = f"{self.worker}:{site}:{self.runs}"
        alive = alive_key(site, self.run, self.worker)
        self._send("start_run", site, mode, code_version, started_at, token=self.token, alive=alive)
        return self.token

    def write(self, **batch: Any) -> WriteCounts:
        self._send("write", **batch)
        return WriteCounts()  # counted by the writer

    def note_fetch_error(self, run_id: str, url: str, error: str) -> None:
        self._send("note_fetch_error", run_id, url, error)

    def finish_run(self, run_id: str, **fields: Any) -> None:
        self._send("finish_run", run_id, **fields)

    def write_exchange(self, packed: PackedExchange) -> None:
        self._send("write_exchange", self.token, packed)

    def earlier_capture(self, url: str) -> None:
        return None  # the writer decides on revisit records: it has the earlier captures

    def analyze_if_grown(self) -> bool:
        return False

    def close(self) -> None:
        """Nothing to close: the client is shared."""


class StreamWriter(Writer):
    """A worker's writer: every job runs at once on the stream archive, and the WARC records
    go to the stream too, for `ingest` to write beside the archive."""

    archive: StreamArchive  # type: ignore[assignment]

    def open_warc(self, directory: Path, name: str) -> WarcFile:
        return StreamWarc(self.archive)


class StreamWarc(WarcFile):
    """Stands in for a worker's WARC file: each exchange's records are built here (the gzip
    work scales with the workers) and sent whole; the fetch row and the article name the
    response record's id, and `ingest` appends the records (or a revisit record) and gives
    the rows their file and offset (empty here)."""

    def __init__(self, archive: StreamArchive) -> None:  # no file of its own
        self.archive = archive

    def write_exchange(self, **exchange: Any) -> Capture:
        exchange.pop("earlier", None)  # the writer decides: it has the earlier captures
        body, fetched_at = exchange.pop("body"), exchange.pop("fetched_at")
        packed = pack_exchange(Exchange(**exchange), body, fetched_at)
        self.archive.write_exchange(packed)
        return Capture("", 0, packed.record_id, packed.payload_digest, "")

    def close(self) -> None:
        """Nothing to close: each exchange was sent whole."""


def worker_name() -> str:
    return f"{socket.gethostname()}-{time.time_ns()}"
