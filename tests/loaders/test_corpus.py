"""Issue 9's malformed-file corpus, second half: cases test_malformed_files.py does not hold, as a table.

Every file is made from a good fixture in tmp_path (nothing broken is committed) and refused by the CLI
with exit code 1, its report naming the file, and the row and column where one applies; the store's
fingerprint and live file stay as they were. Some listed quirks are not errors in every format; what
each format does with them is decided and tested at the end (BOM, '..', unknown region, formula text).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import openpyxl
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from config import ROOT
from exports.datafiles import neutralise
from loaders import formats
from loaders.workbook import parse as parse_workbook
from store import db, queries
from store.batch import LoadErrors

FIXTURES = ROOT / "tests" / "fixtures"
SOTKANET_CSV = (FIXTURES / "sotkanet_rest_csv_ind127_2009_total.csv").read_bytes()
SOTKANET_JSON = (FIXTURES / "sotkanet_rest_json_ind5513_2023_trimmed.json").read_bytes()
JSONSTAT = (FIXTURES / "fact_constructed_access.json").read_bytes()
TEMPLATE_XLSX = (ROOT / "data" / "templates" / "template.xlsx").read_bytes()
BOM = b"\xef\xbb\xbf"
OBS = "indicator,region,period,value"
GOOD_OBS = "remote_contact_share,18,2024Q1,50"
# A THL pivot export of the constructed cube (its mapping is in loaders/thl_mappings.csv).
THL_HEADER = "Hyvinvointialue;Vuosi;Mittari;val"
THL_MEASURE = "Hoitotakuu 7 vrk toteutunut (%)"
BIG_ROWS = 1_800_000  # ~50 MB of Sotkanet rows: the upload limit (.streamlit/config.toml maxUploadSize)


# ---------------------------------------------------------------- builders


def sotkanet(row: int, column: int, value: str) -> bytes:
    """The Sotkanet CSV fixture with one cell replaced (row 1 is the header, columns from 0)."""
    lines = SOTKANET_CSV.decode().split("\r\n")
    cells = lines[row - 1].split(";")
    cells[column] = value
    lines[row - 1] = ";".join(cells)
    return "\r\n".join(lines).encode()


def sotkanet_line(row: int, text: str) -> bytes:
    lines = SOTKANET_CSV.decode().split("\r\n")
    lines[row - 1] = text
    return "\r\n".join(lines).encode()


def sotkanet_json(edit: Callable[[list[dict]], object]) -> bytes:
    """The Sotkanet JSON fixture after edit(items) changed it in place."""
    items = json.loads(SOTKANET_JSON)
    edit(items)
    return json.dumps(items, indent=1).encode()


def jsonstat(edit: Callable[[dict], None]) -> bytes:
    document = json.loads(JSONSTAT)
    edit(document)
    return json.dumps(document, indent=1, ensure_ascii=False).encode()


def thl(*rows: str) -> bytes:
    return "\r\n".join([THL_HEADER, *rows, ""]).encode()


def thl_row(region: str = "Keski-Pohjanmaa", year: str = "2023", value: str = "81.5") -> str:
    return f"{region};{year};{THL_MEASURE};{value}"


def template_csv(header: str, *rows: str) -> bytes:
    return "\n".join([header, *rows, ""]).encode()


def workbook(sheet: str, *rows: list[object], header: list[str] | None = None) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(TEMPLATE_XLSX))
    if header is not None:
        for column, name in enumerate(header, start=1):
            book[sheet].cell(row=1, column=column, value=name)
    for values in rows:
        book[sheet].append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def many_parts() -> bytes:
    return zipped({"xl/workbook.xml": b"<workbook/>", **{f"xl/media/image{i}.png": b"" for i in range(10_001)}})


def bomb() -> bytes:
    """~200 kB on disk, 200 MB inflated: refused from the zip's directory, nothing extracted."""
    return zipped({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<" * 200_000_000})


def big_sotkanet(tail: str) -> bytes:
    """BIG_ROWS valid Sotkanet rows with unique keys (~50 MB), then `tail` on line BIG_ROWS + 2."""
    i = np.arange(BIG_ROWS, dtype=np.int64)
    table = pa.table(
        {
            "indicator": (127 + i // 105_000).astype(str),
            "region": ((i // 105) % 1000 + 1).astype(str),
            "year": (1990 + (i // 3) % 35).astype(str),
            "gender": np.array(["total", "male", "female"])[i % 3],
            "primary value": (i % 100_000 / 10).astype(str),
            "absolute value": np.full(BIG_ROWS, "", dtype=object),
        }
    )
    out = io.BytesIO()
    out.write(SOTKANET_CSV.split(b"\r\n", 1)[0] + b"\r\n")
    pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none"))
    out.write(tail.encode() + b"\r\n")
    return out.getvalue()


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Case:
    name: str  # the file's name: its extension is what a user would see
    build: Callable[[], bytes]
    row: int | None  # as an editor shows it (header = 1); JSON: the item's position; None: no row applies
    column: str | None  # as the report names it; None: the whole row or file
    says: str  # a regular expression the problem line must match (case-insensitive)


CASES = [
    # Sotkanet REST CSV: it writes an empty cell for no data, so '..' (THL's mark) is not a value here.
    Case("sot_dotdot.csv", lambda: sotkanet(3, 4, ".."), 3, "primary value", "a number.*'\\.\\.'"),
    Case("sot_nan.csv", lambda: sotkanet(4, 4, "nan"), 4, "primary value", "a number"),
    Case("sot_formula.csv", lambda: sotkanet(5, 4, "=1+1"), 5, "primary value", "a number.*'=1\\+1'"),
    Case("sot_region_name.csv", lambda: sotkanet(6, 1, "Helsinki"), 6, "region", "region id"),
    Case("sot_indicator.csv", lambda: sotkanet(7, 0, "ind127"), 7, "indicator", "indicator id"),
    Case("sot_seven_cells.csv", lambda: sotkanet_line(8, "127;69;2010;total;1;2;3"), 8, None, "6 cells"),
    Case("sot_header_only.csv", lambda: SOTKANET_CSV.split(b"\r\n", 1)[0] + b"\r\n", None, None, "only a header"),
    Case("sot_no_abs.csv", lambda: SOTKANET_CSV.replace(b";absolute value", b"", 1), 1, None, "the header"),
    Case("sot_latin1_header.csv", lambda: SOTKANET_CSV.replace(b"year", b"vuosi\xe4", 1), 1, None, "the header"),
    Case(
        "sot_bom_reordered.csv",
        lambda: BOM + SOTKANET_CSV.replace(b"year;gender", b"gender;year", 1),
        1,
        None,
        "the header",
    ),
    Case("sot_commas.csv", lambda: SOTKANET_CSV.replace(b";", b","), None, None, "accepted formats"),
    Case("sot_utf16.csv", lambda: SOTKANET_CSV.decode().encode("utf-16"), None, None, "accepted formats"),
    Case("sot_5mb_line.csv", lambda: b"x" * 5_000_000 + b"\r\n" + SOTKANET_CSV, None, None, "accepted formats"),
    Case("sot_50mb_tail.csv", lambda: big_sotkanet("127;1;2024;total"), BIG_ROWS + 2, None, "6 cells"),
    # Sotkanet REST JSON
    Case("sotj_latin1.json", lambda: SOTKANET_JSON.replace(b'"total"', b'"t\xe4ysi"', 1), 6, None, "UTF-8"),
    Case(
        "sotj_dup_item.json",
        lambda: sotkanet_json(lambda items: items.append(items[0])),
        6,
        "$[5].year",
        "already on row 1",
    ),
    Case(
        "sotj_gender.json",
        lambda: sotkanet_json(lambda items: items[1].update(gender="both")),
        2,
        "$[1].gender",
        "total, male or female",
    ),
    Case(
        "sotj_no_region.json",
        lambda: sotkanet_json(lambda items: items[2].pop("region")),
        3,
        "$[2].region",
        "a field 'region'",
    ),
    Case(
        "sotj_nested.json",
        lambda: sotkanet_json(lambda items: items[0].update(year={"y": 2023})),
        1,
        "$[0].year",
        "a number or text",
    ),
    Case("sotj_nan.json", lambda: SOTKANET_JSON.replace(b"11.6", b"NaN", 1), 1, "$[0].value", "a number"),
    Case(
        "sotj_long.json",
        lambda: sotkanet_json(lambda items: items[0].update(gender="x" * 2_000_000)),
        1,
        "$[0].gender",
        "total, male or female",
    ),
    Case("sotj_bom_truncated.json", lambda: BOM + SOTKANET_JSON[:200], 15, "char 3", "valid JSON"),
    Case("sotj_empty_list.json", lambda: b"[]", None, None, "accepted formats"),
    # THL JSON-stat
    Case("js_values.json", lambda: jsonstat(lambda d: d["value"].pop()), None, "$.value", "12 values"),
    Case(
        "js_value_text.json",
        lambda: jsonstat(lambda d: d["value"].__setitem__(0, "abc")),
        1,
        "$.value[0]",
        "a number or null",
    ),
    Case(
        "js_index_gap.json",
        lambda: jsonstat(lambda d: d["dimension"]["mittari"]["category"]["index"].update(kaynnit=5)),
        None,
        "$.dimension.mittari.category.index",
        "positions",
    ),
    Case("js_no_dimension.json", lambda: jsonstat(lambda d: d.pop("dimension")), None, "$", "JSON-stat dataset"),
    Case(
        "js_unknown_cube.json",
        lambda: jsonstat(lambda d: d["dimension"]["vuosi"].update(label="Kuukausi")),
        1,
        None,
        "thl_mappings",
    ),
    # THL pivot CSV (the constructed cube's dimensions)
    Case("thl_comma.csv", lambda: thl(thl_row(value="81,5")), 2, "val", "'\\.' decimals"),
    Case("thl_text.csv", lambda: thl(thl_row(), thl_row(year="2024", value="n/a")), 3, "val", "a number"),
    Case("thl_short.csv", lambda: thl(thl_row(), "Pirkanmaa;2024"), 3, None, "4 cells"),
    Case("thl_dup.csv", lambda: thl(thl_row(), thl_row(value="70")), 3, "Vuosi", "already on row 2"),
    Case("thl_period.csv", lambda: thl(thl_row(year="20x3")), 2, "Vuosi", "a period"),
    Case(
        "thl_latin1.csv",
        lambda: thl(thl_row()) + "Pohjois-Pohjanmaa;2023;Käynnit;1\r\n".encode("cp1252"),
        3,
        None,
        "UTF-8",
    ),
    Case("thl_repeated.csv", lambda: b"Vuosi;Vuosi;val\r\n2023;2023;1\r\n", 1, "Vuosi", "each column named once"),
    # Our template as CSV
    Case("tpl_formula.csv", lambda: template_csv(OBS, "remote_contact_share,18,2024Q1,=1+1"), 2, "value", "a number"),
    Case("tpl_unknown_col.csv", lambda: template_csv(OBS + ",colour", GOOD_OBS + ",red"), 1, "colour", "one of"),
    Case("tpl_bom_bad_header.csv", lambda: BOM + template_csv(OBS + ",valeu", GOOD_OBS + ",1"), 1, "valeu", "one of"),
    Case("tpl_extra_cells.csv", lambda: template_csv(OBS, GOOD_OBS + ",1"), 2, None, "4 cells"),
    Case(
        "tpl_cp1252.csv",
        lambda: template_csv(OBS + ",note", GOOD_OBS + ",hyvä").decode().encode("cp1252"),
        2,
        None,
        "UTF-8",
    ),
    Case("tpl_gender.csv", lambda: template_csv(OBS + ",gender", GOOD_OBS + ",both"), 2, "gender", "total, male"),
    Case(
        "tpl_target_kind.csv",
        lambda: template_csv(
            "indicator,region,kind,period,value,source_doc", "remote_contact_share,18,goal,2025Q4,80,plan.pdf"
        ),
        2,
        "kind",
        "baseline, target",
    ),
    Case(
        "tpl_note_date.csv",
        lambda: template_csv("date,label_fi,label_sv,label_en", "31.2.2024,a,b,c"),
        2,
        "date",
        "a date",
    ),
    # Our template as a workbook
    Case("xlsx_truncated.xlsx", lambda: TEMPLATE_XLSX[: len(TEMPLATE_XLSX) // 2], None, None, "readable zip"),
    Case("xlsx_plain_zip.xlsx", lambda: zipped({"word/document.xml": b"<w/>"}), None, None, "readable .xlsx"),
    Case("xlsx_many_parts.xlsx", many_parts, None, None, "at most 10000 parts"),
    Case("xlsx_bomb.xlsx", bomb, None, "xl/worksheets/sheet1.xml", "compression ratio"),
    Case(
        "xlsx_header.xlsx",
        lambda: workbook("observations", header=["indicator", "region", "periodi"]),
        1,
        "observations!periodi",
        "one of",
    ),
    Case(
        "xlsx_percent.xlsx",
        lambda: workbook("observations", ["remote_contact_share", "18", "2024Q1", 140]),
        2,
        "observations!D2",
        "between 0 and 100",
    ),
    Case(
        "xlsx_dup.xlsx",
        lambda: workbook("observations", *[["remote_contact_share", "18", "2024Q1", 5]] * 2),
        3,
        "observations!C3",
        "already on row",
    ),
]


# ---------------------------------------------------------------- running them through the CLI


def reports_by_file(stderr: str) -> dict[str, str]:
    """The CLI's stderr, one block per refused file."""
    blocks = re.split(r"(?m)^Ingest refused: ", stderr)
    return {block.split(" ", 1)[0]: block for block in blocks[1:]}


@pytest.fixture(scope="module")
def corpus(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict]:
    """One CLI call over every case (files are independent), on a published copy of the demo store."""
    folder = tmp_path_factory.mktemp("corpus")
    store = folder / "store" / "dashboard.duckdb"
    store.parent.mkdir()
    store.write_bytes(demo_db.resolve().read_bytes())
    with db.writer(store):  # publish it as a versioned store, as a live one is
        pass
    for case in CASES:
        (folder / case.name).write_bytes(case.build())
    with db.connect_readonly(store) as con:
        before = (queries.fingerprint(con), db.live_file(store))
    run = subprocess.run(
        [sys.executable, "-m", "loaders", "ingest", *(str(folder / c.name) for c in CASES), "--db", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    with db.connect_readonly(store) as con:
        after = (queries.fingerprint(con), db.live_file(store))
    return run, {"before": before, "after": after}


def test_the_corpus_has_thirty_refusals_with_distinct_names() -> None:
    names = [case.name for case in CASES]
    assert len(names) >= 30 and len(set(names)) == len(names)


def test_the_cli_refuses_the_corpus_and_the_store_is_unchanged(corpus) -> None:
    run, state = corpus
    assert run.returncode == 1
    assert run.stdout == "", run.stdout  # nothing loaded, not even "already loaded"
    assert state["after"] == state["before"]


def where(case: Case) -> str:
    """The start of the problem line: file, then row and column where they apply."""
    parts = [re.escape(case.name)]
    if case.row is not None:
        parts.append(str(case.row))
    if case.column is not None:
        parts.append(re.escape(case.column))
    return ":".join(parts) + " —"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_refusal_names_file_row_and_column(corpus, case: Case) -> None:
    run, _ = corpus
    report = reports_by_file(run.stderr).get(case.name)
    assert report is not None, f"{case.name} was not refused:\n{run.stderr[-2000:]}"
    pattern = rf"(?m)^  {where(case)}.*{case.says}"
    assert re.search(pattern, report, re.IGNORECASE), f"/{pattern}/ not in:\n{report[:1500]}"


# ---------------------------------------------------------------- decided: not errors by themselves


def load(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return formats.parse(path)


def test_a_bom_on_a_valid_utf8_file_is_allowed(tmp_path: Path) -> None:
    """Excel writes a BOM on 'CSV UTF-8'; it is not part of the first header cell."""
    plain = load(tmp_path, "plain.csv", SOTKANET_CSV)
    with_bom = load(tmp_path, "bom.csv", BOM + SOTKANET_CSV)
    assert with_bom.rows == plain.rows and with_bom.sha256 != plain.sha256
    assert load(tmp_path, "bom_tpl.csv", BOM + template_csv(OBS, GOOD_OBS)).rows == 1
    assert load(tmp_path, "bom.json", BOM + SOTKANET_JSON).rows == len(json.loads(SOTKANET_JSON))


def test_thl_suppressed_cells_load_as_no_value_with_their_mark(tmp_path: Path) -> None:
    """'..' is THL's mark for a value withheld for privacy: NULL with status '..', never 0 or a refusal."""
    batch = load(tmp_path, "thl.csv", thl(thl_row(value=".."), thl_row(year="2024")))
    table = batch.tables["observations"].to_pydict()
    assert (table["value"], table["status"], table["raw"]) == ([None, 81.5], ["..", None], ["..", "81.5"])
    stat = load(
        tmp_path,
        "fact_constructed_access.json",
        jsonstat(lambda d: d.update(status={"0": ".."}) or d["value"].__setitem__(0, None)),
    )
    first = stat.tables["observations"].to_pydict()
    assert (first["value"][0], first["status"][0]) == (None, "..")


def test_an_unknown_sotkanet_region_is_kept_with_a_warning(tmp_path: Path) -> None:
    batch = load(tmp_path, "unknown_region.csv", sotkanet(2, 1, "999999"))
    [warning] = [w for w in batch.warnings if w.found.startswith("999999")]
    assert (warning.row, warning.column) == (2, "region")


def test_formula_text_is_kept_as_data_and_neutralised_on_export(tmp_path: Path) -> None:
    """A note is text: the store keeps what the file says; exports prefix ' so a spreadsheet will not run it."""
    formula = '=HYPERLINK("http://example.invalid","x")'
    batch = load(
        tmp_path, "note.csv", template_csv(OBS + ",note", f'{GOOD_OBS},"{formula.replace(chr(34), 2 * chr(34))}"')
    )
    [note] = batch.tables["observations"]["note"].tolist()
    assert note == formula
    assert neutralise(note) == "'" + formula


def test_a_zip_bomb_named_xlsx_is_refused_before_openpyxl_opens_it(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(bomb())
    monkeypatch.setattr("loaders.workbook.load_workbook", lambda *a, **k: pytest.fail("openpyxl was reached"))
    with pytest.raises(LoadErrors) as refused:
        parse_workbook(path, path.read_bytes())
    assert any("compression ratio" in p.expected for p in refused.value.problems)


def test_openpyxl_reads_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True
