"""The trajectory chart: actuals per area, the required path, targets, projection and events on the time axis."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from charts.headline import point_hover
from charts.safe_text import plotly_text
from charts.theme import AREA_COLOURS, MUTED, NATIONAL, PATH, TARGET, base_layout
from domain import NATIONAL as NATIONAL_CODE
from domain.periods import end
from domain.periods import kind as grain_of
from i18n import fmt, t
from metrics.trajectory import Assessment, Goal


def _actual_traces(fig: go.Figure, rows: pd.DataFrame, name: str, colour: str, lang: str, dash: str = "solid") -> None:
    """The area's line in its most frequent grain; values of another grain (an annual survey among
    quarterly figures) are separate points, never joined into the line."""
    rows = rows.dropna(subset=["value"]).assign(
        x=lambda d: d["period"].map(end), grain=lambda d: d["period"].map(grain_of)
    )
    if rows.empty:
        return
    main = rows["grain"].value_counts().index[0]
    for grain, group in rows.sort_values("x").groupby("grain", sort=False):
        joined = grain == main
        fig.add_trace(
            go.Scatter(
                x=group["x"],
                y=group["value"],
                mode="lines+markers" if joined else "markers",
                name=name if joined else f"{name} ({t('chart.grain_' + grain, lang)})",
                legendgroup=name,
                line={"color": colour, "width": 2.5 if dash == "solid" else 1.8, "dash": dash},
                marker={
                    "size": 7 if joined else 10,
                    "symbol": "circle" if joined else "square",
                    "color": ["white" if d else colour for d in group["is_demo"]],
                    "line": {"color": colour, "width": 2},
                },
                hovertext=[f"<b>{name}</b><br>{point_hover(row, lang)}" for _, row in group.iterrows()],
                hoverinfo="text",
            )
        )


def document_id(source_doc: str) -> str:
    """'000_1000f12d482e814f.txt' → '000': the short name the documents go by."""
    head = source_doc.split("_", 1)[0]
    return head if head.isdigit() else source_doc


def _target_traces(fig: go.Figure, targets: pd.DataFrame, unit: str, lang: str) -> None:
    """Every final and interim target; documents that disagree give separate, labelled markers."""
    shown = targets[targets["kind"].isin(["target", "interim_target"])]
    for (kind, period, value), group in shown.groupby(["kind", "period", "value"], sort=True):
        docs = plotly_text(", ".join(sorted(set(group["source_doc"]))))
        short = plotly_text(", ".join(sorted({document_id(doc) for doc in group["source_doc"]})))
        label = f"{t('chart.' + kind, lang)} {fmt.measure(value, unit, lang)} {fmt.period(period, lang)} ({short})"
        fig.add_trace(
            go.Scatter(
                x=[end(period)],
                y=[value],
                mode="markers",
                name=label,
                marker={
                    "size": 14 if kind == "target" else 11,
                    "color": TARGET if kind == "target" else "white",
                    "symbol": "diamond",
                    "line": {"color": TARGET, "width": 2},
                },
                hovertext=[f"{label}<br>{t('chart.source', lang)}: {docs}"],
                hoverinfo="text",
            )
        )


def trajectory_figure(
    goal: Goal,
    actuals: pd.DataFrame,
    names: Mapping[str, str],
    targets: pd.DataFrame,
    assessments: Mapping[str, Assessment],
    annotations: pd.DataFrame,
    lang: str,
) -> go.Figure:
    """actuals: region_code, period, value, is_demo, provenance; the national line is drawn dashed grey."""
    fig = go.Figure()
    names = {code: plotly_text(name) for code, name in names.items()}  # trace names and hover text
    unit = "percent" if goal.is_share else "number"
    path_x = [end(goal.baseline_period), end(goal.target_period)]
    fig.add_trace(
        go.Scatter(
            x=path_x,
            y=[goal.baseline, goal.target],
            mode="lines",
            name=t("chart.path", lang),
            line={"color": PATH, "dash": "dash", "width": 1.5},
            hoverinfo="skip",
        )
    )
    regions = [r for r in dict.fromkeys(actuals["region_code"]) if r != NATIONAL_CODE]
    if NATIONAL_CODE in set(actuals["region_code"]):
        _actual_traces(
            fig, actuals[actuals["region_code"] == NATIONAL_CODE], names[NATIONAL_CODE], NATIONAL, lang, dash="dash"
        )
    for i, region in enumerate(regions):
        _actual_traces(fig, actuals[actuals["region_code"] == region], names[region], AREA_COLOURS[i % 8], lang)
    for i, region in enumerate([NATIONAL_CODE, *regions]):
        projection = assessments.get(region) and assessments[region].projection
        if projection:
            colour = NATIONAL if region == NATIONAL_CODE else AREA_COLOURS[(i - 1) % 8]
            xs, ys = zip(*[(end(p), v) for p, v in projection.points], strict=True)
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    name=f"{t('chart.projection', lang)}: {names[region]}",
                    line={"color": colour, "dash": "dot", "width": 2},
                    hovertext=f"{t('chart.projection', lang)} {fmt.measure(projection.value_at_target, unit, lang)} "
                    f"{fmt.period(goal.target_period, lang)}",
                    hoverinfo="text",
                )
            )
    _target_traces(fig, targets, unit, lang)
    # Events: a dotted line each, a short label above the plot (staggered), the whole text on hover.
    for i, event in enumerate(annotations.itertuples()):
        label = getattr(event, f"label_{lang}")
        fig.add_vline(
            x=pd.Timestamp(event.on_date).timestamp() * 1000, line={"color": MUTED, "width": 1, "dash": "dot"}
        )
        fig.add_annotation(
            x=pd.Timestamp(event.on_date),
            y=1.02 + 0.07 * (i % 3),
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=plotly_text(label.split(":")[0][:40]),
            hovertext=plotly_text(label),
            xanchor="center",
            font={"size": 10, "color": MUTED},
        )
    fig = base_layout(fig, lang, height=480, percent=goal.is_share)
    fig.update_layout(margin={"t": 90})
    return fig
