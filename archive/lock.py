"""The archive's writer lock: one `update` (or `crawl`) at a time per archive file, its holder
named in the lock file, a holder killed without releasing it recovered by its pid."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shlex
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The exit code of a run that found the archive locked (BSD's EX_TEMPFAIL: try again later).
EXIT_LOCKED = 75
# How long a run that meets a held lock re-reads an empty lock file for its holder's name.
HOLDER_WAIT = 0.3


def pid_alive(pid: int | None, since: str | None = None) -> bool:
    """Whether a process with this id runs on this machine (a zombie counts as gone); with
    `since` (an ISO time), only if it started by then: a later one reuses a dead run's pid."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc: trust the signal
    state, started = stat
    if state == "Z":
        return False
    if since and started is not None:
        with contextlib.suppress(ValueError):
            run_started = datetime.fromisoformat(since)
            if run_started.tzinfo is None:
                run_started = run_started.replace(tzinfo=UTC)
            return started <= run_started.timestamp() + 5  # the run starts after its process
    return True


def _proc_stat(pid: int) -> tuple[str, float | None] | None:
    """The process's state letter and start time (epoch seconds), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
    except (OSError, IndexError, StopIteration, ValueError):
        return None
    try:
        started = boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (IndexError, ValueError, OSError):
        started = None
    return fields[0], started


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds (or held) a lock: what its file says."""

    pid: int | None
    started_at: str | None
    command: str | None

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        try:
            data: dict[str, Any] = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return cls(data.get("pid"), data.get("started_at"), data.get("command"))

    def describe(self) -> str:
        return (
            f"pid {self.pid if self.pid is not None else '?'}, started "
            f"{self.started_at or '?'}, command: {self.command or '?'}"
        )


class LockHeld(Exception):
    """Another process holds the archive's lock."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "holder unknown"
        super().__init__(f"{path} is locked by another run ({who})")


class ArchiveLock:
    """An exclusive flock on `<archive>.lock`, beside the archive file.

    The kernel drops a flock when its last holder dies, so a SIGKILLed run never leaves the
    archive locked; the file's contents (pid, start time, command) are left behind, and the
    next run that takes the lock reports them as the stale lock it recovered. Child processes
    given the descriptor (`pass_fds`) keep the lock held until they too have ended.
    """

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self.fd: int | None = None
        self.recovered: Holder | None = None

    def acquire(self) -> ArchiveLock:
        """Take the lock at once or raise LockHeld naming its holder (never waits)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = _holder(fd)
            os.close(fd)
            if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise LockHeld(self.path, holder) from None
            raise
        previous = Holder.parse(_read(fd))
        if previous is not None and previous.pid != os.getpid():
            self.recovered = previous  # its flock died with it: a killed run's stale lock
        me = {
            "pid": os.getpid(),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": shlex.join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        }
        written = os.pwrite(fd, (json.dumps(me) + "\n").encode(), 0)
        os.ftruncate(fd, written)  # after the write: the file never stands empty meanwhile
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, 0)
        with contextlib.suppress(OSError):
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _holder(fd: int) -> Holder | None:
    """Who holds the lock: a holder that has just taken it writes its name a moment later,
    so an empty file is read again for up to HOLDER_WAIT seconds."""
    deadline = time.monotonic() + HOLDER_WAIT
    while (holder := Holder.parse(_read(fd))) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return holder


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 4096, 0).decode("utf-8", "replace")
    except OSError:
        return ""
