"""The reckoning on Yleiskuva: did each area reach the headline target at its deadline, and has it held since?

For one indicator: the whole country's milestone, then the 22 areas grouped by their story (outcome at
the deadline × what happened since) and ranked within each group, as a chart, a tile map and a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from charts.outcome_sentences import deadline_label, outcome_sentence, since_label
from charts.reckoning import reckoning_figure
from charts.theme import SINCE_STYLE
from charts.tile_map import tile_map_figure
from domain import NATIONAL
from domain.periods import end
from exports.native import NativeTable
from i18n import fmt, t
from metrics.milestones import Milestone, Reckoning, by_region, reckon
from metrics.outcome import STORY_ORDER, story_key
from safe_text import plotly_text
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date


@dataclass(frozen=True)
class IndicatorReckoning:
    """One headline indicator after its deadline."""

    code: str
    name: str
    target_period: str  # the national deadline judged, e.g. 2025Q4
    national: Milestone | None
    stories: pd.DataFrame  # one row per area, in the order shown (see charts/reckoning.py)
    charts: list[ChartExport]  # the grouped chart and the tile map

    @property
    def passed(self) -> bool:
        return self.national is not None


def headline_milestone(found: Reckoning, deadline: str) -> Milestone | None:
    """The passed target at the national deadline (the area's own one on that date, else the inherited one)."""
    on_day = [m for m in found.passed if end(m.target.period) == end(deadline)]
    return on_day[-1] if on_day else None


def _deadline_of(data: Data, code: str, as_of: date) -> tuple[str, Reckoning] | None:
    """The latest passed national target and the country's reckoning, or None while it is still ahead."""
    indicator = data.indicators().set_index("indicator_code", drop=False).loc[code]
    national = reckon(indicator, data.targets(code), data.series(code, (NATIONAL,)), NATIONAL, as_of)
    finals = [m for m in national.passed if m.target.kind == "target"] or list(national.passed)
    return (finals[-1].target.period, national) if finals else None


def _story_rows(data: Data, code: str, deadline: str, as_of: date, lang: str) -> list[dict]:
    indicator = data.indicators().set_index("indicator_code", drop=False).loc[code]
    regions = data.regions()
    areas = regions[regions["is_rrp_area"] | (regions["region_code"] == NATIONAL)]
    actuals = data.series(code, tuple(areas["region_code"]))
    targets = by_region(data.targets(code))  # grouped once for every area below
    is_share = indicator["unit"] == "percent"
    by_area = dict(tuple(actuals.groupby("region_code")))
    rows = []
    for area in areas.itertuples():
        mine = by_area.get(area.region_code, actuals.iloc[:0])
        milestone = headline_milestone(reckon(indicator, targets, mine, area.region_code, as_of), deadline)
        if milestone is None:
            continue
        found = milestone.outcome
        at, latest = found.at_deadline, found.latest
        rows.append(
            {
                "region_code": area.region_code,
                "name": getattr(area, f"name_{lang}"),
                "grid_row": area.grid_row,
                "grid_col": area.grid_col,
                "is_national": area.region_code == NATIONAL,
                "order": story_key(found),
                "deadline": found.deadline.value,
                "since": found.since.value,
                "target_value": milestone.target.value,
                "target_period": milestone.target.period,
                "own_target": milestone.target.region_code == area.region_code != NATIONAL,
                "deadline_value": at.value if at else None,
                "deadline_period": at.period if at else None,
                "latest_value": latest.value if latest else None,
                "before_value": found.before.value if found.before else None,  # only with no value at the deadline
                "before_period": found.before.period if found.before else None,
                "latest_period": latest.period if latest else None,
                "deadline_label": deadline_label(found, lang),
                "since_label": since_label(found, lang),
                "sentence": outcome_sentence(found, lang, is_share),
                "is_demo": bool(mine["is_demo"].any()) if "is_demo" in mine else False,
            }
        )
    return rows


def reckoning(data: Data, code: str, lang: str, as_of: date) -> IndicatorReckoning | None:
    """None while the indicator's national target is still ahead (the trajectory pages answer then)."""
    found = _deadline_of(data, code, as_of)
    if found is None:
        return None
    deadline, national = found
    indicator = data.indicators().set_index("indicator_code", drop=False).loc[code]
    name = indicator[f"short_{lang}"]
    rows = _story_rows(data, code, deadline, as_of, lang)
    stories = pd.DataFrame(rows)
    if stories.empty:
        return IndicatorReckoning(code, name, deadline, headline_milestone(national, deadline), stories, [])
    stories["group"] = [STORY_ORDER.index((d, s)) for d, s in zip(stories["deadline"], stories["since"], strict=True)]
    stories["group_label"] = [
        f"{t('reckoning.country', lang)}: {d} · {s}" if national_row else f"{d} · {s}"
        for national_row, d, s in zip(
            stories["is_national"], stories["deadline_label"], stories["since_label"], strict=True
        )
    ]
    usual = _usual_latest(stories)
    stories["label"] = [
        _numbers(row, lang, indicator["unit"] == "percent", deadline, usual) for row in stories.itertuples()
    ]
    stories = stories.sort_values(["is_national", "order"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
    exports = _exports(data, indicator, stories, deadline, lang)
    return IndicatorReckoning(code, name, deadline, headline_milestone(national, deadline), stories, exports)


def _usual_latest(stories: pd.DataFrame) -> str | None:
    """The period most areas' latest value is from (their labels then need no period)."""
    usual = stories["latest_period"].dropna().mode()
    return usual.iloc[0] if len(usual) else None


def _numbers(row: object, lang: str, is_share: bool, deadline: str, usual_latest: str | None) -> str:
    """A row's values beside the chart: '82 % → 75 %'; a period only where it is not the usual one
    (the deadline's, or the latest period most areas have), e.g. '82 % (12/2025) → 75 %'."""

    def shown(value: object, period: object, usual: str | None = None) -> str:
        number = fmt.percent(value, lang) if is_share else fmt.number(value, lang)
        return number if period == usual else f"{number} ({fmt.period(str(period), lang)})"

    if row.deadline_value is not None and row.deadline_value == row.deadline_value:
        start = shown(row.deadline_value, row.deadline_period, deadline)
    elif row.before_value is not None and row.before_value == row.before_value:
        start = t("reckoning.before_short", lang, value=shown(row.before_value, row.before_period))
    else:
        start = t("reckoning.no_value", lang)
    if row.latest_value is not None and row.latest_value == row.latest_value:
        return f"{start} → {shown(row.latest_value, row.latest_period, usual_latest)}"
    return start


def summary(stories: pd.DataFrame, name: str, deadline: str, lang: str) -> str:
    """'Kiireettömät käynnit 7 vrk:ssa, tavoite Q4/2025: 14 aluetta 22:sta saavutti …'."""
    areas = stories[~stories["is_national"]]
    count = lambda column, value: int((areas[column] == value).sum())  # noqa: E731
    return t(
        "reckoning.summary",
        lang,
        name=name,
        period=fmt.period(deadline, lang),
        total=len(areas),
        met=count("deadline", "met"),
        missed=count("deadline", "missed"),
        no_data=count("deadline", "no_data"),
        slipped=count("since", "slipped"),
        reached_later=count("since", "reached_later"),
    )


def table(stories: pd.DataFrame, lang: str, is_share: bool = True) -> pd.DataFrame:
    """The table twin: every area with both values, their periods, and the words."""

    def value(v: object, p: object) -> str:
        if v is None or v != v:  # None or NaN: no value
            return "–"
        return f"{fmt.percent(v, lang) if is_share else fmt.number(v, lang)} ({fmt.period(str(p), lang)})"

    def pairs(values: str, periods: str) -> list[str]:
        return [value(v, p) for v, p in zip(stories[values], stories[periods], strict=True)]

    return pd.DataFrame(
        {
            t("reckoning.col.area", lang): stories["name"],
            t("reckoning.col.target", lang): pairs("target_value", "target_period"),
            t("reckoning.col.at_deadline", lang): pairs("deadline_value", "deadline_period"),
            t("reckoning.col.outcome", lang): stories["deadline_label"],
            t("reckoning.col.latest", lang): pairs("latest_value", "latest_period"),
            t("reckoning.col.since", lang): stories["since_label"],
        }
    )


def _exports(data: Data, indicator: pd.Series, stories: pd.DataFrame, deadline: str, lang: str) -> list[ChartExport]:
    code, name = indicator["indicator_code"], indicator[f"short_{lang}"]
    is_share = indicator["unit"] == "percent"
    said = summary(stories, name, deadline, lang)
    national = stories[stories["is_national"]]
    target = float(national["target_value"].iloc[0] if not national.empty else stories["target_value"].iloc[0])
    columns = ["region_code", "name", "target_period", "target_value", "deadline_value", "deadline_period",
               "deadline", "latest_period", "latest_value", "since", "sentence", "is_demo"]  # fmt: skip
    shared = {
        "data": stories[columns].assign(indicator_code=code),
        "lang": lang,
        "sources": tuple(sorted(set(data.series(code, tuple(stories["region_code"]))["source_file"]))),
        "data_date": data_date(data, lang),
        "is_demo": bool(stories["is_demo"].any()),
    }
    formatted = table(stories, lang, is_share)
    grouped = ChartExport(
        key=f"reckoning-{code}",
        title=t("reckoning.chart_title", lang, name=name, period=fmt.period(deadline, lang)),
        summary=said,
        figure=reckoning_figure(stories, target, lang, is_share, (deadline, _usual_latest(stories) or "")),
        native=NativeTable(tuple(formatted.columns), tuple(tuple(map(str, r)) for r in formatted.to_numpy())),
        **shared,
    )  # fmt: skip
    areas = stories[~stories["is_national"]]
    tiles = areas.assign(
        verdict=areas["since"],
        # The deadline's symbol before the name, what happened since below it: a tile holds four lines.
        name=[f"{d.split(' ', 1)[0]} {name}" for d, name in zip(areas["deadline_label"], areas["name"], strict=True)],
        verdict_name=[t(f"outcome.since_name.{s}", lang) for s in areas["since"]],
        gap_text="",
        hover=areas["name"].map(plotly_text) + "<br>" + areas["sentence"].map(plotly_text),
    )
    counts = (tiles["deadline_label"] + " · " + tiles["since_label"]).value_counts(sort=False)
    tile_map = ChartExport(
        key=f"reckoning-tiles-{code}",
        title=t("reckoning.map_title", lang, name=name, period=fmt.period(deadline, lang)),
        summary=t("reckoning.map_summary", lang, name=name, counts=", ".join(f"{k}: {v}" for k, v in counts.items())),
        figure=tile_map_figure(tiles, lang, SINCE_STYLE),
        native=None,
        **shared,
    )
    return [grouped, tile_map]
