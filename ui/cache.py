"""Cached store access: one read-only connection per published version, queries keyed by version.

A new load publishes a new version, so the next rerun reads it at once; an unchanged store is
never queried twice for the same question.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import views.overview
import views.trajectory
from config import settings
from exports.spec import ChartExport
from store import db, queries, report_queries
from views.trajectory import Trajectories


def store_version() -> str:
    return db.version(settings().db_path)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(version: str, db_path: str):
    return db.connect_readonly(Path(db_path))


def _cursor():
    return _connection(store_version(), str(settings().db_path)).cursor()


@st.cache_data(max_entries=8, show_spinner=False)
def indicators(version: str) -> pd.DataFrame:
    return queries.indicators(_cursor())


@st.cache_data(max_entries=8, show_spinner=False)
def regions(version: str) -> pd.DataFrame:
    return queries.regions(_cursor())


@st.cache_data(max_entries=64, show_spinner=False)
def targets(version: str, indicator_code: str) -> pd.DataFrame:
    return queries.targets(_cursor(), indicator_code)


@st.cache_data(max_entries=256, show_spinner=False)
def series(version: str, indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame:
    return queries.series(_cursor(), indicator_code, list(region_codes))


@st.cache_data(max_entries=64, show_spinner=False)
def annotations(version: str, indicator_code: str) -> pd.DataFrame:
    return queries.annotations(_cursor(), indicator_code)


@st.cache_data(max_entries=8, show_spinner=False)
def ingests(version: str) -> pd.DataFrame:
    return queries.ingests(_cursor())


@st.cache_data(max_entries=8, show_spinner=False)
def source_catalog(version: str) -> pd.DataFrame:
    return queries.source_catalog(_cursor())


@st.cache_data(max_entries=64, show_spinner=False)
def source_series(version: str, dataset: str, indicator: str) -> pd.DataFrame:
    return queries.source_series(_cursor(), dataset, indicator)


# ---------------------------------------------------------------- views shared by every session
# Built once per store version and question, then shared (cache_resource: not copied per session,
# which for Plotly figures would mean validating them again). Callers must not modify what they get;
# exports work on copies (exports.images.decorated) and change permalinks with dataclasses.replace.


@st.cache_resource(max_entries=32, show_spinner=False)
def trajectories(version: str, code: str, lang: str) -> Trajectories:
    """Assessments of every area for one indicator."""
    return views.trajectory.trajectories(CachedData(version), code, lang)


@st.cache_resource(max_entries=16, show_spinner=False)
def headline_cards(version: str, lang: str, permalink: str) -> list[views.overview.Card]:
    return views.overview.headline_cards(CachedData(version), lang, permalink)


@st.cache_resource(max_entries=32, show_spinner=False)
def comparison_charts(version: str, code: str, lang: str, permalink: str) -> list[ChartExport]:
    return views.trajectory.comparison_charts(
        CachedData(version), code, lang, permalink, trajectories(version, code, lang)
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def trajectory_chart(version: str, code: str, regions: tuple[str, ...], lang: str, permalink: str) -> ChartExport:
    tr = trajectories(version, code, lang)
    return views.trajectory.trajectory_chart(tr, list(regions), CachedData(version), lang, permalink)


@st.cache_resource(max_entries=32, show_spinner=False)
def multiples_chart(version: str, code: str, lang: str, permalink: str) -> ChartExport:
    tr = trajectories(version, code, lang)
    return views.trajectory.multiples_chart(
        tr, views.trajectory.ranking(tr, lang), CachedData(version), lang, permalink
    )


class CachedData:
    """views.Data over the cached queries of one store version (by default the live one)."""

    def __init__(self, version: str | None = None) -> None:
        self.version = version or store_version()

    def indicators(self) -> pd.DataFrame:
        return indicators(self.version)

    def regions(self) -> pd.DataFrame:
        return regions(self.version)

    def targets(self, indicator_code: str) -> pd.DataFrame:
        return targets(self.version, indicator_code)

    def series(self, indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame:
        return series(self.version, indicator_code, tuple(region_codes))

    def annotations(self, indicator_code: str) -> pd.DataFrame:
        return annotations(self.version, indicator_code)

    def ingests(self) -> pd.DataFrame:
        return ingests(self.version)

    def source_catalog(self) -> pd.DataFrame:
        return source_catalog(self.version)

    def source_series(self, dataset: str, indicator: str) -> pd.DataFrame:
        return source_series(self.version, dataset, indicator)

    # county reports: the cached functions below (defined later in this module, looked up at call time)

    def status_periods(self) -> list[str]:
        return status_periods(self.version)

    def status_investments(self) -> list[str]:
        return status_investments(self.version)

    def status_reports(self, investments: tuple[str, ...]) -> pd.DataFrame:
        return status_reports(self.version, tuple(investments))

    def progress(self) -> pd.DataFrame:
        return progress(self.version)

    def budget_areas(self) -> list[str]:
        return budget_areas(self.version)

    def budgets(self, region_code: str) -> pd.DataFrame:
        return budgets(self.version, region_code)


# ---------------------------------------------------------------- county reports (coordinators' pages)


@st.cache_data(max_entries=8, show_spinner=False)
def status_periods(version: str) -> list[str]:
    return report_queries.status_periods(_cursor())


@st.cache_data(max_entries=8, show_spinner=False)
def status_investments(version: str) -> list[str]:
    return report_queries.status_investments(_cursor())


@st.cache_data(max_entries=32, show_spinner=False)
def status_reports(version: str, investments: tuple[str, ...]) -> pd.DataFrame:
    return report_queries.status_reports(_cursor(), list(investments))


@st.cache_data(max_entries=8, show_spinner=False)
def progress(version: str) -> pd.DataFrame:
    return report_queries.progress(_cursor())


@st.cache_data(max_entries=8, show_spinner=False)
def budget_areas(version: str) -> list[str]:
    return report_queries.budget_areas(_cursor())


@st.cache_data(max_entries=32, show_spinner=False)
def budgets(version: str, region_code: str) -> pd.DataFrame:
    return report_queries.budgets(_cursor(), region_code)
