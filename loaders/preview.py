"""What a dry run shows before anything is written: uploads staged as files, each batch summarised.

Pure helpers for the upload page (pages/upload.py), which then calls the CLI's own
loaders.ingest.check_files and loaders.ingest.write: one code path for both.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import pandas as pd

from i18n import t
from loaders.ingest import Outcome
from store.batch import MAX_LISTED, Batch, Problem, display

# Columns a preview lists, first one present per table: the ids as the file writes them.
INDICATOR_COLUMNS = ("indicator", "indicator_code")
REGION_COLUMNS = ("region", "region_code")
PERIOD_COLUMNS = ("period", "on_date")
PROBLEM_FIELDS = ("file", "row", "column", "expected", "found")


def safe_name(name: str) -> str:
    """The base name of an uploaded file, whatever path the browser sent (C:\\x\\a.csv, ../a.csv)."""
    base = PureWindowsPath(PurePosixPath(name).name).name.strip().lstrip(".")
    base = "".join(ch for ch in base if ch.isprintable() and unicodedata.category(ch) != "Cf")  # no bidi tricks
    return base or "upload"


def save_uploads(files: Iterable[tuple[str, bytes]], directory: Path) -> list[Path]:
    """Write each (name, bytes) under its sanitised base name; a repeated name gets a numbered prefix."""
    paths: list[Path] = []
    for name, data in files:
        base = safe_name(name)
        path = directory / base
        number = 1
        while path in paths or path.exists():
            number += 1
            path = directory / f"{number}-{base}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _column(rows: Any, name: str) -> list[str]:
    """Distinct non-null values of one column of a DataFrame or Arrow table, as text."""
    if hasattr(rows, "column_names"):  # pyarrow.Table
        values = rows.column(name).unique().to_pylist()
    else:
        values = rows[name].dropna().unique().tolist()
    return [str(value) for value in values if value is not None]


def _first_present(rows: Any, names: tuple[str, ...]) -> str | None:
    columns = rows.column_names if hasattr(rows, "column_names") else list(rows.columns)
    return next((name for name in names if name in columns), None)


def summarise(batch: Batch) -> dict[str, Any]:
    """Rows per table and the distinct indicators, regions and periods a batch would write."""
    found: dict[str, set[str]] = {"indicators": set(), "regions": set(), "periods": set()}
    for rows in batch.tables.values():
        for key, names in (("indicators", INDICATOR_COLUMNS), ("regions", REGION_COLUMNS), ("periods", PERIOD_COLUMNS)):
            column = _first_present(rows, names)
            if column:
                found[key].update(_column(rows, column))
    return {
        "rows": batch.rows,
        "tables": {table: len(rows) for table, rows in batch.tables.items()},
        **{key: sorted(values) for key, values in found.items()},
    }


def listing(values: list[str], limit: int = 6) -> str:
    """'a, b, c … (+12)': a short line for a table cell."""
    if len(values) <= limit:
        return ", ".join(values)
    return f"{', '.join(values[:limit])} … (+{len(values) - limit})"


def problem_rows(
    problems: Iterable[Problem], limit: int = MAX_LISTED, lang: str = "en"
) -> tuple[list[dict[str, Any]], int]:
    """Up to `limit` problems as table rows (file, row, column, expected, found) in `lang`, and how many more."""
    problems = list(problems)
    rows = [
        {
            "file": display(p.file),
            "row": p.row,
            "column": display(p.column) if p.column is not None else None,
            "expected": p.expected_text(lang),
            "found": p.found_text(lang),
        }
        for p in problems[:limit]
    ]
    return rows, max(len(problems) - limit, 0)


def replacement_lines(outcomes: list[Outcome], lang: str) -> list[str]:
    """For each loaded file that replaced current values: how many, and from which earlier file."""
    return [
        t("problem.outcome_replaced", lang, file=outcome.file, count=count, earlier=display(earlier))
        for outcome in outcomes
        for earlier, count in outcome.replaced.items()
    ]


def summary_frame(outcomes: list[Outcome]) -> pd.DataFrame:
    """One row per file: status, rows, indicators, regions, periods, warning and error counts."""
    rows = []
    for outcome in outcomes:
        summary = summarise(outcome.batch) if outcome.batch is not None else {}
        rows.append(
            {
                "file": outcome.file,
                "status": outcome.status,
                "rows": outcome.rows,
                **{key: listing(summary.get(key, [])) for key in ("indicators", "regions", "periods")},
                "warnings": len(outcome.warnings),
                "errors": len(outcome.errors.problems) if outcome.errors else 0,
            }
        )
    return pd.DataFrame(
        rows, columns=["file", "status", "rows", "indicators", "regions", "periods", "warnings", "errors"]
    )


def problem_frame(
    outcomes: list[Outcome], limit: int = MAX_LISTED, lang: str = "en"
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Errors then warnings, up to `limit` of each per file, located, in `lang`; and per file how many were left out."""
    rows: list[dict[str, Any]] = []
    more: dict[str, int] = {}
    for outcome in outcomes:
        found = (("error", outcome.errors.problems if outcome.errors else []), ("warning", outcome.warnings))
        for kind, problems in found:
            listed, left = problem_rows(problems, limit, lang)
            rows += [{"kind": kind, **row} for row in listed]
            if left:
                more[outcome.file] = more.get(outcome.file, 0) + left
    frame = pd.DataFrame(rows, columns=["kind", *PROBLEM_FIELDS])
    return frame.astype({"row": "Int64"}), more
