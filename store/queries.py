"""One function per question the UI asks; SQL beside it, values only as $parameters."""

from __future__ import annotations

import pandas as pd

from store.db import Connection as Con


def indicators(con: Con) -> pd.DataFrame:
    """Our indicators, headline ones first."""
    return con.execute("SELECT * EXCLUDE (ingest_id) FROM indicators ORDER BY is_headline DESC, indicator_code").df()


def regions(con: Con) -> pd.DataFrame:
    """Our areas: the whole country first, then the RRP areas by name, Åland last."""
    return con.execute(
        "SELECT * EXCLUDE (ingest_id) FROM regions ORDER BY kind <> 'country', NOT is_rrp_area, name_fi"
    ).df()


def targets(con: Con, indicator_code: str) -> pd.DataFrame:
    """Baselines, interim and final targets of one indicator, every area, with their sources."""
    return con.execute(
        "SELECT t.* EXCLUDE (ingest_id), i.file_name AS source_file"
        " FROM targets t JOIN ingests i USING (ingest_id)"
        " WHERE indicator_code = $code ORDER BY region_code, period, kind, source_doc",
        {"code": indicator_code},
    ).df()


def series(con: Con, indicator_code: str, region_codes: list[str]) -> pd.DataFrame:
    """Current values of one indicator in the given areas, with provenance per value."""
    return con.execute(
        "SELECT region_code, period, value, raw, status, is_demo, source_file, source_row, note"
        " FROM observations_v WHERE indicator_code = $code AND list_contains($regions, region_code)"
        " AND coalesce(gender, 'total') = 'total' ORDER BY region_code, period",
        {"code": indicator_code, "regions": region_codes},
    ).df()


def annotations(con: Con, indicator_code: str) -> pd.DataFrame:
    """Events for one indicator's time axis, including those for every indicator."""
    return con.execute(
        "SELECT * EXCLUDE (ingest_id) FROM annotations"
        " WHERE indicator_code IS NULL OR indicator_code = $code ORDER BY on_date",
        {"code": indicator_code},
    ).df()


def ingests(con: Con) -> pd.DataFrame:
    """Loaded files, newest first."""
    return con.execute("SELECT * FROM ingests ORDER BY ingest_id DESC").df()


TABLES = (
    "ingests",
    "regions",
    "indicators",
    "observations",
    "targets",
    "annotations",
    "status_reports",
    "progress",
    "budgets",
    "source_indicators",
    "source_regions",
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


def source_catalog(con: Con) -> pd.DataFrame:
    """Every indicator loaded from Sotkanet or THL, with its title where metadata was loaded."""
    return con.execute(
        "SELECT o.dataset, o.indicator, any_value(s.title_fi) AS title_fi, any_value(s.title_sv) AS title_sv,"
        " any_value(s.title_en) AS title_en, count(*) AS values, count(DISTINCT o.region) AS regions,"
        " min(o.period) AS first_period, max(o.period) AS last_period"
        " FROM observations_v o LEFT JOIN source_indicators s USING (dataset, indicator)"
        " WHERE o.dataset <> 'manual' GROUP BY o.dataset, o.indicator ORDER BY o.dataset, o.indicator"
    ).df()


def source_series(con: Con, dataset: str, indicator: str) -> pd.DataFrame:
    """One source indicator in every region it has, totals only, with the region's title."""
    return con.execute(
        "SELECT o.region, o.region_code, coalesce(r.name_fi, s.title_fi, o.region) AS region_fi,"
        " coalesce(r.name_sv, s.title_sv, o.region) AS region_sv,"
        " coalesce(r.name_en, s.title_en, o.region) AS region_en,"
        " o.period, o.value, o.raw, o.status, o.is_demo, o.source_file, o.source_row, o.note"
        " FROM observations_v o LEFT JOIN regions r USING (region_code)"
        " LEFT JOIN source_regions s ON s.dataset = o.dataset AND s.region = o.region"
        " WHERE o.dataset = $dataset AND o.indicator = $indicator AND coalesce(o.gender, 'total') = 'total'"
        " ORDER BY o.region, o.period",
        {"dataset": dataset, "indicator": indicator},
    ).df()
