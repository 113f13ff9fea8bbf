"""Our template as an Excel workbook: sheets per table, Finnish sheet names, problems named as cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from loaders import formats
from store.batch import LoadErrors
from tools import make_template

HEADER = ["indicator", "region", "period", "value", "gender", "source_doc", "note", "is_demo"]


def workbook(path: Path, sheet: str, rows: list[list]) -> Path:
    book = Workbook()
    book.active.title = sheet
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    book.create_sheet("ohje").append(["ohjeita"])
    book.save(path)
    return path


def test_finnish_sheet_name_and_typed_cells(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "luvut.dat",  # the name says nothing: detected from content
        "havainnot",
        [
            ["care_guarantee_7day_share", "Keski-Pohjanmaa", "3/2025", 81.5, "total", "doc.txt", "", "ei"],
            ["care_guarantee_7day_share", "358", 2024, 80, "", "doc.txt", "", "ei"],
        ],
    )
    batch = formats.parse(path)
    frame = batch.tables["observations"]
    assert batch.format == "template_xlsx:observations"
    assert frame[["region", "period", "value", "source_row"]].values.tolist() == [
        ["18", "2025-03", 81.5, 2],
        ["358", "2024", 80.0, 3],
    ]


def test_problems_name_the_cell(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bad.xlsx",
        "observations",
        [["care_guarantee_7day_share", "358", "2024", 80, "", "d", "", ""]] * 12
        + [["care_guarantee_7day_share", "358", "2024Q5", 120, "", "d", "", ""]],
    )
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    located = {(p.row, p.column) for p in caught.value.problems}
    assert (14, "observations!C14") in located  # the period 2024Q5
    assert (14, "observations!D14") in located  # 120 % is outside 0–100
    assert (3, "observations!C3") in located  # the same key as row 2


def test_blank_template_builds_and_has_instructions(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = make_template.build(tmp_path / "template.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[:3] == ["observations", "targets", "annotations"] and book.sheetnames[-1] == "ohje"
    assert next(book["observations"].iter_rows(values_only=True))[:4] == (
        "indicator",
        "region",
        "period",
        "value",
    )
    assert "Ohje" in next(book["ohje"].iter_rows(values_only=True))[0]
