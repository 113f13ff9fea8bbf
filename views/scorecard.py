"""The scorecard: every area's outcome at each passed target and what happened since, as one table.

The same rows are on screen (a table figure and its fi/sv/en twin), in CSV/XLSX, in the deck (a native
table) and on the command line (`python -m export_cli scorecard`): the data of every ChartExport here is
exactly metrics.milestones.scorecard_rows, in SCORECARD_COLUMNS, so a script reads what a leader sees.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from charts.scorecard import scorecard_figure
from charts.theme import OUTCOME_STYLE, SINCE_STYLE
from domain import NATIONAL
from exports.native import NativeTable
from i18n import fmt, t
from metrics.milestones import SCORECARD_COLUMNS, scorecard_rows
from views import Data
from views.chart_export import ChartExport
from views.deadline import reckoning_day
from views.overview import data_date

NUMBERS = ("target_value", "deadline_value", "latest_value")


class UnknownIndicator(KeyError):
    """--indicator names no indicator in the store."""

    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__(f"no indicator {code!r} in the store; known: {', '.join(known)}")

    def __str__(self) -> str:
        return self.args[0]


def scorecard_codes(data: Data, code: str | None = None) -> list[str]:
    """The headline indicators, or the one asked for (any indicator in the store)."""
    indicators = data.indicators()
    if code is None:
        return list(indicators.loc[indicators["is_headline"], "indicator_code"])
    if code not in set(indicators["indicator_code"]):
        raise UnknownIndicator(code, sorted(indicators["indicator_code"]))
    return [code]


def _areas(data: Data) -> list[str]:
    regions = data.regions()
    return list(regions.loc[regions["is_rrp_area"], "region_code"])


def scorecard_frame(data: Data, code: str | None = None, as_of: date | None = None) -> pd.DataFrame:
    """The exact rows: SCORECARD_COLUMNS, the whole country first in each indicator, then the areas."""
    day = reckoning_day(data, as_of)
    indicators = data.indicators().set_index("indicator_code", drop=False)
    areas = _areas(data)
    rows: list[dict[str, object]] = []
    for each in scorecard_codes(data, code):
        actuals = data.series(each, (NATIONAL, *areas))[["region_code", "period", "value", "is_demo"]]
        rows += scorecard_rows(indicators.loc[each], data.targets(each), actuals, areas, day)
    frame = pd.DataFrame(rows, columns=list(SCORECARD_COLUMNS))
    return frame.astype({column: "float64" for column in NUMBERS})


def _measure(value: float, period: object, unit: str, lang: str) -> str:
    if value != value or not isinstance(period, str):  # NaN: no value
        return "–"
    return f"{fmt.measure(value, unit, lang)} ({fmt.period(period, lang)})"


def scorecard_table(frame: pd.DataFrame, data: Data, lang: str) -> pd.DataFrame:
    """The rows formatted for reading in fi/sv/en; the outcome columns carry symbol and word."""
    indicators = data.indicators().set_index("indicator_code")
    regions = data.regions().set_index("region_code")
    units = [indicators.at[c, "unit"] for c in frame["indicator_code"]]
    columns: dict[str, list[str]] = {}
    if frame["indicator_code"].nunique() > 1:
        columns[t("scorecard.indicator", lang)] = [indicators.at[c, f"short_{lang}"] for c in frame["indicator_code"]]
    columns |= {
        t("scorecard.area", lang): [regions.at[r, f"name_{lang}"] for r in frame["region_code"]],
        t("scorecard.target", lang): [
            f"{fmt.measure(v, u, lang)} {fmt.period(p, lang)}"
            for v, p, u in zip(frame["target_value"], frame["target_period"], units, strict=True)
        ],
        t("scorecard.at_deadline", lang): [
            _measure(v, p, u, lang)
            for v, p, u in zip(frame["deadline_value"], frame["deadline_value_period"], units, strict=True)
        ],
        t("scorecard.outcome", lang): [
            f"{OUTCOME_STYLE[o][0]} {t('outcome.name.' + o, lang)}" for o in frame["deadline_outcome"]
        ],
        t("scorecard.latest", lang): [
            _measure(v, p, u, lang)
            for v, p, u in zip(frame["latest_value"], frame["latest_period"], units, strict=True)
        ],
        t("scorecard.since", lang): [
            f"{SINCE_STYLE[s][0]} {t('outcome.since_name.' + s, lang)}" for s in frame["since_deadline"]
        ],
    }
    return pd.DataFrame(columns)


def _colours(frame: pd.DataFrame, width: int) -> list[list[str | None]]:
    """Per row: the outcome and since columns (the last three but one, and the last) in their colours."""
    return [
        [None] * (width - 3) + [OUTCOME_STYLE[o][1], None, SINCE_STYLE[s][1]]
        for o, s in zip(frame["deadline_outcome"], frame["since_deadline"], strict=True)
    ]


def scorecard_chart(
    data: Data, lang: str, code: str | None = None, as_of: date | None = None, permalink: str = "", period: str = ""
) -> ChartExport:
    """The scorecard of one or all headline indicators (only the targets of `period` when given)."""
    frame = scorecard_frame(data, code, as_of)
    if period:
        frame = frame[frame["target_period"] == period].reset_index(drop=True)
    table = scorecard_table(frame, data, lang)
    colours = _colours(frame, len(table.columns))
    codes = scorecard_codes(data, code)
    indicators = data.indicators().set_index("indicator_code")
    counts = frame["deadline_outcome"].value_counts()
    numbers = {k: int(counts.get(k, 0)) for k in ("met", "missed", "no_data")}
    if len(codes) == 1:
        name = indicators.at[codes[0], f"short_{lang}"]
        title = t("scorecard.title_target", lang, name=name, period=fmt.period(period, lang)) if period else None
        title = title or t("scorecard.title_one", lang, name=name)
        summary = t("scorecard.summary", lang, name=name, count=len(frame), **numbers)
    else:
        title = t("scorecard.title", lang)
        summary = t("scorecard.summary_all", lang, count=len(frame), indicators=len(codes), **numbers)
    if frame.empty:
        summary = t("scorecard.empty", lang)
    sources, demo = set(), False
    for each in codes:
        targets = data.targets(each)
        series = data.series(each, tuple(dict.fromkeys(frame["region_code"])))
        sources |= set(targets["source_doc"]) | set(series["source_file"])
        demo = demo or bool(series["is_demo"].any())
    return ChartExport(
        key=f"scorecard-{'-'.join(codes)}" + (f"-{period}" if period else ""),
        title=title,
        summary=summary,
        figure=scorecard_figure(table, colours),
        data=frame,
        lang=lang,
        native=NativeTable(
            tuple(table.columns),
            tuple(tuple(row) for row in table.itertuples(index=False)),
            tuple(tuple(row) for row in colours),
        ),
        sources=tuple(sorted(str(s) for s in sources if isinstance(s, str))),
        data_date=data_date(data, lang),
        is_demo=demo,
        permalink=permalink,
    )


def scorecard_charts(
    data: Data, lang: str, code: str | None = None, as_of: date | None = None, permalink: str = ""
) -> list[ChartExport]:
    """For the deck: one scorecard per indicator and target period, so each native table fits a slide."""
    charts = []
    for each in scorecard_codes(data, code):
        frame = scorecard_frame(data, each, as_of)
        for period in dict.fromkeys(sorted(frame["target_period"])):
            charts.append(scorecard_chart(data, lang, each, as_of, permalink, period))
    return charts
