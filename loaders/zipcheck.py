"""Refuse a zip bomb before parsing: an .xlsx is a zip, and openpyxl would inflate every part it reads.

check_zip reads only the central directory (each entry's declared sizes); nothing is extracted.
Declared sizes can lie, so the workbook loader should still read through openpyxl's read-only mode;
this check stops the honest bombs (one small file that inflates to gigabytes) at no cost.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from store.batch import Problem

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes: our template with 100 000 rows inflates to ~30 MB
MAX_RATIO = 100  # uncompressed / compressed per entry; real sheets compress ~5–20×, bombs ~1000×
MAX_ENTRIES = 10_000  # a workbook has dozens of parts
RATIO_FLOOR = 1024 * 1024  # bytes: tiny parts (styles, empty sheets) may compress far better than 100×


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def check_zip(
    path: Path,
    data: bytes,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: float = MAX_RATIO,
    max_entries: int = MAX_ENTRIES,
) -> list[Problem]:
    """Problems with a zip archive's declared sizes (empty list: safe to open); never extracts."""
    name = path.name
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
        return [Problem(name, None, None, "a readable zip archive (.xlsx)", str(error))]
    if len(entries) > max_entries:
        return [Problem(name, None, None, f"at most {max_entries} parts in the archive", str(len(entries)))]
    problems = []
    total = sum(entry.file_size for entry in entries)
    if total > max_uncompressed:
        problems.append(
            Problem(name, None, None, f"at most {_mb(max_uncompressed)} uncompressed", f"{_mb(total)} uncompressed")
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR and ratio > max_ratio:
            problems.append(
                Problem(
                    name,
                    None,
                    entry.filename,
                    f"a compression ratio of at most {max_ratio:g}:1",
                    f"{ratio:.0f}:1 ({_mb(entry.file_size)} from {_mb(entry.compress_size)})",
                )
            )
    return problems
