"""Sotkanet REST CSV (/rest/1.1/csv): ';'-separated, CRLF, '.' decimals; read with Arrow for large files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from loaders import sotkanet_rows
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from loaders.textfile import decode
from store.batch import Batch, LoadErrors, Problem

HEADER = ("indicator", "region", "year", "gender", "primary value", "absolute value")
OURS = dict(zip(HEADER, (*sotkanet_rows.COLUMNS, "absolute"), strict=True))  # source name → ours
THEIRS = {ours: source for source, ours in OURS.items()}
BLOCK = 16 << 20  # bytes per parallel parse block


def first_line(data: bytes) -> str:
    return data[:1024].decode("utf-8-sig", errors="replace").split("\n", 1)[0].strip()


def matches(path: Path, data: bytes) -> bool:
    """The header starts like Sotkanet's; a broken rest of the header is then reported, not 'unknown'."""
    cells = first_line(data).lower().split(";")
    return cells[:2] == ["indicator", "region"] and ("year" in cells or "primary value" in cells)


def _read(data: bytes, on_invalid: list, threads: bool) -> pa.Table:
    def invalid(row: pacsv.InvalidRow) -> str:
        on_invalid.append(row)
        return "skip"

    return pacsv.read_csv(
        pa.BufferReader(data),  # zero-copy, and Arrow reads it without taking the GIL
        read_options=pacsv.ReadOptions(
            column_names=list(OURS.values()), skip_rows=1, use_threads=threads, block_size=BLOCK
        ),
        # Keep empty lines as empty rows, so row numbers stay line numbers.
        parse_options=pacsv.ParseOptions(delimiter=";", ignore_empty_lines=False, invalid_row_handler=invalid),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(OURS.values(), pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            check_utf8=False,  # read() has: the bytes are ASCII or decoded as UTF-8 before Arrow sees them
        ),
    )


def read(path: Path, data: bytes, limits: Limits = DEFAULT) -> tuple[pa.Table, np.ndarray, Checker]:
    """All cells as strings, each row's line number (header = 1), and header/shape problems so far."""
    check = Checker(path.name, limits.problems)
    header = tuple(cell.strip().lower() for cell in first_line(data).split(";"))
    if header != HEADER:
        found = ";".join(header)
        raise LoadErrors(path.name, [Problem(path.name, 1, None, "header", found, {"header": ";".join(HEADER)})])
    if not data.isascii():  # Sotkanet writes digits and English words; isascii() costs no copy
        decode(path, data)  # before Arrow, whose bad-row callback cannot take undecodable text
    invalid: list[pacsv.InvalidRow] = []
    try:
        table = _read(data, invalid, threads=True)
    except pa.ArrowInvalid as error:
        raise LoadErrors(path.name, [Problem(path.name, None, None, "semicolon_file", str(error))]) from None
    lines = np.arange(2, table.num_rows + 2, dtype=np.int64)
    if invalid:
        # Parallel parsing does not know line numbers; parse again serially to place every row.
        invalid.clear()
        table = _read(data, invalid, threads=False)
        skipped = np.array([row.number for row in invalid], dtype=np.int64)
        for row in invalid[: sotkanet_rows.LISTED_PER_CHECK]:
            check.problem(row.number, None, "cells_semicolon", row.text[:80], cells=row.expected_columns)
        if len(invalid) > sotkanet_rows.LISTED_PER_CHECK:
            more = len(invalid) - sotkanet_rows.LISTED_PER_CHECK
            check.problem(None, None, "cells_per_row", cells=len(HEADER), more=more, found_key="more_rows")
        lines = _lines_around(skipped, table.num_rows)
    blank = pc.equal(pc.binary_length(table.column(0)), 0)
    if pc.any(blank).as_py():  # blank lines (a trailing one is common) carry no row
        for column in table.columns[1:]:
            blank = pc.and_(blank, pc.equal(pc.binary_length(column), 0))
        keep = pc.invert(blank)
        table, lines = table.filter(keep), lines[keep.to_numpy(zero_copy_only=False)]
    return table, lines, check


def _lines_around(skipped: np.ndarray, rows: int) -> np.ndarray:
    """Line numbers of the kept rows when the lines in `skipped` were left out."""
    lines = np.arange(2, rows + 2, dtype=np.int64)
    for number in np.sort(skipped):
        lines[lines >= number] += 1
    return lines


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    table, lines, check = read(path, data, limits)
    if table.num_rows == 0:
        check.problem(None, None, "data_rows", found_key="only_header")
        check.raise_if_any()
    frame = sotkanet_rows.observations(check, table, lines, lambda _index, column: THEIRS.get(column, column))
    check.raise_if_any()
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        "sotkanet_csv",
        {"observations": frame},
        dataset="sotkanet",
        warnings=tuple(check.warnings),
    )
