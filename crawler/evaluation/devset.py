"""The trafilatura-eval dev set (../shared/data/trafilatura-eval): snippet-based text scoring
and the labelled fields (title, date, author).

Each page lists snippets that must appear in the main text ("with") and boilerplate that must
not ("without"); the set's README defines the scoring, which this module follows. Part of the
pages also carry `title`, `date` (YYYY-MM-DD) and `author` labels; a field is scored on the
pages whose label is not empty, and is right when the extractor gives the label after
whitespace normalisation (dates by calendar day, as the page states it).
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DEVSET = Path(__file__).resolve().parents[2].parent / "shared/data/trafilatura-eval"

FIELDS = ("title", "date", "author")


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor gave for a page: its main text and the labelled fields."""

    text: str = ""
    fields: dict[str, str | None] = field(default_factory=dict)


Extractor = Callable[[bytes, str], "Extracted | str"]


@dataclass(frozen=True, slots=True)
class DevPage:
    url: str
    html: bytes
    expected: tuple[str, ...]
    unwanted: tuple[str, ...]
    labels: dict[str, str] | None = None  # title, date, author, where the set labels them


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
    field_hits: dict[str, int] = field(default_factory=dict)
    field_totals: dict[str, int] = field(default_factory=dict)

    def field_accuracy(self) -> dict[str, float]:
        return {
            name: round(self.field_hits.get(name, 0) / total, 4)
            for name, total in self.field_totals.items()
            if total
        }

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

    def as_dict(self) -> dict[str, float | int | dict[str, float] | dict[str, int]]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pages": self.pages,
            "errors": self.errors,
            "ms_per_page": round(1000 * self.seconds / max(self.pages, 1), 2),
            "fields": self.field_accuracy(),
            "labelled": dict(self.field_totals),
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
                    {name: entry[name] for name in FIELDS if name in entry} or None,
                )
                break


def _as_text(value: str | list[str] | None) -> str:
    """A field as one string: several authors (a list in some labels) joined by "; "."""
    return _normalise("; ".join(value) if isinstance(value, list) else value or "")


def field_right(name: str, got: str | list[str] | None, label: str | list[str]) -> bool:
    """Whether an extracted field matches the set's label (dates compared by calendar day)."""
    found = _as_text(got)
    if name == "date":
        found = found[:10]
    return found == _as_text(label)


def score(pages: list[DevPage], extractor: Extractor, fields: tuple[str, ...] = ()) -> SnippetScore:
    """Run `extractor` over `pages`; an error or no text scores the page as empty text (and
    its fields as none found). `fields` are scored where the page is labelled; an extractor
    that only returns text scores its snippets."""
    result = SnippetScore()
    for page in pages:
        started = time.perf_counter()
        try:
            found = extractor(page.html, page.url) or Extracted()
        except Exception:  # any failure scores as empty text, per the set's rules
            found = Extracted()
            result.errors += 1
            result.failed_pages.append(page.url)
        result.seconds += time.perf_counter() - started
        result.pages += 1
        if isinstance(found, str):
            found = Extracted(found)
        for name in fields:
            if page.labels is None or not _as_text(page.labels.get(name)):
                continue
            result.field_totals[name] = result.field_totals.get(name, 0) + 1
            right = field_right(name, found.fields.get(name), page.labels[name])
            result.field_hits[name] = result.field_hits.get(name, 0) + right
        if not page.expected and not page.unwanted:
            continue
        text = _normalise(found.text)
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
