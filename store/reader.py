"""The one interface views read through: the store's questions bound to one connection (and a date).

The app subclasses it once (ui/cache.py: every question cached by store version), the export CLI and
the tests use it as it is. Add a question here and in store/queries.py (or report_queries.py); nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from inspect import signature
from typing import Any

import pandas as pd

from store import queries, report_queries
from store.db import Connection

Question = Callable[..., Any]  # (cursor, *args, [as_of=…]) → DataFrame or list


class Reader:
    """Each method is one question; `ask` is the only place a question runs."""

    def __init__(self, con: Connection | None, as_of: date | None = None) -> None:
        self.con = con
        self.as_of = as_of  # the store as it stood at the end of this day; None = now

    def ask(self, question: Question, *args: Any) -> Any:
        extra = {"as_of": self.as_of} if self.as_of and "as_of" in signature(question).parameters else {}
        return question(self.con.cursor(), *args, **extra)

    def indicators(self) -> pd.DataFrame:
        return self.ask(queries.indicators)

    def regions(self) -> pd.DataFrame:
        return self.ask(queries.regions)

    def targets(self, indicator_code: str) -> pd.DataFrame:
        return self.ask(queries.targets, indicator_code)

    def series(self, indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame:
        return self.ask(queries.series, indicator_code, list(region_codes))

    def annotations(self, indicator_code: str) -> pd.DataFrame:
        return self.ask(queries.annotations, indicator_code)

    def ingests(self) -> pd.DataFrame:
        return self.ask(queries.ingests)

    def source_catalog(self) -> pd.DataFrame:
        return self.ask(queries.source_catalog)

    def source_series(self, dataset: str, indicator: str) -> pd.DataFrame:
        return self.ask(queries.source_series, dataset, indicator)

    def refreshes(self) -> pd.DataFrame:
        return self.ask(queries.refreshes)

    # county reports: the coordinators' pages

    def status_periods(self) -> list[str]:
        return self.ask(report_queries.status_periods)

    def status_investments(self) -> list[str]:
        return self.ask(report_queries.status_investments)

    def status_reports(self, investments: tuple[str, ...]) -> pd.DataFrame:
        return self.ask(report_queries.status_reports, list(investments))

    def progress(self) -> pd.DataFrame:
        return self.ask(report_queries.progress)

    def budget_areas(self) -> list[str]:
        return self.ask(report_queries.budget_areas)

    def budgets(self, region_code: str) -> pd.DataFrame:
        return self.ask(report_queries.budgets, region_code)


QUESTIONS: dict[str, Question] = {
    f"{q.__module__}.{q.__name__}": q
    for q in (
        queries.indicators,
        queries.regions,
        queries.targets,
        queries.series,
        queries.annotations,
        queries.ingests,
        queries.source_catalog,
        queries.source_series,
        queries.refreshes,
        report_queries.status_periods,
        report_queries.status_investments,
        report_queries.status_reports,
        report_queries.progress,
        report_queries.budget_areas,
        report_queries.budgets,
    )
}
