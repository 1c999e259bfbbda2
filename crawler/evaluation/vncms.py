"""Score the generic path, and trafilatura, on the Vietnamese CMS fixtures (tests/vn_cms/):
page shapes of CMSs the replicas do not serve, read without any site profile."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import trafilatura

from crawler.evaluation.devset import DevPage, Extracted, field_right, score
from crawler.extract import extract_article

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "vn_cms"
FIELDS = ("title", "date", "author_unit")


def load_fixtures(root: Path = FIXTURES) -> list[DevPage]:
    """Every fixture page with its truth, as dev-set pages (snippets and labels)."""
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    return [
        DevPage(
            entry["url"],
            (root / entry["file"]).read_bytes(),
            tuple(entry["with"]),
            tuple(entry["without"]),
            {
                "title": entry["title"],
                "date": entry["published"][:10],
                "author_unit": entry["author_unit"] or "",
                "published": entry["published"],
            },
        )
        for entry in truth
    ]


def generic_fields(html: bytes, url: str) -> Extracted:
    """The generic path alone (no profile): the whole text and the scored fields."""
    article = extract_article(html, url, generic=True)
    published = article.published.isoformat() if article.published else None
    fields = {
        "title": article.title,
        "date": published,
        "published": published,
        "author_unit": article.author_unit,
    }
    return Extracted("\n".join(filter(None, [article.title, article.text])), fields)


def trafilatura_fields(html: bytes, url: str) -> Extracted:
    """trafilatura's text and metadata; its author is the only credit it gives, so it is
    scored against the author unit."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(html, default_url=url)
    fields = {"title": meta.title, "date": meta.date, "author_unit": meta.author}
    return Extracted(text or "", fields)


def evaluate_fixtures(root: Path = FIXTURES) -> dict[str, Any]:
    """Per-field shares right and snippet F1, ours and trafilatura's on the same pages."""
    pages = load_fixtures(root)
    ours = score(pages, generic_fields, (*FIELDS, "published"))
    theirs = score(pages, trafilatura_fields, FIELDS)
    return {
        "pages": len(pages),
        "govarchive": ours.as_dict(),
        "trafilatura": theirs.as_dict(),
    }


__all__ = ["FIELDS", "evaluate_fixtures", "field_right", "load_fixtures"]
