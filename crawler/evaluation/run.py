"""`govarchive eval`: every replica family, plain and obfuscated, plus the real-world dev set."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import htmldate
import trafilatura

from crawler.evaluation.devset import (
    DEFAULT_DEVSET,
    FIELDS,
    Extracted,
    SnippetScore,
    load_devset,
    score,
)
from crawler.evaluation.replica import score_replica
from crawler.evaluation.vncms import FIELDS as VN_FIELDS
from crawler.evaluation.vncms import FIXTURES, evaluate_fixtures
from crawler.extract import extract_article
from crawler.sites import find_site

# Articles per replica site when the quality gate scores extraction.
GATE_ARTICLES = 20


def article_text(html: bytes, url: str) -> Extracted:
    """What the project extracts as an article's text (title, sapo and body) and its title,
    date and author. The byline is a field of its own, scored as such: the set counts names
    under or after a text as boilerplate."""
    article = extract_article(html, url, find_site(url))
    parts = [article.title, article.text]
    published = article.published.isoformat() if article.published else None
    fields = {"title": article.title, "date": published, "author": article.author}
    return Extracted("\n".join(filter(None, parts)), fields)


def trafilatura_text(html: bytes, url: str) -> Extracted:
    """trafilatura's main text (as it is published) and the fields of its metadata."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(html, default_url=url)
    fields = {"title": meta.title, "date": meta.date, "author": meta.author}
    return Extracted(text or "", fields)


def htmldate_date(html: bytes, url: str) -> Extracted:
    """htmldate's publication date, as trafilatura asks for it (extensive search, the
    original date rather than the last update)."""
    found = htmldate.find_date(html, url=url, extensive_search=True, original_date=True)
    return Extracted("", {"date": found})


# The extractors scored on the dev set, and the labelled fields each is scored on.
DEVSET_EXTRACTORS: dict[str, tuple[Callable[[bytes, str], Extracted], tuple[str, ...]]] = {
    "govarchive": (article_text, FIELDS),
    "trafilatura": (trafilatura_text, FIELDS),
    "htmldate": (htmldate_date, ("date",)),
}


def score_devset(devset: Path, limit: int | None, name: str) -> SnippetScore:
    """One extractor's scores on the dev set, read here (in a process of its own)."""
    return score(list(load_devset(devset, limit)), *DEVSET_EXTRACTORS[name])


def evaluate(
    articles: int = 20,
    devset: Path | None = DEFAULT_DEVSET,
    devset_limit: int | None = None,
    progress: Callable[[str], None] = print,
    processes: bool = False,
) -> dict[str, Any]:
    """All scores as one JSON-ready dict: replica (profile, generic on obfuscated), dev set.
    With `processes`, each extractor reads the dev set in a process of its own while the
    replicas are scored: the same scores, sooner where cores are free (the quality gate), but
    its ms per page then count waits for a core."""
    from replica.server import ReplicaServer
    from replica.site import SiteConfig

    if devset is not None and not (devset / "evaldata.json").exists():
        devset = None
    with ExitStack() as stack:
        runs: dict[str, Future[SnippetScore]] = {}
        if processes and devset is not None:
            pool = ProcessPoolExecutor(len(DEVSET_EXTRACTORS), mp_context=get_context("spawn"))
            stack.enter_context(pool)
            runs = {
                name: pool.submit(score_devset, devset, devset_limit, name)
                for name in DEVSET_EXTRACTORS
            }
        report: dict[str, Any] = {"replica": {}, "devset": None, "vn_cms": None}
        for mode, obfuscate, generic in (
            ("profile", False, False),
            ("obfuscated_generic", True, True),
        ):
            progress(f"replica, {mode} ...")
            with ReplicaServer(
                port=0, config=SiteConfig(articles=articles), obfuscate=obfuscate
            ) as srv:
                scores = score_replica(srv.url, generic=generic, progress=progress)
            report["replica"][mode] = [s.as_dict() for s in scores]
        if (FIXTURES / "truth.json").exists():
            progress("Vietnamese CMS fixtures (generic path) ...")
            report["vn_cms"] = evaluate_fixtures()
        if devset is not None:
            progress(f"dev set {devset} ...")
            if runs:
                dev = {name: run.result() for name, run in runs.items()}
            else:
                pages = list(load_devset(devset, devset_limit))
                dev = {name: score(pages, *how) for name, how in DEVSET_EXTRACTORS.items()}
            report["devset"] = {
                "pages": dev["govarchive"].pages,
                "govarchive": dev["govarchive"].as_dict(),
                "trafilatura": dev["trafilatura"].as_dict(),
                "htmldate": {"fields": dev["htmldate"].field_accuracy()},
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
            shares = "".join(f"{'-' if row[c] is None else row[c]:>21}" for c in columns)
            lines.append(f"{row['site']:<26}{row['pages']:>6}{shares}")
    if report.get("vn_cms"):
        fixtures = report["vn_cms"]
        lines.append(
            f"\nVietnamese CMS fixtures ({fixtures['pages']} pages, generic path): share right, "
            "snippet F1 (trafilatura's author scored as the unit)"
        )
        names = (*VN_FIELDS, "published")
        lines.append(f"{'':<14}" + "".join(f"{name:>13}" for name in (*names, "f1")))
        for name in ("govarchive", "trafilatura"):
            got = fixtures[name]
            cells = [got["fields"].get(field, "-") for field in names] + [got["f1"]]
            lines.append(f"{name:<14}" + "".join(f"{cell:>13}" for cell in cells))
    if report["devset"]:
        dev = report["devset"]
        lines.append(f"\nDev set ({dev['pages']} pages): precision / recall / F1 / ms per page")
        for name in ("govarchive", "trafilatura"):
            d = dev[name]
            lines.append(
                f"{name:<14}{d['precision']:>8}{d['recall']:>8}{d['f1']:>8}{d['ms_per_page']:>9}"
            )
        labelled = dev["govarchive"].get("labelled", {})
        lines.append(
            "\nDev set, labelled fields (share right; pages labelled: "
            + ", ".join(f"{name} {labelled.get(name, 0)}" for name in FIELDS)
            + ")"
        )
        lines.append(f"{'':<14}" + "".join(f"{name:>8}" for name in (*FIELDS, "body_f1")))
        for name in ("govarchive", "trafilatura", "htmldate"):
            got = dev[name].get("fields", {})
            cells = [got.get(field, "-") for field in FIELDS] + [dev[name].get("f1", "-")]
            lines.append(f"{name:<14}" + "".join(f"{cell:>8}" for cell in cells))
    return "\n".join(lines)
