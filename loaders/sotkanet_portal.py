"""Sotkanet portal download (the old sotkanet.fi "download CSV"): no header, 8 ';'-separated fields a line.

    "indicator title";"indicator id";"region name";"region code";"gender";year;value;absolute value

Text is double-quoted, numbers are not; '.' decimals, UTF-8, LF. An empty value is no data (NULL,
never 0). Region codes keep their leading zeros ("049"). Gender words are in the language the file
was downloaded in, which also decides the title column the file's titles fill.

Rows are keyed like the REST CSV (dataset sotkanet): a region of ours under its Sotkanet id, so a
portal file and a REST extract of the same values supersede each other; any other region under
"code:<its code>", titled from the file in source_regions (a code is not a Sotkanet id: 853 is both).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pandas as pd

from domain import NATIONAL
from loaders import region_names
from loaders.checks import Checker, years
from loaders.limits import DEFAULT, Limits
from loaders.reference import lookups
from loaders.textfile import decode
from loaders.thl_mapping import observation_table
from store.batch import Batch
from store.tables import LOADER_COLUMNS

FIELDS = ("indicator title", "indicator id", "region name", "region code", "gender", "year", "value", "absolute value")
# The file has no header, so a problem names the column as a spreadsheet shows it: E is the gender.
COLUMN = dict(zip(FIELDS, "ABCDEFGH", strict=True))
GENDERS = {
    "yhteensä": ("total", "fi"),
    "miehet": ("male", "fi"),
    "naiset": ("female", "fi"),
    "totalt": ("total", "sv"),
    "män": ("male", "sv"),
    "kvinnor": ("female", "sv"),
    "total": ("total", "en"),
    "men": ("male", "en"),
    "women": ("female", "en"),
    "males": ("male", "en"),
    "females": ("female", "en"),
}
_FIRST = re.compile(r'^"[^"]+";"?\d+"?;"[^"]*";"?\d*"?;"[^"]+";\d{4};')


def matches(path: Path, data: bytes) -> bool:
    """A first line of 8 fields: quoted title, an id, quoted region and gender, then a year."""
    first = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0].strip()
    return bool(_FIRST.match(first)) and first.count(";") >= 7


def _lines(path: Path, data: bytes) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank line: the file has no header, so line 1 is data."""
    text = decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"', strict=False)
    return [(number, cells) for number, cells in enumerate(reader, start=1) if any(c.strip() for c in cells)]


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    check = Checker(path.name, limits.problems)
    known = lookups()
    out, seen, titles, regions, languages = [], {}, {}, {}, []
    for row, cells in _lines(path, data):
        if len(cells) != len(FIELDS):
            check.problem(row, None, "portal_cells", ";".join(cells)[:80])
            continue
        title, indicator, region_name, code, gender_word, year, value_text, absolute = (c.strip() for c in cells)
        if not (indicator.isascii() and indicator.isdigit()):
            check.problem(row, COLUMN["indicator id"], "sotkanet_indicator_id", indicator)
            continue
        indicator = str(int(indicator))  # '0127' is indicator 127
        gender, language = GENDERS.get(gender_word.lower(), (None, None))
        if gender is None:
            check.problem(row, COLUMN["gender"], "portal_gender", gender_word)
        languages.append(language)
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            check.problem(row, COLUMN["year"], "year", year)
        elif int(year) not in years():
            check.problem(row, COLUMN["year"], "year_range", year, first=years().start, last=years().stop - 1)
        if not region_name and not code:
            check.problem(row, COLUMN["region name"], "portal_region", "")
        ours = region_names.region_code(region_name) or (NATIONAL if code == NATIONAL else None)
        region = _sotkanet_id(ours) if ours else f"code:{code or region_name}"
        if not ours:
            regions.setdefault(region, [code or None, region_name, row, 0])[3] += 1
        value = check.number(row, COLUMN["value"], value_text)  # empty means no data: NULL, never 0
        check.number(row, COLUMN["absolute value"], absolute)
        indicator_code = known.sotkanet_indicators.get(indicator)
        if indicator_code in known.percent_indicators:
            check.percent(row, COLUMN["value"], value)
        check.unique(seen, (indicator, region, year, gender), row, COLUMN["year"])
        titles.setdefault(indicator, title)
        row_values = ("sotkanet", indicator, indicator_code, region, ours, year, gender, value, None, value_text)
        out.append((*row_values, row, False, None))
        if check.full():
            break
    if not out and not check.problems:
        check.problem(None, None, "data_rows", found_key="only_header")
    for code, name, row, count in regions.values():
        where = COLUMN["region name"]
        check.warn(row, where, "portal_region_ours", f"{name} ({code})", count=count, found_key="with_rows")
    check.raise_if_any()
    language = max(set(languages), key=languages.count) if languages else "fi"
    observations = observation_table(out)
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        "sotkanet_portal",
        {
            "observations": observations,
            "source_indicators": _frame("source_indicators", _indicator_rows(titles, language)),
            "source_regions": _frame("source_regions", _region_rows(regions, language)),
        },
        dataset="sotkanet",
        warnings=tuple(check.warnings),
    )


def _sotkanet_id(code: str) -> str:
    """The Sotkanet id of one of our regions, so portal and REST values share a key."""
    ids = [int(sotkanet) for sotkanet, ours in lookups().sotkanet_regions.items() if ours == code]
    return str(max(ids))  # the wellbeing-county era's id (956–978) is above the older one (877–898)


def _indicator_rows(titles: dict[str, str], language: str) -> list[dict]:
    return [{"dataset": "sotkanet", "indicator": i, f"title_{language}": title} for i, title in titles.items()]


def _region_rows(regions: dict[str, list], language: str) -> list[dict]:
    return [
        {"dataset": "sotkanet", "region": region, "code": code, f"title_{language}": name}
        for region, (code, name, _row, _count) in regions.items()
    ]


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    columns = list(LOADER_COLUMNS[table])
    frame = pd.DataFrame([{**dict.fromkeys(columns), **row} for row in rows], columns=columns, dtype=object)
    if "decimals" in frame:
        frame["decimals"] = frame["decimals"].astype("Int64")
    return frame
