"""Load files into the store: parse and validate each, then write the good ones in one publish."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loaders import formats, reference
from store import db
from store.batch import Batch, LoadErrors, Problem

Progress = Callable[[str], None]  # receives one line of progress (the CLI prints it on stderr)
LARGE = 100_000  # rows: from here on a file's timing is worth reporting


@dataclass
class Outcome:
    file: str
    status: str  # loaded | already loaded | checked (dry run) | refused
    rows: int = 0
    batch: Batch | None = None
    errors: LoadErrors | None = None
    warnings: tuple[Problem, ...] = field(default=())


def _rate(rows: int, seconds: float) -> str:
    return f"{rows:,} rows in {seconds:.1f} s ({rows / max(seconds, 1e-9):,.0f} rows/s)".replace(",", " ")


def check_files(paths: list[Path], progress: Progress | None = None) -> list[Outcome]:
    """Parse and validate every file; nothing is written."""
    outcomes = []
    for path in paths:
        started = time.perf_counter()
        try:
            batch = formats.parse(path)
        except LoadErrors as refused:
            outcomes.append(Outcome(path.name, "refused", errors=refused))
        else:
            outcomes.append(Outcome(path.name, "checked", batch.rows, batch, warnings=batch.warnings))
            if progress and batch.rows >= LARGE:
                progress(f"{path.name}: checked {_rate(batch.rows, time.perf_counter() - started)}")
    return outcomes


def write(outcomes: list[Outcome], db_path: Path, progress: Progress | None = None) -> list[Outcome]:
    """Write the checked batches (files are independent), reference data first, in one publish."""
    good = [outcome for outcome in outcomes if outcome.batch is not None]
    if not good:
        return outcomes
    with db.writer(db_path) as store:
        store.ingest(reference.batch())
        for outcome in good:
            started = time.perf_counter()
            outcome.status = "loaded" if store.ingest(outcome.batch) else "already loaded"
            if progress and outcome.rows >= LARGE:
                progress(f"{outcome.file}: written {_rate(outcome.rows, time.perf_counter() - started)}")
    return outcomes


def ingest_files(
    paths: list[Path], db_path: Path, dry_run: bool = False, progress: Progress | None = None
) -> list[Outcome]:
    outcomes = check_files(paths, progress)
    return outcomes if dry_run else write(outcomes, db_path, progress)
