"""Record the current extraction scores as the quality gate's baseline (tests/eval_baseline.json).

Run after an improvement, and commit the file with it. The gate (tests/test_eval_gate.py)
fails whenever a score falls below the baseline, so this refuses to write a baseline in which
any recorded score would drop (or go missing, e.g. without the dev set) unless told
`--allow-drop`, and then names every score it lowers.

Usage: python scripts/update_eval_baseline.py [--allow-drop]
"""

from __future__ import annotations

import json
import sys

from crawler.evaluation.gate import BASELINE, regressions, write_baseline
from crawler.evaluation.run import GATE_ARTICLES, evaluate

if __name__ == "__main__":
    report = evaluate(articles=GATE_ARTICLES)
    recorded = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if drops := regressions(report, recorded):
        print("these scores fall below the recorded baseline:\n" + "\n".join(drops))
        if "--allow-drop" not in sys.argv[1:]:
            sys.exit(f"{BASELINE} left as it was (--allow-drop lowers them)")
    write_baseline(report)
    print(f"wrote {BASELINE}")
