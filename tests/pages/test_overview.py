"""Yleiskuva in Streamlit's AppTest, on a copy of the demo store: what a user would check."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_page as run
from tests.helpers import tables, trace_names

NBSP = "\u00a0"


def test_overview_shows_the_three_indicators_with_targets(app_reads: Path) -> None:
    at = run("pages/overview.py")
    assert not at.exception
    # The latest national values: generated quarters to Q3/2026, the real annual survey value 2024.
    assert [m.value for m in at.metric] == [f"81{NBSP}%", f"100{NBSP}%", f"41,9{NBSP}%"]
    assert [m.label for m in at.metric] == ["Viimeisin Q3/2026", "Viimeisin Q3/2026", "Viimeisin 2024"]
    text = " ".join(md.value for md in at.markdown)
    for target in (f"Tavoite **80{NBSP}%** (Q4/2025)", f"**100{NBSP}%** (Q4/2025)", f"**35{NBSP}%** (Q4/2025)"):
        assert target in text
    # The conflicting 45 % target stays visible, with its document.
    assert any(f"45{NBSP}%" in c.value for c in at.caption)
    names = trace_names(at)
    assert len(names) == 5  # three headline charts, then the reckoning and its tile map
    assert f"Tavoite 80{NBSP}% Q4/2025" in names[0]
    assert any("Esimerkkiaineisto" in w.value for w in at.warning)


def test_overview_in_english_uses_english_formats(app_reads: Path) -> None:
    at = run("pages/overview.py", lang="en")
    assert not at.exception
    assert [m.value for m in at.metric] == ["81%", "100%", "41.9%"]
    assert any("Example data" in w.value for w in at.warning)
    assert "Target 80% Q4 2025" in trace_names(at)[0]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_chart_has_a_summary_and_a_table(app_reads: Path, lang: str) -> None:
    at = run("pages/overview.py", lang=lang)
    charts = at.get("plotly_chart")
    assert len(charts) == 5
    assert len(tables(at)) == len(charts) and all(len(df) > 0 for df in tables(at))
    summaries = [c.value for c in at.caption if "Q4" in c.value]
    assert len(summaries) >= 3


def test_app_without_a_store_says_how_to_build_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "missing.duckdb"))
    at = run("app.py")
    assert not at.exception
    assert "make run" in at.error[0].value
