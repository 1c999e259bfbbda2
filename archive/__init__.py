"""govarchive storage: the SQLite archive (schema, upserts, search) and its Datasette setup.

What the crawler may use is exported here; the rest are the archive's own modules (the
Datasette server, `archive.web`, is imported where it is started: it loads Datasette).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive import drift, retries
    from archive.export import write_csv, write_jsonl, write_warc
    from archive.history import removed_at, version_diff, versions
    from archive.lock import EXIT_LOCKED, ArchiveLock, LockHeld
    from archive.paths import ArchiveError, check_archive_path
    from archive.runs import mark_interrupted, site_states
    from archive.store import Archive, WriteCounts, read_only_connection
    from archive.warc import (
        Capture,
        Earlier,
        Exchange,
        PackedExchange,
        Snapshot,
        WarcFile,
        pack_exchange,
        read_snapshot,
    )

# Each export loads its module on first use: sqlite-utils and warcio cost a third of a second,
# and `update` must find a held lock and exit within a second (docs/operations.md).
_HOMES = {
    "drift": "archive.drift",
    "retries": "archive.retries",
    **dict.fromkeys(("write_csv", "write_jsonl", "write_warc"), "archive.export"),
    **dict.fromkeys(("removed_at", "version_diff", "versions"), "archive.history"),
    **dict.fromkeys(("EXIT_LOCKED", "ArchiveLock", "LockHeld"), "archive.lock"),
    **dict.fromkeys(("ArchiveError", "check_archive_path"), "archive.paths"),
    **dict.fromkeys(("mark_interrupted", "site_states"), "archive.runs"),
    **dict.fromkeys(("Archive", "WriteCounts", "read_only_connection"), "archive.store"),
    **dict.fromkeys(
        (
            "Capture",
            "Earlier",
            "Exchange",
            "PackedExchange",
            "Snapshot",
            "WarcFile",
            "pack_exchange",
            "read_snapshot",
        ),
        "archive.warc",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'archive' has no attribute {name!r}")
    module = importlib.import_module(home)
    value = module if name in ("drift", "retries") else getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "EXIT_LOCKED",
    "Archive",
    "ArchiveError",
    "ArchiveLock",
    "Capture",
    "Earlier",
    "Exchange",
    "LockHeld",
    "PackedExchange",
    "Snapshot",
    "WarcFile",
    "WriteCounts",
    "check_archive_path",
    "drift",
    "mark_interrupted",
    "pack_exchange",
    "read_only_connection",
    "read_snapshot",
    "removed_at",
    "retries",
    "site_states",
    "version_diff",
    "versions",
    "write_csv",
    "write_jsonl",
    "write_warc",
]
