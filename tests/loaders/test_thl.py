"""THL pivot CSV (real daily covid export) and JSON-stat 2.0 (a constructed cube) through the mapping file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import formats, thl_pivot
from loaders.ingest import ingest_files
from store.batch import LoadErrors
from tests.loaders.conftest import JSONSTAT, THL_PIVOT, rows_of


def test_pivot_export_is_read_as_a_long_table() -> None:
    frame = thl_pivot.read(THL_PIVOT, THL_PIVOT.read_bytes())
    assert list(frame.columns) == ["Alue", "Aika", "val", "source_row"]
    assert len(frame) == 8052
    by_line = frame.set_index("source_row")
    assert tuple(by_line.loc[1343, ["Alue", "Aika", "val"]]) == ("Kaikki Alueet", "2020-03-01", "1")
    assert tuple(by_line.loc[1524, ["Alue", "Aika", "val"]]) == ("Pirkanmaan SHP", "2020-03-10", "6")
    assert (frame["val"] == "").sum() == 836  # empty val: no data


def test_real_daily_cube_loads_as_a_source_indicator_without_a_mapping_row(store: Path) -> None:
    [outcome] = ingest_files([THL_PIVOT], store)
    assert outcome.status == "loaded"
    cube = "thl_pivot_csv_epirapo_covid19case_shp_by_day_2020"  # no fact_ prefix: the file name is the id
    rows = rows_of(
        store,
        "SELECT count(*), count(value), min(period), max(period), count(DISTINCT region)"
        " FROM observations JOIN series USING (series_id)"
        " WHERE dataset = 'thl' AND indicator = $cube",
        {"cube": cube},
    )
    assert rows == [(8052, 8052 - 836, "2020-01-01", "2020-12-31", 22)]  # days kept as days, empty val NULL
    [(country, code)] = rows_of(
        store,
        "SELECT DISTINCT region, region_code FROM observations JOIN series USING (series_id) WHERE source_row = 1343",
    )
    assert (country, code) == ("Kaikki Alueet", "358")  # the totals row is the whole country
    assert rows_of(store, "SELECT title_fi FROM source_indicators WHERE indicator = $cube", {"cube": cube}) == [(cube,)]
    # Hospital districts are not our areas: kept under THL's label, one warning each, not problems.
    assert {w.found for w in outcome.warnings} >= {"Pirkanmaan SHP", "Lapin SHP"}
    assert "Kaikki Alueet" not in {w.found for w in outcome.warnings}


def test_monthly_pivot_loads_with_nulls_for_empty_val(tmp_path: Path) -> None:
    lines = THL_PIVOT.read_text(encoding="utf-8").splitlines()[:45]  # two days of 22 areas
    months = [lines[0]] + [line.replace("2020-01-01", "2020-01").replace("2020-01-02", "2020-02") for line in lines[1:]]
    months[5] = months[5].rsplit(";", 1)[0] + ";12"
    path = tmp_path / "fact_epirapo_covid19case.csv"
    path.write_text("\n".join(months) + "\n", encoding="utf-8")
    batch = formats.parse(path)
    frame = batch.tables["observations"].to_pandas()
    assert (batch.format, len(frame)) == ("thl_pivot_csv:epirapo_covid19case", 44)
    assert frame["value"].isna().sum() == 43  # empty val is NULL, never 0
    pirkanmaa = frame[(frame["region"] == "Pirkanmaan SHP") & (frame["period"] == "2020-01")].iloc[0]
    assert (pirkanmaa["value"], pirkanmaa["source_row"]) == (12.0, 6)
    assert (
        pirkanmaa["region_code"] is None or pirkanmaa["region_code"] != pirkanmaa["region_code"]
    )  # a hospital district
    assert frame["gender"].isna().all()
    country = frame[frame["region"] == "Kaikki Alueet"]
    assert set(country["region_code"]) == {"358"}


def test_jsonstat_cube_maps_measure_region_and_year() -> None:
    batch = formats.parse(JSONSTAT)
    names = ["region", "region_code", "period", "value", "status", "source_row"]
    rows = sorted(tuple(row[n] for n in names) for row in batch.tables["observations"].to_pylist())
    assert (batch.format, batch.dataset, len(rows)) == ("thl_jsonstat:constructed_access", "thl", 6)
    assert rows[0] == ("Keski-Pohjanmaa", "18", "2023", 78.5, None, 1)
    assert rows[1] == ("Keski-Pohjanmaa", "18", "2024", 81.2, None, 3)
    assert rows[3] == ("Koko maa", "358", "2024", None, "..", 11)  # suppressed: NULL, status kept


def test_jsonstat_value_as_object_gives_the_same_rows(tmp_path: Path) -> None:
    cube = json.loads(JSONSTAT.read_text(encoding="utf-8"))
    cube["value"] = {str(i): v for i, v in enumerate(cube["value"]) if v is not None}
    path = tmp_path / "fact_constructed_access.json"
    path.write_text(json.dumps(cube), encoding="utf-8")
    dense = formats.parse(JSONSTAT).tables["observations"]
    sparse = formats.parse(path).tables["observations"]
    assert sparse.column("value").to_pylist() == dense.column("value").to_pylist()


def test_jsonstat_size_mismatch_is_refused(tmp_path: Path) -> None:
    cube = json.loads(JSONSTAT.read_text(encoding="utf-8"))
    cube["value"] = cube["value"][:-1]
    path = tmp_path / "fact_constructed_access.json"
    path.write_text(json.dumps(cube), encoding="utf-8")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert (problem.column, problem.found_text()) == ("$.value", "11 values")


def test_jsonstat_loads_into_the_store(store: Path) -> None:
    [outcome] = ingest_files([JSONSTAT], store)
    assert outcome.status == "loaded"
    assert rows_of(store, "SELECT value, raw FROM observations_v WHERE region_code = '08' AND period = '2024'") == [
        (72.4, "72.4")
    ]
