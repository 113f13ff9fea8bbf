"""An area's own measure: its actuals and its scheduled yearly targets, in the measure's own unit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.headline import point_hover
from charts.theme import ACTUAL, TARGET, base_layout
from domain.documents import cite
from domain.periods import end
from i18n import fmt, t
from safe_text import plotly_text


def scheduled_figure(actuals: pd.DataFrame, targets: pd.DataFrame, unit: str, lang: str) -> go.Figure:
    """Targets as diamonds joined by a dashed step line (the plan), actuals as a solid line."""
    fig = go.Figure()
    plan = targets[targets["kind"].isin(["target", "interim_target"])].assign(x=lambda d: d["period"].map(end))
    plan = plan.sort_values("x")
    if not plan.empty:
        fig.add_trace(
            go.Scatter(
                x=plan["x"],
                y=plan["value"],
                mode="lines+markers",
                name=t("trend.scheduled", lang),
                line={"color": TARGET, "dash": "dash", "shape": "hv", "width": 1.5},
                marker={"symbol": "diamond", "size": 11, "color": TARGET},
                hovertext=[
                    f"{t('chart.' + r.kind, lang)} {fmt.measure(r.value, unit, lang)} {fmt.period(r.period, lang)}<br>"
                    f"{t('chart.source', lang)}: {plotly_text(cite(r.source_doc, lang))}"
                    for r in plan.itertuples()
                ],
                hoverinfo="text",
            )
        )
    data = actuals.dropna(subset=["value"]).assign(x=lambda d: d["period"].map(end)).sort_values("x")
    if not data.empty:
        fig.add_trace(
            go.Scatter(
                x=data["x"],
                y=data["value"],
                mode="lines+markers",
                name=t("chart.actual", lang),
                line={"color": ACTUAL, "width": 2.5},
                marker={
                    "size": 8,
                    "color": ["white" if d else ACTUAL for d in data["is_demo"]],
                    "line": {"color": ACTUAL, "width": 2},
                },
                hovertext=[point_hover(row, lang) for _, row in data.iterrows()],
                hoverinfo="text",
            )
        )
    fig = base_layout(fig, lang, height=300, percent=unit == "percent")
    fig.update_xaxes(dtick="M12")
    return fig
