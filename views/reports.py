"""The coordinators' views: shared helpers and the traffic lights (grid and history).

Each builder reads the county reports through `Data` and returns what the page shows: a ChartExport
(figure, one-sentence summary, the numbers with provenance, a native table or chart for decks) and
the on-screen table twin. The pages and the export registry call the same builders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from charts.report_summaries import (
    dimension_name,
    grid_summary,
    history_summary,
    investment_name,
)
from charts.traffic_lights import (
    COLOURS,
    grid_table,
    legend_lines,
    traffic_light_figure,
)
from domain.programme import DIMENSIONS, INVESTMENTS
from exports.native import NativeTable
from i18n import fmt, t
from metrics.reports import expected_investments, grid_cells, history
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date

FULL_LIST = 10_000


@dataclass(frozen=True)
class Shown:
    """One chart as the page shows it: the export and its formatted table twin."""

    chart: ChartExport
    table: pd.DataFrame

    @property
    def charts(self) -> list[ChartExport]:
        return [self.chart]


def names(data: Data, lang: str) -> dict[str, str]:
    regions = data.regions()
    return dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))


def pick(value: str | None, options: Sequence[str], default: str) -> str:
    """A URL choice among options, else the default: the same rule as ui.state.param."""
    return value if value in options else default


def report_export(data: Data, rows: pd.DataFrame, lang: str, permalink: str, **fields: object) -> ChartExport:
    """A chart of county-report rows: its sources, data date and demo flag come from the rows."""
    fields.setdefault("is_demo", bool(rows["is_demo"].any()) if "is_demo" in rows else False)
    return ChartExport(
        **fields,
        data=rows.reset_index(drop=True),
        lang=lang,
        sources=tuple(sorted(set(rows["source_file"].dropna()))) if "source_file" in rows else (),
        data_date=data_date(data, lang),
        permalink=permalink,
    )


def _lights_native(cells: pd.DataFrame, rows, cols, table: pd.DataFrame, blank=frozenset()) -> NativeTable:
    """The grid table's texts, each status cell filled with its light's colour (missing and blank stay white)."""
    status = {(r, c): s for r, c, s in zip(cells["row"], cells["col"], cells["status"], strict=True)}
    fills = tuple(
        (None, *(None if (r, c) in blank else COLOURS.get(status.get((r, c))) for c, _ in cols)) for r, _ in rows
    )
    return NativeTable(tuple(table.columns), tuple(tuple(row) for row in table.itertuples(index=False)), fills)


def lights_export(data, cells, rows, cols, row_title, summary, title, key, lang, permalink, renames, blank=frozenset()):
    table = grid_table(cells, rows, cols, row_title, lang, blank=blank)
    chart = report_export(
        data,
        cells.rename(columns=renames),
        lang,
        permalink,
        key=key,
        title=title,
        summary=summary,
        figure=traffic_light_figure(cells, rows, cols, lang, blank=blank),
        native=_lights_native(cells, rows, cols, table, blank),
        caveats=(" · ".join(legend_lines(lang)), t("lights.changed", lang)),
    )
    return Shown(chart, table)


# ---------------------------------------------------------------- Liikennevalot


@dataclass(frozen=True)
class LightChoices:
    periods: list[str]  # oldest first
    investments: list[str]


def light_choices(data: Data) -> LightChoices:
    reported = set(data.status_investments())
    return LightChoices(data.status_periods(), [code for code in INVESTMENTS if code in reported])


def lights_view(
    data: Data,
    lang: str,
    *,
    mode: str = "grid",
    by: str = "dimension",
    period: str = "",
    investment: str = "",
    dimension: str = "",
    permalink: str = "",
) -> Shown:
    """One quarter's grid (areas × dimensions of one investment, or × investments of one dimension), or a history."""
    choices = light_choices(data)
    period = pick(period, choices.periods, choices.periods[-1])
    investment = pick(investment, choices.investments, choices.investments[0])
    dimension = pick(dimension, DIMENSIONS, DIMENSIONS[0])
    area_names = names(data, lang)
    reports = data.status_reports(tuple(choices.investments))
    marked, expected = history(reports), expected_investments(reports)
    if mode == "history":
        cells = grid_cells(marked, "region_code", "period", investment=investment, dimension=dimension)
        areas = expected[expected["investment"] == investment]["region_code"]
        cols = [(p, fmt.period(p, lang)) for p in choices.periods]
        subject = f"{investment_name(investment, lang)}, {dimension_name(dimension, lang)}"
        key, renames = f"lights-history-{investment}-{dimension}", {"row": "region_code", "col": "period"}
    elif by == "investment":
        cells = grid_cells(marked, "region_code", "investment", period=period, dimension=dimension)
        areas = expected["region_code"].drop_duplicates()
        cols = [(c, c) for c in choices.investments]
        subject = dimension_name(dimension, lang)
        key, renames = f"lights-{period}-{dimension}", {"row": "region_code", "col": "investment"}
    else:
        cells = grid_cells(marked, "region_code", "dimension", period=period, investment=investment)
        areas = expected[expected["investment"] == investment]["region_code"]
        cols = [(d, dimension_name(d, lang)) for d in DIMENSIONS]
        subject = investment_name(investment, lang)
        key, renames = f"lights-{period}-{investment}", {"row": "region_code", "col": "dimension"}
    rows = sorted(((a, area_names.get(a, a)) for a in areas), key=lambda r: r[1])
    # An area outside an investment (pillar 3 is not everywhere) is blank, not "missing".
    pairs = set(expected.itertuples(index=False, name=None))
    blank = {
        (a, c) for a, _ in rows for c, _ in cols if mode != "history" and by == "investment" and (a, c) not in pairs
    }
    if mode == "history":
        summary = history_summary(cells, subject, choices.periods, lang)
        title = f"{t('lights.title', lang)}: {subject}"
    else:
        summary = grid_summary(cells, len(rows) * len(cols) - len(blank), subject, period, lang)
        title = f"{t('lights.title', lang)} {fmt.period(period, lang)}: {subject}"
    return lights_export(
        data, cells, rows, cols, t("reports.area", lang), summary, title, key, lang, permalink, renames, blank
    )


# ---------------------------------------------------------------- Edistyminen
