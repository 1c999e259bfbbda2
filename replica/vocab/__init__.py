"""The replica's vocabularies: the JSON files of this folder, read once, lists as tuples."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


@cache
def vocab(name: str) -> Any:
    """The vocabulary `name` (`<name>.json` here), its tables as attributes: vocab("news").POOLS."""
    data = json.loads(Path(__file__).with_name(f"{name}.json").read_text(encoding="utf-8"))
    return SimpleNamespace(**{key: _frozen(value) for key, value in data.items()})
