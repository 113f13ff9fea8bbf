"""What a loader hands the store: a validated Batch, or LoadErrors naming every Problem.

Exception
 └── LoadErrors        a file was refused; .problems lists each one, nothing was written
Problem                one located finding (also used for warnings that do not refuse)
Batch                  rows for one or more tables from one file, ready for store.db
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

MAX_LISTED = 20  # problems shown before "and N more"


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # 1-based as an editor shows it: the header is row 1
    column: str | None  # Excel: Sheet!C14; JSON: a path like $[12].value
    expected: str
    found: str

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.row, self.column) if part is not None)
        return f"{where} — expected {self.expected}, found '{self.found}'"


class LoadErrors(Exception):
    """A file was refused; nothing from it was written."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.report())

    def report(self, limit: int = MAX_LISTED) -> str:
        lines = [f"Ingest refused: {self.file} ({len(self.problems)} problems, nothing written)"]
        lines += [f"  {problem}" for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


@dataclass(frozen=True)
class Batch:
    """Validated rows from one file. tables maps a store table name to a DataFrame or Arrow
    table with exactly that table's loader columns (store.tables.LOADER_COLUMNS)."""

    file_name: str
    sha256: str
    format: str  # e.g. sotkanet_csv, template_csv, reference
    tables: Mapping[str, Any]
    dataset: str = ""  # sotkanet, thl, manual, reference
    url: str | None = None  # live fetches: where it came from
    retrieved_at: datetime | None = None
    is_demo: bool = False
    warnings: tuple[Problem, ...] = field(default=())

    @property
    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())
