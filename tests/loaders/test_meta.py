"""Sotkanet metadata: /indicators/{id} payloads and /regions, kept in source_indicators and source_regions."""

from __future__ import annotations

from pathlib import Path

from loaders import formats
from loaders.ingest import ingest_files
from tests.loaders.conftest import INDICATORS_2025, REGIONS_2016, REGIONS_2025, rows_of


def test_indicator_payloads_give_titles_unit_and_producer() -> None:
    batch = formats.parse(INDICATORS_2025)
    frame = batch.tables["source_indicators"].set_index("indicator")
    assert (batch.format, len(frame)) == ("sotkanet_indicators", 6)
    assert sorted(frame.index) == ["186", "322", "4461", "4559", "5527", "5529"]
    mortality = frame.loc["186"]
    assert mortality["title_fi"] == "Kuolleisuus / 100 000 asukasta"
    assert mortality["title_en"] == "Mortality per 100 000 inhabitants"
    assert (mortality["value_type"], mortality["decimals"], mortality["organization"]) == (
        "PER100000",
        1,
        "Tilastokeskus",
    )
    assert str(mortality["data_updated"]) == "2025-04-29"


def test_regions_2025_keep_every_area_with_its_membership() -> None:
    frame = formats.parse(REGIONS_2025).tables["source_regions"].set_index("region")
    assert len(frame) == 7
    espoo = frame.loc["20"]
    assert (espoo["code"], espoo["category"], espoo["title_sv"]) == ("049", "KUNTA", "Esbo")
    assert "969" in espoo["member_of"].split(",")  # Länsi-Uusimaa, a county of the new era
    assert espoo["region_code"] is None  # a municipality: kept under its own id


def test_regions_2016_map_the_whole_country(store: Path) -> None:
    [outcome] = ingest_files([REGIONS_2016], store)
    assert (outcome.status, outcome.rows) == ("loaded", 511)
    assert rows_of(store, "SELECT code, category, region_code FROM source_regions WHERE region = '658'") == [
        ("358", "MAA", "358")
    ]
    categories = dict(rows_of(store, "SELECT category, count(*) FROM source_regions GROUP BY 1"))
    assert "HYVINVOINTIALUE" not in categories and categories["KUNTA"] > 300


def test_a_newer_metadata_file_replaces_by_key(store: Path, tmp_path: Path) -> None:
    ingest_files([REGIONS_2025], store)
    changed = tmp_path / "regions.json"
    changed.write_text(
        REGIONS_2025.read_text(encoding="utf-8").replace('"Espoo"', '"Espoo (uusi)"', 1), encoding="utf-8"
    )
    ingest_files([changed], store)
    assert rows_of(store, "SELECT title_fi FROM source_regions WHERE region = '20'") == [("Espoo (uusi)",)]
