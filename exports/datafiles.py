"""The data behind a chart as CSV (Finnish Excel and plain) and XLSX with a metadata sheet, formula-safe."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from exports.exportable import Exportable
from i18n import t

# A spreadsheet runs a cell starting with these as a formula (CSV/formula injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix ' to text a spreadsheet would run as a formula; numbers and everything else stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(data: pd.DataFrame) -> pd.DataFrame:
    """Every text cell and column name neutralised; numeric columns untouched, so they stay numbers."""
    out = data.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def csv_fi(chart: Exportable) -> bytes:
    """For Finnish Excel: ; between fields, comma decimals, UTF-8 with a BOM so Excel reads ä and ö."""
    text = safe_frame(chart.data).to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def csv_plain(chart: Exportable) -> bytes:
    """For programs: comma-separated, point decimals, UTF-8 without BOM."""
    # CRLF as RFC 4180 says; it also makes the csv module quote a field holding a bare \r.
    return safe_frame(chart.data).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def _cell(value: object) -> object:
    """A value openpyxl can store: missing → empty, numpy scalars → Python, timestamps → datetime."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if hasattr(value, "item"):
        return value.item()
    return value


def _dates(data: pd.DataFrame, column: str) -> str:
    if column not in data:
        return ""
    values = pd.to_datetime(data[column], errors="coerce").dropna()
    return ", ".join(sorted({d.strftime("%Y-%m-%d %H:%M") for d in values}))


def metadata(chart: Exportable, lang: str | None = None) -> list[tuple[str, str]]:
    """Field–value rows: what the chart is, where its numbers come from and what to keep in mind."""
    lang = lang or chart.lang
    m = "exports.meta."
    return [
        (t(m + "title", lang), chart.title),
        (t(m + "summary", lang), chart.summary),
        (t(m + "sources", lang), "; ".join(chart.source_titles(lang))),
        (t(m + "retrieved", lang), chart.extra.get("retrieved") or _dates(chart.data, "retrieved_at")),
        (t(m + "loaded", lang), chart.data_date),
        (t(m + "permalink", lang), chart.permalink),
        (t(m + "caveats", lang), "; ".join(chart.caveats)),
        (t(m + "demo", lang), t(m + ("yes" if chart.is_demo else "no"), lang)),
        ("", chart.source_line(lang)),
    ]


def xlsx(chart: Exportable) -> bytes:
    """A data sheet (numbers as numbers) and a metadata sheet (sources, dates, permalink, caveats)."""
    lang = chart.lang
    book = Workbook()
    sheet = book.active
    sheet.title = t("exports.meta.sheet_data", lang)
    frame = safe_frame(chart.data)
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for i, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(40, max(10, len(str(column)) + 2))
    sheet.freeze_panes = "A2"
    meta = book.create_sheet(t("exports.meta.sheet_meta", lang))
    meta.append([t("exports.meta.field", lang), t("exports.meta.value", lang)])
    for field, value in metadata(chart, lang):
        meta.append([neutralise(field), neutralise(value)])
    meta.column_dimensions["A"].width = 24
    meta.column_dimensions["B"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
