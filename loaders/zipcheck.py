"""Refuse a zip bomb before parsing: an .xlsx is a zip, and openpyxl would inflate every part it reads.

check_zip reads the central directory (each part's declared sizes) and the first bytes of each XML
part (a DTD has no place in a workbook: say so rather than let a parser meet it). Declared sizes can
lie, so the workbook loader still reads through openpyxl's read-only mode; this check stops the
honest bombs (one small file that inflates to gigabytes) at no cost.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from loaders.limits import DEFAULT, Limits, size_text
from store.batch import Problem

_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def check_zip(path: Path, data: bytes, limits: Limits = DEFAULT) -> list[Problem]:
    """Problems with a zip archive's declared sizes (empty list: safe to open); never extracts."""
    name = path.name
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        return [Problem(name, None, None, "zip", str(error))]
    if len(entries) > limits.zip_parts:
        return [Problem(name, None, None, "zip_parts", str(len(entries)), {"limit": limits.zip_parts})]
    problems = []
    total = sum(entry.file_size for entry in entries)
    if total > limits.zip_uncompressed:
        found = size_text(total)
        problems.append(
            Problem(name, None, None, "zip_size", found, {"limit": size_text(limits.zip_uncompressed)}, "uncompressed")
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > limits.zip_ratio_floor and ratio > limits.zip_ratio:
            sizes = {"limit": f"{limits.zip_ratio:g}", "size": size_text(entry.file_size)}
            sizes["packed"] = size_text(entry.compress_size)
            problems.append(Problem(name, None, entry.filename, "zip_ratio", f"{ratio:.0f}", sizes, "ratio"))
    return problems or _dtd_problems(name, data, entries)


def _dtd_problems(name: str, data: bytes, entries: list[zipfile.ZipInfo]) -> list[Problem]:
    """A DTD in any XML part: refused by name (the first kilobyte of each part, sizes checked above)."""
    problems = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    with archive.open(entry) as part:
                        head = part.read(1024)
                    if any(mark in head for mark in _DTD):
                        problems.append(Problem(name, None, entry.filename, "sheet_xml", found_key="dtd"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
        problems.append(Problem(name, None, None, "zip", str(error)))
    return problems
