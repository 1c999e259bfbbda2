"""The extraction quality gate: scores that must not fall below a recorded baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASELINE = Path(__file__).resolve().parents[2] / "tests" / "eval_baseline.json"
REPLICA_SCORES = ("title", "published", "author_unit", "body_f1")
DEVSET_SCORES = ("precision", "recall", "f1")


def gated_scores(report: dict[str, Any]) -> dict[str, float]:
    """The scores the gate holds, flattened to "mode/site/score" keys."""
    scores: dict[str, float] = {}
    for mode, rows in report["replica"].items():
        for row in rows:
            for name in REPLICA_SCORES:
                if row.get(name) is not None:
                    scores[f"replica/{mode}/{row['site']}/{name}"] = row[name]
    if report.get("devset"):
        for name in DEVSET_SCORES:
            scores[f"devset/govarchive/{name}"] = report["devset"]["govarchive"][name]
    return scores


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
