"""Investointi in AppTest: indicator, lights history, progress and budget for one area and investment."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_page as run
from tests.helpers import tables

NBSP = "\u00a0"


def test_keski_pohjanmaa_p4i1_on_one_screen(app_env: Path) -> None:
    at = run("pages/investment.py", area="18", investment="P4I1")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3  # indicator, lights, budget
    lights = tables(at)[1]
    assert lights.iloc[0]["Ulottuvuus"] == "Aikataulu" and lights.iloc[0]["Q2/2025"].startswith("▲ Seurattava")
    budget = tables(at)[3]
    assert budget["Kustannuspaikka"].tolist() == ["12701", "12702", "12703", "12704", "12705", "12706"]
    assert any(f"tavoite 80{NBSP}%" in c.value for c in at.caption)


def test_area_without_budget_or_indicator_says_so(app_env: Path) -> None:
    at = run("pages/investment.py", area="90", investment="P4I2")
    assert not at.exception
    assert len(at.info) == 2
