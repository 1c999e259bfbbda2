"""`govarchive eval`: every replica family, plain and obfuscated, plus the real-world dev set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from crawler.evaluation.devset import DEFAULT_DEVSET, load_devset, score
from crawler.evaluation.replica import score_replica
from crawler.extract import extract_article
from crawler.sites import find_site

# Articles per replica site when the quality gate scores extraction.
GATE_ARTICLES = 20


def article_text(html: bytes, url: str) -> str:
    """What the project extracts as an article's text: title, sapo, body and byline."""
    article = extract_article(html, url, find_site(url))
    parts = [article.title, article.summary, article.body_text, article.author]
    return "\n".join(filter(None, parts))


def trafilatura_text(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def evaluate(
    articles: int = 20,
    devset: Path | None = DEFAULT_DEVSET,
    devset_limit: int | None = None,
    progress: Callable[[str], None] = print,
) -> dict[str, Any]:
    """All scores as one JSON-ready dict: replica (profile, generic on obfuscated), dev set."""
    from replica.server import ReplicaServer
    from replica.site import SiteConfig

    report: dict[str, Any] = {"replica": {}, "devset": None}
    for mode, obfuscate, generic in (("profile", False, False), ("obfuscated_generic", True, True)):
        progress(f"replica, {mode} ...")
        with ReplicaServer(
            port=0, config=SiteConfig(articles=articles), obfuscate=obfuscate
        ) as srv:
            scores = score_replica(srv.url, generic=generic, progress=progress)
        report["replica"][mode] = [s.as_dict() for s in scores]
    if devset is not None and (devset / "evaldata.json").exists():
        progress(f"dev set {devset} ...")
        pages = list(load_devset(devset, devset_limit))
        report["devset"] = {
            "pages": len(pages),
            "govarchive": score(pages, article_text).as_dict(),
            "trafilatura": score(pages, trafilatura_text).as_dict(),
        }
    return report


def format_report(report: dict[str, Any]) -> str:
    """The report as plain-text tables."""
    lines = []
    columns = ("title", "published", "author_unit", "body_f1", "trafilatura_body_f1", "errors")
    for mode, rows in report["replica"].items():
        lines.append(f"\nReplica, {mode}:")
        lines.append(f"{'site':<26}{'pages':>6}" + "".join(f"{c:>21}" for c in columns))
        for row in rows:
            cells = "".join(f"{'-' if row[c] is None else row[c]:>21}" for c in columns)
            lines.append(f"{row['site']:<26}{row['pages']:>6}{cells}")
    if report["devset"]:
        dev = report["devset"]
        lines.append(f"\nDev set ({dev['pages']} pages): precision / recall / F1 / ms per page")
        for name in ("govarchive", "trafilatura"):
            d = dev[name]
            lines.append(
                f"{name:<14}{d['precision']:>8}{d['recall']:>8}{d['f1']:>8}{d['ms_per_page']:>9}"
            )
    return "\n".join(lines)
