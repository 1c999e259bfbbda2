"""The archive served by Datasette from its configuration directory (this package's folder)."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette
from sqlite_utils import Database

from archive.schema import migrate, migrations

# Datasette reads metadata.yaml, settings.json, templates/, plugins/ and static/ from here.
CONFIG_DIR = Path(__file__).parent
METADATA_FILE = CONFIG_DIR / "metadata.yaml"
log = logging.getLogger(__name__)


def metadata_for(db_path: Path) -> dict[str, Any]:
    """Datasette metadata with the archive's database name in place of "*"."""
    metadata = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))
    metadata["databases"] = {db_path.stem: metadata["databases"]["*"]}
    return metadata


def make_datasette(db_path: str | Path) -> Datasette:
    """A read-only Datasette instance on the archive at `db_path`."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no archive at {db_path}; crawl one first (govarchive crawl)")
    # Passing metadata keeps the config directory for everything else (settings, templates,
    # plugins, static) while naming the database after the file. In a read-only folder no
    # -wal/-shm file can be made, so nothing can change the archive: it is opened immutable
    # (a mode=ro connection to a WAL archive there fails on every page).
    files = {"immutables" if not writable_folder(db_path) else "files": [str(db_path)]}
    return Datasette(config_dir=CONFIG_DIR, metadata=metadata_for(db_path), **files)


def writable_folder(db_path: Path) -> bool:
    return os.access(db_path.absolute().parent, os.W_OK)


def upgrade_schema(db_path: Path) -> None:
    """Apply pending migrations (new indexes) before serving; a read-only copy is served as is."""
    if not writable_folder(db_path) or not os.access(db_path, os.W_OK):
        log.warning("serving %s read-only, as it is (its folder or file is read-only)", db_path)
        return
    db = Database(sqlite3.connect(db_path, timeout=30))
    try:
        if pending := [migration.name for migration in migrations.pending(db)]:
            log.warning(
                "upgrading %s: %s (a rebuilt full-text index takes minutes at a million articles)",
                db_path,
                ", ".join(pending),
            )
        migrate(db)
    except sqlite3.OperationalError as error:
        log.warning("serving %s without upgrading its schema: %s", db_path, error)
    finally:
        db.close()


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the archive with Datasette until interrupted."""
    import uvicorn

    upgrade_schema(Path(db_path))
    datasette = make_datasette(db_path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
