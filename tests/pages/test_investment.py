"""Investointi in AppTest: indicator, lights history, progress and budget for one area and investment."""

from __future__ import annotations

from pathlib import Path

from i18n import t
from tests.helpers import as_read, tables
from tests.helpers import run_page as run

NBSP = "\u00a0"


def test_keski_pohjanmaa_p4i1_on_one_screen(app_reads: Path) -> None:
    at = run("pages/investment.py", area="18", investment="P4I1")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2  # indicator, budget; the lights are a data grid (narrow screens)
    lights = tables(at)[1]
    assert lights.iloc[0]["Ulottuvuus"] == "Aikataulu" and lights.iloc[0]["Q2/2025"].startswith("▲ Seurattava")
    budget = tables(at)[3]
    assert budget["Kustannuspaikka"].tolist() == ["12701", "12702", "12703", "12704", "12705", "12706"]
    assert any(f"tavoite 80{NBSP}%" in c.value for c in at.caption)


def test_area_without_budget_or_indicator_says_so_and_still_shows_lights_and_progress(app_reads: Path) -> None:
    at = run("pages/investment.py", area="90", investment="P4I2")
    assert not at.exception
    assert [box.value for box in at.info] == [
        t("investment_page.no_indicator", "fi"),
        t("investment_page.no_budget", "fi"),
    ]
    assert [s.value for s in at.selectbox] == ["90", "P4I2"]  # the choices in the URL are the ones shown
    assert not at.get("plotly_chart")  # no indicator chart, no budget chart; the lights are a data grid
    lights, progress = tables(at)
    assert lights["Ulottuvuus"].tolist()[:3] == ["Aikataulu", "Kustannukset", "Tuotosten laatu"]
    assert any(as_read(caption.value).startswith("Helsinki, Investointi 2 (P4I2)") for caption in at.caption)
    latest = at.metric[0]  # the headline figure is the table's latest row
    assert (latest.label, latest.value) == ("Edistyminen Q2/2025", f"100{NBSP}%")
    assert progress.iloc[-1].tolist()[:2] == ["Q2/2025", latest.value]
