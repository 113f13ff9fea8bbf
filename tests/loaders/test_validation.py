"""Every validation rule with a broken copy of a real file; a refused load leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import formats
from loaders.ingest import ingest_files
from store.batch import LoadErrors
from tests.loaders.conftest import SOTKANET_CSV, replace_line, rows_of, snapshot

CASES = {
    # name: (line, new text, expected (row, column, found), words in expected)
    "header": (1, "indicator;region;vuosi;gender;primary value;absolute value", (1, None), "header"),
    "shape": (7, "127;69;2009", (7, None), "cells"),
    "number": (14, "127;69;2009;total;x;", (14, "primary value"), "a number"),
    "comma": (15, "127;69;2009;total;12,5;", (15, "primary value"), "comma decimals"),
    "period": (16, "127;69;09;total;1;", (16, "year"), "a year"),
    "gender": (17, "127;69;2009;naiset;1;", (17, "gender"), "total, male or female"),
    "duplicate": (3, "127;69;2009;total;1;", (3, "year"), "not already on row 2"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_names_row_and_column_and_writes_nothing(case: str, store: Path, tmp_path: Path) -> None:
    line, text, (row, column), words = CASES[case]
    bad = replace_line(SOTKANET_CSV, tmp_path / f"{case}.csv", line, text)
    before = snapshot(store)
    with pytest.raises(LoadErrors) as caught:
        formats.parse(bad)
    first = caught.value.problems[0]
    assert (first.file, first.row, first.column) == (bad.name, row, column)
    assert words in first.expected
    [outcome] = ingest_files([bad], store)
    assert outcome.status == "refused"
    assert snapshot(store) == before


def test_problems_of_every_rule_are_listed_in_rule_order(tmp_path: Path) -> None:
    """The checks run side by side; the report still lists ids, values, then repeated keys."""
    second = SOTKANET_CSV.read_bytes().decode().splitlines()[1]
    path = replace_line(SOTKANET_CSV, tmp_path / "a.csv", 3, second)
    path = replace_line(path, tmp_path / "b.csv", 5, "127;69;2010;total;x;")
    path = replace_line(path, tmp_path / "c.csv", 7, "127;69;2011;naiset;1;")
    path = replace_line(path, tmp_path / "d.csv", 9, "12a;69;2012;total;1;")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (9, "indicator"),
        (7, "gender"),
        (5, "primary value"),
        (3, "year"),
    ]


def test_percentages_outside_0_100_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "pct.csv"
    path.write_text("indicator;region;period;value\ncare_guarantee_7day_share;358;2024;101\n", encoding="utf-8")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    assert [(p.row, p.column, p.found) for p in caught.value.problems] == [(2, "value", "101.0")]


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    empty, header_only = tmp_path / "empty.csv", tmp_path / "header.csv"
    empty.write_bytes(b"")
    header_only.write_bytes(SOTKANET_CSV.read_bytes().splitlines(keepends=True)[0])
    for path, found in ((empty, "empty file"), (header_only, "only a header")):
        with pytest.raises(LoadErrors) as caught:
            formats.parse(path)
        assert caught.value.problems[0].found_text() == found


def test_unknown_format_lists_the_accepted_ones(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    expected = caught.value.problems[0].expected
    assert "Sotkanet REST CSV" in expected and "JSON-stat" in expected
    assert "our template as an Excel workbook" in expected
    assert "sotkanet_csv" not in expected and "template_xlsx" not in expected  # the program's names are not the user's


@pytest.mark.parametrize(
    ("data", "start"),
    [
        ("\nKäyntejä yhteensä\r\n1204\r\n".encode("cp1252"), "Käyntejä yhteensä"),  # Excel on Finnish Windows
        ("\ufeffKäyntejä yhteensä\n".encode(), "Käyntejä yhteensä"),  # UTF-8 with a BOM
        (("x" + "ä" * 8200).encode(), "x" + "ä" * 119),  # the bounded head's cut falls inside an "ä"
    ],
    ids=["cp1252", "utf8-bom", "utf8-cut"],
)
def test_an_unknown_format_quotes_its_start_as_the_long_table_reader_decodes_it(
    tmp_path: Path, data: bytes, start: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert problem.key == "accepted"
    assert problem.found == start  # its first line (up to 120 characters)
    assert start in problem.found_text("fi")


def test_all_errors_are_collected_and_the_listing_capped(tmp_path: Path) -> None:
    lines = SOTKANET_CSV.read_bytes().splitlines(keepends=True)
    broken = [lines[0]] + [line.replace(b";total;", b";total;x") for line in lines[1:]]
    path = tmp_path / "many.csv"
    path.write_bytes(b"".join(broken))
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    report = caught.value.report()
    assert len(caught.value.problems) > 20 and "… and" in report and "more" in report


def test_reloading_the_same_bytes_is_a_no_op(store: Path) -> None:
    ingest_files([SOTKANET_CSV], store)
    before = snapshot(store)
    [outcome] = ingest_files([SOTKANET_CSV], store)
    assert outcome.status == "already loaded" and snapshot(store) == before


def test_a_newer_extract_supersedes_and_keeps_the_revision(store: Path, tmp_path: Path) -> None:
    ingest_files([SOTKANET_CSV], store)
    newer = replace_line(SOTKANET_CSV, tmp_path / "newer.csv", 211, "127;658;2009;total;5351428;")
    ingest_files([newer], store)
    assert rows_of(store, "SELECT value, source_file FROM observations_v WHERE region = '658'") == [
        (5351428.0, "newer.csv")
    ]
    history = rows_of(
        store,
        "SELECT o.value, i.file_name, o.superseded_by IS NULL"
        " FROM observations o JOIN series USING (series_id) JOIN ingests i USING (ingest_id)"
        " WHERE region = '658' ORDER BY o.value",
    )
    assert history == [(5351427.0, SOTKANET_CSV.name, False), (5351428.0, "newer.csv", True)]
    assert rows_of(store, "SELECT count(*) FROM observations JOIN series USING (series_id) WHERE region = '69'") == [
        (1,)
    ]  # unchanged: once
