"""govarchive storage: the SQLite archive (schema, upserts, search) and its Datasette setup.

What the crawler may use is exported here; the rest are the archive's own modules (the
Datasette server, `archive.web`, is imported where it is started: it loads Datasette).
"""

from archive.export import write_csv, write_jsonl, write_warc
from archive.history import removed_at, version_diff, versions
from archive.store import Archive, WriteCounts
from archive.warc import Capture, Earlier, Snapshot, WarcFile, read_snapshot

__all__ = [
    "Archive",
    "Capture",
    "Earlier",
    "Snapshot",
    "WarcFile",
    "WriteCounts",
    "read_snapshot",
    "removed_at",
    "version_diff",
    "versions",
    "write_csv",
    "write_jsonl",
    "write_warc",
]
