"""CPU seconds per test file (user + sys, child processes included), for finding where a run's
CPU goes: `PYTHONPATH=. GOVARCHIVE_CPU_LOG=cpu.jsonl pytest -p tests.cpu_times ...` appends one
JSON line per file (file, pid, cpu, wall) from whichever process ran it (each pytest-xdist worker).

Children count once they have been waited for (a crawl run by subprocess.run, a pool joined);
a replica served from a thread is the worker's own time. With `--dist loadfile` a worker runs one
file at a time, so the time between a file's first test and its last teardown is that file's."""

from __future__ import annotations

import json
import os
import resource
import time

import pytest

_current: dict[str, object] = {}


def _cpu() -> float:
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _close_file() -> None:
    log = os.environ.get("GOVARCHIVE_CPU_LOG")
    if not _current or not log:
        return
    line = {
        "file": _current["file"],
        "pid": os.getpid(),
        "cpu": round(_cpu() - float(_current["cpu"]), 2),  # type: ignore[arg-type]
        "wall": round(time.monotonic() - float(_current["wall"]), 2),  # type: ignore[arg-type]
    }
    with open(log, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")
    _current.clear()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item) -> None:
    # Called where the test runs (a worker, not the pytest-xdist controller).
    path = item.location[0]
    if _current.get("file") != path:
        _close_file()
        _current.update(file=path, cpu=_cpu(), wall=time.monotonic())


def pytest_sessionfinish() -> None:
    _close_file()
