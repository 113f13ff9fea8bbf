"""Related real measures: a programme indicator → measures shown beside it, never in its line or verdict.

data/reference/related_measures.csv pairs them: the programme's care-guarantee share (all non-urgent
visits within 7 days) gets Sotkanet 6411 (physician visits waiting over 7 days) beside it. A pair whose
measure is not loaded simply shows nothing.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from domain.programme import REFERENCE_DIR

RELATED = REFERENCE_DIR / "related_measures.csv"


@cache
def related_measures(path: Path = RELATED) -> dict[str, tuple[str, ...]]:
    """Programme indicator code → the codes of its related measures, in the file's order."""
    found: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found[row["indicator_code"]] = (*found.get(row["indicator_code"], ()), row["related_code"])
    return found


def is_related_measure(code: str) -> bool:
    """Shown only beside the indicator it relates to (so Alue does not list it as an own measure)."""
    return any(code in codes for codes in related_measures().values())
