"""Questions the coordinators' pages ask of the county reports; SQL beside each, values only as $parameters."""

from __future__ import annotations

from datetime import date

import pandas as pd

from store.as_of import CTES, parameters
from store.db import Connection as Con

# Each query takes `as_of`: the reports as they stood at the end of that day (store/as_of.py).

_WITH_FILE = " r JOIN ingests i USING (ingest_id)"
# Notes in fi/sv/en where the file gave them, else the note as written (for every language).
_NOTES = (
    " coalesce(n.note_fi, r.note) AS note_fi, coalesce(n.note_sv, r.note) AS note_sv,"
    " coalesce(n.note_en, r.note) AS note_en"
)


def _notes_of(table: str) -> str:
    """The join to a table's row notes; `table` is always a literal at the call."""
    return (
        f" LEFT JOIN row_notes n ON n.table_name = '{table}' AND n.ingest_id = r.ingest_id"
        " AND n.source_row = r.source_row"
    )


def _with(as_of: date | None) -> str:
    """The CTEs that turn a query into the same query as of a day (store/as_of.py), or nothing."""
    return "" if as_of is None else f"WITH {CTES} "


def _run(con: Con, sql: str, params: dict | None, as_of: date | None) -> Con:
    return con.execute(_with(as_of) + sql, parameters(params, as_of))


def status_periods(con: Con, as_of: date | None = None) -> list[str]:
    """Quarters with any traffic-light report, oldest first."""
    rows = _run(con, "SELECT DISTINCT period FROM status_reports ORDER BY period", None, as_of).fetchall()
    return [period for (period,) in rows]


def status_reports(con: Con, investments: list[str], as_of: date | None = None) -> pd.DataFrame:
    """Every light of the given investments, each with the file and row it came from."""
    return _run(
        con,
        "SELECT period, region_code, pillar, investment, dimension, status, raw, comment, r.is_demo,"
        " coalesce(source_doc, i.file_name) AS source, i.file_name AS source_file, source_row"
        " FROM status_reports" + _WITH_FILE + " WHERE list_contains($investments, investment)"
        " ORDER BY period, region_code, investment, dimension",
        {"investments": investments},
        as_of,
    ).df()


def status_investments(con: Con, as_of: date | None = None) -> list[str]:
    """Investments that have any traffic-light report."""
    rows = _run(con, "SELECT DISTINCT investment FROM status_reports ORDER BY 1", None, as_of).fetchall()
    return [code for (code,) in rows]


def progress(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Every progress percentage, with its source and notes."""
    return _run(
        con,
        "SELECT period, region_code, pillar, investment, percent, raw, note, r.is_demo,"
        " coalesce(r.source_doc, i.file_name) AS source, i.file_name AS source_file, r.source_row,"
        + _NOTES
        + " FROM progress"
        + _WITH_FILE
        + _notes_of("progress")
        + " ORDER BY period, region_code, investment",
        None,
        as_of,
    ).df()


def budget_areas(con: Con, as_of: date | None = None) -> list[str]:
    """Areas with any budget row."""
    return [
        code for (code,) in _run(con, "SELECT DISTINCT region_code FROM budgets ORDER BY 1", None, as_of).fetchall()
    ]


def budgets(con: Con, region_code: str, as_of: date | None = None) -> pd.DataFrame:
    """One area's budget rows per cost centre and work package, in the order the file gives them."""
    return _run(
        con,
        "SELECT period, region_code, project, pillar, investment, cost_centre, work_package, budget_eur,"
        " realised_eur, note, r.is_demo, coalesce(r.source_doc, i.file_name) AS source,"
        " i.file_name AS source_file, r.source_row,"
        + _NOTES
        + " FROM budgets"
        + _WITH_FILE
        + _notes_of("budgets")
        + " WHERE region_code = $region ORDER BY r.ingest_id, r.source_row",
        {"region": region_code},
        as_of,
    ).df()
