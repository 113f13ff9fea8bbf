"""Our region for a name or code as sources write it: short and long names in fi/sv/en, codes with or without zeros.

Our own names and codes come from data/reference/regions.csv (loaders.reference); the long forms
sources use ("Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", "Kaikki alueet") are
data in region_names.csv beside this module.
"""

from __future__ import annotations

import csv
import difflib
from functools import cache
from pathlib import Path

from loaders.reference import FILES, REFERENCE_DIR, lookups

ALIASES = Path(__file__).with_name("region_names.csv")


def _key(text: str) -> str:
    return " ".join(text.strip().lower().split())


@cache
def names() -> dict[str, str]:
    """Every name and code we know (lower case, single spaces) → our region code."""
    known = {_key(name): code for name, code in lookups().regions.items()}
    with open(ALIASES, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            known[_key(row["name"])] = row["region_code"]
    return known


def region_code(text: str) -> str | None:
    """Our code for a region name or code; '1' and '01' are both Itä-Uusimaa's code."""
    key = _key(text)
    found = names().get(key)
    if found is None and key.isascii() and key.isdigit() and len(key) < 2:
        found = names().get(key.zfill(2))
    return found


@cache
def _written() -> dict[str, str]:
    """Every known name as written (not lower-cased), by its key: what a suggestion shows."""
    written = {}
    with open(REFERENCE_DIR / FILES["regions"], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            written.update({_key(row[c]): row[c] for c in ("name_fi", "name_sv", "name_en")})
    with open(ALIASES, encoding="utf-8") as f:
        written.update({_key(row["name"]): row["name"] for row in csv.DictReader(f)})
    return written


def closest(text: str, count: int = 3) -> list[str]:
    """The known names nearest to a name we could not match, for the problem's suggestion."""
    found = difflib.get_close_matches(_key(text), list(_written()), n=count, cutoff=0.5)
    return [_written()[key] for key in found]
