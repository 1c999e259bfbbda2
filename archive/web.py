"""The archive served by Datasette: metadata and settings for one archive file."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette

METADATA_FILE = Path(__file__).parent / "datasette" / "metadata.yaml"

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "default_page_size": 20,
    "truncate_cells_html": 300,
    "allow_download": False,
}


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
    return Datasette([str(db_path)], metadata=metadata_for(db_path), settings=SETTINGS)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the archive with Datasette until interrupted."""
    import uvicorn

    datasette = make_datasette(db_path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
