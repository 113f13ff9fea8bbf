"""Our region for a name or code as sources write it: short and long names in fi/sv/en, codes with or without zeros.

Our own names and codes come from data/reference/regions.csv (loaders.reference); the long forms
sources use ("Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", "Kaikki alueet") are
data in region_names.csv beside this module. English long forms are made from every county's short
names (fi, en, and the English names the CSV lists): "Itä-Uusimaa wellbeing services county",
"East Uusimaa wellbeing services county", "Wellbeing services county of East Uusimaa".
"""

from __future__ import annotations

import csv
import difflib
from functools import cache
from pathlib import Path

from loaders.reference import FILES, REFERENCE_DIR, lookups

ALIASES = Path(__file__).with_name("region_names.csv")
# English long forms of a county's name, as Sotkanet's English titles and the counties' own English pages write them.
ENGLISH_LONG_FORMS = ("{} wellbeing services county", "wellbeing services county of {}")
ENGLISH_NAME = "English name"  # region_names.csv origin of a county's English short name: long forms are made of it


def _key(text: str) -> str:
    return " ".join(text.strip().lower().split())


def _aliases() -> list[dict[str, str]]:
    with open(ALIASES, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def english_long_forms() -> dict[str, str]:
    """Each county's English long forms, as written → its code (the counties only: Helsinki is a city)."""
    stems = []
    with open(REFERENCE_DIR / FILES["regions"], encoding="utf-8") as f:
        stems += [
            (row[c], row["region_code"])
            for row in csv.DictReader(f)
            if row["kind"] == "county"
            for c in ("name_fi", "name_en")
        ]
    counties = {code for _, code in stems}
    stems += [(row["name"], row["region_code"]) for row in _aliases() if row["origin"].startswith(ENGLISH_NAME)]
    forms = {}
    for stem, code in stems:
        if code in counties:
            forms.update({form.format(stem): code for form in ENGLISH_LONG_FORMS})
    return {name[0].upper() + name[1:]: code for name, code in forms.items()}


@cache
def names() -> dict[str, str]:
    """Every name and code we know (lower case, single spaces) → our region code."""
    known = {_key(name): code for name, code in lookups().regions.items()}
    known.update({_key(name): code for name, code in english_long_forms().items()})
    for row in _aliases():
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
    written.update({_key(name): name for name in english_long_forms()})
    written.update({_key(row["name"]): row["name"] for row in _aliases()})
    return written


def closest(text: str, count: int = 3) -> list[str]:
    """The known names nearest to a name we could not match, for the problem's suggestion."""
    found = difflib.get_close_matches(_key(text), list(_written()), n=count, cutoff=0.5)
    return [_written()[key] for key in found]
