"""What backs a profile's claims about its real portal: evidence entries, confidence, examples."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

CONFIDENCES = ("evidenced", "partial", "assumed", "learned")
# What a source can back: the parts of a profile it speaks for.
COVERS = frozenset(
    ["urls", "listing", "pagination", "selectors", "dates", "api", "feeds", "tls", "robots"]
)
EXAMPLE_KINDS = ("articles", "listings", "elsewhere")
_GITHUB_SOURCE = re.compile(r"github:[\w.-]+/[\w.-]+@[0-9a-f]{40}:\S+")
_PAGE_SOURCE = re.compile(r"https?://\S+")
# A capture folder (`govarchive capture`): what a learned profile was learned from.
_CAPTURE_SOURCE = re.compile(r"capture:\S+")


class EvidenceError(ValueError):
    """An evidence entry, a confidence or an example list a profile states wrongly."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One public source: where it is, when it was seen, what it shows and which claims it backs."""

    source: str
    seen: str
    covers: frozenset[str]
    shows: str

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Evidence:
        source, seen = str(data.get("source", "")), str(data.get("seen", ""))
        if not any(p.fullmatch(source) for p in (_GITHUB_SOURCE, _PAGE_SOURCE, _CAPTURE_SOURCE)):
            raise EvidenceError(
                f"evidence source {source!r} is neither github:owner/repo@<commit>:path nor a URL "
                "(nor, for a learned profile, capture:<folder>)"
            )
        try:
            date.fromisoformat(seen)
        except ValueError:
            problem = f"evidence {source}: seen {seen!r} is not a YYYY-MM-DD date"
            raise EvidenceError(problem) from None
        covers = frozenset(data.get("covers", []))
        if not covers or covers - COVERS:
            known = sorted(COVERS)
            raise EvidenceError(f"evidence {source}: covers {sorted(covers)} not among {known}")
        if not data.get("shows"):
            raise EvidenceError(f"evidence {source}: says nothing of what it shows")
        return cls(source, seen, covers, str(data["shows"]))


def confidence_of(
    family: Mapping[str, Any], entry: Mapping[str, Any]
) -> tuple[tuple[Evidence, ...], str]:
    """The site's evidence (family's, then its own) and the confidence it states, checked."""
    stated = [*family.get("evidence", []), *entry.get("evidence", [])]
    evidence = tuple(Evidence.from_mapping(item) for item in stated)
    confidence = entry.get("confidence", family.get("confidence", "assumed"))
    if confidence not in CONFIDENCES:
        raise EvidenceError(f"confidence {confidence!r} is not one of {', '.join(CONFIDENCES)}")
    covered = frozenset().union(*(item.covers for item in evidence))
    if confidence == "evidenced" and not ("urls" in covered and covered & {"selectors", "api"}):
        raise EvidenceError(
            "confidence 'evidenced' needs evidence covering 'urls' and 'selectors' (or 'api'); "
            f"it covers {sorted(covered) or 'nothing'}"
        )
    if confidence == "learned" and not any(e.source.startswith("capture:") for e in evidence):
        raise EvidenceError("confidence 'learned' needs its capture (capture:<folder>) as evidence")
    if confidence == "partial" and not evidence:
        raise EvidenceError("confidence 'partial' needs at least one evidence entry")
    return evidence, confidence


def examples_of(data: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """URL examples from the evidence, by kind (articles, listings, elsewhere)."""
    unknown = set(data) - set(EXAMPLE_KINDS)
    if unknown:
        raise EvidenceError(f"examples: unknown kinds {sorted(unknown)}")
    return {kind: tuple(data.get(kind, ())) for kind in EXAMPLE_KINDS}


def transport_of(data: Mapping[str, Any]) -> tuple[tuple[str, ...], str | None]:
    """(host aliases, TLS cipher string) from a profile's `transport` table."""
    unknown = set(data) - {"aliases", "tls_ciphers"}
    if unknown:
        raise EvidenceError(f"transport: unknown keys {sorted(unknown)}")
    return tuple(data.get("aliases", ())), data.get("tls_ciphers")
