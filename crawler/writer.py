"""The inline writer: each archive or WARC job done at once (base of the thread and stream ones)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive import Archive, WarcFile

Job = Callable[[Archive], Any]


class Writer:
    """Runs each job at once on the crawl's connection."""

    failure: BaseException | None = None  # a job's error the writer caught (thread only)

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    @property
    def deferred(self) -> bool:
        """Whether jobs run later than asked (their results are not there yet)."""
        return False

    def run(self, job: Job) -> None:
        job(self.archive)

    def call(self, job: Job) -> Any:
        """Run `job` after every job asked before it, and return its result."""
        return job(self.archive)

    def open_warc(self, directory: Path, name: str) -> WarcFile:
        """The WARC file the writer's jobs write the crawl's records into."""
        return WarcFile(directory, name)

    def close(self) -> None:
        """Nothing of its own to close: the crawl's connection is closed by its owner."""
