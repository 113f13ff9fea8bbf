"""Our hand-kept template (long CSV or one Excel sheet per table): observations, targets, annotations.

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
    "observations": (("indicator", "region", "period", "value"), ("gender", "source_doc", "note", "is_demo")),
    "targets": (
        ("indicator", "region", "kind", "period", "value", "source_doc"),
        ("quote", "caveat", "is_demo"),
    ),
    "annotations": (("date", "label_fi", "label_sv", "label_en"), ("indicator", "source_doc", "is_demo")),
}
TARGET_KINDS = {"baseline", "target", "interim_target"}
GENDERS = {"total", "male", "female"}

Rows = Iterable[tuple[int, dict[str, str]]]
Label = Callable[[str], str]


def detect(header: list[str]) -> str | None:
    """Which template table a header belongs to, if any."""
    names = {name.lower() for name in header}
    by_specificity = sorted(COLUMNS.items(), key=lambda item: -len(item[1][0]))
    for table, (required, _) in by_specificity:
        if set(required) <= names:
            return table
    return None


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
        source = cell.get("source_doc", "").strip()
        note = "; ".join(part for part in (source, cell.get("note", "").strip()) if part) or None
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
            )
        )
    return pd.DataFrame(
        out,
        columns=LOADER_COLUMNS["observations"],
    )


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
                cell.get("caveat", "").strip() or None,
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
            )
        )
    return pd.DataFrame(
        out,
        columns=LOADER_COLUMNS["targets"],
    )


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


PARSERS = {"observations": observations, "targets": targets, "annotations": annotations}

# Coordinators' tables (status reports, progress, budgets) use the same template machinery.
from loaders.template_reports import COLUMNS as _REPORT_COLUMNS  # noqa: E402
from loaders.template_reports import PARSERS as _REPORT_PARSERS  # noqa: E402

COLUMNS.update(_REPORT_COLUMNS)
PARSERS.update(_REPORT_PARSERS)
