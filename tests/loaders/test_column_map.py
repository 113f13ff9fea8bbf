"""Issue 15 item 3: an analyst's own long table loads through a column mapping (CLI --map).

The tables are made in the tests (CONSTRUCTED, as an analyst would save them from Excel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from config import ROOT
from loaders import column_map
from loaders.column_map import ColumnMap
from store.batch import LoadErrors
from tests.loaders.conftest import rows_of, snapshot

LONG = (
    "Hyvinvointialue;Vuosi;Osuus\n"
    "Itä-Uudenmaan hyvinvointialue;2024;81,5\n"
    "Östra Nylands välfärdsområde;2025 Q4;82,0\n"
    "Hela landet;Q4/2025;\n"
    "Keski-Pohjanmaa;3/2025;79,25\n"
    "18;2023;1 234,5\n"
)
MAP = {"region": "Hyvinvointialue", "period": "Vuosi", "value": "Osuus"}


def _file(tmp_path: Path, text: str, encoding: str = "cp1252", name: str = "omat.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_long_names_decimal_commas_and_written_periods_load(tmp_path: Path) -> None:
    path = _file(tmp_path, LONG)  # Excel's "CSV (semicolon)" on Finnish Windows: cp1252
    batch = column_map.parse(path, path.read_bytes(), ColumnMap(MAP, indicator="my_share", dataset="omat"))
    rows = [
        (r["region_code"], r["period"], r["value"], r["source_row"]) for r in batch.tables["observations"].to_pylist()
    ]
    assert rows == [
        ("01", "2024", 81.5, 2),
        ("01", "2025Q4", 82.0, 3),
        ("358", "2025Q4", None, 4),  # empty value: NULL, never 0
        ("18", "2025-03", 79.25, 5),
        ("18", "2023", 1234.5, 6),
    ]
    assert (batch.format, batch.dataset) == ("column_map", "omat")


def test_utf16_and_comma_separated_files_read_the_same(tmp_path: Path) -> None:
    text = LONG.replace(";", "\t")
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    batch = column_map.parse(path, path.read_bytes(), ColumnMap(MAP, indicator="my_share"))
    assert batch.tables["observations"].column("value").to_pylist()[:2] == [81.5, 82.0]


def test_unknown_region_suggests_the_closest_names_and_a_missing_column_asks_to_choose(tmp_path: Path) -> None:
    path = _file(tmp_path, "Alue;Vuosi;Osuus\nItä-Uusimaaa;2024;81,5\nPirkanmaa;2024x;1\n")
    with pytest.raises(LoadErrors) as caught:
        column_map.parse(path, path.read_bytes(), ColumnMap({**MAP, "region": "Alue"}, indicator="x"))
    region, period = caught.value.problems
    assert (region.row, region.column, region.found) == (2, "Alue", "Itä-Uusimaaa")
    assert "Itä-Uusimaa" in region.text("fi")
    assert (period.row, period.column, period.found) == (3, "Vuosi", "2024x")
    with pytest.raises(LoadErrors) as caught:
        column_map.parse(path, path.read_bytes(), ColumnMap(MAP, indicator="x"))
    [choose] = caught.value.problems
    assert (choose.row, choose.column) == (1, "Hyvinvointialue")
    assert "Alue, Vuosi, Osuus" in choose.text("sv")


def test_sotkanet_region_ids_when_asked(tmp_path: Path) -> None:
    path = _file(tmp_path, "region,year,value,indicator\n964,2024,5.5,a\n658,2024,6,a\n")
    mapping = ColumnMap(
        {"region": "region", "period": "year", "value": "value", "indicator": "indicator"}, region_ids="sotkanet"
    )
    batch = column_map.parse(path, path.read_bytes(), mapping)
    assert batch.tables["observations"].column("region_code").to_pylist() == ["18", "358"]


def test_cli_loads_a_mapped_table_once_and_refuses_a_bad_one_whole(store: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, LONG)
    args = ["--map", "region=Hyvinvointialue", "--map", "period=Vuosi", "--map", "value=Osuus"]
    command = [
        sys.executable,
        "-m",
        "loaders",
        "ingest",
        str(path),
        *args,
        "--indicator",
        "my_share",
        "--db",
        str(store),
    ]
    first = subprocess.run([*command, "--dataset", "omat"], cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "omat.csv: loaded, 5 rows" in first.stdout
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert "already loaded" in again.stdout
    assert rows_of(
        store, "SELECT count(*), count(value) FROM observations JOIN series USING (series_id) WHERE dataset = 'omat'"
    ) == [(5, 4)]
    bad = _file(tmp_path, LONG + "Atlantis;2024;1\n", name="bad.csv")
    before = snapshot(store)
    refused = subprocess.run([*command[:4], str(bad), *command[5:]], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "bad.csv:7:Hyvinvointialue — expected a region code or name we know" in refused.stderr
    assert snapshot(store) == before
