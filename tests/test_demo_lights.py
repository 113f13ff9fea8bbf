"""The generated lights and progress: byte-stable, flagged, with gaps and "not reported" to show."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import DEMO_DIR
from tools import demo_lights


def test_generated_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    demo_lights.write(tmp_path / "status.csv", tmp_path / "progress.csv")
    assert (tmp_path / "status.csv").read_bytes() == (DEMO_DIR / "generated_status.csv").read_bytes()
    assert (tmp_path / "progress.csv").read_bytes() == (DEMO_DIR / "generated_progress.csv").read_bytes()


def test_generated_lights_cover_the_quarters_with_gaps_and_flags() -> None:
    with open(DEMO_DIR / "generated_status.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["is_demo"] for r in rows} == {"yes"}
    assert sorted({r["period"] for r in rows}) == demo_lights.QUARTERS
    assert any(r["status"] == "Ei raportoitava" for r in rows)
    last = {r["region"] for r in rows if r["period"] == "2025Q2"}
    assert not last & set(demo_lights.STOP_IN_LAST)
    with open(DEMO_DIR / "generated_progress.csv", encoding="utf-8") as f:
        assert "2024Q3" not in {r["period"] for r in csv.DictReader(f)}  # the real quarter stays real
