"""Per-host turns shared by every crawl process on the machine: a locked file per host holds
when the host may next be asked and the longest delay any run learned for it."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import re
from dataclasses import dataclass
from pathlib import Path

# How often a process waiting for another process's turn looks again.
POLL_SECONDS = 0.05
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(slots=True)
class LedgerHold:
    """A host's turn, held until the answer came: then the next free time is written."""

    fd: int
    ready_at: float
    delay: float

    def release(self, ready_at: float, delay: float) -> None:
        with contextlib.suppress(OSError):  # a full disk must not keep the host locked
            os.lseek(self.fd, 0, os.SEEK_SET)
            os.ftruncate(self.fd, 0)
            os.write(self.fd, f"{ready_at:.3f} {delay:.3f}\n".encode())
        with contextlib.suppress(OSError):
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


class HostLedger:
    """Lock files under `directory`, one per host (its name made safe for a file name)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, host: str) -> Path:
        return self.directory / (_UNSAFE.sub("_", host) or "_")

    async def acquire(self, host: str) -> LedgerHold:
        """Wait (without blocking the event loop) until no other process holds `host`."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path(host), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    await asyncio.sleep(POLL_SECONDS)
            ready_at, delay = _read(fd)
        except BaseException:
            os.close(fd)  # closing also drops a lock taken before a cancellation
            raise
        return LedgerHold(fd, ready_at, delay)


def _read(fd: int) -> tuple[float, float]:
    os.lseek(fd, 0, os.SEEK_SET)
    fields = os.read(fd, 100).split()
    try:
        return float(fields[0]), float(fields[1])
    except (IndexError, ValueError):
        return 0.0, 0.0
