"""govarchive storage: the SQLite archive (schema, upserts, search) and its Datasette setup.

What the crawler may use is exported here; the rest are the archive's own modules (the
Datasette server, `archive.web`, is imported where it is started: it loads Datasette).
"""

from archive import drift
from archive.export import write_csv, write_jsonl, write_warc
from archive.history import removed_at, version_diff, versions
from archive.lock import EXIT_LOCKED, ArchiveLock, LockHeld
from archive.runs import mark_interrupted, site_states
from archive.store import (
    Archive,
    ArchiveError,
    WriteCounts,
    check_archive_path,
    read_only_connection,
)
from archive.warc import Capture, Earlier, Snapshot, WarcFile, read_snapshot

__all__ = [
    "EXIT_LOCKED",
    "Archive",
    "ArchiveError",
    "ArchiveLock",
    "Capture",
    "Earlier",
    "LockHeld",
    "Snapshot",
    "WarcFile",
    "WriteCounts",
    "check_archive_path",
    "drift",
    "mark_interrupted",
    "read_only_connection",
    "read_snapshot",
    "removed_at",
    "site_states",
    "version_diff",
    "versions",
    "write_csv",
    "write_jsonl",
    "write_warc",
]
