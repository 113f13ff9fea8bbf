"""Hostile files (issue 17): small files that hung or crashed the loaders, values that broke pages,
and paths that are not files. Each is built in memory from a good fixture; the corpus table in
broken_files.py holds them with the malformed ones, so one runner checks all of them."""

from __future__ import annotations

import io
import json
import re
import zipfile

import openpyxl

from loaders.limits import Limits
from tests.loaders.broken_files import (
    OBS,
    SOTKANET_CSV,
    SOTKANET_JSON,
    TEMPLATE_XLSX,
    Case,
    jsonstat,
    sotkanet,
    sotkanet_json,
    template_csv,
    thl,
    thl_row,
)

SMALL_FILE = Limits(file_bytes=40)  # stands in for the upload's 50 MB
SMALL_BOMB = Limits(zip_ratio=2, zip_ratio_floor=1000)  # stands in for 100:1 over 1 MB
DAYS = "dental_nonurgent_access_days"  # not a percentage: any finite number is a value


def book(edit) -> bytes:
    """The template workbook after edit(book) changed it."""
    workbook = openpyxl.load_workbook(io.BytesIO(TEMPLATE_XLSX))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rezip(data: bytes, part: str, change) -> bytes:
    """A copy of a zip with one part's bytes replaced by change(bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item.filename, change(content) if item.filename == part else content)
    return out.getvalue()


FIRST_SHEET = "xl/worksheets/sheet1.xml"  # the observations sheet


def far_cell(keep_dimension: bool) -> bytes:
    """A 9 KB workbook with one cell at XFD1048576; without its <dimension> the range is unknown."""
    data = book(lambda b: b["observations"].cell(row=1_048_576, column=16_384, value="x"))
    return data if keep_dimension else rezip(data, FIRST_SHEET, lambda xml: re.sub(rb"<dimension [^>]*/>", b"", xml))


def sparse_cube() -> bytes:
    """Two dimensions of 20 000 categories each (400 M cells) and one value: ~1 MB."""
    codes = [f"c{i}" for i in range(20_000)]
    dimension = {"category": {"index": codes}}
    cube = {"id": ["a", "b"], "size": [20_000, 20_000], "dimension": {"a": dimension, "b": dimension}}
    return json.dumps({"class": "dataset", **cube, "value": {"0": 1}}).encode()


def metadata(**fields: object) -> bytes:
    item = {"id": 186, "title": {"fi": "Kuolleisuus"}, "primaryValueType": {"code": "rate"}, **fields}
    return json.dumps([item]).encode()


def unsaved_formula(b) -> None:
    sheet = b["observations"]
    sheet.append(["remote_contact_share", "18", "2024Q1", "=40+2"])  # openpyxl saves no cached value


HOSTILE = [
    # 2. small files that hung or grew without bound
    Case("h_xfd.xlsx", lambda: far_cell(True), None, "observations", "at most 1220 rows and 16384 columns"),
    Case("h_xfd_nodim.xlsx", lambda: far_cell(False), 1_048_576, "observations!A1048576", "a value|indicator"),
    Case("h_sparse_cube.json", sparse_cube, None, "$.size", "at most 5000000 cells.*400000000 cells"),
    Case(
        "h_many_problems.csv",
        lambda: template_csv(OBS, *[f"remote_contact_share,18,2024Q1,x{i}" for i in range(3000)]),
        None,
        None,
        "at most 1000 problems.*4999 more not listed",
    ),
    Case("h_wide_cell.csv", lambda: template_csv(OBS + ",note", "a,18,2024Q1,1," + "n" * 200_000), 2, None, "131072"),
    # 3. tracebacks before: nesting, long integers, lone surrogates, huge decimals, truncated sheet XML
    Case("h_deep.json", lambda: b"[" * 100_000 + b"]" * 100_000, None, "$", "nested at most"),
    Case(
        "h_long_int.json",
        lambda: SOTKANET_JSON.replace(b"11.6", b"9" * 5000, 1),
        None,  # set below: the line of the first value
        "char 12",
        "at most 30 digits.*5000 digits",
    ),
    Case(
        "h_surrogate_id.json",
        lambda: sotkanet_json(lambda items: items[0].update(indicator="956\ud800")),
        1,
        "$[0].indicator",
        "unpaired surrogate.*956\\\\ud800",
    ),
    Case(
        "h_surrogate_gender.json",
        lambda: sotkanet_json(lambda items: items[1].update(gender="total\udfff")),
        2,
        "$[1].gender",
        "unpaired surrogate",
    ),
    Case(
        "h_surrogate_title.json", lambda: metadata(title={"fi": "Kuolleisuus \ud800"}), 1, "$[0].title.fi", "surrogate"
    ),
    Case("h_decimals.json", lambda: metadata(decimals=10**20), 1, "$[0].decimals", "decimals from 0 to 10"),
    Case(
        "h_truncated_sheet.xlsx",
        lambda: rezip(book(lambda b: None), FIRST_SHEET, lambda xml: xml[: len(xml) // 2]),
        None,
        "observations",
        "sheet XML truncated",
    ),
    # 4. values that loaded and broke pages or keys
    Case("h_year0.csv", lambda: template_csv(OBS, "remote_contact_share,18,0000,5"), 2, "period", "a year from 1900"),
    Case("h_year9999.csv", lambda: template_csv(OBS, "remote_contact_share,18,9999Q1,5"), 2, "period", "year from"),
    Case("h_sot_year0.csv", lambda: sotkanet(3, 2, "0000"), 3, "year", "a year from 1900"),
    Case("h_thl_year9999.csv", lambda: thl(thl_row(year="9999")), 2, "Vuosi", "a year from 1900"),
    Case("h_sot_inf.csv", lambda: sotkanet(4, 4, "1e400"), 4, "primary value", "a finite number.*1e400"),
    Case("h_tpl_inf.csv", lambda: template_csv(OBS, f"{DAYS},18,2024Q1,1e400"), 2, "value", "a finite number"),
    Case("h_js_inf.json", lambda: jsonstat(lambda d: None).replace(b"78.5", b"1e400", 1), 1, "$.value[0]", "finite"),
    Case("h_arabic_id.csv", lambda: sotkanet(5, 0, "١٢٧"), 5, "indicator", "digits 0–9"),
    Case("h_fullwidth.csv", lambda: template_csv(OBS, "remote_contact_share,18,２０２４Q1,5"), 2, "period", "0–9"),
    Case("h_arabic_value.csv", lambda: template_csv(OBS, f"{DAYS},18,2024Q1,٥"), 2, "value", "digits 0–9"),
    Case(
        "h_gender_total.csv",
        lambda: template_csv(OBS + ",gender", f"{DAYS},18,2024Q1,5,", f"{DAYS},18,2024Q1,6,total"),
        3,
        "period",
        "already on row 2",
    ),
    Case(
        "h_leading_zero.csv",
        lambda: SOTKANET_CSV + b"0127;69;2009;total;1;\r\n",
        None,  # the last line: set below
        "year",
        "already on row 2.*127 / 69 / 2009 / total",
    ),
    Case("h_formula.xlsx", lambda: book(unsaved_formula), 2, "observations!D2", "save the workbook in Excel.*=40\\+2"),
    # 6. smaller things users hit
    Case(
        "h_open_quote.csv",
        lambda: template_csv(
            OBS + ",note", f"{DAYS},18,2024Q1,5,ok", f'{DAYS},18,2024Q2,5,"open', f"{DAYS},18,2024Q3,5,"
        ),
        3,
        None,
        "a closing quote",
    ),
    Case(
        "h_utf16.csv", lambda: template_csv(OBS, f"{DAYS},18,2024Q1,5").decode().encode("utf-16"), None, None, "UTF-16"
    ),
    Case(
        "h_cr.csv", lambda: template_csv(OBS, f"{DAYS},18,2024Q1,5").replace(b"\n", b"\r"), None, None, "CR line ends"
    ),
    Case(
        "h_dtd.xlsx",
        lambda: rezip(TEMPLATE_XLSX, FIRST_SHEET, lambda xml: b'<!DOCTYPE x [<!ENTITY a "b">]>' + xml),
        None,
        FIRST_SHEET,
        "DTD in sheet",
    ),
    Case(
        "h_dup_key.json",
        lambda: SOTKANET_JSON.replace(b'"gender": "total"', b'"gender": "total", "gender": "male"', 1),
        None,
        None,
        "each key once.*'gender'",
    ),
    Case(
        "h_value_key.json",
        lambda: jsonstat(lambda d: d.update(value={"01": 78.5, "1": 41200})),
        None,
        "$.value.01",
        "written as a plain number",
    ),
    Case("h_directory.csv", lambda: None, None, None, "a directory"),
    Case("h_fifo.csv", lambda: "fifo", None, None, "a pipe"),
    Case("h_missing.csv", lambda: "missing", None, None, "no such file"),
    Case("h_bidi\u202egpj.csv", lambda: b"hello\r", None, None, "CR line ends"),
    # 2. the upload's 50 MB and the zip-bomb bounds, reached by small files through injected limits
    Case(
        "h_over_limit.csv", lambda: template_csv(OBS, f"{DAYS},18,2024Q1,5"), None, None, "at most 0.0 MB", SMALL_FILE
    ),
    Case("h_small_bomb.xlsx", lambda: TEMPLATE_XLSX, None, "xl/theme/theme1.xml", "ratio of at most 2:1", SMALL_BOMB),
]


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


# Rows that depend on the fixtures' layout, worked out from the bytes rather than written down.
HOSTILE = [
    Case(c.name, c.build, _line_of(c.build(), b"9" * 5000), c.column, c.says, c.limits)
    if c.name == "h_long_int.json"
    else Case(c.name, c.build, SOTKANET_CSV.count(b"\r\n") + 1, c.column, c.says, c.limits)
    if c.name == "h_leading_zero.csv"
    else c
    for c in HOSTILE
]
