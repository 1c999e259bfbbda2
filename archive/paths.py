"""An archive file's path checked before anything opens it (light: no sqlite-utils)."""

from __future__ import annotations

import os
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


class ArchiveError(Exception):
    """The path given as an archive cannot be one (the message says why, in one line)."""


def check_archive_path(path: Path, *, must_exist: bool) -> None:
    """Raise ArchiveError unless `path` is an SQLite file (or, when not `must_exist`, absent
    in a folder that can be created and written)."""
    if path.is_dir():
        raise ArchiveError(f"{path} is a directory, not an archive file")
    if not path.exists():
        if must_exist:
            raise ArchiveError(f"no archive at {path}")
        folder = next((p for p in path.absolute().parents if p.exists()), Path("/"))
        if not os.access(folder, os.W_OK):
            raise ArchiveError(f"cannot create {path}: {folder} is not writable")
        return
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ArchiveError(f"cannot read {path}: {error.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise ArchiveError(f"{path} is not an SQLite database")
    if not must_exist and not os.access(path.absolute().parent, os.W_OK):
        raise ArchiveError(f"cannot write beside {path}: its folder is read-only")
