"""Our template as long CSV: the demo files and a comma-decimal file."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import ROOT
from loaders import formats
from store.batch import LoadErrors


def test_demo_actuals_load_with_their_periods() -> None:
    batch = formats.parse(ROOT / "data" / "demo" / "actuals_documents.csv")
    frame = batch.tables["observations"]
    row = frame[(frame["indicator"] == "care_guarantee_7day_share") & (frame["period"] == "2025-03")].iloc[0]
    assert (batch.format, row["value"], row["region"]) == ("template_csv:observations", 81.0, "358")


def test_comma_decimals_in_a_comma_file_are_named(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text('indicator,region,period,value\ncare_guarantee_7day_share,358,2024,"81,5"\n', encoding="utf-8")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.found) == (2, "value", "81,5")
    assert "comma decimals" in problem.expected


def test_semicolon_file_reads_comma_decimals(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("indicator;region;period;value\ncare_guarantee_7day_share;358;Q4/2024;81,5\n", encoding="utf-8")
    frame = formats.parse(path).tables["observations"]
    assert frame[["period", "value", "raw"]].values.tolist() == [["2024Q4", 81.5, "81,5"]]
