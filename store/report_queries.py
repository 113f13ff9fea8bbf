"""Questions the coordinators' pages ask of the county reports; SQL beside each, values only as $parameters."""

from __future__ import annotations

import pandas as pd

from store.db import Connection as Con

_WITH_FILE = " r JOIN ingests i USING (ingest_id)"


def status_periods(con: Con) -> list[str]:
    """Quarters with any traffic-light report, oldest first."""
    rows = con.execute("SELECT DISTINCT period FROM status_reports ORDER BY period").fetchall()
    return [period for (period,) in rows]


def status_reports(con: Con, investments: list[str]) -> pd.DataFrame:
    """Every light of the given investments, each with the file and row it came from."""
    return con.execute(
        "SELECT period, region_code, pillar, investment, dimension, status, raw, comment, r.is_demo,"
        " coalesce(source_doc, i.file_name) AS source, i.file_name AS source_file, source_row"
        " FROM status_reports" + _WITH_FILE + " WHERE list_contains($investments, investment)"
        " ORDER BY period, region_code, investment, dimension",
        {"investments": investments},
    ).df()


def status_investments(con: Con) -> list[str]:
    """Investments that have any traffic-light report."""
    return [code for (code,) in con.execute("SELECT DISTINCT investment FROM status_reports ORDER BY 1").fetchall()]


def progress(con: Con) -> pd.DataFrame:
    """Every progress percentage, with its source."""
    return con.execute(
        "SELECT period, region_code, pillar, investment, percent, raw, note, r.is_demo,"
        " coalesce(source_doc, i.file_name) AS source, i.file_name AS source_file, source_row"
        " FROM progress" + _WITH_FILE + " ORDER BY period, region_code, investment"
    ).df()


def budget_areas(con: Con) -> list[str]:
    """Areas with any budget row."""
    return [code for (code,) in con.execute("SELECT DISTINCT region_code FROM budgets ORDER BY 1").fetchall()]


def budgets(con: Con, region_code: str) -> pd.DataFrame:
    """One area's budget rows per cost centre and work package, in the order the file gives them."""
    return con.execute(
        "SELECT period, region_code, project, pillar, investment, cost_centre, work_package, budget_eur,"
        " realised_eur, note, r.is_demo, coalesce(source_doc, i.file_name) AS source, i.file_name AS source_file,"
        " source_row FROM budgets" + _WITH_FILE + " WHERE region_code = $region ORDER BY r.ingest_id, source_row",
        {"region": region_code},
    ).df()
