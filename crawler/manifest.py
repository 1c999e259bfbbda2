"""A capture folder's manifest.json: its name, and reading it back (json only, no Scrapy)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


class CaptureError(ValueError):
    """A capture folder that cannot be read back; the message says why."""


def read_manifest(directory: Path) -> dict[str, Any]:
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaptureError(f"{directory} holds no {MANIFEST}: not a capture") from None
    except ValueError as error:
        raise CaptureError(f"{directory / MANIFEST} is not JSON ({error})") from None
