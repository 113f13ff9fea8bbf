"""Small multiples: one panel per area, grouped by collaborative area, with the national line in every panel."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.headline import point_hover
from charts.theme import ACTUAL, NATIONAL, PATH, VERDICT_STYLE, base_layout
from domain import NATIONAL as WHOLE_COUNTRY
from domain.periods import end
from i18n import t
from metrics.trajectory import Goal
from safe_text import plotly_text

COLUMNS = 5


def multiples_figure(goal: Goal, actuals: pd.DataFrame, panels: pd.DataFrame, lang: str) -> go.Figure:
    """panels: region_code, name, yta, verdict (code), in display order."""
    rows = math.ceil(len(panels) / COLUMNS)
    titles = [
        f"{plotly_text(p.name)}<br><sup>{plotly_text(p.yta)} · "
        f"{VERDICT_STYLE[p.verdict][0]} {t('verdict.name.' + p.verdict, lang)}</sup>"
        for p in panels.itertuples()
    ]
    fig = make_subplots(
        rows=rows,
        cols=COLUMNS,
        shared_xaxes=True,
        shared_yaxes=True,
        subplot_titles=titles,
        vertical_spacing=0.09,
        horizontal_spacing=0.02,
    )
    national = actuals[actuals["region_code"] == WHOLE_COUNTRY].dropna(subset=["value"])
    path_x = [end(goal.baseline_period), end(goal.target_period)]
    for i, panel in enumerate(panels.itertuples()):
        row, col = i // COLUMNS + 1, i % COLUMNS + 1
        own = actuals[actuals["region_code"] == panel.region_code].dropna(subset=["value"])
        fig.add_trace(
            go.Scatter(
                x=path_x,
                y=[goal.baseline, goal.target],
                mode="lines",
                showlegend=i == 0,
                name=t("chart.path", lang),
                line={"color": PATH, "dash": "dash", "width": 1},
                hoverinfo="skip",
            ),
            row=row,
            col=col,
        )
        fig.add_trace(
            go.Scatter(
                x=national["period"].map(end),
                y=national["value"],
                mode="lines",
                showlegend=i == 0,
                name=t("chart.national", lang),
                line={"color": NATIONAL, "dash": "dot", "width": 1.2},
                hoverinfo="skip",
            ),
            row=row,
            col=col,
        )
        fig.add_trace(
            go.Scatter(
                x=own["period"].map(end),
                y=own["value"],
                mode="lines+markers",
                showlegend=i == 0,
                name=t("chart.actual", lang),
                line={"color": ACTUAL, "width": 2},
                marker={"size": 4},
                hovertext=[f"<b>{plotly_text(panel.name)}</b><br>{point_hover(r, lang)}" for _, r in own.iterrows()],
                hoverinfo="text",
            ),
            row=row,
            col=col,
        )
    fig = base_layout(fig, lang, height=200 * rows + 80)
    fig.update_annotations(font={"size": 11})
    fig.update_xaxes(dtick="M24", tickformat="%Y", tickfont={"size": 9})
    fig.update_yaxes(matches="y")  # one scale for every panel, so areas compare at a glance
    fig.update_layout(margin={"t": 50, "b": 40})
    return fig
