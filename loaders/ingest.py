"""Load files into the store: parse and validate each, then write the good ones in one publish."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders import formats, reference
from store import db
from store.batch import Batch, LoadErrors, Problem


@dataclass
class Outcome:
    file: str
    status: str  # loaded | already loaded | checked (dry run) | refused
    rows: int = 0
    batch: Batch | None = None
    errors: LoadErrors | None = None
    warnings: tuple[Problem, ...] = field(default=())


def check_files(paths: list[Path]) -> list[Outcome]:
    """Parse and validate every file; nothing is written."""
    outcomes = []
    for path in paths:
        try:
            batch = formats.parse(path)
        except LoadErrors as refused:
            outcomes.append(Outcome(path.name, "refused", errors=refused))
        else:
            outcomes.append(Outcome(path.name, "checked", batch.rows, batch, warnings=batch.warnings))
    return outcomes


def write(outcomes: list[Outcome], db_path: Path) -> list[Outcome]:
    """Write the checked batches (files are independent), reference data first, in one publish."""
    good = [outcome for outcome in outcomes if outcome.batch is not None]
    if not good:
        return outcomes
    with db.writer(db_path) as store:
        store.ingest(reference.batch())
        for outcome in good:
            outcome.status = "loaded" if store.ingest(outcome.batch) else "already loaded"
    return outcomes


def ingest_files(paths: list[Path], db_path: Path, dry_run: bool = False) -> list[Outcome]:
    outcomes = check_files(paths)
    return outcomes if dry_run else write(outcomes, db_path)
