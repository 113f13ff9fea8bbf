"""Sotkanet REST CSV on the real response for indicator 127 (population), 2009."""

from __future__ import annotations

from pathlib import Path

import pyarrow.compute as pc
import pytest

from loaders import formats, sotkanet_csv
from loaders.ingest import ingest_files
from store.batch import LoadErrors
from tests.loaders.conftest import SOTKANET_CSV, replace_line, rows_of


def test_reads_every_row_with_values_and_line_numbers() -> None:
    batch = formats.parse(SOTKANET_CSV)
    table = batch.tables["observations"]
    assert (batch.format, batch.dataset, table.num_rows) == ("sotkanet_csv", "sotkanet", 466)
    by_region = {row["region"]: row for row in table.to_pylist()}
    assert by_region["658"]["value"] == 5351427.0 and by_region["658"]["region_code"] == "358"
    assert by_region["658"]["source_row"] == 211
    assert (by_region["46"]["value"], by_region["46"]["raw"], by_region["46"]["period"]) == (
        583350.0,
        "583350",
        "2009",
    )
    assert by_region["69"]["source_row"] == 2 and by_region["69"]["region_code"] is None
    assert set(table.column("gender").to_pylist()) == {"total"}
    assert table.column("indicator_code").null_count == 466  # 127 is not one of our verified ids


def test_municipalities_are_kept_with_one_warning_per_region() -> None:
    batch = formats.parse(SOTKANET_CSV)
    assert len(batch.warnings) == 465  # every region but 658 (whole country), each once
    first = batch.warnings[0]
    assert (first.row, first.column, first.found_text()) == (2, "region", "69 (1 rows)")


def test_empty_value_is_null_and_raw_is_empty(tmp_path: Path) -> None:
    path = replace_line(SOTKANET_CSV, tmp_path / "empty.csv", 2, "127;69;2009;total;;")
    table = formats.parse(path).tables["observations"]
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["value"], first["raw"], first["source_row"]) == (None, "", 2)


def test_trailing_blank_lines_are_not_rows(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(SOTKANET_CSV.read_bytes() + b"\r\n\r\n")
    assert formats.parse(path).tables["observations"].num_rows == 466


def test_a_skipped_bad_row_keeps_later_line_numbers_right(tmp_path: Path) -> None:
    path = replace_line(SOTKANET_CSV, tmp_path / "short.csv", 5, "127;841")
    path = replace_line(path, tmp_path / "short2.csv", 9, "127;69;2009;total;x;")
    table, lines, check = sotkanet_csv.read(path, path.read_bytes())
    assert [(p.row, p.found) for p in check.problems] == [(5, "127;841")]
    assert lines[:8].tolist() == [2, 3, 4, 6, 7, 8, 9, 10]
    assert pc.equal(table.column("value"), "x").to_pylist().index(True) == 6  # line 9


def test_loaded_values_carry_provenance(store: Path) -> None:
    [outcome] = ingest_files([SOTKANET_CSV], store)
    assert (outcome.status, outcome.rows) == ("loaded", 466)
    [(value, source_file, row, raw, sha)] = rows_of(
        store,
        "SELECT o.value, i.file_name, o.source_row, o.raw, i.sha256"
        " FROM observations o JOIN series USING (series_id) JOIN ingests i USING (ingest_id) WHERE region = '658'",
    )
    assert (value, source_file, row, raw) == (5351427.0, SOTKANET_CSV.name, 211, "5351427")
    assert sha.startswith("54aaf20b3884")


@pytest.mark.parametrize(
    ("cell", "column", "key"),
    [
        ("0xFFFFF", "indicator", "sotkanet_indicator_id"),  # 1048575: as many characters as digits, read as hex
        ("0127", "indicator", None),  # leading zero: read as 127, a warning-free rewrite
        ("-69", "region", "sotkanet_region_id"),
        ("1234567890", "region", "sotkanet_id_size"),
        ("0x7E4", "year", "year"),  # 2020 in hexadecimal
        ("02009", "year", "year"),
        ("1899", "year", "year_range"),
    ],
)
def test_ids_and_years_not_written_plainly_are_checked_cell_by_cell(
    tmp_path: Path, cell: str, column: str, key: str | None
) -> None:
    """A cell that Arrow's integer cast would take (hexadecimal, a sign, a leading zero) is named as
    the digits check sees it, at its line: a faster path that trusts the cast must not let one through."""
    cells = {"indicator": "127", "region": "69", "year": "2009", column: cell}
    path = replace_line(
        SOTKANET_CSV, tmp_path / "odd.csv", 2, f"{cells['indicator']};{cells['region']};{cells['year']};total;1;"
    )
    if key is None:
        table = formats.parse(path).tables["observations"]
        assert table.column("indicator").to_pylist()[0] == "127"
        return
    with pytest.raises(LoadErrors) as refused:
        formats.parse(path)
    assert [(p.row, p.key, p.found) for p in refused.value.problems] == [(2, key, cell)]
