"""Record the current extraction scores as the quality gate's baseline (tests/eval_baseline.json).

Run after an improvement, and commit the file with it. The gate (tests/test_eval_gate.py)
fails whenever a score falls below the baseline, so never run this to make a drop pass.

Usage: python scripts/update_eval_baseline.py
"""

from __future__ import annotations

from crawler.evaluation.gate import BASELINE, write_baseline
from crawler.evaluation.run import GATE_ARTICLES, evaluate

if __name__ == "__main__":
    write_baseline(evaluate(articles=GATE_ARTICLES))
    print(f"wrote {BASELINE}")
