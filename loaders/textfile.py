"""Reading delimited text files: UTF-8 (BOM allowed), delimiter from the header, 1-based rows.

A file that is not UTF-8 text with LF or CRLF line ends is refused saying what it is (UTF-16,
CR line ends); a quote left open is reported on the row where it opens, a cell over the csv
module's field limit as that, never as a traceback.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from store.batch import LoadErrors, Problem

DELIMITERS = ";,\t"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def what_text(data: bytes) -> str | None:
    """A found_key for text we do not read, judged from the first bytes: UTF-16, or CR-only lines."""
    head = data[:4096]
    halves = (head[0::2].count(0), head[1::2].count(0))  # ASCII in UTF-16: every other byte is NUL
    if head.startswith(UTF16_BOMS) or (len(head) >= 8 and max(halves) * 10 >= len(head) // 2 * 9):
        return "utf16"  # Excel's "Unicode text" and Notepad's "Unicode": every other byte is NUL
    if b"\r" in head and b"\n" not in head:
        return "cr_lines"
    return None


def decode_problem(path: Path, data: bytes) -> None:
    """Refuse text we do not read (UTF-16, CR-only line ends), saying what it is."""
    kind = what_text(data)
    if kind is not None:
        key = "utf8" if kind == "utf16" else "line_ends"
        raise LoadErrors(path.name, [Problem(path.name, None, None, key, "", found_key=kind)])


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text, or a refusal naming what the text is, or the row and byte where decoding failed."""
    decode_problem(path, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        found = data[error.start : error.start + 4].hex(" ")
        raise LoadErrors(path.name, [Problem(path.name, row, None, "utf8", found, found_key="bytes")]) from None


def read_rows(path: Path, data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header cells and (row number, cells) per data row; the header is row 1. A row number is the
    line its record starts on (a quoted cell may span lines)."""
    text = decode(path, data)
    if not text.strip():
        raise LoadErrors(path.name, [Problem(path.name, None, None, "header_and_rows", found_key="empty_file")])
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    # strict: a quote never closed is an error at the end of the data, not a cell swallowing the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise LoadErrors(path.name, [_csv_problem(path.name, start, str(error), text)]) from None
    if not records:
        raise LoadErrors(path.name, [Problem(path.name, None, None, "header_and_rows", found_key="empty_file")])
    header = [cell.strip() for cell in records[0][1]]
    rows = [(row, cells) for row, cells in records[1:] if any(cell.strip() for cell in cells)]
    return header, rows


def _csv_problem(file: str, row: int, message: str, text: str) -> Problem:
    lines = text.split("\n", row)  # the csv module counts \n (and \r\n) as line ends, as here
    line = lines[row - 1].rstrip("\r") if row - 1 < len(lines) else ""
    if "field larger than field limit" in message:
        limit = csv.field_size_limit()
        return Problem(file, row, None, "field_size", "", {"chars": limit}, "long_cell")
    if "unexpected end of data" in message:
        return Problem(file, row, None, "closing_quote", line[:80])
    return Problem(file, row, None, "readable_file", f"{message}: {line[:60]}")


def header_problems(
    file: str, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]
) -> list[Problem]:
    """Missing, unknown or repeated header cells, each named."""
    problems = []
    lowered = [name.lower() for name in header]
    for name in required:
        if name not in lowered:
            problems.append(Problem(file, 1, name, "column_named", ", ".join(header), {"name": name}))
    known = set(required) | set(optional)
    for name in lowered:
        if name not in known:
            problems.append(Problem(file, 1, name, "one_of", name, {"choices": ", ".join(sorted(known))}))
        elif lowered.count(name) > 1:
            problems.append(Problem(file, 1, name, "column_once", name))
    return problems
