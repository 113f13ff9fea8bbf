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


TABLES = ("ingests", "regions", "indicators", "observations", "targets", "annotations")


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


class Reader:
    """The queries bound to one connection: what views read through outside the app (views.Data)."""

    def __init__(self, con: Con) -> None:
        self.con = con

    def indicators(self) -> pd.DataFrame:
        return indicators(self.con.cursor())

    def regions(self) -> pd.DataFrame:
        return regions(self.con.cursor())

    def targets(self, indicator_code: str) -> pd.DataFrame:
        return targets(self.con.cursor(), indicator_code)

    def series(self, indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame:
        return series(self.con.cursor(), indicator_code, list(region_codes))

    def annotations(self, indicator_code: str) -> pd.DataFrame:
        return annotations(self.con.cursor(), indicator_code)

    def ingests(self) -> pd.DataFrame:
        return ingests(self.con.cursor())
