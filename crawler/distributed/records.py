"""A worker's archive calls as entries of a Redis stream, and `ingest`: the one writer that
makes them on the archive, in order, each acknowledged after its transaction."""

from __future__ import annotations

import pickle
import socket
import time
from typing import Any, cast

import redis

from archive import Archive, WriteCounts
from crawler.distributed.connection import RECORDS

GROUP = "writers"
# The calls a worker's archive sends; anything else it answers itself (reads: nothing known).
SENT = ("register_site", "start_run", "write", "note_fetch_error", "finish_run")


class StreamArchive:
    """Stands in for the archive in a worker: the writes go to the stream (the run's id is a
    token the writer maps to its own), the reads know nothing (the writer has the archive)."""

    def __init__(self, client: redis.Redis, worker: str) -> None:
        self.client, self.worker = client, worker
        self.runs = 0

    def _send(self, name: str, *args: Any, **kwargs: Any) -> None:
        entry = pickle.dumps((name, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        self.client.xadd(RECORDS, {"call": entry})

    def register_site(self, site: Any) -> None:
        self._send("register_site", dict(site))

    def start_run(self, site: str, mode: str, code_version: str, started_at: str) -> str:
        self.runs += 1
        token = f"{self.worker}:{site}:{self.runs}"
        self._send("start_run", site, mode, code_version, started_at, token=token)
        return token

    def write(self, **batch: Any) -> WriteCounts:
        self._send("write", **batch)
        return WriteCounts()  # counted by the writer

    def note_fetch_error(self, run_id: str, url: str, error: str) -> None:
        self._send("note_fetch_error", run_id, url, error)

    def finish_run(self, run_id: str, **fields: Any) -> None:
        self._send("finish_run", run_id, **fields)

    def earlier_capture(self, url: str) -> None:
        return None  # no revisit records across workers: every response is stored whole

    def analyze_if_grown(self) -> bool:
        return False

    def close(self) -> None:
        """Nothing to close: the client is shared."""


def worker_name() -> str:
    return f"{socket.gethostname()}-{time.time_ns()}"


def ingest(client: redis.Redis, archive: Archive, *, drain: bool, block_ms: int = 1000) -> int:
    """Make the stream's calls on `archive`; each entry is acknowledged (and deleted) after its
    call committed, so a writer killed mid-way makes it again. With `drain`, return once the
    stream holds nothing new; the number of calls made."""
    try:
        client.xgroup_create(RECORDS, GROUP, id="0", mkstream=True)
    except redis.ResponseError as error:
        if "BUSYGROUP" not in str(error):
            raise
    runs: dict[str, int] = {}
    made = 0
    # Entries read but not acknowledged by an earlier writer first ("0"), then new ones.
    cursor = "0"
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
            if drain:
                return made
            continue
        for entry_id, fields in entries:
            _make(archive, client, runs, *pickle.loads(fields[b"call"]))
            client.xack(RECORDS, GROUP, entry_id)
            client.xdel(RECORDS, entry_id)
            made += 1


def _make(
    archive: Archive,
    client: redis.Redis,
    runs: dict[str, int],
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    if name == "start_run":
        token = kwargs.pop("token")
        runs[token] = archive.start_run(*args)
        client.hset(f"{RECORDS}:runs", token, runs[token])
        return
    if name in ("note_fetch_error", "finish_run"):
        args = (_run(client, runs, args[0]), *args[1:])
    if name == "write":
        kwargs["run_id"] = _run(client, runs, kwargs.get("run_id"))
    getattr(archive, name)(*args, **kwargs)


def _run(client: redis.Redis, runs: dict[str, int], token: str | None) -> int | None:
    if token is None:
        return None
    if token not in runs:  # started before this writer did
        found = client.hget(f"{RECORDS}:runs", token)
        runs[token] = int(found) if found is not None else None  # type: ignore[assignment]
    return runs[token]
