"""Zip-bomb check for workbooks (declared sizes only, nothing extracted), and openpyxl's XML defence."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from config import ROOT
from loaders.limits import Limits
from loaders.zipcheck import check_zip

TEMPLATE = ROOT / "data" / "templates" / "template.xlsx"


def zipped(**entries: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def test_the_real_template_passes() -> None:
    assert check_zip(TEMPLATE, TEMPLATE.read_bytes()) == []


def test_a_highly_compressed_part_is_refused_with_its_name() -> None:
    data = zipped(xl__workbook_xml=b"<workbook/>", xl__worksheets__sheet1_xml=b"\0" * (20 * 1024 * 1024))
    assert len(data) < 100_000  # the point: a small upload
    [problem] = check_zip(Path("bomb.xlsx"), data)
    assert (problem.file, problem.column) == ("bomb.xlsx", "xl/worksheets/sheet1_xml")
    assert "compression ratio" in problem.expected and problem.found_text().endswith("MB)")


def test_total_uncompressed_size_is_capped() -> None:
    data = zipped(a=b"x" * 5000, b=b"y" * 5000)
    [problem] = check_zip(Path("big.xlsx"), data, Limits(zip_uncompressed=8000))
    assert "uncompressed" in problem.expected and problem.row is None


def test_too_many_parts_are_refused() -> None:
    data = zipped(**{f"part{i}": b"" for i in range(30)})
    [problem] = check_zip(Path("many.xlsx"), data, Limits(zip_parts=20))
    assert problem.found == "30"


def test_not_a_zip_is_a_problem_not_an_exception() -> None:
    [problem] = check_zip(Path("fake.xlsx"), b"PK\x03\x04 not really")
    assert problem.expected == "a readable zip archive (.xlsx)"


def test_openpyxl_parses_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True
