"""How much of a file the loaders will read: every input is bounded before it is iterated.

One frozen Limits per call (the CLI's defaults, the upload page's 50 MB); tests pass small ones,
so a few kilobytes exercise the same refusals as a 50 MB upload or a zip bomb.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 4096 * MB  # the CLI loads national extracts of millions of rows
    zip_uncompressed: int = 200 * MB  # our template with 100 000 rows inflates to ~30 MB
    zip_ratio: float = 100  # uncompressed / compressed per part; real sheets ~5–20×, bombs ~1000×
    zip_parts: int = 10_000  # a workbook has dozens of parts
    zip_ratio_floor: int = MB  # tiny parts (styles, empty sheets) may compress far better than the ratio
    sheet_cells: int = 20_000_000  # rows × columns of a sheet's used range (XFD1048576 is 17 000 M)
    cube_cells: int = 5_000_000  # the product of a JSON-stat cube's sizes: one row per cell
    problems: int = 1000  # kept per file; the rest are counted


DEFAULT = Limits()
UPLOAD = Limits(file_bytes=50 * MB)  # the upload page: .streamlit/config.toml maxUploadSize


def size_text(size: float) -> str:
    return f"{size / MB:.1f} MB"
