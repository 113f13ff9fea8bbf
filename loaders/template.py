"""Our hand-kept template (long CSV or one Excel sheet per table): observations, targets, annotations.

Notes and caveats may come in fi/sv/en (note_fi, note_sv, note_en; targets: caveat_fi …); they go to
the store's row_notes, with the document an observation cites. A single `note` or `caveat` column
still works: it is kept as written and shown in every language.

Rows come in as (row number, {column: text}); the same checks serve CSV and Excel, and the
caller says how a column is named in a problem (CSV: the header; Excel: Sheet!C).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

import pandas as pd

from loaders.checks import Checker
from loaders.reference import lookups
from store.tables import LOADER_COLUMNS

# table → (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "observations": (
        ("indicator", "region", "period", "value"),
        ("gender", "source_doc", "note", "note_fi", "note_sv", "note_en", "is_demo"),
    ),
    "targets": (
        ("indicator", "region", "kind", "period", "value", "source_doc"),
        ("quote", "caveat", "caveat_fi", "caveat_sv", "caveat_en", "is_demo"),
    ),
    "annotations": (("date", "label_fi", "label_sv", "label_en"), ("indicator", "source_doc", "is_demo")),
}
TARGET_KINDS = {"baseline", "target", "interim_target"}
GENDERS = {"total", "male", "female"}

LANGS = ("fi", "sv", "en")
NOTES = tuple(f"note_{lang}" for lang in LANGS)  # extra columns a parser adds for store.row_notes

Rows = Iterable[tuple[int, dict[str, str]]]
Label = Callable[[str], str]


def notes(cell: dict[str, str], base: str = "note") -> tuple[str | None, ...]:
    """A row's note in fi, sv and en (None where not given)."""
    return tuple(cell.get(f"{base}_{lang}", "").strip() or None for lang in LANGS)


def tables(table: str, frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A parser's frame as store tables: the table's own columns, and row_notes for rows with
    notes in fi/sv/en or (observations) a cited document."""
    out = {table: frame[list(LOADER_COLUMNS[table])]}
    if not set(NOTES) <= set(frame.columns):
        return out
    cited = frame["source_doc"] if table == "observations" else None  # the other tables keep their own
    rows = pd.DataFrame(
        {
            "table_name": table,
            "source_row": frame["source_row"],
            "source_doc": cited if cited is not None else None,
            **{name: frame[name] for name in NOTES},
        },
        columns=list(LOADER_COLUMNS["row_notes"]),
    )
    keep = rows[["source_doc", *NOTES]].notna().any(axis=1)
    if keep.any():
        out["row_notes"] = rows[keep].reset_index(drop=True)
    return out


def _indicator(check: Checker, row: int, label: str, text: str) -> str:
    code = check.required(row, label, text)
    if code and code not in lookups().indicators:
        check.problem(row, label, "indicator", code, codes=", ".join(sorted(lookups().indicators)))
    return code


def _region(check: Checker, row: int, label: str, text: str) -> str:
    code = lookups().regions.get(text.strip().lower())
    if code is None:
        check.problem(row, label, "region", text)
    return code or text


def observations(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out, seen = [], {}
    for row, cell in rows:
        code = _indicator(check, row, label("indicator"), cell["indicator"])
        region = _region(check, row, label("region"), cell["region"])
        period = check.period(row, label("period"), cell["period"])
        # '' and 'total' are the same observation: one key (NULL, as files without the column load)
        gender = cell.get("gender", "").strip().lower() or None
        if gender is not None and gender not in GENDERS:
            check.problem(row, label("gender"), "gender", gender)
        elif gender == "total":
            gender = None
        value = check.number(row, label("value"), cell["value"], comma_decimals=comma_decimals)
        if code in lookups().percent_indicators:
            check.percent(row, label("value"), value)
        check.unique(seen, (code, region, period, gender), row, label("period"))
        translated = notes(cell)
        # A note as written, or the Finnish one: what a reader of observations_v.note sees.
        note = cell.get("note", "").strip() or translated[0]
        out.append(
            (
                "manual",
                code,
                code,
                region,
                region,
                period,
                gender,
                value,
                None,
                cell["value"],
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
                note,
                cell.get("source_doc", "").strip() or None,
                *translated,
            )
        )
    return pd.DataFrame(out, columns=[*LOADER_COLUMNS["observations"], "source_doc", *NOTES])


def targets(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out, seen = [], {}
    for row, cell in rows:
        code = _indicator(check, row, label("indicator"), cell["indicator"])
        region = _region(check, row, label("region"), cell["region"])
        kind = cell["kind"].strip().lower()
        if kind not in TARGET_KINDS:
            check.problem(row, label("kind"), "target_kind", cell["kind"])
        period = check.period(row, label("period"), cell["period"])
        value = check.number(row, label("value"), cell["value"], comma_decimals=comma_decimals)
        if value is None and cell["value"].strip() == "":
            check.problem(row, label("value"), "number", "")
        if code in lookups().percent_indicators:
            check.percent(row, label("value"), value)
        source = check.required(row, label("source_doc"), cell["source_doc"])
        # Two documents may disagree: the key includes the source, so both rows are kept.
        check.unique(seen, (code, region, kind, period, source, value), row, label("value"))
        out.append(
            (
                code,
                region,
                kind,
                period,
                value,
                cell["value"],
                source,
                cell.get("quote", "").strip() or None,
                cell.get("caveat", "").strip() or notes(cell, "caveat")[0],
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
                *notes(cell, "caveat"),
            )
        )
    return pd.DataFrame(out, columns=[*LOADER_COLUMNS["targets"], *NOTES])


def parse_date(text: str) -> date | None:
    """1.1.2023 (Finnish) or 2023-01-01."""
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def annotations(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out = []
    for row, cell in rows:
        code = cell.get("indicator", "").strip()
        if code:
            _indicator(check, row, label("indicator"), code)
        on = parse_date(cell["date"])
        if on is None:
            check.problem(row, label("date"), "date", cell["date"])
        labels = [check.required(row, label(name), cell[name]) for name in ("label_fi", "label_sv", "label_en")]
        out.append(
            (
                code or None,
                on,
                *labels,
                cell.get("source_doc", "").strip() or None,
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
            )
        )
    return pd.DataFrame(
        out,
        columns=LOADER_COLUMNS["annotations"],
    )


# loaders/template_tables.py registers these beside the coordinators' tables.
PARSERS = {"observations": observations, "targets": targets, "annotations": annotations}
