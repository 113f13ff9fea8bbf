"""The upload page's mapping flow without Streamlit: form choices → ColumnMap → a dry run's Outcome → the store."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from loaders import ingest, mapped, preview
from loaders.column_guess import Head
from loaders.mapped import Choices
from tests.loaders.conftest import rows_of, snapshot

LONG = "Alue;Vuosi;Osuus\nItä-Uudenmaan hyvinvointialue;2024;81,5\nPirkanmaa;2024;7,25\n"


def test_missing_roles_and_typed_names_are_checked() -> None:
    empty = Choices({"region": None, "period": "Vuosi", "value": None}, None, "")
    assert mapped.missing(empty) == ["region", "value", "indicator", "dataset"]
    full = Choices({"region": "Alue", "period": "Vuosi", "value": "Osuus", "gender": None}, " my  share ", "omat")
    assert mapped.missing(full) == []
    mapping = mapped.to_mapping(full)
    assert (mapping.columns, mapping.indicator, mapping.dataset) == (
        {"region": "Alue", "period": "Vuosi", "value": "Osuus"},
        "my share",
        "omat",
    )
    assert mapped.choices_of(mapping).columns == mapping.columns
    for bad in ("../x", "a b", "reference", "x" * 81, ""):
        assert mapped.clean_dataset(bad) is None, bad
    assert mapped.clean_id("a\x00b") is None and mapped.clean_id("x" * 81) is None


def test_the_preview_names_blank_and_repeated_columns_by_position() -> None:
    head = Head(("Alue", "", "Alue"), (("Pirkanmaa", "x", "y"),))
    frame = mapped.preview_frame(head)
    assert list(frame.columns) == ["Alue", "#2", "Alue (#3)"]
    assert frame.iloc[0].tolist() == ["Pirkanmaa", "x", "y"]


def test_a_dry_run_then_the_one_write_path(tmp_path: Path, store: Path) -> None:
    path = tmp_path / "omat.csv"
    path.write_bytes(LONG.encode("utf-8"))
    [refused] = ingest.check_files([path])
    assert mapped.wants_mapping(refused)  # no known layout takes it
    table = mapped.as_table(refused)  # what the upload page lists: a table to map, no refusal to fix
    assert (table.status, table.errors, mapped.wants_mapping(table)) == ("table", None, True)
    assert preview.problem_frame([table])[0].empty and preview.summary_frame([table])["errors"].tolist() == [0]
    choices = Choices({"region": "Alue", "period": "Osuus", "value": "Osuus"}, "my_share", "omat")
    wrong = mapped.check(path, path.read_bytes(), mapped.to_mapping(choices))
    assert wrong.status == "refused" and not mapped.wants_mapping(wrong)
    assert [(p.row, p.column, p.found) for p in wrong.errors.problems] == [(2, "Osuus", "81,5"), (3, "Osuus", "7,25")]
    before = snapshot(store)
    ingest.write([wrong], store)
    assert snapshot(store) == before
    right = mapped.check(path, path.read_bytes(), mapped.to_mapping(Choices({**choices.columns, "period": "Vuosi"},
                                                                             "my_share", "omat")))  # fmt: skip
    assert (right.status, right.rows) == ("checked", 2)
    ingest.write([right], store)
    assert right.status == "loaded"
    assert rows_of(store, "SELECT region_code, value FROM observations_v WHERE dataset = 'omat' ORDER BY 1") == [
        ("01", 81.5),
        ("08", 7.25),
    ]


def test_a_workbook_no_layout_takes_is_offered_the_mapping_and_read_from_its_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Ohje"
    sheet = book.create_sheet("Luvut")
    sheet.append(["Alue", "Vuosi", "Arvo"])
    sheet.append(["Pirkanmaa", "2024", 1.5])
    path = tmp_path / "oma.xlsx"
    book.save(path)
    [refused] = ingest.check_files([path])
    assert mapped.wants_mapping(refused)  # our template's sheets are missing: no layout takes it
    choices = Choices({"region": "Alue", "period": "Vuosi", "value": "Arvo"}, "x", "omat", sheet="Luvut")
    outcome = mapped.check(path, path.read_bytes(), mapped.to_mapping(choices))
    assert outcome.batch.tables["observations"].to_pylist()[0]["value"] == 1.5


def test_excel_unicode_text_is_offered_the_mapping_and_read(tmp_path: Path) -> None:
    """Excel's "Unicode text" export: UTF-16 with its BOM, tab-separated. No layout reads UTF-16, the
    mapping does."""
    path = tmp_path / "unicode.txt.csv"
    path.write_bytes("Alue\tVuosi\tOsuus\r\nItä-Uusimaa\t2024\t81,5\r\n".encode("utf-16"))
    [refused] = ingest.check_files([path])
    assert refused.errors.problems[0].found_key == "utf16" and mapped.wants_mapping(refused)
    choices = Choices({"region": "Alue", "period": "Vuosi", "value": "Osuus"}, "x", "omat")
    outcome = mapped.check(path, path.read_bytes(), mapped.to_mapping(choices))
    [row] = outcome.batch.tables["observations"].to_pylist()
    assert (row["region_code"], row["period"], row["value"]) == ("01", "2024", 81.5)
