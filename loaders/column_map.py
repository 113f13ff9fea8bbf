"""An analyst's own long table (region, period, value) through a column mapping: CSV in any delimiter,
decimal comma or point and the usual encodings, or one sheet of an XLSX workbook.

Regions are matched by code or by the names sources write (loaders.region_names), or by Sotkanet id
with region_ids="sotkanet"; periods in every canonical form and "3/2025", "Q4/2025", "2025 Q4". An
unmatched region is a problem with row and column that suggests the closest known names.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from domain.periods import canonical_fine
from loaders import region_names, workbook
from loaders.checks import Checker, year_ok
from loaders.limits import DEFAULT, Limits
from loaders.reference import lookups
from loaders.sotkanet_portal import GENDERS
from loaders.textfile import read_rows
from loaders.thl_mapping import observation_table
from store.batch import Batch, LoadErrors, Problem, Term

ROLES = ("region", "period", "value", "indicator", "gender")
# Encodings tried in order; UTF-16 only with its BOM (Excel's "Unicode text"), cp1252 last (old Excel CSV).
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class ColumnMap:
    columns: dict[str, str]  # role (region, period, value, indicator, gender) → the file's column name
    indicator: str | None = None  # one indicator id for every row, instead of an indicator column
    dataset: str = "manual"
    region_ids: str | None = None  # "sotkanet": the region column holds Sotkanet ids
    sheet: str | None = None  # XLSX: the sheet's name (default: the first)


def decoded(data: bytes) -> str:
    """The file's text: UTF-16 with its BOM, else UTF-8 (BOM allowed), else cp1252 (old Excel CSV)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def decoded_head(data: bytes, chars: int) -> str:
    """The first `chars` characters with decoded()'s fallbacks, from a bounded head: a character cut at the
    head's end is left out, not garbled (a refusal quotes the file's start this way)."""
    head = data[: 4 * chars + 4]  # at most 4 bytes a character, and a BOM
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[: len(head) // 2 * 2].decode(encoding, errors="replace")[:chars]
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(head)[:chars]  # not final: a cut tail waits
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")[:chars]


def _table(path: Path, data: bytes, mapping: ColumnMap, limits: Limits) -> tuple[list[str], list]:
    """Header and (row number, cells) of a CSV or of one sheet of a workbook."""
    if not workbook.matches(path, data):
        return read_rows(path, decoded(data).encode("utf-8"))
    book = workbook._open(path, data, limits)
    sheets = {sheet.title: sheet for sheet in book.worksheets}
    sheet = sheets.get(mapping.sheet) if mapping.sheet else book.worksheets[0]
    if sheet is None:
        raise LoadErrors(
            path.name, [Problem(path.name, None, None, "column_sheet", mapping.sheet, {"sheets": ", ".join(sheets)})]
        )
    try:
        rows = list(workbook._bounded_rows(path.name, sheet, limits))
    except workbook._TooLarge as large:
        raise LoadErrors(path.name, [large.problem]) from None
    header = [workbook.cell_text(cell).strip() for cell in (rows[0] if rows else ())]
    body = [
        (number, [workbook.cell_text(cell) for cell in cells])
        for number, cells in enumerate(rows[1:], start=2)
        if any(cell is not None and str(cell).strip() for cell in cells)
    ]
    return header, body


def _columns(path: Path, header: list[str], mapping: ColumnMap) -> dict[str, int]:
    """The position of each mapped column; a name the file does not have asks the user to choose one."""
    problems, positions = [], {}
    needed = {"region", "period", "value"} | ({"indicator"} if mapping.indicator is None else set())

    def choose(role: str) -> dict[str, object]:  # the role in the reader's words, and what the file has
        return {"role": Term(f"problem.role.{role}"), "columns": ", ".join(header)}

    for role in sorted(needed - set(mapping.columns)):
        problems.append(Problem(path.name, 1, None, "column_choose", "", choose(role), "column_not_chosen"))
    for role, name in mapping.columns.items():
        if name not in header:
            problems.append(Problem(path.name, 1, name, "column_choose", name, choose(role), "column_missing"))
        else:
            positions[role] = header.index(name)
    if problems:
        raise LoadErrors(path.name, problems)
    return positions


def _region(check: Checker, row: int, column: str, text: str, sotkanet: bool) -> str | None:
    code = lookups().sotkanet_regions.get(text.strip()) if sotkanet else region_names.region_code(text)
    if code is None:
        closest = ", ".join(region_names.closest(text)) or "–"
        check.problem(row, column, "column_region", text, closest=closest)
    return code


def parse(path: Path, data: bytes, mapping: ColumnMap, limits: Limits = DEFAULT) -> Batch:
    header, rows = _table(path, data, mapping, limits)
    at = _columns(path, header, mapping)
    names = mapping.columns
    check = Checker(path.name, limits.problems)
    ours = lookups().indicators
    out, seen = [], {}
    for row, cells in rows:
        cells = cells + [""] * (len(header) - len(cells))

        def cell(role: str, cells: list[str] = cells) -> str:
            return cells[at[role]].strip()

        region = cell("region")
        code = _region(check, row, names["region"], region, mapping.region_ids == "sotkanet")
        raw_period = cell("period")
        period = canonical_fine(raw_period)
        if period is None or not year_ok(period):
            check.problem(row, names["period"], "period_fine", raw_period)
            period = None
        value = check.number(row, names["value"], cell("value"), comma_decimals=True)  # empty: NULL
        indicator = cell("indicator") if "indicator" in at else mapping.indicator
        if not indicator:
            check.problem(row, names.get("indicator"), "value")
        gender = None
        if "gender" in at:
            word = cell("gender").lower()
            gender = word if word in ("total", "male", "female") else GENDERS.get(word, (None,))[0]
            if gender is None:
                check.problem(row, names["gender"], "portal_gender", cell("gender"))
        if period is not None:
            check.unique(seen, (indicator, region, period, gender), row, names["period"])
        code_of = indicator if indicator in ours else None
        out.append(
            (
                mapping.dataset,
                indicator,
                code_of,
                region,
                code,
                period,
                gender,
                value,
                None,
                cell("value"),
                row,
                False,
                None,
            )
        )
        if check.full():
            break
    if not out and not check.problems:
        check.problem(None, None, "data_rows", found_key="only_header")
    check.raise_if_any()
    observations = observation_table(out)
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        "column_map",
        {"observations": observations},
        dataset=mapping.dataset,
        warnings=tuple(check.warnings),
    )


def parse_maps(pairs: list[str]) -> dict[str, str]:
    """--map role=COLUMN pairs → {role: column}; ValueError names a pair that is not one."""
    columns = {}
    for pair in pairs:
        role, _, column = pair.partition("=")
        if role not in ROLES or not column:
            raise ValueError(f"--map {pair}: expected ROLE=COLUMN with ROLE one of {', '.join(ROLES)}")
        columns[role] = column
    return columns
