"""Reading delimited text files: UTF-8 (BOM allowed), delimiter from the header, 1-based rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from store.batch import LoadErrors, Problem

DELIMITERS = ";,\t"


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text, or a refusal naming the row and byte where decoding failed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        found = data[error.start : error.start + 4].hex(" ")
        raise LoadErrors(path.name, [Problem(path.name, row, None, "UTF-8 text", f"bytes {found}")]) from None


def read_rows(path: Path, data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header cells and (row number, cells) per data row; the header is row 1."""
    text = decode(path, data)
    if not text.strip():
        raise LoadErrors(path.name, [Problem(path.name, None, None, "a header row and data rows", "empty file")])
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    rows = [(reader.line_num, cells) for cells in reader if any(cell.strip() for cell in cells)]
    return header, rows


def header_problems(
    file: str, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]
) -> list[Problem]:
    """Missing, unknown or repeated header cells, each named."""
    problems = []
    lowered = [name.lower() for name in header]
    for name in required:
        if name not in lowered:
            problems.append(Problem(file, 1, name, f"a column named '{name}'", ", ".join(header)))
    known = set(required) | set(optional)
    for name in lowered:
        if name not in known:
            problems.append(Problem(file, 1, name, "one of " + ", ".join(sorted(known)), name))
        elif lowered.count(name) > 1:
            problems.append(Problem(file, 1, name, "each column once", name))
    return problems
