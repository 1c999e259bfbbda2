"""The press voice (families 2 and 3) under its old name: it is the shared Writer itself."""

from __future__ import annotations

from replica.text import Writer as NewsGen

__all__ = ["NewsGen"]
