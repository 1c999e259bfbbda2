"""The extraction quality gate: scores that must not fall below a recorded baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASELINE = Path(__file__).resolve().parents[2] / "tests" / "eval_baseline.json"
REPLICA_SCORES = ("title", "published", "author_unit", "body_f1")
DEVSET_SCORES = ("precision", "recall", "f1")
# The dev set's labelled fields, each held at its floor and at trafilatura's (and, for the
# date, htmldate's) score in the same run.
DEVSET_FIELDS = ("title", "date", "author")
REFERENCES = {
    "title": ("trafilatura",),
    "date": ("trafilatura", "htmldate"),
    "author": ("trafilatura",),
}


def gated_scores(report: dict[str, Any]) -> dict[str, float]:
    """The scores the gate holds, flattened to "mode/site/score" keys."""
    scores: dict[str, float] = {}
    for mode, rows in report["replica"].items():
        for row in rows:
            for name in REPLICA_SCORES:
                if row.get(name) is not None:
                    scores[f"replica/{mode}/{row['site']}/{name}"] = row[name]
    if report.get("devset"):
        ours = report["devset"]["govarchive"]
        for name in DEVSET_SCORES:
            scores[f"devset/govarchive/{name}"] = ours[name]
        for name in DEVSET_FIELDS:
            if name in ours.get("fields", {}):
                scores[f"devset/govarchive/{name}"] = ours["fields"][name]
    if report.get("vn_cms"):
        fixtures = report["vn_cms"]["govarchive"]
        for name, value in fixtures["fields"].items():
            scores[f"vn_cms/govarchive/{name}"] = value
        scores["vn_cms/govarchive/f1"] = fixtures["f1"]
    return scores


def behind_references(report: dict[str, Any]) -> list[str]:
    """Every dev-set field where ours scores below a reference extractor in the same run."""
    dev = report.get("devset")
    if not dev:
        return []
    ours = dev["govarchive"].get("fields", {})
    return [
        f"devset {name}: govarchive {ours.get(name)} < {other} {dev[other]['fields'][name]}"
        for name, others in REFERENCES.items()
        for other in others
        if name in dev[other].get("fields", {})
        and (ours.get(name) is None or ours[name] < dev[other]["fields"][name])
    ]


def regressions(report: dict[str, Any], baseline: dict[str, float]) -> list[str]:
    """Every gated score below its baseline (or missing), as readable lines."""
    now = gated_scores(report)
    return [
        f"{key}: {now.get(key)} < baseline {floor}"
        for key, floor in sorted(baseline.items())
        if now.get(key) is None or now[key] < floor
    ]


def write_baseline(report: dict[str, Any], path: Path = BASELINE) -> None:
    path.write_text(json.dumps(gated_scores(report), indent=1, sort_keys=True) + "\n")
