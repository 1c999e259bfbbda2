"""Field scores: exact matches, and body precision/recall/F1 on 4-word shingles."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-grams of `\\w+` tokens, casefolded (short texts: the whole text)."""
    words = [w.casefold() for w in _WORD.findall(text or "")]
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def body_scores(extracted: str, expected: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the extracted body against the expected one."""
    got, want = shingles(extracted), shingles(expected)
    if not got and not want:
        return 1.0, 1.0, 1.0
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
