"""The one error extraction raises: a page that holds no readable article, and why."""

from __future__ import annotations


class ExtractionError(ValueError):
    """The page holds no article that can be read; the message says why."""
