"""Issue 15: a Sotkanet portal download (no header) and any THL cube (CSV, JSON-stat 1.x) load without a mapping row.

The portal, weekly-cube and JSON-stat 1.x files in tests/fixtures are CONSTRUCTED in the documented
formats (no real file of these layouts was available); the daily cube in test_thl.py is real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import formats
from loaders.ingest import ingest_files
from store.batch import LoadErrors
from tests.loaders.conftest import FIXTURES, rows_of, snapshot

PORTAL = FIXTURES / "sotkanet_portal_constructed_ind127_fi.csv"
WEEKLY = FIXTURES / "thl_pivot_constructed_weekly_sv_totals.csv"
JSONSTAT_1 = FIXTURES / "fact_constructed_weekly_jsonstat1.json"


def test_portal_download_is_detected_and_keyed_like_the_rest_csv() -> None:
    batch = formats.parse(PORTAL)
    assert (batch.format, batch.dataset) == ("sotkanet_portal", "sotkanet")
    rows = {(r["region"], r["gender"]): r for r in batch.tables["observations"].to_pylist()}
    # Our areas under their Sotkanet id (as REST writes them), with our code; others under their code.
    assert (rows[("658", "total")]["region_code"], rows[("658", "total")]["value"]) == ("358", 5563970.0)
    assert (rows[("961", "total")]["region_code"], rows[("961", "male")]["value"]) == ("01", 49100.5)
    assert rows[("code:018", "total")]["region_code"] is None  # Askola: its zero kept in the key
    empty = rows[("964", "total")]
    assert (empty["value"], empty["raw"], empty["source_row"]) == (None, "", 3)  # empty value: NULL, never 0
    assert batch.tables["source_indicators"]["title_fi"].tolist() == ["Väestö 31.12."]
    [askola] = batch.tables["source_regions"].to_dict("records")
    assert (askola["code"], askola["title_fi"]) == ("018", "Askola")
    assert [w.found for w in batch.warnings] == ["Askola (018)"]


def test_portal_download_in_swedish_fills_the_swedish_title(tmp_path: Path) -> None:
    text = PORTAL.read_text(encoding="utf-8").replace('"yhteensä"', '"totalt"').replace('"miehet"', '"män"')
    path = tmp_path / "sv.csv"
    path.write_text(text.replace('"naiset"', '"kvinnor"').replace("Väestö", "Befolkning"), encoding="utf-8")
    frame = formats.parse(path).tables["source_indicators"]
    assert (frame["title_sv"].tolist(), frame["title_fi"].tolist()) == (["Befolkning 31.12."], [None])


def test_a_bad_portal_line_is_located_and_nothing_is_written(store: Path, tmp_path: Path) -> None:
    lines = PORTAL.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"yhteensä"', '"kaikki"').replace(";4908;", ";49,08;")
    path = tmp_path / "portal_bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(store)
    [outcome] = ingest_files([path], store)
    assert outcome.status == "refused"
    found = [(p.row, p.column, p.found) for p in outcome.errors.problems]
    assert found == [(4, "E", "kaikki"), (4, "G", "49,08")]  # the file has no header: spreadsheet columns
    assert snapshot(store) == before


def test_weekly_swedish_cube_with_totals_loads_one_series_per_measure(store: Path) -> None:
    [outcome] = ingest_files([WEEKLY], store)
    assert outcome.status == "loaded"
    rows = rows_of(
        store,
        "SELECT indicator, region, region_code, period, value, status FROM observations JOIN series USING (series_id)"
        " WHERE dataset = 'thl' ORDER BY indicator, period, region",
    )
    fall = "thl_pivot_constructed_weekly_sv_totals|Mått=Fall"
    assert rows[:3] == [
        (fall, "Alla områden", "358", "2020W11", 4.0, None),  # the area total is the whole country
        (fall, "Birkaland", "08", "2020W11", None, None),  # empty val: NULL
        (fall, "Österbottens välfärdsområde", "17", "2020W11", 3.0, None),
    ]
    assert (rows[3][3], rows[3][4], rows[3][5]) == ("2020W12", None, "..")  # suppressed: mark kept
    assert len(rows) == 12  # the 'Totalt' weeks are a total over time: not stored, and said so
    assert {w.key for w in outcome.warnings} == {"thl_time_total"}
    titles = rows_of(store, "SELECT indicator, title_sv, title_fi FROM source_indicators ORDER BY indicator")
    assert titles == [
        (fall, "thl_pivot_constructed_weekly_sv_totals: Fall", None),
        (fall + " per 100 000 invånare", "thl_pivot_constructed_weekly_sv_totals: Fall per 100 000 invånare", None),
    ]


def test_reloading_a_cube_is_a_no_op(store: Path) -> None:
    ingest_files([WEEKLY], store)
    before = snapshot(store)[1]
    [outcome] = ingest_files([WEEKLY], store)
    assert outcome.status == "already loaded" and snapshot(store)[1] == before


def test_jsonstat_1x_wrapped_in_dataset_loads_with_its_roles_and_labels() -> None:
    batch = formats.parse(JSONSTAT_1)
    rows = [
        (r["indicator"], r["region"], r["region_code"], r["period"], r["value"])
        for r in batch.tables["observations"].to_pylist()
    ]
    assert rows == [
        ("constructed_weekly_jsonstat1|Mått=Fall", "Österbottens välfärdsområde", "17", "2020W11", 3.0),
        ("constructed_weekly_jsonstat1|Mått=Fall", "Österbottens välfärdsområde", "17", "2020W12", 4.0),
        ("constructed_weekly_jsonstat1|Mått=Fall", "Alla områden", "358", "2020W11", None),
        ("constructed_weekly_jsonstat1|Mått=Fall", "Alla områden", "358", "2020W12", 41.0),
    ]
    assert batch.tables["source_indicators"]["title_sv"].tolist() == ["Konstruerad kub: fall per vecka: Fall"]


def test_cube_without_an_area_dimension_loads_as_a_national_series_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "fact_national.csv"
    path.write_text("Aika;Mittari;val\n2023;Käynnit;5\n2024;Käynnit;6\n", encoding="utf-8")
    batch = formats.parse(path)
    regions = {r["region_code"] for r in batch.tables["observations"].to_pylist()}
    assert regions == {"358"}
    [warning] = batch.warnings
    assert warning.text("en").endswith("found 'a THL cube with dimensions Aika, Mittari'")
    assert "koko maan sarjana" in warning.text("fi")


def test_cube_without_time_is_refused_in_the_users_language(tmp_path: Path) -> None:
    path = tmp_path / "fact_notime.csv"
    path.write_text("Alue;Mittari;val\nPirkanmaa;Käynnit;5\n", encoding="utf-8")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert (problem.row, problem.key) == (1, "thl_cube_time")
    assert "Alue, Mittari" in problem.text("sv") and "tidsdimension" in problem.text("sv")
    assert "thl_mappings" not in problem.text("en")  # never names a file of the program


def test_a_plain_total_in_the_area_dimension_is_the_whole_country_not_an_unknown_area(tmp_path: Path) -> None:
    path = tmp_path / "fact_totals.csv"
    path.write_text("Alue;Aika;val\nPirkanmaa;2024;5\nYhteensä;2024;50\n", encoding="utf-8")
    batch = formats.parse(path)
    codes = {r["region"]: r["region_code"] for r in batch.tables["observations"].to_pylist()}
    assert codes == {"Pirkanmaa": "08", "Yhteensä": "358"}
    assert batch.warnings == ()
