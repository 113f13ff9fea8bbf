"""Broken files for the malformed-file corpus (test_corpus.py), each made from a good fixture in memory."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import openpyxl
import pyarrow as pa
import pyarrow.csv as pacsv

from config import ROOT
from loaders.limits import Limits

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
# The constructed cube's years relabelled: no dimension holds periods.
NOT_TIME = {"index": ["2023", "2024"], "label": {"2023": "Vanha", "2024": "Uusi"}}
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
    """~3 kB on disk, 3 MB inflated (1000:1): refused from the zip's directory, nothing extracted."""
    return zipped({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<" * 3_000_000})


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
    limits: Limits | None = None  # smaller bounds than the CLI's, to reach a size check with a small file


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
    Case("sot_utf16.csv", lambda: SOTKANET_CSV.decode().encode("utf-16"), None, None, "UTF-16"),
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
        # An unmapped cube loads as a source indicator (issue 15), unless no dimension holds periods.
        "js_unknown_cube.json",
        lambda: jsonstat(lambda d: (d.pop("role"), d["dimension"]["vuosi"].update(label="Kausi", category=NOT_TIME))),
        1,
        None,
        "time dimension",
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


# ---------------------------------------------------------------- the second half (was test_malformed_files.py)

THL_DAYS = (FIXTURES / "thl_pivot_csv_epirapo_covid19case_shp_by_day_2020.csv").read_bytes()
PORTAL = (FIXTURES / "sotkanet_portal_constructed_ind127_fi.csv").read_bytes()  # constructed (issue 15)
OBS_ROWS = "indicator,region,period,value"
STATUS = "period,region,investment,dimension,status"


def tpl(*rows: str) -> bytes:
    return template_csv(OBS_ROWS, *rows)


MORE_CASES = [
    Case("m_sot_number.csv", lambda: sotkanet(3, 4, "x"), 3, "primary value", "a number"),
    Case("m_sot_comma.csv", lambda: sotkanet(4, 4, "2406,5"), 4, "primary value", "comma"),
    Case("m_sot_year.csv", lambda: sotkanet(5, 2, "20x9"), 5, "year", "a year"),
    Case("m_sot_gender.csv", lambda: sotkanet(6, 3, "both"), 6, "gender", "total, male"),
    Case(
        "m_sot_dup.csv",
        lambda: SOTKANET_CSV + SOTKANET_CSV.split(b"\r\n")[1] + b"\r\n",
        468,
        "year",
        "already on row 2",
    ),
    Case(
        "m_sot_reordered.csv",
        lambda: SOTKANET_CSV.replace(b"indicator;region", b"region;indicator", 1),
        None,
        None,
        "accepted formats.*region;indicator;year",
    ),
    Case("m_sot_header.csv", lambda: SOTKANET_CSV.replace(b"primary value", b"arvo", 1), 1, None, "the header"),
    Case(
        "m_sot_short_row.csv",
        lambda: SOTKANET_CSV.replace(b"127;69;2009;total;2406;", b"127;69;2009", 1),
        2,
        None,
        "6 cells",
    ),
    Case("m_sot_latin1.csv", lambda: sotkanet(7, 3, "x").replace(b";x;", b";t\xe4ysi;", 1), 7, None, "UTF-8"),
    Case("m_sot_bom_header.csv", lambda: BOM + SOTKANET_CSV.replace(b"year", b"vuosi", 1), 1, None, "the header"),
    Case("m_sot_long_line.csv", lambda: sotkanet(8, 1, "9" * 1_000_000 + "x"), 8, "region", "region id"),
    Case("m_empty.csv", lambda: b"", None, None, "empty file"),
    Case("m_blank.json", lambda: b"  \n", None, None, "empty file"),
    Case("m_sot_truncated.json", lambda: SOTKANET_JSON[: len(SOTKANET_JSON) // 2], 22, "char 3", "valid JSON"),
    Case(
        "m_sot_value.json",
        lambda: SOTKANET_JSON.replace(b'"value": 11.6', b'"value": "abc"', 1),
        1,
        "$[0].value",
        "JSON number",
    ),
    Case(
        "m_sot_year.json",
        lambda: SOTKANET_JSON.replace(b'"year": 2023', b'"year": "vuosi"', 1),
        1,
        "$[0].year",
        "a year",
    ),
    Case("m_not_a_list.json", lambda: b'{"hello": "world"}', None, None, "accepted formats"),
    Case(
        "m_jsonstat_size.json",
        lambda: jsonstat(lambda d: d.update(size=[99, 99, 99])),
        None,
        "$.size[0]",
        "3 \\(the categories",
    ),
    Case("m_jsonstat_truncated.json", lambda: JSONSTAT[:-40], 32, "char 95", "valid JSON"),
    # Any THL cube (issue 15): a day that does not exist, a cube with no time dimension.
    Case("m_thl_bad_day.csv", lambda: THL_DAYS.replace(b";2020-01-02;", b";2020-02-30;", 1), 24, "Aika", "2020W12"),
    Case("m_portal_gender.csv", lambda: PORTAL.replace(b'"miehet"', b'"pojat"'), 5, "E", "miehet"),
    Case("m_portal_year.csv", lambda: PORTAL.replace(b";2022;4908", b";22;4908"), 4, "F", "a year"),
    Case(
        "m_portal_cells.csv", lambda: PORTAL + b'"V";"127";"Askola";"018";"yhteens\xc3\xa4";2023\n', 7, None, "8 fields"
    ),
    Case("m_thl_no_time.csv", lambda: b"Alue;Mittari;val\nPirkanmaa;Kaynnit;1\n", 1, None, "time dimension"),
    Case(  # time exported as its total only: the problem names the dimension and what to choose instead
        "m_thl_time_total.csv",
        lambda: b"Aika;Alue;Mittari;val\nKaikki ajat;Pirkanmaa;Kaynnit;1\nKaikki ajat;Satakunta;Kaynnit;2\n",
        1,
        "Aika",
        "periods in the time dimension.*only its total: Aika: Kaikki ajat",
    ),
    Case("m_tpl_indicator.csv", lambda: tpl("no_such_indicator,18,2024Q1,50"), 2, "indicator", "indicator codes"),
    Case("m_tpl_region.csv", lambda: tpl("remote_contact_share,Atlantis,2024Q1,50"), 2, "region", "code or name"),
    Case("m_tpl_percent.csv", lambda: tpl("remote_contact_share,18,2024Q1,140"), 2, "value", "between 0 and 100"),
    Case("m_tpl_period.csv", lambda: tpl("remote_contact_share,18,13/2025,50"), 2, "period", "a period"),
    Case("m_tpl_dup.csv", lambda: tpl(*["remote_contact_share,18,2024Q1,50"] * 2), 3, "period", "already on row 2"),
    Case("m_tpl_comma.csv", lambda: tpl('remote_contact_share,18,2024Q1,"50,5"'), 2, "value", "comma"),
    Case("m_status_word.csv", lambda: template_csv(STATUS, "2024Q3,18,P4I1,Aikataulu,Hyva"), 2, "status", "one of"),
    Case(
        "m_status_dimension.csv",
        lambda: template_csv(STATUS, "2024Q3,18,P4I1,Onni,Seurattava"),
        2,
        "dimension",
        "one of",
    ),
    Case(
        "m_progress_percent.csv",
        lambda: b"period,region,investment,percent\n2024Q3,18,P4I1,140\n",
        2,
        "percent",
        "0 and 100",
    ),
    Case("m_not_a_zip.xlsx", lambda: b"this is text, not a workbook\n", None, None, "accepted formats"),
    Case(
        "m_sheet_value.xlsx",
        lambda: workbook("observations", ["remote_contact_share", "18", "2024Q1", "x"]),
        2,
        "observations!D2",
        "a number",
    ),
]
