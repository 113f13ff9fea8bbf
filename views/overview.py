"""Yleiskuva's headline cards: each national headline indicator with its chart, summary and table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.headline import headline_figure
from charts.summaries import headline_summary
from charts.tables import series_table
from domain import NATIONAL
from domain.periods import sort_key
from exports.native import NativeChart
from i18n import fmt, t
from metrics.headline import Headline, headline
from views import Data
from views.chart_export import ChartExport


@dataclass(frozen=True)
class Card:
    indicator: pd.Series  # the indicators row
    name: str
    head: Headline
    chart: ChartExport
    table: pd.DataFrame  # formatted table twin


def data_date(data: Data, lang: str) -> str:
    loaded = data.ingests()["loaded_at"].max()
    return fmt.day(pd.Timestamp(loaded).date(), lang) if pd.notna(loaded) else ""


def native_line(actuals: pd.DataFrame, head: Headline, name: str, target_name: str, lang: str) -> NativeChart:
    """Actuals and the target on one category axis of periods, for an editable PowerPoint chart."""
    periods = sorted(
        set(actuals.dropna(subset=["value"])["period"]) | ({head.target.period} if head.target else set()), key=sort_key
    )
    by_period = dict(zip(actuals["period"], actuals["value"], strict=True))
    series = [(name, tuple(by_period.get(p) for p in periods))]
    if head.target:
        series.append((target_name, tuple(head.target.value if p == head.target.period else None for p in periods)))
    return NativeChart("line", tuple(fmt.period(p, lang) for p in periods), tuple(series))


def headline_cards(data: Data, lang: str, permalink: str = "") -> list[Card]:
    indicators = data.indicators()
    date = data_date(data, lang)
    cards = []
    for _, row in indicators[indicators["is_headline"]].iterrows():
        code = row["indicator_code"]
        actuals = data.series(code, (NATIONAL,))
        targets = data.targets(code)
        head = headline(actuals, targets[targets["region_code"] == NATIONAL])
        name = row[f"short_{lang}"]
        summary = headline_summary(name, head, lang)
        chart = ChartExport(
            key=f"headline-{code}-{NATIONAL}",
            title=row[f"name_{lang}"],
            summary=summary,
            figure=headline_figure(actuals, head, lang),
            data=actuals.assign(indicator_code=code),
            lang=lang,
            native=native_line(actuals, head, t("chart.actual", lang), t("chart.target", lang), lang),
            caveats=tuple(c for c in (row[f"caveat_{lang}"],) if isinstance(c, str) and c),
            sources=tuple(sorted(set(actuals["source_file"]) | set(targets["source_doc"]))),
            data_date=date,
            is_demo=bool(actuals["is_demo"].any()),
            permalink=permalink,
        )
        cards.append(Card(row, name, head, chart, series_table(actuals, lang)))
    return cards
