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


def test_notes_in_three_languages_go_to_row_notes_and_a_single_note_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "indicator,region,period,value,source_doc,note,note_fi,note_sv,note_en\n"
        "care_guarantee_7day_share,18,2025Q4,82,000,,Ennakko,Preliminärt,Preliminary\n"
        "care_guarantee_7day_share,18,2026Q1,78,,As written,,,\n"
        "care_guarantee_7day_share,18,2026Q2,76,,,,,\n",
        encoding="utf-8",
    )
    batch = formats.parse(path)
    observations, notes = batch.tables["observations"], batch.tables["row_notes"]
    # observations.note: the note as written, else the Finnish one; the source no longer hides in it.
    assert observations["note"].tolist()[:2] == ["Ennakko", "As written"] and observations["note"].isna().tolist()[2]
    assert notes.values.tolist() == [["observations", 2, "000", "Ennakko", "Preliminärt", "Preliminary"]]


def test_a_file_with_only_note_columns_has_no_row_notes(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("indicator,region,period,value,note\ncare_guarantee_7day_share,18,2025Q4,82,Old note\n", "utf-8")
    batch = formats.parse(path)
    assert set(batch.tables) == {"observations"}
    assert batch.tables["observations"]["note"].tolist() == ["Old note"]
