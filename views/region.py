"""Alue: one area, every indicator it has, with its own scheduled targets where the documents give them."""

from __future__ import annotations

from datetime import date

from charts.scheduled import scheduled_figure
from domain.periods import sort_key
from domain.related import is_related_measure
from exports.native import NativeChart
from i18n import fmt, t
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date
from views.related import related_charts
from views.trajectory import trajectories, trajectory_chart


def region_charts(
    data: Data, region: str, lang: str, permalink: str = "", as_of: date | None = None
) -> list[ChartExport]:
    """Headline indicators as trajectories (area and country) reckoned on `as_of` (default: the store's day,
    else today), each followed by its related real measures; the area's own measures against its plan."""
    charts = []
    for _, indicator in data.indicators().iterrows():
        code = indicator["indicator_code"]
        if is_related_measure(code):  # drawn beside the indicator it relates to, never as an own measure
            continue
        targets = data.targets(code)
        own_targets = targets[targets["region_code"] == region]
        actuals = data.series(code, (region,))
        if indicator["is_headline"]:
            tr = trajectories(data, code, lang, as_of)
            if tr.goal is not None:
                charts.append(trajectory_chart(tr, [region], data, lang, permalink, height=640))  # half width
                charts += related_charts(data, code, [region], lang, permalink)
            continue
        if own_targets.empty and actuals.empty:
            continue
        unit = indicator["unit"]
        periods = sorted(set(actuals["period"]) | set(own_targets["period"]), key=sort_key)
        plan = dict(own_targets.loc[own_targets["kind"] != "baseline", ["period", "value"]].itertuples(index=False))
        values = dict(actuals[["period", "value"]].itertuples(index=False))
        name = indicator[f"short_{lang}"]
        final = own_targets[own_targets["kind"] == "target"]
        summary = t(
            "region.summary",
            lang,
            name=name,
            count=len(plan),
            target=fmt.measure(final["value"].iloc[0], unit, lang) if not final.empty else "–",
            period=fmt.period(final["period"].iloc[0], lang) if not final.empty else "–",
            actuals=len(actuals.dropna(subset=["value"])),
        )
        charts.append(
            ChartExport(
                key=f"region-{region}-{code}",
                title=indicator[f"name_{lang}"],
                summary=summary,
                figure=scheduled_figure(actuals.assign(unit=unit), own_targets, unit, lang),
                data=actuals.assign(indicator_code=code),
                lang=lang,
                native=NativeChart(
                    "line",
                    tuple(fmt.period(p, lang) for p in periods),
                    (
                        (t("chart.actual", lang), tuple(values.get(p) for p in periods)),
                        (t("trend.scheduled", lang), tuple(plan.get(p) for p in periods)),
                    ),
                    percent=unit == "percent",
                ),
                caveats=tuple(c for c in (indicator[f"caveat_{lang}"],) if isinstance(c, str) and c),
                sources=tuple(sorted(set(own_targets["source_doc"]) | set(actuals["source_file"]))),
                data_date=data_date(data, lang),
                is_demo=bool(actuals["is_demo"].any()),
                permalink=permalink,
            )
        )
    return charts
