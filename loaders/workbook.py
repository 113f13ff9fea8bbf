"""Our template as an Excel workbook: one sheet per table (observations, targets, annotations), read-only."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from loaders import template
from loaders.checks import Checker
from loaders.textfile import header_problems
from loaders.zipcheck import check_zip
from store.batch import Batch, LoadErrors, Problem

FINNISH = {"havainnot": "observations", "tavoitteet": "targets", "merkinnät": "annotations"}
SHEETS = {**{table: table for table in template.COLUMNS}, **FINNISH}  # sheet name (lower case) → table
_CELL = re.compile(r"^(.+)!([A-Z]+)$")


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


def _sheet_rows(sheet: Any) -> tuple[list[str], list[tuple[int, list[str]]]]:
    rows = sheet.iter_rows(values_only=True)
    header = [cell_text(cell).lower() for cell in next(rows, ())]
    while header and header[-1] == "":
        header.pop()  # formatting can stretch a sheet's width
    body = []
    for number, cells in enumerate(rows, start=2):
        texts = [cell_text(cell) for cell in cells]
        if any(texts):
            body.append((number, texts))
    return header, body


def _located(problems: list[Problem]) -> list[Problem]:
    """observations!C + row 14 → observations!C14, as Excel names a cell."""
    out = []
    for p in problems:
        found = _CELL.match(p.column or "")
        column = f"{p.column}{p.row}" if found and p.row is not None else p.column
        out.append(Problem(p.file, p.row, column, p.expected, p.found))
    return out


def parse(path: Path, data: bytes) -> Batch:
    # Declared sizes first: a zip bomb dressed as .xlsx is refused before openpyxl inflates anything.
    refused = check_zip(path, data)
    if refused:
        raise LoadErrors(path.name, refused)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():  # a .docx, .pptx or plain zip
                found = "a zip without xl/workbook.xml"
                raise LoadErrors(path.name, [Problem(path.name, None, None, "a readable .xlsx workbook", found)])
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise LoadErrors(path.name, [Problem(path.name, None, None, "a readable .xlsx workbook", str(error))]) from None
    check, tables, notes = Checker(path.name), {}, []
    try:
        for sheet in book.worksheets:
            table = SHEETS.get(sheet.title.strip().lower())
            if table is None:
                continue  # instructions (ohje) and the user's own sheets are not data
            if table in tables:
                check.problem(None, sheet.title, f"one sheet for {table}", sheet.title)
                continue
            header, rows = _sheet_rows(sheet)
            required, optional = template.COLUMNS[table]
            problems = header_problems(path.name, header, required, optional)
            if problems:
                check.problems += [
                    Problem(p.file, 1, f"{sheet.title}!{p.column}", p.expected, p.found) for p in problems
                ]
                continue
            letters = {name: get_column_letter(i + 1) for i, name in enumerate(header)}
            cells = ((row, dict(zip(header, texts + [""] * len(header), strict=False))) for row, texts in rows)
            frame = template.PARSERS[table](
                check, cells, lambda name, s=sheet.title, at=letters: f"{s}!{at.get(name, name)}", True, False
            )
            if len(frame):
                split = template.tables(table, frame)
                tables[table] = split[table]
                notes += [split["row_notes"]] if "row_notes" in split else []
    finally:
        book.close()
    if not tables and not check.problems:
        check.problem(None, None, "a sheet named " + ", ".join(sorted(set(SHEETS))) + " with rows", "no data sheets")
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
