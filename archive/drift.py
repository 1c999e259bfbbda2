"""Layout drift: a run's new articles measured field by field against the site's history."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

# What is measured, as the share of articles where it went wrong: an empty title, date or body,
# a body read by the generic path although the profile places it, a page not read at all.
FIELDS = ("title", "published", "body", "generic_body", "unreadable")
LABELS = {
    "title": "title empty",
    "published": "date empty",
    "body": "body empty",
    "generic_body": "body read by the generic path",
    "unreadable": "pages unreadable",
}
# A verdict needs this many new articles (pooled over the site's last runs when one run found
# fewer) and this many earlier articles to compare with.
MIN_SAMPLE = 5
MIN_HISTORY = 10
HISTORY = 200
POOLED_RUNS = 20
# A field drifted when its failure share rose by at least RISE and is now at least FLOOR:
# 0% -> 30% is a redesign; 2% -> 10% is a bad week.
RISE = 0.25
FLOOR = 0.3

_SHARES = """
SELECT count(*) AS n,
  avg(coalesce(title, '') = '') AS title,
  avg(published IS NULL OR published = '') AS published,
  avg(coalesce(length(body_text), 0) = 0) AS body,
  avg(extraction_path = 'generic') AS generic_body
FROM ({rows})
"""
_NEW = (
    "SELECT v.title, v.published, v.body_text, a.extraction_path FROM article_versions v "
    "JOIN articles a ON a.url = v.article_url WHERE v.version = 1 AND v.run_id IN ({ids})"
)
_BEFORE = (
    "SELECT title, published, body_text, extraction_path FROM articles "
    "WHERE site = ? AND first_seen < ? ORDER BY first_seen DESC LIMIT " + str(HISTORY)
)


@dataclass(slots=True)
class Quality:
    """Failure shares of a run's new articles (`now`) and of the site's history (`before`)."""

    sample: int
    history: int
    now: dict[str, float] = field(default_factory=dict)
    before: dict[str, float] = field(default_factory=dict)
    runs: int = 1

    @property
    def judged(self) -> bool:
        return self.sample >= MIN_SAMPLE and self.history >= MIN_HISTORY

    def drifted(self) -> list[str]:
        """The fields whose share of failures rose clearly above the site's history."""
        if not self.judged:
            return []
        return [
            name
            for name in FIELDS
            if name in self.now
            and self.now[name] >= FLOOR
            and self.now[name] - self.before.get(name, 0.0) >= RISE
        ]

    def to_json(self) -> str:
        return json.dumps(
            {
                "sample": self.sample,
                "history": self.history,
                "runs": self.runs,
                "now": self.now,
                "before": self.before,
            },
        )


def _shares(db: Database, rows_sql: str, params: list[Any]) -> tuple[int, dict[str, float]]:
    row = next(db.query(_SHARES.format(rows=rows_sql), params))
    n = row.pop("n")
    return n, {name: round(value or 0.0, 4) for name, value in row.items()}


def _unreadable(db: Database, site: str, since: str, until: str | None, read: int) -> float:
    """Share of pages the extractor could not read, among the run's articles and failures."""
    sql = "SELECT count(*) FROM extraction_failures WHERE site = ? AND last_failed_at >= ?"
    params: list[Any] = [site, since]
    if until:
        sql += " AND last_failed_at <= ?"
        params.append(until)
    failed = db.execute(sql, params).fetchone()[0]
    return round(failed / (failed + read), 4) if failed + read else 0.0


def measure(db: Database, run_id: int, *, profile_places_body: bool) -> Quality:
    """The quality of `run_id`'s new articles against the site's earlier ones."""
    run = db.table("crawl_runs").get(run_id)
    site = run["site"]
    # Pool the site's last runs until they found enough new articles for a verdict.
    pooled = list(
        db.query(
            "SELECT id, started_at, new_articles FROM crawl_runs WHERE site = ? AND id <= ? "
            "ORDER BY id DESC LIMIT ?",
            [site, run_id, POOLED_RUNS],
        )
    )
    ids, found = [], 0
    for earlier in pooled:
        ids.append(earlier["id"])
        found += earlier["new_articles"] or 0
        if found >= MIN_SAMPLE:
            break
    since = pooled[len(ids) - 1]["started_at"]
    sample, now = _shares(db, _NEW.format(ids=", ".join("?" for _ in ids)), ids)
    history, before = _shares(db, _BEFORE, [site, since])
    now["unreadable"] = _unreadable(db, site, since, run.get("finished_at"), sample)
    before["unreadable"] = 0.0  # failures are cleared once read: no history to compare with
    if not profile_places_body:
        now.pop("generic_body")
        before.pop("generic_body")
    return Quality(sample, history, now, before, runs=len(ids))


def record(db: Database, run_id: int, quality: Quality) -> list[str]:
    """Store the run's quality and drift verdict in `crawl_runs`; return the drifted fields."""
    drifted = quality.drifted()
    verdict = ",".join(drifted) if quality.judged else None
    with db.atomic():
        db.table("crawl_runs").update(run_id, {"quality": quality.to_json(), "drift": verdict})
    return drifted


def describe(fields: str | None, quality: str | Mapping[str, Any] | None) -> str:
    """'body empty 90% (was 0%), generic_body 100% (was 0%)' for a run's drift columns."""
    if not fields:
        return ""
    data = json.loads(quality) if isinstance(quality, str) else (quality or {})
    now, before = data.get("now", {}), data.get("before", {})
    parts = []
    for name in fields.split(","):
        label = LABELS.get(name, name)
        parts.append(f"{name} ({label} {now.get(name, 0):.0%}, was {before.get(name, 0):.0%})")
    return ", ".join(parts)
