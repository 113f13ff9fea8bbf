"""Which loader reads a file: detected from its content, not only its name."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from loaders import (
    jsonfile,
    sotkanet_csv,
    sotkanet_json,
    sotkanet_meta,
    template,
    thl_jsonstat,
    thl_pivot,
    workbook,
)
from loaders.checks import Checker
from loaders.textfile import header_problems, read_rows
from store.batch import Batch, LoadErrors, Problem


@dataclass(frozen=True)
class Format:
    name: str
    description: str  # shown when a file matches no format
    matches: Callable[[Path, bytes], bool]
    parse: Callable[[Path, bytes], Batch]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csv_header(data: bytes) -> list[str]:
    first = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    return [cell.strip().strip('"') for cell in first.strip().split(delimiter)]


def _is_template_csv(path: Path, data: bytes) -> bool:
    return not data.startswith(b"PK") and template.detect(_csv_header(data)) is not None


def parse_template_csv(path: Path, data: bytes) -> Batch:
    header, rows = read_rows(path, data)
    table = template.detect(header)
    required, optional = template.COLUMNS[table]
    problems = header_problems(path.name, header, required, optional)
    if problems:
        raise LoadErrors(path.name, problems)
    names = [name.lower() for name in header]
    # Finnish Excel writes ';' with comma decimals; a ',' file cannot have them.
    comma_decimals = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0].count(";") > 0
    check = Checker(path.name)
    cells = ((row, dict(zip(names, values + [""] * (len(names) - len(values)), strict=False))) for row, values in rows)
    for row, values in rows:
        if len(values) > len(names):
            check.problem(row, None, f"{len(names)} cells", f"{len(values)} cells")
    frame = template.PARSERS[table](check, cells, lambda name: name, comma_decimals, False)
    check.raise_if_any()
    return Batch(
        path.name,
        sha256(data),
        f"template_csv:{table}",
        template.tables(table, frame),
        dataset="manual",
        is_demo=bool(frame["is_demo"].any()) if len(frame) else False,
        warnings=tuple(check.warnings),
    )


# Tried in order; each matcher looks at content (header, JSON keys, zip entries), never only the name.
FORMATS: list[Format] = [
    Format(
        "template_xlsx",
        "our template as an Excel workbook (sheets observations, targets, annotations)",
        workbook.matches,
        workbook.parse,
    ),
    Format(
        "sotkanet_csv",
        "Sotkanet REST CSV (header indicator;region;year;gender;primary value;absolute value)",
        sotkanet_csv.matches,
        sotkanet_csv.parse,
    ),
    Format(
        "thl_pivot_csv",
        "THL pivot CSV export (dimension labels, then val; ';'-separated)",
        thl_pivot.matches,
        thl_pivot.parse,
    ),
    Format(
        "sotkanet_json",
        "Sotkanet REST JSON (a list of {indicator, region, year, gender, value, absValue})",
        sotkanet_json.matches,
        sotkanet_json.parse,
    ),
    Format(
        "sotkanet_regions",
        "Sotkanet /regions JSON (id, code, category, title, memberOf)",
        sotkanet_meta.is_regions,
        sotkanet_meta.parse_regions,
    ),
    Format(
        "sotkanet_indicators",
        "Sotkanet /indicators/{id} or /indicators JSON (id, title, primaryValueType, organization)",
        sotkanet_meta.is_indicators,
        sotkanet_meta.parse_indicators,
    ),
    Format(
        "thl_jsonstat",
        "THL JSON-stat 2.0 dataset (id, size, dimension, value)",
        thl_jsonstat.matches,
        thl_jsonstat.parse,
    ),
    Format(
        "template_csv",
        "our template as CSV (observations, targets or annotations header)",
        _is_template_csv,
        parse_template_csv,
    ),
]


def parse(path: Path) -> Batch:
    """Read, detect and validate one file; LoadErrors if it cannot be loaded."""
    data = path.read_bytes()
    if not data[:65536].strip() and not data.strip():  # a cheap look first: files can be large
        raise LoadErrors(path.name, [Problem(path.name, None, None, "a file with data", "empty file")])
    for fmt in FORMATS:
        if fmt.matches(path, data):
            return fmt.parse(path, data)
    if jsonfile.looks_like_json(data):
        jsonfile.load(path, data)  # broken JSON: say where it breaks rather than "unknown format"
    accepted = "; ".join(f"{fmt.name}: {fmt.description}" for fmt in FORMATS)
    raise LoadErrors(
        path.name,
        [
            Problem(
                path.name,
                None,
                None,
                f"one of the accepted formats ({accepted})",
                data[:60].decode("utf-8", errors="replace"),
            )
        ],
    )
