"""Template tables for the counties' quarterly reports: status reports (traffic lights), progress, budgets.

Same shape as loaders/template.py: each parser takes (check, rows, label, comma_decimals, demo)
and returns the rows of one store table. Status words and dimension names are accepted as the
documents write them (Finnish), or in Swedish or English, in any case; the store keeps codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from domain.periods import kind
from domain.programme import INVESTMENTS, PILLAR_LEVEL, PROGRAMME, pillar_of
from loaders.checks import Checker
from loaders.reference import lookups

LANGS = ("fi", "sv", "en")
NOTES = tuple(f"note_{lang}" for lang in LANGS)  # notes in fi/sv/en → store.row_notes (template.tables)

# table → (required columns, optional columns); each required set names a column no other table has.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "status_reports": (
        ("period", "region", "investment", "dimension", "status"),
        ("pillar", "comment", "source_doc", "is_demo"),
    ),
    "progress": (
        ("period", "region", "investment", "percent"),
        ("pillar", "source_doc", "note", *NOTES, "is_demo"),
    ),
    "budgets": (
        ("period", "region", "project", "investment", "work_package", "budget_eur", "realised_eur"),
        ("cost_centre", "source_doc", "note", *NOTES, "is_demo"),
    ),
}

Rows = Iterable[tuple[int, dict[str, str]]]  # as in loaders/template.py (which imports this module)
Label = Callable[[str], str]


def _notes(cell: dict[str, str]) -> tuple[str | None, ...]:
    return tuple(cell.get(name, "").strip() or None for name in NOTES)


def _note(cell: dict[str, str]) -> str | None:
    """The note as written, or the Finnish one."""
    return cell.get("note", "").strip() or _notes(cell)[0]


def _words(options: tuple[str, ...]) -> str:
    return ", ".join(f"'{word}'" for word in options)


def _region(check: Checker, row: int, label: str, text: str) -> str:
    code = lookups().regions.get(text.strip().lower())
    if code is None:
        check.problem(row, label, "region", text)
    return code or text.strip()


def _quarter(check: Checker, row: int, label: str, text: str) -> str:
    period = check.period(row, label, text)
    if period is not None and kind(period) != "quarter":
        check.problem(row, label, "quarter", text)
    return period or text.strip()


def _investment(check: Checker, row: int, label: str, text: str, allowed: tuple[str, ...] = INVESTMENTS) -> str:
    code = text.strip().upper()
    if code not in allowed:
        check.problem(row, label, "one_of", text, choices=", ".join(allowed))
    return code


def _pillar(check: Checker, row: int, label: str, text: str, investment: str) -> str:
    pillar = pillar_of(investment) if investment in INVESTMENTS else ""
    written = text.strip().upper()
    if written and written != pillar:
        check.problem(row, label, "pillar", text, investment=investment, pillar=pillar)
    return pillar


def status_reports(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out, seen = [], {}
    for row, cell in rows:
        period = _quarter(check, row, label("period"), cell["period"])
        region = _region(check, row, label("region"), cell["region"])
        investment = _investment(check, row, label("investment"), cell["investment"])
        pillar = _pillar(check, row, label("pillar"), cell.get("pillar", ""), investment)
        dimension = PROGRAMME.dimension_of(cell["dimension"])
        if dimension is None:
            choices = _words(PROGRAMME.shown_dimensions())
            check.problem(row, label("dimension"), "one_of", cell["dimension"], choices=choices)
        status = PROGRAMME.status_of(cell["status"])
        if status is None:
            check.problem(row, label("status"), "one_of", cell["status"], choices=_words(PROGRAMME.shown_statuses()))
        check.unique(seen, (period, region, investment, dimension), row, label("dimension"))
        out.append(
            (
                period,
                region,
                pillar,
                investment,
                dimension,
                status.value if status else None,
                cell["status"].strip(),
                cell.get("comment", "").strip() or None,
                cell.get("source_doc", "").strip() or None,
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
            )
        )
    columns = ["period", "region_code", "pillar", "investment", "dimension", "status", "raw", "comment"]
    return pd.DataFrame(out, columns=[*columns, "source_doc", "source_row", "is_demo"])


def progress(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out, seen = [], {}
    for row, cell in rows:
        period = _quarter(check, row, label("period"), cell["period"])
        region = _region(check, row, label("region"), cell["region"])
        investment = _investment(check, row, label("investment"), cell["investment"])
        pillar = _pillar(check, row, label("pillar"), cell.get("pillar", ""), investment)
        value = check.number(row, label("percent"), cell["percent"], comma_decimals=comma_decimals)
        if value is None and cell["percent"].strip() == "":
            check.problem(row, label("percent"), "percent_or_leave", "")
        check.percent(row, label("percent"), value)
        check.unique(seen, (period, region, investment), row, label("percent"))
        out.append(
            (
                period,
                region,
                pillar,
                investment,
                value,
                cell["percent"],
                cell.get("source_doc", "").strip() or None,
                _note(cell),
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
                *_notes(cell),
            )
        )
    columns = ["period", "region_code", "pillar", "investment", "percent", "raw", "source_doc", "note"]
    return pd.DataFrame(out, columns=[*columns, "source_row", "is_demo", *NOTES])


def _euros(check: Checker, row: int, label: str, text: str, comma_decimals: bool) -> float | None:
    value = check.number(row, label, text, comma_decimals=comma_decimals)
    if value is not None and value < 0:
        check.problem(row, label, "euros_nonneg", text)
    return value


def budgets(check: Checker, rows: Rows, label: Label, comma_decimals: bool, demo: bool) -> pd.DataFrame:
    out, seen = [], {}
    for row, cell in rows:
        period = check.period(row, label("period"), cell["period"])
        region = _region(check, row, label("region"), cell["region"])
        project = check.required(row, label("project"), cell["project"])
        investment = _investment(check, row, label("investment"), cell["investment"], INVESTMENTS + PILLAR_LEVEL)
        package = check.required(row, label("work_package"), cell["work_package"])
        budget = _euros(check, row, label("budget_eur"), cell["budget_eur"], comma_decimals)
        if budget is None and cell["budget_eur"].strip() == "":
            check.problem(row, label("budget_eur"), "euros", "")
        realised = _euros(check, row, label("realised_eur"), cell["realised_eur"], comma_decimals)  # empty: unknown
        cost_centre = cell.get("cost_centre", "").strip() or None
        check.unique(seen, (period, region, project, investment, cost_centre, package), row, label("work_package"))
        out.append(
            (
                period,
                region,
                project,
                pillar_of(investment),
                investment,
                cost_centre,
                package,
                budget,
                realised,
                cell.get("source_doc", "").strip() or None,
                _note(cell),
                row,
                demo or check.flag(row, label("is_demo"), cell.get("is_demo", "")),
                *_notes(cell),
            )
        )
    columns = ["period", "region_code", "project", "pillar", "investment", "cost_centre", "work_package"]
    money = ["budget_eur", "realised_eur", "source_doc", "note", "source_row", "is_demo"]
    return pd.DataFrame(out, columns=[*columns, *money, *NOTES])


PARSERS = {"status_reports": status_reports, "progress": progress, "budgets": budgets}
