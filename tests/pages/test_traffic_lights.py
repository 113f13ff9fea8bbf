"""Liikennevalot in AppTest on a copy of the demo store: the grid, its table twin and the history mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import as_read, tables
from tests.helpers import run_page as run


def row_of(table, area: str) -> dict:
    return table[table.iloc[:, 0] == area].iloc[0].to_dict()


def test_grid_shows_symbol_and_word_for_a_known_generated_light(app_reads: Path) -> None:
    at = run("pages/traffic_lights.py", period="2025Q2", investment="P4I1")
    assert not at.exception
    keski = row_of(tables(at)[0], "Keski-Pohjanmaa")
    assert keski["Aikataulu"].startswith("▲ Seurattava") and keski["Tuotosten laatu"].startswith("● Etenee")
    # Lappi and Etelä-Savo stopped reporting in 2025Q2: a dash and "puuttuu", not a status.
    assert set(row_of(tables(at)[0], "Lappi").values()) - {"Lappi"} == {"– puuttuu"}
    assert any("Esimerkkiaineisto" in w.value for w in at.warning)
    assert any("● Hanke etenee suunnitellusti" in c.value for c in at.caption)  # the legend, shape and word
    assert any(as_read(c.value).startswith("Q2/2025, Investointi 1 (P4I1):") for c in at.caption)
    assert at.query_params["period"] == "2025Q2" and at.query_params["investment"] == "P4I1"  # shareable URL


def test_history_mode_marks_streaks(app_reads: Path) -> None:
    at = run("pages/traffic_lights.py", mode="history", investment="P4I1", dimension="costs")
    assert not at.exception
    pohjanmaa = row_of(tables(at)[0], "Pohjanmaa")
    assert pohjanmaa["Q1/2024"] == "▲ Seurattava ↓" and pohjanmaa["Q2/2025"] == "▲ Seurattava (6)"
    assert "Pohjanmaa: keltainen 6. neljännestä peräkkäin" in as_read(at.markdown[-1].value)


def test_investments_by_area_leave_non_participants_blank(app_reads: Path) -> None:
    at = run("pages/traffic_lights.py", by="investment", dimension="risks", period="2024Q3", lang="en")
    assert not at.exception
    table = tables(at)[0]
    assert list(table.columns)[:2] == ["Area", "P4I1"]
    assert row_of(table, "Helsinki")["P3_IPS"] == ""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_language_renders(app_reads: Path, lang: str) -> None:
    at = run("pages/traffic_lights.py", lang=lang)
    assert not at.exception and len(at.dataframe) == 1 and not at.get("plotly_chart")


def test_grid_scrolls_with_the_area_pinned_and_cells_coloured(app_reads: Path) -> None:
    """On a phone the grid scrolls sideways (a data grid), the area column stays put, colour is added to words."""
    at = run("pages/traffic_lights.py", period="2025Q2", investment="P4I1")
    grid = at.dataframe[0]
    assert json.loads(grid.proto.columns)["Alue"]["pinned"] is True
    styles = grid.proto.arrow_data.styler.styles
    assert "background-color: #9a6700" in styles and "color: white" in styles  # ▲ Seurattava on its yellow
    assert "nan" not in styles  # a missing cell ("– puuttuu") stays dark on white, not white on white
    assert all(cell.split(" ")[0] in "●▲■○–" for cell in grid.value.iloc[:, 1:].to_numpy().ravel() if cell)
