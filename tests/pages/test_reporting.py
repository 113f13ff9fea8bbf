"""Raportointi in AppTest: who has not reported what, and each area's last report."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_page as run
from tests.helpers import tables


def test_areas_that_stopped_reporting_show_their_last_quarter(app_reads: Path) -> None:
    at = run("pages/reporting.py", period="2025Q2")
    assert not at.exception
    missing = tables(at)[1].set_index("Alue")
    assert missing.loc["Lappi", "Viimeisin raportti"] == "Q1/2025"
    assert "Investointi 1 (P4I1): kaikki ulottuvuudet" in missing.loc["Lappi", "Puuttuvat solut Q2/2025"]
    assert missing.loc["Etelä-Karjala", "Puuttuvat solut Q2/2025"] == "–"
    grid = tables(at)[0].set_index("Alue")
    assert grid.loc["Lappi", "Q2/2025"] == "✗ 0/28" and grid.loc["Pohjanmaa", "Q3/2024"].endswith("/42")
    assert json.loads(at.dataframe[0].proto.columns)["Alue"]["pinned"] is True  # scrolls sideways, area stays
    assert any("2 aluetta ei raportoinut lainkaan" in c.value for c in at.caption)
    assert any(c.value.startswith("Selite: ✓ täydellinen · ◐ osittain · ✗ ei raporttia") for c in at.caption)


def test_a_skipped_quarter_counts_as_missing(app_reads: Path) -> None:
    at = run("pages/reporting.py", period="2024Q1", lang="en")
    assert not at.exception
    missing = tables(at)[1].set_index("Area")
    assert "all dimensions" in missing.loc["Kymenlaakso", "Missing cells Q1 2024"]
