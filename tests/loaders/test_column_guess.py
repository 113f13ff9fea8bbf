"""Issue 15 item 3: the guessed column mapping of a long table, from its header and first rows only.

Every table is made here, as an analyst would save it (Excel's semicolon CSV on Finnish Windows,
"Unicode text", a workbook)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import Workbook

from loaders import column_guess, column_map
from loaders.column_guess import HEAD_BYTES, HEAD_COLUMNS, HEAD_ROWS, guess, read_head
from loaders.column_map import ColumnMap

# Long county names, periods in three written forms, decimal commas, a gender and an indicator column.
LONG = (
    "Mittari;Hyvinvointialue;Vuosi;Sukupuoli;Osuus\n"
    "care_guarantee_7day_share;Itä-Uudenmaan hyvinvointialue;2024;yhteensä;81,5\n"
    "care_guarantee_7day_share;Keski-Pohjanmaan hyvinvointialue;2025 Q4;naiset;82,0\n"
    "care_guarantee_7day_share;Östra Nylands välfärdsområde;Q4/2025;miehet;\n"
    "care_guarantee_7day_share;Koko maa;3/2025;yhteensä;1 234,5\n"
)
KNOWN = frozenset({"care_guarantee_7day_share"})


def _head(data: bytes, name: str = "omat.csv", sheet: str | None = None) -> column_guess.Head:
    head = read_head(Path(name), data, sheet)
    assert head is not None
    return head


def test_semicolons_decimal_commas_and_long_county_names_are_guessed_with_reasons() -> None:
    head = _head(LONG.encode("cp1252"))  # Excel's "CSV (semicolon)": cp1252, read as such
    assert head.header[1] == "Hyvinvointialue" and head.rows[2][1] == "Östra Nylands välfärdsområde"
    found = guess(head, KNOWN)
    assert found.columns == {
        "region": "Hyvinvointialue",
        "period": "Vuosi",
        "value": "Osuus",
        "gender": "Sukupuoli",
        "indicator": "Mittari",
    }
    assert found.region_ids is None
    assert found.reasons["region"].text("fi") == "4/4 arvoa on tunnettuja alueita (esim. Itä-Uudenmaan hyvinvointialue)"
    assert found.reasons["value"].text("sv") == "3/3 värden är tal (t.ex. 81,5)"  # the empty cell is no value
    assert found.reasons["period"].text("en") == "4/4 values are periods (e.g. 2024)"
    # The guess is what the loader needs: the same file loads through it.
    mapping = ColumnMap(found.columns, dataset="omat", region_ids=found.region_ids)
    batch = column_map.parse(Path("omat.csv"), LONG.encode("cp1252"), mapping)
    rows = batch.tables["observations"].to_pylist()
    assert [(r["region_code"], r["period"], r["gender"], r["value"]) for r in rows] == [
        ("01", "2024", "total", 81.5),
        ("18", "2025Q4", "female", 82.0),
        ("01", "2025Q4", "male", None),
        ("358", "2025-03", "total", 1234.5),
    ]


def test_tab_separated_unicode_text_is_read_and_guessed() -> None:
    text = "alue\tår\tvärde\n01\t2024\t5.5\n18\t2023\t6.25\n358\t2022\t7\n"
    head = _head(b"\xff\xfe" + text.encode("utf-16-le"), "export.txt")  # Excel's "Unicode text"
    assert head.header == ("alue", "år", "värde")
    found = guess(head)
    assert found.columns == {"region": "alue", "period": "år", "value": "värde"}
    assert found.reasons["indicator"].key == "none" and found.reasons["gender"].key == "none"
    assert "ingen kolumn passar" in found.reasons["indicator"].text("sv")


def test_a_workbook_sheet_is_read_and_guessed() -> None:
    book = Workbook()
    book.active.title = "Ohje"
    book.active.append(["Täytä taulukko välilehdelle Data"])
    data_sheet = book.create_sheet("Data")
    data_sheet.append(["Kunta tai alue", "Kausi", "Luku"])
    for region, period, value in (("Pirkanmaa", "2024Q1", 12.5), ("Birkaland", "2024Q2", 13), ("08", "2024Q3", None)):
        data_sheet.append([region, period, value])
    buffer = io.BytesIO()
    book.save(buffer)
    head = _head(buffer.getvalue(), "oma.xlsx", sheet="Data")
    assert (head.sheets, head.sheet) == (("Ohje", "Data"), "Data")
    assert head.rows[1] == ("Birkaland", "2024Q2", "13")
    assert guess(head).columns == {"region": "Kunta tai alue", "period": "Kausi", "value": "Luku"}
    first = read_head(Path("oma.xlsx"), buffer.getvalue())  # the first sheet: one column, no table
    assert first is None


def test_names_beat_small_counts_for_the_region_and_sotkanet_ids_are_recognised() -> None:
    counts = "Alue;Vuosi;Lukumäärä\n" + "".join(f"Pirkanmaa;{2000 + n};{n}\n" for n in range(1, 20))
    found = guess(_head(counts.encode()))  # the counts 1…19 are region codes too
    assert (found.columns["region"], found.columns["value"]) == ("Alue", "Lukumäärä")
    sotkanet = guess(_head(b"region,year,value\n964,2024,5.5\n658,2024,6\n"))
    assert (sotkanet.columns["region"], sotkanet.region_ids) == ("region", "sotkanet")
    assert sotkanet.reasons["region"].key == "region_sotkanet"


def test_only_a_bounded_head_is_read() -> None:
    wide = ";".join(f"c{n}" for n in range(HEAD_COLUMNS + 40)) + "\n"
    row = ";".join("ä" * 3 for _ in range(HEAD_COLUMNS + 40)) + "\n"
    data = (wide + row * 5000).encode("utf-8")
    assert len(data) > HEAD_BYTES  # the cut falls inside the file, between two-byte characters or not
    head = _head(data)
    assert len(head.header) == HEAD_COLUMNS and len(head.rows) == HEAD_ROWS
    assert all(cell == "äää" for row_ in head.rows for cell in row_)  # read as UTF-8, not cp1252 mojibake


def test_what_is_no_table_is_not_offered() -> None:
    assert read_head(Path("a.json"), json.dumps([{"a": 1}]).encode()) is None
    assert read_head(Path("a.csv"), b"just one column\n1\n2\n") is None
    assert read_head(Path("a.csv"), b"a;b;c\n") is None  # a header without rows
    assert read_head(Path("a.csv"), b"a;b\r1;2\r") is None  # CR line ends: the loader refuses them
