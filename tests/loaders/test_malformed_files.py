"""A corpus of malformed files across every format, made from good files in the test (nothing broken is
committed). Each must be refused by the CLI with exit code 1, named with its row and column where one
applies, and leave the store exactly as it was."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from config import ROOT
from store import db, queries

FIXTURES = ROOT / "tests" / "fixtures"
SOTKANET_CSV = (FIXTURES / "sotkanet_rest_csv_ind127_2009_total.csv").read_bytes()
SOTKANET_JSON = (FIXTURES / "sotkanet_rest_json_ind5513_2023_trimmed.json").read_bytes()
JSONSTAT = (FIXTURES / "fact_constructed_access.json").read_bytes()
THL_CSV = (FIXTURES / "thl_pivot_csv_epirapo_covid19case_shp_by_day_2020.csv").read_bytes()
TEMPLATE_XLSX = (ROOT / "data" / "templates" / "template.xlsx").read_bytes()
OBS_HEADER = "indicator,region,period,value\n"


def csv_lines(data: bytes) -> list[str]:
    return data.decode().split("\r\n")


def sotkanet_with(row: int, column: int, value: str) -> bytes:
    """The Sotkanet CSV with one cell replaced (row 1 is the header)."""
    lines = csv_lines(SOTKANET_CSV)
    cells = lines[row - 1].split(";")
    cells[column] = value
    lines[row - 1] = ";".join(cells)
    return "\r\n".join(lines).encode()


def workbook_with(sheet: str, rows: list[list[object]]) -> bytes:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(TEMPLATE_XLSX))
    for values in rows:
        book[sheet].append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A small file that claims to be a workbook and inflates to 250 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 250_000_000)
    return out.getvalue()


def big_then_broken() -> bytes:
    """A 50 MB Sotkanet extract whose last line is garbage: refused, with that line's number."""
    lines = csv_lines(SOTKANET_CSV)
    body = [line for line in lines[1:] if line]
    copies = 50_000_000 // len("\r\n".join(body).encode()) + 1
    rows = [f"127;{2000 + i % 9999};{1990 + (i // 9999) % 30};total;{i}.5;" for i in range(len(body) * copies)]
    text = "\r\n".join([lines[0], *rows, "this is not a row"]) + "\r\n"
    return text.encode()


