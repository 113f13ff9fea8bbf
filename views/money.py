"""The coordinators' views of progress, budgets and one investment on one screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from charts.finance import finance_figure, finance_table, package_label
from charts.progress import progress_figure, progress_table
from charts.report_summaries import (
    dimension_name,
    finance_summary,
    history_summary,
    investment_name,
    progress_summary,
)
from domain import DEFAULT_AREA
from domain.periods import sort_key
from domain.programme import DIMENSIONS, INVESTMENTS
from exports.native import NativeChart
from i18n import fmt, t
from metrics.reports import (
    grid_cells,
    history,
    previous_quarter,
    progress_comparison,
    spending,
)
from views import Data
from views.chart_export import ChartExport
from views.overview import Card, headline_cards
from views.reports import Shown, lights_export, names, pick, report_export


def progress_choices(data: Data) -> tuple[list[str], list[str]]:
    """Investments with progress reports, and their quarters newest first."""
    progress = data.progress()
    present = set(progress["investment"])
    return [c for c in INVESTMENTS if c in present], sorted(set(progress["period"]), key=sort_key, reverse=True)


def progress_view(data: Data, lang: str, investment: str = "", period: str = "", permalink: str = "") -> Shown | None:
    """Progress % per area for one investment in one quarter, with the previous quarter; None if nothing reported."""
    investments, periods = progress_choices(data)
    if not investments:
        return None
    investment = pick(investment, investments, investments[0])
    period = pick(period, periods, periods[0])
    progress = data.progress()
    compared = progress_comparison(progress[progress["investment"] == investment], period)
    if compared.empty:
        return None
    area_names = names(data, lang)
    bars = compared.assign(label=compared["region_code"].map(area_names)).sort_values("percent")
    native = NativeChart(
        "barh",
        tuple(bars["label"]),
        (
            (t("progress.now", lang, period=fmt.period(period, lang)), tuple(bars["percent"])),
            (
                t("progress.before", lang, period=fmt.period(previous_quarter(period), lang)),
                tuple(None if v != v else v for v in bars["previous"]),
            ),
        ),
    )
    chart = report_export(
        data,
        compared,
        lang,
        permalink,
        key=f"progress-{investment}-{period}",
        title=f"{t('progress.title', lang)} {fmt.period(period, lang)}: {investment_name(investment, lang)}",
        summary=progress_summary(compared, investment, period, lang),
        figure=progress_figure(compared, area_names, period, lang),
        native=native,
        is_demo=bool(compared["is_demo"].any() or compared["previous_is_demo"].any()),
    )
    return Shown(chart, progress_table(compared, area_names, lang))


# ---------------------------------------------------------------- Talous


def finance_default(areas: Sequence[str]) -> str:
    return DEFAULT_AREA if DEFAULT_AREA in areas else areas[0]


def finance_view(
    data: Data, lang: str, area: str, subject: str = "", investment: str = "", permalink: str = ""
) -> Shown:
    """Budget against realised per cost centre and work package of one area (optionally one investment)."""
    spend = spending(data.budgets(area))
    if investment:
        spend = spend[spend["investment"] == investment].reset_index(drop=True)
    subject = subject or names(data, lang).get(area, area)
    known = spend.dropna(subset=["utilisation"]).iloc[::-1]
    if known.empty:
        rows = spend.iloc[::-1]
        native = NativeChart(
            "barh",
            tuple(package_label(r, lang) for r in rows.itertuples()),
            ((t("finance.budget", lang), tuple(rows["budget_eur"])),),
            percent=False,
        )
    else:
        native = NativeChart(
            "barh",
            tuple(package_label(r, lang) for r in known.itertuples()),
            ((t("finance.utilisation", lang), tuple(known["utilisation"])),),
        )
    chart = report_export(
        data,
        spend.assign(pace=spend["pace"].astype(str)),
        lang,
        permalink,
        key=f"finance-{area}" + (f"-{investment}" if investment else ""),
        title=f"{t('finance.title', lang)}: {subject}",
        summary=finance_summary(spend, subject, lang),
        figure=finance_figure(spend, lang),
        native=native,
        caveats=(f"{t('finance.project', lang)}: {', '.join(spend['project'].unique())}",) if len(spend) else (),
    )
    return Shown(chart, finance_table(spend, lang))


# ---------------------------------------------------------------- Investointi


@dataclass(frozen=True)
class InvestmentView:
    cards: list[Card]  # the national headline indicators this investment is to move
    lights: Shown  # dimensions × quarters
    progress: pd.DataFrame  # this area's progress rows of the investment
    budget: Shown | None

    @property
    def charts(self) -> list[ChartExport]:
        return [card.chart for card in self.cards] + [self.lights.chart] + ([self.budget.chart] if self.budget else [])


def investment_offered(data: Data, area: str) -> list[str]:
    reports = data.status_reports(INVESTMENTS)
    return [c for c in INVESTMENTS if c in set(reports[reports["region_code"] == area]["investment"])] or ["P4I1"]


def investment_view(data: Data, lang: str, area: str, investment: str, permalink: str = "") -> InvestmentView:
    area_names = names(data, lang)
    subject = f"{area_names.get(area, area)}, {investment_name(investment, lang)}"
    indicators = data.indicators()
    linked = set(indicators.loc[(indicators["investment"] == investment) & indicators["is_headline"], "indicator_code"])
    cards = [card for card in headline_cards(data, lang, permalink) if card.indicator["indicator_code"] in linked]
    periods = data.status_periods()
    cells = grid_cells(
        history(data.status_reports(INVESTMENTS)), "dimension", "period", region_code=area, investment=investment
    )
    rows = [(d, dimension_name(d, lang)) for d in DIMENSIONS]
    cols = [(p, fmt.period(p, lang)) for p in periods]
    lights = lights_export(
        data,
        cells,
        rows,
        cols,
        t("reports.dimension", lang),
        history_summary(cells, subject, periods, lang),
        f"{t('investment_page.lights', lang)}: {subject}",
        f"investment-lights-{area}-{investment}",
        lang,
        permalink,
        {"row": "dimension", "col": "period"},
    )
    progress = data.progress()
    mine = progress[(progress["region_code"] == area) & (progress["investment"] == investment)]
    has_budget = (data.budgets(area)["investment"] == investment).any()
    budget = finance_view(data, lang, area, subject, investment, permalink) if has_budget else None
    return InvestmentView(cards, lights, mine, budget)


# ---------------------------------------------------------------- Raportointi
