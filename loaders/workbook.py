"""Our template as an Excel workbook: one sheet per table (observations, targets, annotations), read-only.

Before a sheet is iterated its used range is bounded (a 9 KB file can claim a cell at XFD1048576);
while it is read, cells are counted against the same bound (the range may be missing or lie). A
formula with no saved value is refused by its cell: reading it as blank would lose data silently.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from loaders import template, template_tables
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from loaders.textfile import header_problems
from loaders.zipcheck import check_zip
from store.batch import Batch, LoadErrors, Problem

FINNISH = {"havainnot": "observations", "tavoitteet": "targets", "merkinnät": "annotations"}
SHEETS = {**{table: table for table in template_tables.COLUMNS}, **FINNISH}  # sheet name (lower case) → table
_CELL = re.compile(r"^(.+)!([A-Z]+)$")
# What a broken part raises while openpyxl reads it lazily (defusedxml's refusals are ValueErrors).
BROKEN = (ParseError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError, TypeError)


class _TooLarge(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


def matches(path: Path, data: bytes) -> bool:
    """Any zip, whatever the file is called: no other format we read is one, so a truncated or
    non-workbook zip is refused here with what is wrong with it, not as an unknown format."""
    return data.startswith(b"PK")


def cell_text(value: Any) -> str:
    """A cell as the template's text checks expect: dates ISO, whole floats without .0."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _bounded_rows(file: str, sheet: Any, limits: Limits) -> Iterator[tuple]:
    """The sheet's rows of values, refusing a used range or a cell count beyond limits.sheet_cells."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows * columns > limits.sheet_cells:
        used = f"A1:{get_column_letter(min(columns, 18278))}{rows}"
        bound = {"rows": limits.sheet_cells // max(columns, 1), "columns": columns}
        raise _TooLarge(Problem(file, None, sheet.title, "sheet_size", used, bound, "used_range"))
    cells = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells += max(len(values), 1)  # an empty row still costs an iteration
        if cells > limits.sheet_cells:  # no used range written, or a false one
            used = f"{len(values)} × {number}+"
            bound = {"rows": number, "columns": len(values)}
            raise _TooLarge(Problem(file, number, sheet.title, "sheet_size", used, bound, "used_range"))
        yield values


def _sheet_rows(file: str, sheet: Any, limits: Limits) -> tuple[list[str], list[tuple[int, list[str]]]]:
    rows = _bounded_rows(file, sheet, limits)
    header = [cell_text(cell).lower() for cell in next(rows, ())]
    while header and header[-1] == "":
        header.pop()  # formatting can stretch a sheet's width
    body = []
    for number, cells in enumerate(rows, start=2):
        if any(cell is not None for cell in cells):  # most padding rows stop here, before any text
            texts = [cell_text(cell) for cell in cells]
            if any(texts):
                body.append((number, texts))
    return header, body


def _unsaved_formulas(file: str, data: bytes, title: str, limits: Limits) -> list[Problem]:
    """Cells holding a formula but no saved value (a script wrote it, or Excel never computed it)."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    values_book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    problems = []
    try:
        formulas = _bounded_rows(file, book[title], limits)
        values = _bounded_rows(file, values_book[title], limits)
        for number, (written, saved) in enumerate(zip(formulas, values, strict=False), start=1):
            for index, (formula, value) in enumerate(zip(written, saved, strict=False)):
                if value is None and formula is not None and not isinstance(formula, int | float | bool):
                    text = formula if isinstance(formula, str) else getattr(formula, "text", str(formula))
                    if str(text).startswith("=") or not isinstance(formula, str):
                        cell = f"{title}!{get_column_letter(index + 1)}{number}"
                        problems.append(Problem(file, number, cell, "formula_value", str(text), found_key="formula"))
    finally:
        book.close()
        values_book.close()
    return problems