# name, file bytes, what the error must say (regular expressions over that file's report)
CASES: list[tuple[str, Callable[[], bytes], list[str]]] = [
    ("sot_number.csv", lambda: sotkanet_with(3, 4, "x"), [r":3:primary value", "number"]),
    ("sot_comma.csv", lambda: sotkanet_with(4, 4, "2406,5"), [r":4:primary value", "comma"]),
    ("sot_year.csv", lambda: sotkanet_with(5, 2, "20x9"), [r":5:year"]),
    ("sot_gender.csv", lambda: sotkanet_with(6, 3, "both"), [r":6:gender"]),
    ("sot_dup.csv", lambda: SOTKANET_CSV + csv_lines(SOTKANET_CSV)[1].encode() + b"\r\n", ["duplicate|already on row"]),
    # Columns in another order are another format: refused as unknown, quoting the header it found.
    (
        "sot_reordered.csv",
        lambda: SOTKANET_CSV.replace(b"indicator;region", b"region;indicator", 1),
        ["accepted formats", "region;indicator;year"],
    ),
    ("sot_header.csv", lambda: SOTKANET_CSV.replace(b"primary value", b"arvo", 1), [r":1"]),
    ("sot_short_row.csv", lambda: SOTKANET_CSV.replace(b"127;69;2009;total;2406;", b"127;69;2009", 1), [r":2"]),
    (
        "sot_latin1.csv",
        lambda: sotkanet_with(7, 3, "t\xe4ysi").replace("täysi".encode(), b"t\xe4ysi"),
        [r":7", "UTF-8"],
    ),
    ("sot_bom_bad_header.csv", lambda: b"\xef\xbb\xbf" + SOTKANET_CSV.replace(b"year", b"vuosi", 1), [r":1"]),
    ("sot_long_line.csv", lambda: sotkanet_with(8, 1, "9" * 1_000_000 + "x"), [r":8:region"]),
    ("sot_50mb.csv", big_then_broken, [r":\d{6,}"]),
    ("empty.csv", lambda: b"", ["empty"]),
    ("blank.json", lambda: b"  \n", ["empty"]),
    ("sot_truncated.json", lambda: SOTKANET_JSON[: len(SOTKANET_JSON) // 2], ["JSON|line"]),
    ("sot_value.json", lambda: SOTKANET_JSON.replace(b'"value": 11.6', b'"value": "abc"', 1), [r"\$\[0\]\.value"]),
    ("sot_year.json", lambda: SOTKANET_JSON.replace(b'"year": 2023', b'"year": "vuosi"', 1), [r"\$\[0\]\.year"]),
    ("sot_not_a_list.json", lambda: b'{"hello": "world"}', ["accepted formats|expected"]),
    ("jsonstat_size.json", lambda: json.dumps({**json.loads(JSONSTAT), "size": [99, 99, 99]}).encode(), ["size"]),
    ("jsonstat_truncated.json", lambda: JSONSTAT[:-40], ["JSON|line"]),
    ("thl_days.csv", lambda: THL_CSV, [r":2:Aika", "day"]),
    ("tpl_indicator.csv", lambda: (OBS_HEADER + "no_such_indicator,18,2024Q1,50\n").encode(), [r":2:indicator"]),
    ("tpl_region.csv", lambda: (OBS_HEADER + "remote_contact_share,Atlantis,2024Q1,50\n").encode(), [r":2:region"]),
    ("tpl_percent.csv", lambda: (OBS_HEADER + "remote_contact_share,18,2024Q1,140\n").encode(), [r":2:value", "100"]),
    ("tpl_period.csv", lambda: (OBS_HEADER + "remote_contact_share,18,13/2025,50\n").encode(), [r":2:period"]),
    ("tpl_dup.csv", lambda: (OBS_HEADER + "remote_contact_share,18,2024Q1,50\n" * 2).encode(), [r":3"]),
    (
        "tpl_comma.csv",
        lambda: (OBS_HEADER + 'remote_contact_share,18,2024Q1,"50,5"\n').encode(),
        [r":2:value", "comma"],
    ),
    (
        "status_word.csv",
        lambda: b"period,region,investment,dimension,status\n2024Q3,18,P4I1,Aikataulu,Hyva\n",
        [r":2:status"],
    ),
    (
        "status_dimension.csv",
        lambda: b"period,region,investment,dimension,status\n2024Q3,18,P4I1,Onni,Seurattava\n",
        [r":2:dimension"],
    ),
    ("progress_percent.csv", lambda: b"period,region,investment,percent\n2024Q3,18,P4I1,140\n", [r":2:percent"]),
    ("not_a_zip.xlsx", lambda: b"this is text, not a workbook\n", ["accepted formats|expected"]),
    ("zip_bomb.xlsx", zip_bomb, ["MB|ratio|uncompressed"]),
    (
        "sheet_value.xlsx",
        lambda: workbook_with("observations", [["remote_contact_share", "18", "2024Q1", "x"]]),
        [r"observations!D\d+|observations!D:\d+|:\d+:observations!D", "number"],
    ),
]


def reports_by_file(stderr: str) -> dict[str, str]:
    """The CLI's stderr split into one block per refused file."""
    blocks = re.split(r"(?m)^Ingest refused: ", stderr)
    return {block.split(" ", 1)[0]: block for block in blocks[1:]}


@pytest.fixture(scope="module")
def refused(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, subprocess.CompletedProcess, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    db_path = folder / "dashboard.duckdb"
    db_path.write_bytes(demo_db.resolve().read_bytes())
    with db.writer(db_path):  # publish it as a versioned store, as a real one is
        pass
    files = []
    for name, build, _ in CASES:
        path = folder / name
        path.write_bytes(build())
        files.append(str(path))
    with db.connect_readonly(db_path) as con:
        before = (queries.fingerprint(con), db.live_file(db_path))
    run = subprocess.run(
        [sys.executable, "-m", "loaders", "ingest", *files, "--db", str(db_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return {"before": before}, run, db_path


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_every_file_is_refused_and_the_store_is_unchanged(refused) -> None:
    state, run, db_path = refused
    assert run.returncode == 1
    assert "loaded" not in run.stdout, run.stdout
    with db.connect_readonly(db_path) as con:
        assert (queries.fingerprint(con), db.live_file(db_path)) == state["before"]


@pytest.mark.parametrize(
    ("name", "expected"), [(name, expected) for name, _, expected in CASES], ids=[c[0] for c in CASES]
)
def test_each_refusal_names_where(refused, name: str, expected: list[str]) -> None:
    _, run, _ = refused
    report = reports_by_file(run.stderr).get(name)
    assert report is not None, f"{name} not refused:\n{run.stderr[-3000:]}"
    for pattern in expected:
        assert re.search(pattern, report, re.IGNORECASE), f"{name}: /{pattern}/ not in:\n{report[:1500]}"
