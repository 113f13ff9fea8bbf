"""Trajectories: one indicator's required path, projections and verdicts for the 22 areas and the country."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from charts.multiples import multiples_figure
from charts.ranking import ranking_figure
from charts.sentences import verdict_sentence
from charts.theme import VERDICT_STYLE
from charts.tile_map import tile_map_figure
from charts.trajectory import trajectory_figure
from domain import NATIONAL
from domain.periods import sort_key
from exports.native import NativeChart
from i18n import fmt, t
from metrics.headline import final_targets
from metrics.milestones import Reckoning, by_region, reckon
from metrics.trajectory import Assessment, Goal, assess
from safe_text import plotly_text
from views import Data
from views.chart_export import ChartExport
from views.deadline import area_sentence, reckoning_day
from views.overview import data_date
from views.related import related_charts


@dataclass(frozen=True)
class Trajectories:
    """Everything the trajectory pages need for one indicator."""

    indicator: pd.Series
    goal: Goal | None
    actuals: pd.DataFrame  # every area and the country
    targets: pd.DataFrame
    assessments: dict[str, Assessment]
    names: dict[str, str]
    regions: pd.DataFrame
    goals: dict[str, Goal]  # each assessed area's own goal (the national one where it has none)
    as_of: date  # the day the targets are reckoned on: passed before it, ahead from it on
    reckonings: dict[str, Reckoning]  # per area: passed targets as milestones, and the target ahead


def goal_for(indicator: pd.Series, targets: pd.DataFrame, region: str = NATIONAL) -> Goal | None:
    """Baseline and the final target most documents agree on; areas without their own use the national ones."""
    own = targets[targets["region_code"] == region]
    national = targets[targets["region_code"] == NATIONAL]
    baselines = own[own["kind"] == "baseline"]
    if baselines.empty:
        baselines = national[national["kind"] == "baseline"]
    target, _ = final_targets(own if (own["kind"] == "target").any() else national)
    if baselines.empty or target is None:
        return None
    baseline = baselines.loc[max(baselines.index, key=lambda i: sort_key(baselines.at[i, "period"]))]
    return Goal(
        indicator["indicator_code"],
        float(baseline["value"]),
        baseline["period"],
        target.value,
        target.period,
        higher_is_better=bool(indicator["higher_is_better"]),
        is_share=indicator["unit"] == "percent",
    )


def trajectories(data: Data, code: str, lang: str, as_of: date | None = None) -> Trajectories:
    """Goals, verdicts (Yleiskuva's ranking) and reckonings (milestones and the target ahead) of one indicator."""
    day = reckoning_day(data, as_of)
    indicators = data.indicators().set_index("indicator_code", drop=False)
    indicator = indicators.loc[code]
    regions = data.regions()
    names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
    areas = tuple(regions.loc[regions["is_rrp_area"] | (regions["region_code"] == NATIONAL), "region_code"])
    actuals = data.series(code, areas)
    targets = data.targets(code)
    goal = goal_for(indicator, targets)
    own = set(targets["region_code"])  # most areas have no targets of their own: the national goal is theirs
    goals = {region: goal_for(indicator, targets, region) if region in own else goal for region in areas}
    goals = {region: g for region, g in goals.items() if g is not None}
    per_region = dict(tuple(actuals[["region_code", "period", "value"]].dropna().groupby("region_code")))
    empty = actuals[["period", "value"]].iloc[:0]
    assessments = {
        region: assess(g, per_region[region][["period", "value"]] if region in per_region else empty)
        for region, g in goals.items()
    }
    with_demo = actuals[["region_code", "period", "value", "is_demo"]].dropna(subset=["value"])
    per_area = dict(tuple(with_demo.groupby("region_code")))
    grouped = by_region(targets)  # once for every area
    reckonings = {
        region: reckon(indicator, grouped, per_area.get(region, with_demo.iloc[:0]), region, day) for region in areas
    }
    return Trajectories(indicator, goal, actuals, targets, assessments, names, regions, goals, day, reckonings)


def ranking(tr: Trajectories, lang: str) -> pd.DataFrame:
    """The 22 areas ranked by gap to the required path (worst first), with verdict and sentence."""
    rows = []
    for region in tr.regions.loc[tr.regions["is_rrp_area"]].itertuples():
        assessment = tr.assessments.get(region.region_code)
        if assessment is None:
            continue
        goal = tr.goals[region.region_code]
        rows.append(
            {
                "region_code": region.region_code,
                "name": getattr(region, f"name_{lang}"),
                "yta": region.yta,
                "grid_row": region.grid_row,
                "grid_col": region.grid_col,
                "verdict": assessment.verdict.value,
                "latest": assessment.latest_value,
                "latest_period": assessment.latest_period,
                "gap_path": assessment.gap_path,
                "gap_target": assessment.gap_target,
                "sentence": verdict_sentence(goal, assessment, lang),
            }
        )
    table = pd.DataFrame(rows)
    return table.sort_values("gap_path", na_position="last", kind="stable").reset_index(drop=True)


def ranking_table(ranked: pd.DataFrame, lang: str, unit: str = "percent") -> pd.DataFrame:
    """The ranking formatted for reading: symbol and word with every verdict."""
    return pd.DataFrame(
        {
            t("trend.area", lang): ranked["name"],
            t("trend.verdict", lang): [
                f"{VERDICT_STYLE[v][0]} {t('verdict.name.' + v, lang)}" for v in ranked["verdict"]
            ],
            t("trend.latest", lang): [
                f"{fmt.measure(v, unit, lang)} ({fmt.period(p, lang)})" if p else "–"
                for v, p in zip(ranked["latest"], ranked["latest_period"], strict=True)
            ],
            t("trend.gap_path", lang): [fmt.points(g, lang) for g in ranked["gap_path"]],
            t("trend.gap_target", lang): [fmt.points(g, lang) for g in ranked["gap_target"]],
        }
    )


def trajectory_chart(
    tr: Trajectories, regions: list[str], data: Data, lang: str, permalink: str = "", height: int = 480
) -> ChartExport:
    """The trajectory chart of the chosen areas with the national line for reference (height: half-width
    columns need more, as the legend wraps into more rows)."""
    code = tr.indicator["indicator_code"]
    shown = [NATIONAL, *[r for r in regions if r != NATIONAL]]
    actuals = tr.actuals[tr.actuals["region_code"].isin(shown)]
    name = tr.indicator[f"short_{lang}"]
    is_share = tr.indicator["unit"] == "percent"
    sentences = [
        f"{tr.names[region]}: {area_sentence(tr.reckonings[region], lang, is_share)}"
        for region in [*shown[1:], NATIONAL]  # the chosen areas, then the country drawn for reference
        if region in tr.reckonings and (tr.reckonings[region].passed or tr.reckonings[region].goal)
    ]
    summary = f"{name}. " + " ".join(sentences)
    ahead = {rk.ahead.period for r, rk in tr.reckonings.items() if r in shown and rk.ahead is not None}
    periods = sorted(set(actuals["period"]) | ahead, key=sort_key)
    series = []
    for region in shown:
        values = dict(actuals.loc[actuals["region_code"] == region, ["period", "value"]].itertuples(index=False))
        series.append((tr.names[region], tuple(values.get(p) for p in periods)))
    figure = trajectory_figure(
        {r: tr.reckonings[r] for r in shown if r in tr.reckonings},
        actuals,
        tr.names,
        tr.targets[tr.targets["region_code"].isin(shown)],
        data.annotations(code),
        lang,
        is_share,
        height,
    )
    caveats = tuple(c for c in (tr.indicator[f"caveat_{lang}"],) if isinstance(c, str) and c)
    return ChartExport(
        key=f"trajectory-{code}-{'-'.join(shown)}",
        title=f"{name} – {', '.join(tr.names[r] for r in shown)}",
        summary=summary,
        figure=figure,
        data=actuals.assign(indicator_code=code),
        lang=lang,
        native=NativeChart(
            "line",
            tuple(fmt.period(p, lang) for p in periods),
            tuple(series),
            percent=is_share,
        ),
        caveats=caveats,
        sources=tuple(sorted(set(actuals["source_file"]) | set(tr.targets["source_doc"]))),
        data_date=data_date(data, lang),
        is_demo=bool(actuals["is_demo"].any()),
        permalink=permalink,
    )


def indicator_charts(
    tr: Trajectories, regions: list[str], data: Data, lang: str, permalink: str = ""
) -> list[ChartExport]:
    """Indikaattori: the trajectory of the chosen areas, then the indicator's related real measures."""
    code = tr.indicator["indicator_code"]
    return [trajectory_chart(tr, regions, data, lang, permalink), *related_charts(data, code, regions, lang, permalink)]


def _all_areas_export(tr: Trajectories, store: Data, permalink: str, **fields: object) -> ChartExport:
    """A chart of every area: its sources, data date and demo flag come from all the actuals."""
    return ChartExport(
        **fields,
        sources=tuple(sorted(set(tr.actuals["source_file"]))),
        data_date=data_date(store, fields["lang"]),
        is_demo=bool(tr.actuals["is_demo"].any()),
        permalink=permalink,
    )


def multiples_chart(tr: Trajectories, ranked: pd.DataFrame, data: Data, lang: str, permalink: str = "") -> ChartExport:
    """One panel per area grouped by collaborative area (YTA), ordered by gap inside each group."""
    panels = ranked.assign(_yta=ranked["yta"].fillna("–")).sort_values(["_yta", "gap_path"], kind="stable")
    code = tr.indicator["indicator_code"]
    name = tr.indicator[f"short_{lang}"]
    figure = multiples_figure(tr.goal, tr.actuals, panels, lang)
    return _all_areas_export(
        tr,
        data,
        permalink,
        key=f"multiples-{code}",
        title=t("trend.multiples_title", lang, name=name),
        summary=t("trend.multiples_summary", lang, name=name, count=len(panels)),
        figure=figure,
        data=tr.actuals.assign(indicator_code=code),
        lang=lang,
        native=None,
    )


def ranking_chart(tr: Trajectories, ranked: pd.DataFrame, data: Data, lang: str, permalink: str = "") -> ChartExport:
    """All areas ranked by gap to the required path, worst first."""
    name = tr.indicator[f"short_{lang}"]
    behind = ranked[ranked["gap_path"] < 0]
    worst = ranked.dropna(subset=["gap_path"]).head(1)
    summary = t(
        "trend.ranking_summary",
        lang,
        name=name,
        behind=len(behind),
        total=len(ranked),
        worst=worst["name"].iloc[0] if not worst.empty else "–",
        worst_gap=fmt.points(worst["gap_path"].iloc[0], lang) if not worst.empty else "–",
    )
    return _all_areas_export(
        tr,
        data,
        permalink,
        key=f"ranking-{tr.indicator['indicator_code']}",
        title=f"{name}: {t('trend.ranking_title', lang)}",
        summary=summary,
        figure=ranking_figure(ranked, lang),
        data=ranked.drop(columns=["grid_row", "grid_col"]),
        lang=lang,
        native=NativeChart(
            "bar", tuple(ranked["name"]), ((t("trend.gap_path", lang), tuple(ranked["gap_path"])),), percent=False
        ),
    )


def tile_chart(tr: Trajectories, ranked: pd.DataFrame, data: Data, lang: str, permalink: str = "") -> ChartExport:
    """The 22 areas on a tile grid, each tile with its verdict's symbol, word and colour."""
    name = tr.indicator[f"short_{lang}"]
    tiles = ranked.assign(
        verdict_name=[t("verdict.name." + v, lang) for v in ranked["verdict"]],
        gap_text=[fmt.points(g, lang) if g == g else "" for g in ranked["gap_path"]],
        hover=ranked["name"].map(plotly_text) + "<br>" + ranked["sentence"].map(plotly_text),
    )
    counts = tiles.groupby("verdict_name", sort=False).size()
    summary = t("trend.map_summary", lang, name=name, counts=", ".join(f"{k} {v}" for k, v in counts.items()))
    return _all_areas_export(
        tr,
        data,
        permalink,
        key=f"tiles-{tr.indicator['indicator_code']}",
        title=f"{name}: {t('trend.map_title', lang)}",
        summary=summary,
        figure=tile_map_figure(tiles, lang),
        data=ranked.drop(columns=["grid_row", "grid_col"]),
        lang=lang,
        native=None,
    )


def comparison_charts(
    data: Data, code: str, lang: str, permalink: str = "", tr: Trajectories | None = None
) -> list[ChartExport]:
    """Yleiskuva's comparison of the 22 areas for one indicator: the ranking and the tile map."""
    tr = tr or trajectories(data, code, lang)
    if tr.goal is None:
        return []
    ranked = ranking(tr, lang)
    return [ranking_chart(tr, ranked, data, lang, permalink), tile_chart(tr, ranked, data, lang, permalink)]
