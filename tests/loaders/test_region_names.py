"""Region names as sources write them (loaders/region_names.py): the English long forms too (issue 15).

English names from /work/shared/domain/regions.csv (name_en), copied into loaders/region_names.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import column_map, formats, region_names
from loaders.column_map import ColumnMap


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Itä-Uusimaa wellbeing services county", "01"),
        ("Wellbeing services county of East Uusimaa", "01"),
        ("East Uusimaa wellbeing services county", "01"),
        ("WELLBEING SERVICES COUNTY OF  Päijät-Häme", "09"),  # case and spacing as typed
        ("Wellbeing services county of Vantaa and Kerava", "04"),
        ("Finland Proper wellbeing services county", "05"),
        ("Wellbeing services county of Southwest Finland", "05"),
        ("Wellbeing services county of Tavastia Proper", "07"),
        ("Lapland wellbeing services county", "21"),
        ("City of Helsinki", "90"),
    ],
)
def test_english_long_forms_name_our_county(written: str, code: str) -> None:
    assert region_names.region_code(written) == code


def test_helsinki_and_the_country_get_no_county_forms() -> None:
    assert region_names.region_code("Helsinki wellbeing services county") is None  # a city, not a county
    assert region_names.region_code("Wellbeing services county of Whole country") is None
    assert set(region_names.english_long_forms().values()) == {f"{n:02d}" for n in range(1, 22)}  # the 21 counties


def test_a_long_table_with_english_county_names_loads(tmp_path: Path) -> None:
    path = tmp_path / "english.csv"
    path.write_text(
        "County,Year,Share\n"
        "Wellbeing services county of East Uusimaa,2024,81.5\n"
        "Itä-Uusimaa wellbeing services county,2025,82\n"
        "Central Ostrobothnia wellbeing services county,2024,79.25\n",
        encoding="utf-8",
    )
    mapping = ColumnMap({"region": "County", "period": "Year", "value": "Share"}, indicator="my_share")
    batch = column_map.parse(path, path.read_bytes(), mapping)
    assert batch.tables["observations"].column("region_code").to_pylist() == ["01", "01", "18"]


def test_an_unknown_english_name_suggests_the_english_long_forms(tmp_path: Path) -> None:
    assert region_names.closest("Wellbeing services county of East Uusima")[0] == (
        "Wellbeing services county of East Uusimaa"
    )


def test_a_thl_cube_with_english_area_labels_finds_its_area_dimension(tmp_path: Path) -> None:
    path = tmp_path / "fact_english.csv"
    path.write_text(
        "Area;Time;Measure;val\n"
        "Wellbeing services county of East Uusimaa;2024;Visits;5\n"
        "Lapland wellbeing services county;2024;Visits;7\n"
        "All areas;2024;Visits;50\n",
        encoding="utf-8",
    )
    rows = formats.parse(path).tables["observations"].to_pylist()
    assert [(r["region"], r["region_code"], r["value"]) for r in rows] == [
        ("Wellbeing services county of East Uusimaa", "01", 5.0),
        ("Lapland wellbeing services county", "21", 7.0),
        ("All areas", "358", 50.0),
    ]