def _has_formulas(data: bytes) -> bool:
    """Any <f> element in a worksheet part (sizes already checked): only then read formulas too."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/") and name.endswith(".xml")]
        return any(b"<f>" in xml or b"<f " in xml for xml in map(archive.read, parts))


def _located(problems: list[Problem]) -> list[Problem]:
    """observations!C + row 14 → observations!C14, as Excel names a cell."""
    out = []
    for p in problems:
        found = _CELL.match(p.column or "")
        column = f"{p.column}{p.row}" if found and p.row is not None else p.column
        out.append(Problem(p.file, p.row, column, p.key, p.found, p.params, p.found_key))
    return out


def _broken(file: str, error: Exception, where: str | None = None) -> LoadErrors:
    message = str(error) or type(error).__name__
    if isinstance(error, ParseError) and message.startswith(("no element found", "unclosed token")):
        return LoadErrors(file, [Problem(file, None, where, "sheet_xml", message, found_key="truncated")])
    if "DTD" in message or "ntit" in message:  # defusedxml: DTDForbidden, EntitiesForbidden
        return LoadErrors(file, [Problem(file, None, where, "sheet_xml", found_key="dtd")])
    return LoadErrors(file, [Problem(file, None, where, "xlsx", message)])


def _open(path: Path, data: bytes, limits: Limits) -> Any:
    # Declared sizes first: a zip bomb dressed as .xlsx is refused before openpyxl inflates anything.
    refused = check_zip(path, data, limits)
    if refused:
        raise LoadErrors(path.name, refused)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():  # a .docx, .pptx or plain zip
                raise LoadErrors(path.name, [Problem(path.name, None, None, "xlsx", found_key="zip_not_workbook")])
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except BROKEN as error:
        raise _broken(path.name, error) from None


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    book = _open(path, data, limits)
    check, tables, notes = Checker(path.name, limits.problems), {}, []
    formulas = _has_formulas(data)
    try:
        for sheet in book.worksheets:
            table = SHEETS.get(sheet.title.strip().lower())
            if table is None:
                continue  # instructions (ohje) and the user's own sheets are not data
            if table in tables:
                check.problem(None, sheet.title, "one_sheet", sheet.title, table=table)
                continue
            try:
                header, rows = _sheet_rows(path.name, sheet, limits)
                if formulas:
                    check.problems += _unsaved_formulas(path.name, data, sheet.title, limits)
            except _TooLarge as large:
                raise LoadErrors(path.name, [large.problem]) from None
            except BROKEN as error:  # openpyxl parses a sheet only when it is read
                raise _broken(path.name, error, sheet.title) from None
            required, optional = template_tables.COLUMNS[table]
            problems = header_problems(path.name, header, required, optional)
            if problems:
                check.problems += [
                    Problem(p.file, 1, f"{sheet.title}!{p.column}", p.key, p.found, p.params) for p in problems
                ]
                continue
            letters = {name: get_column_letter(i + 1) for i, name in enumerate(header)}
            cells = ((row, dict(zip(header, texts + [""] * len(header), strict=False))) for row, texts in rows)
            frame = template_tables.PARSERS[table](
                check, cells, lambda name, s=sheet.title, at=letters: f"{s}!{at.get(name, name)}", True, False
            )
            if len(frame):
                split = template.tables(table, frame)
                tables[table] = split[table]
                notes += [split["row_notes"]] if "row_notes" in split else []
    finally:
        book.close()
    if not tables and not check.problems:
        check.problem(None, None, "data_sheet", sheets=", ".join(sorted(set(SHEETS))), found_key="no_data_sheets")
    check.problems = _located(check.problems)
    check.raise_if_any()
    name = "template_xlsx:" + "+".join(tables)
    if notes:  # one row_notes table for every sheet's notes; table_name tells them apart
        tables["row_notes"] = pd.concat(notes, ignore_index=True)
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        name,
        tables,
        dataset="manual",
        is_demo=any(bool(frame["is_demo"].any()) for frame in tables.values() if "is_demo" in frame),
        warnings=tuple(_located(check.warnings)),
    )
