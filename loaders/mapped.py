"""A long table through a column mapping, as the CLI and the upload page both check it: choices → ColumnMap
→ an Outcome that loaders.ingest.write stores like any other file's.

Pure: the upload page (ui/upload.py) only draws what these return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from loaders import column_map
from loaders.column_guess import Head
from loaders.column_map import ColumnMap
from loaders.ingest import Outcome
from loaders.limits import DEFAULT, Limits
from store.batch import LoadErrors, display, refuse

MAX_ID = 80  # an indicator id or a dataset name typed by hand
PREVIEW_ROWS = 10
_DATASET = re.compile(r"^[\w.-]+$")
RESERVED_DATASETS = {"reference"}  # our reference tables' own
TABLE = "table"  # an Outcome's status: no layout took the file, but it reads as a table whose columns are chosen


@dataclass(frozen=True)
class Choices:
    """What the mapping form holds: a column per role (None: not chosen) and the indicator's source."""

    columns: dict[str, str | None]  # region, period, value, gender, indicator (when from a column)
    indicator: str | None  # one id for every row, used when columns has no indicator
    dataset: str
    region_ids: str | None = None
    sheet: str | None = None


def missing(choices: Choices) -> list[str]:
    """The roles still to choose, in the form's order; an indicator needs a column or an id."""
    roles = [role for role in ("region", "period", "value") if not choices.columns.get(role)]
    if not choices.columns.get("indicator") and not clean_id(choices.indicator or ""):
        roles.append("indicator")
    if not clean_dataset(choices.dataset):
        roles.append("dataset")
    return roles


def clean_id(text: str) -> str | None:
    """A typed indicator id: printable, one line, at most MAX_ID characters; None if nothing is left."""
    text = " ".join(str(text).split())
    return text if text and len(text) <= MAX_ID and text.isprintable() else None


def clean_dataset(text: str) -> str | None:
    """A dataset name: letters, digits, '.', '-', '_', at most MAX_ID; not one of ours."""
    text = str(text).strip()
    ok = text and len(text) <= MAX_ID and _DATASET.match(text) and text.lower() not in RESERVED_DATASETS
    return text if ok else None


def to_mapping(choices: Choices) -> ColumnMap:
    """The form's choices as the ColumnMap the CLI builds from --map (call once missing() is empty)."""
    columns = {role: column for role, column in choices.columns.items() if column}
    indicator = None if "indicator" in columns else clean_id(choices.indicator or "")
    return ColumnMap(columns, indicator, clean_dataset(choices.dataset) or "manual", choices.region_ids, choices.sheet)


def choices_of(mapping: ColumnMap) -> Choices:
    """A saved mapping (a recipe's) as the form's choices."""
    return Choices(dict(mapping.columns), mapping.indicator, mapping.dataset, mapping.region_ids, mapping.sheet)


def check(path: Path, data: bytes, mapping: ColumnMap, limits: Limits = DEFAULT) -> Outcome:
    """A dry run: the file read through the mapping, every problem located; nothing written."""
    try:
        batch = column_map.parse(path, data, mapping, limits)
    except LoadErrors as refused:
        return Outcome(display(path.name), "refused", errors=refused)
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        failed = refuse(path.name, "loader_failed", f"{type(error).__name__}: {error}")  # as ingest.check_file
        return Outcome(display(path.name), "refused", errors=failed)
    return Outcome(display(batch.file_name), "checked", batch.rows, batch, warnings=batch.warnings)


def preview_frame(head: Head, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first rows as text, one column per header cell (a blank or repeated name gets its position)."""
    labels: list[str] = []
    for position, name in enumerate(head.header, start=1):
        label = name or f"#{position}"
        labels.append(f"{label} (#{position})" if label in labels else label)
    return pd.DataFrame([list(row) for row in head.rows[:rows]], columns=labels, dtype="string")


def wants_mapping(outcome: Outcome) -> bool:
    """A file no known layout took (not one refused for its cells): the mapping may read it."""
    if outcome.status == TABLE:
        return True
    if not outcome.errors:
        return False
    first = outcome.errors.problems[0]
    # Excel's "Unicode text" (UTF-16 with its BOM, tab-separated) is refused by every layout for its
    # encoding, but the long-table reader decodes it.
    return first.key in {"accepted", "data_sheet"} or (first.key == "utf8" and first.found_key == "utf16")


def as_table(outcome: Outcome) -> Outcome:
    """A file that is offered the mapping: not refused but a table whose columns are to be chosen. The
    generic "expected one of the accepted formats" is dropped: it is no problem the user has to fix."""
    return replace(outcome, status=TABLE, errors=None) if wants_mapping(outcome) else outcome
