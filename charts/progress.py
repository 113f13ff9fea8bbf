"""Progress % per area for one investment: this quarter's bars, the previous quarter, elapsed project time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACTUAL, INK, MUTED, base_layout
from domain.documents import cite
from i18n import fmt, t
from metrics.reports import previous_quarter
from safe_text import plotly_text

BAR = "#4a7fb5"  # mid blue: 4.2:1 on white, and the black previous-quarter tick stays visible on it


def progress_figure(compared: pd.DataFrame, names: dict[str, str], period: str, lang: str) -> go.Figure:
    """compared: metrics.reports.progress_comparison rows of one investment. Example rows are hollow bars."""
    rows = compared.assign(label=compared["region_code"].map(names).map(plotly_text)).sort_values("percent")
    fig = go.Figure()
    for is_demo, suffix in ((False, ""), (True, f" ({t('chart.demo', lang)})")):
        part = rows[rows["is_demo"] == is_demo]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["percent"],
                y=part["label"],
                orientation="h",
                name=t("progress.now", lang, period=fmt.period(period, lang)) + suffix,
                marker={"color": "white" if is_demo else BAR, "line": {"color": ACTUAL, "width": 1.5}},
                text=[fmt.percent(v, lang) for v in part["percent"]],
                textposition="outside",
                hovertext=[
                    f"{r.label}: {fmt.percent(r.percent, lang)}<br>{t('reports.source', lang)}: {plotly_text(r.source)}"
                    for r in part.itertuples()
                ],
                hoverinfo="text",
            )
        )
    before = rows.dropna(subset=["previous"])
    if not before.empty:
        fig.add_trace(
            go.Scatter(
                x=before["previous"],
                y=before["label"],
                mode="markers",
                name=t("progress.before", lang, period=fmt.period(previous_quarter(period), lang)),
                marker={"symbol": "line-ns", "size": 16, "line": {"color": INK, "width": 3}},
                hovertext=[f"{r.label}: {fmt.percent(r.previous, lang)}" for r in before.itertuples()],
                hoverinfo="text",
            )
        )
    if not rows.empty:
        elapsed = float(rows["elapsed"].iloc[0])
        fig.add_vline(x=elapsed, line={"color": MUTED, "dash": "dash", "width": 2})
        fig.add_annotation(
            x=elapsed,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=t("progress.elapsed_line", lang, value=fmt.percent(elapsed, lang)),
        )
    fig = base_layout(fig, lang, height=140 + 24 * len(rows))
    fig.update_xaxes(
        range=[0, 112],
        dtick=20,
        tickformat=None,
        showgrid=True,
        gridcolor="#e3e3e3",
        ticksuffix="\u00a0%" if lang != "en" else "%",
    )
    fig.update_yaxes(ticksuffix="", gridcolor="rgba(0,0,0,0)", automargin=True)
    fig.update_layout(barmode="overlay", margin={"l": 24, "t": 36}, legend={"y": -40 / (140 + 24 * len(rows))})
    return fig


def progress_table(compared: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    rows = compared.sort_values("region_code", key=lambda c: c.map(names))
    return pd.DataFrame(
        {
            t("reports.area", lang): [names.get(c, c) for c in rows["region_code"]],
            t("progress.percent", lang): [fmt.percent(v, lang) for v in rows["percent"]],
            t("progress.previous", lang): [fmt.percent(v, lang) for v in rows["previous"]],
            t("progress.change", lang): [fmt.points(v, lang, 0) for v in rows["change"]],
            t("progress.elapsed", lang): [fmt.percent(v, lang) for v in rows["elapsed"]],
            t("progress.gap", lang): [fmt.points(v, lang, 1) for v in rows["gap_to_elapsed"]],
            t("reports.source", lang): [cite(s, lang) for s in rows["source"]],
            t("reports.demo", lang): [t("table.yes" if d else "table.no", lang) for d in rows["is_demo"]],
        }
    )
