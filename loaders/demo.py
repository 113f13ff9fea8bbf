"""Build the demo store from data/demo/ through the one write path, as `make run` does."""

from __future__ import annotations

from pathlib import Path

from loaders.ingest import Outcome, check_files, write

DEMO_SUFFIXES = {".csv", ".json", ".xlsx"}


def demo_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if p.suffix in DEMO_SUFFIXES and not p.name.startswith("."))


def build_demo(db_path: Path, data_dir: Path) -> list[Outcome]:
    """Load every demo file, or none: a refused file is a bug in the demo data, so it raises."""
    outcomes = check_files(demo_files(data_dir))
    refused = [outcome.errors for outcome in outcomes if outcome.errors]
    if refused:
        raise refused[0]
    return write(outcomes, db_path)
