"""One function per question the UI asks; SQL beside it, values only as $parameters."""

from __future__ import annotations

from datetime import date

import pandas as pd

from store.as_of import CTES, end_of, parameters
from store.db import Connection as Con

# Each query takes `as_of`: the store as it stood at the end of that day (store/as_of.py), None = now.


def _with(as_of: date | None) -> str:
    """The CTEs that turn a query into the same query as of a day (store/as_of.py), or nothing."""
    return "" if as_of is None else f"WITH {CTES} "


def _df(con: Con, sql: str, params: dict | None = None, as_of: date | None = None) -> pd.DataFrame:
    return con.execute(_with(as_of) + sql, parameters(params, as_of)).df()


def indicators(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Our indicators, headline ones first (reference data: as it is now, see store/as_of.py)."""
    return _df(
        con, "SELECT * EXCLUDE (ingest_id) FROM indicators ORDER BY is_headline DESC, indicator_code", None, as_of
    )


def regions(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Our areas: the whole country first, then the RRP areas by name, Åland last."""
    return _df(
        con,
        "SELECT * EXCLUDE (ingest_id) FROM regions ORDER BY kind <> 'country', NOT is_rrp_area, name_fi",
        None,
        as_of,
    )


def documents(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """The documents and sources values cite, with titles in fi/sv/en (domain/documents.py resolves codes)."""
    return _df(con, "SELECT * EXCLUDE (ingest_id) FROM documents ORDER BY id", None, as_of)


def targets(con: Con, indicator_code: str, as_of: date | None = None) -> pd.DataFrame:
    """Baselines, interim and final targets of one indicator, every area, with their sources and
    caveats in fi/sv/en (a caveat written once shows in every language)."""
    return _df(
        con,
        "SELECT t.* EXCLUDE (ingest_id), i.file_name AS source_file, coalesce(n.note_fi, t.caveat) AS caveat_fi,"
        " coalesce(n.note_sv, t.caveat) AS caveat_sv, coalesce(n.note_en, t.caveat) AS caveat_en"
        " FROM targets t JOIN ingests i USING (ingest_id)"
        " LEFT JOIN row_notes n ON n.table_name = 'targets' AND n.ingest_id = t.ingest_id"
        " AND n.source_row = t.source_row"
        " WHERE indicator_code = $code ORDER BY region_code, period, kind, source_doc",
        {"code": indicator_code},
        as_of,
    )


def series(con: Con, indicator_code: str, region_codes: list[str], as_of: date | None = None) -> pd.DataFrame:
    """Values of one indicator in the given areas, with provenance, cited document and notes per value."""
    return _df(
        con,
        "SELECT region_code, period, value, raw, status, is_demo, source_file, source_row, note,"
        " source_doc, note_fi, note_sv, note_en"
        " FROM observations_v WHERE indicator_code = $code AND list_contains($regions, region_code)"
        " AND coalesce(gender, 'total') = 'total' ORDER BY region_code, period",
        {"code": indicator_code, "regions": region_codes},
        as_of,
    )


def annotations(con: Con, indicator_code: str, as_of: date | None = None) -> pd.DataFrame:
    """Events for one indicator's time axis, including those for every indicator."""
    return _df(
        con,
        "SELECT * EXCLUDE (ingest_id) FROM annotations"
        " WHERE indicator_code IS NULL OR indicator_code = $code ORDER BY on_date",
        {"code": indicator_code},
        as_of,
    )


def ingests(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Loaded files, newest first."""
    return _df(con, "SELECT * FROM ingests ORDER BY ingest_id DESC", None, as_of)


TABLES = (
    "ingests",
    "regions",
    "indicators",
    "documents",
    "series",
    "observations",
    "row_notes",
    "targets",
    "annotations",
    "status_reports",
    "progress",
    "budgets",
    "source_indicators",
    "source_regions",
    "refresh_log",
)


def fingerprint(con: Con, with_load_times: bool = True) -> dict[str, str]:
    """A checksum of every table's contents: equal before and after a refused load.

    Without load times, two stores built from the same files compare equal.
    """

    def rows(table: str) -> str:
        return "(SELECT * EXCLUDE (loaded_at) FROM ingests)" if table == "ingests" and not with_load_times else table

    return {
        table: con.execute(
            f"SELECT count(*) || ':' || coalesce(md5(string_agg(t::TEXT, '|' ORDER BY t::TEXT)), '')"
            f" FROM {rows(table)} t"
        ).fetchone()[0]
        for table in TABLES
    }


def source_catalog(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Every indicator loaded from Sotkanet or THL, with its title where metadata was loaded."""
    return _df(
        con,
        "SELECT o.dataset, o.indicator, any_value(s.title_fi) AS title_fi, any_value(s.title_sv) AS title_sv,"
        " any_value(s.title_en) AS title_en, count(*) AS values, count(DISTINCT o.region) AS regions,"
        " min(o.period) AS first_period, max(o.period) AS last_period"
        " FROM observations_v o LEFT JOIN source_indicators s USING (dataset, indicator)"
        " WHERE o.dataset <> 'manual' GROUP BY o.dataset, o.indicator ORDER BY o.dataset, o.indicator",
        None,
        as_of,
    )


def source_series(con: Con, dataset: str, indicator: str, as_of: date | None = None) -> pd.DataFrame:
    """One source indicator in every region it has, totals only, with the region's title."""
    return _df(
        con,
        "SELECT o.region, o.region_code, coalesce(r.name_fi, s.title_fi, o.region) AS region_fi,"
        " coalesce(r.name_sv, s.title_sv, o.region) AS region_sv,"
        " coalesce(r.name_en, s.title_en, o.region) AS region_en,"
        " o.period, o.value, o.raw, o.status, o.is_demo, o.source_file, o.source_row, o.note,"
        " o.source_doc, o.note_fi, o.note_sv, o.note_en"
        " FROM observations_v o LEFT JOIN regions r USING (region_code)"
        " LEFT JOIN source_regions s ON s.dataset = o.dataset AND s.region = o.region"
        " WHERE o.dataset = $dataset AND o.indicator = $indicator AND coalesce(o.gender, 'total') = 'total'"
        " ORDER BY o.region, o.period",
        {"dataset": dataset, "indicator": indicator},
        as_of,
    )


def refreshes(con: Con, as_of: date | None = None) -> pd.DataFrame:
    """Each refreshed source indicator's latest refresh (time, outcome, reason), with its title.

    The log is its own record of time, so an earlier day is read by refreshed_at, not through the CTEs."""
    return con.execute(
        "SELECT r.dataset, r.indicator, r.run_at, r.refreshed_at, r.outcome, r.reason_kind, r.http_status,"
        " r.reason, r.rows, s.title_fi, s.title_sv, s.title_en"
        " FROM refresh_log r LEFT JOIN source_indicators s USING (dataset, indicator)"
        " WHERE $end IS NULL OR r.refreshed_at < $end"
        " QUALIFY row_number() OVER (PARTITION BY r.dataset, r.indicator ORDER BY r.refreshed_at DESC) = 1"
        " ORDER BY r.dataset, r.indicator",
        {"end": end_of(as_of) if as_of else None},
    ).df()
