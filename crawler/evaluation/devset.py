"""The trafilatura-eval dev set (../shared/data/trafilatura-eval): snippet-based text scoring.

Each page lists snippets that must appear in the main text ("with") and boilerplate that must
not ("without"); the set's README defines the scoring, which this module follows.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DEVSET = Path(__file__).resolve().parents[2].parent / "shared/data/trafilatura-eval"

Extractor = Callable[[bytes, str], str]


@dataclass(frozen=True, slots=True)
class DevPage:
    url: str
    html: bytes
    expected: tuple[str, ...]
    unwanted: tuple[str, ...]


@dataclass
class SnippetScore:
    """Counts over the whole set, as the dev set's README defines them."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    seconds: float = 0.0
    pages: int = 0
    errors: int = 0
    failed_pages: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pages": self.pages,
            "errors": self.errors,
            "ms_per_page": round(1000 * self.seconds / max(self.pages, 1), 2),
        }


def _normalise(text: str) -> str:
    return " ".join(text.split())


def load_devset(root: Path = DEFAULT_DEVSET, limit: int | None = None) -> Iterator[DevPage]:
    """The dev set's pages, read from where the set lives (never copied into the project)."""
    index = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for count, (url, entry) in enumerate(index.items()):
        if limit is not None and count >= limit:
            return
        for folder in ("eval", "cache"):
            path = root / "tests" / folder / f"{entry['file']}.gz"
            if path.exists():
                yield DevPage(
                    url,
                    gzip.decompress(path.read_bytes()),
                    tuple(entry.get("with", [])),
                    tuple(entry.get("without", [])),
                )
                break


def score(pages: list[DevPage], extractor: Extractor) -> SnippetScore:
    """Run `extractor` over `pages`; an error or no text scores the page as empty text."""
    result = SnippetScore()
    for page in pages:
        started = time.perf_counter()
        try:
            text = extractor(page.html, page.url) or ""
        except Exception:  # any failure scores as empty text, per the set's rules
            text = ""
            result.errors += 1
            result.failed_pages.append(page.url)
        result.seconds += time.perf_counter() - started
        result.pages += 1
        text = _normalise(text)
        for snippet in page.expected:
            if _normalise(snippet) in text:
                result.tp += 1
            else:
                result.fn += 1
        for snippet in page.unwanted:
            if _normalise(snippet) in text:
                result.fp += 1
            else:
                result.tn += 1
    return result
