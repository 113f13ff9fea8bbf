"""Build the demo store from data/demo/ through the one write path, as `make run` does."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from loaders.ingest import Outcome, check_files, write

DEMO_SUFFIXES = {".csv", ".json", ".xlsx"}
LOAD_DATES = "load_dates.csv"  # file → the day the demo pretends it was loaded (for "Tilanne päivänä")


def demo_files(data_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in data_dir.iterdir()
        if p.suffix in DEMO_SUFFIXES and not p.name.startswith(".") and p.name != LOAD_DATES
    )


def load_dates(data_dir: Path) -> dict[str, datetime]:
    """Simulated load times, so the demo has a history to look back on; files not listed load now."""
    path = data_dir / LOAD_DATES
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as f:
        return {row["file"]: datetime.fromisoformat(row["loaded_at"]) for row in csv.DictReader(f)}


def _dated(outcomes: list[Outcome], dates: dict[str, datetime]) -> list[Outcome]:
    for outcome in outcomes:
        if outcome.batch is not None and outcome.file in dates:
            outcome.batch = replace(outcome.batch, loaded_at=dates[outcome.file])
    return outcomes


def build_demo(db_path: Path, data_dir: Path) -> list[Outcome]:
    """Load every demo file, or none: a refused file is a bug in the demo data, so it raises."""
    outcomes = check_files(demo_files(data_dir))
    refused = [outcome.errors for outcome in outcomes if outcome.errors]
    if refused:
        raise refused[0]
    return write(_dated(outcomes, load_dates(data_dir)), db_path)
