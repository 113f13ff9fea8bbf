"""Progress % per area for one investment: this quarter's bars, the previous quarter, elapsed project time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import bar_rows
from charts.theme import ACTUAL, INK, MUTED, base_layout
from domain.documents import cite
from i18n import fmt, t
from metrics.reports import previous_quarter
from safe_text import plotly_text

BAR = "#4a7fb5"  # mid blue: 4.2:1 on white, and the black previous-quarter tick stays visible on it


def progress_figure(compared: pd.DataFrame, names: dict[str, str], period: str, lang: str) -> go.Figure:
    """compared: metrics.reports.progress_comparison rows of one investment, highest first. Example rows are
    hollow bars; the previous quarter is a tick on the bar; each row's words sit above its bar (bar_rows)."""
    rows = compared.assign(label=compared["region_code"].map(names).map(plotly_text))
    rows = rows.sort_values(["percent", "label"], ascending=[False, True], kind="stable").reset_index(drop=True)
    rows = rows.assign(y=bar_rows.ys(len(rows)))
    before_period = fmt.period(previous_quarter(period), lang)
    fig = go.Figure()
    for is_demo, suffix in ((False, ""), (True, f" ({t('chart.demo', lang)})")):
        part = rows[rows["is_demo"] == is_demo]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["percent"],
                y=part["y"],
                width=bar_rows.BAR_WIDTH,
                orientation="h",
                name=t("progress.now", lang, period=fmt.period(period, lang)) + suffix,
                marker={"color": "white" if is_demo else BAR, "line": {"color": ACTUAL, "width": 1.5}},
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
                y=before["y"],
                mode="markers",
                name=t("progress.before", lang, period=before_period),
                marker={"symbol": "line-ns", "size": 16, "line": {"color": INK, "width": 3}},
                hovertext=[f"{r.label}: {fmt.percent(r.previous, lang)}" for r in before.itertuples()],
                hoverinfo="text",
            )
        )
    words = [
        f"{r.label}  <b>{fmt.percent(r.percent, lang)}</b>"
        + ("" if pd.isna(r.previous) else f"  ({before_period}: {fmt.percent(r.previous, lang)})")
        for r in rows.itertuples()
    ]
    annotations = bar_rows.labels(list(rows["y"]), words)
    if not rows.empty:
        elapsed = float(rows["elapsed"].iloc[0])
        fig.add_vline(x=elapsed, line={"color": MUTED, "dash": "dash", "width": 2})
        annotations.append(
            {"x": elapsed, "y": 1.0, "yref": "paper", "yanchor": "bottom", "showarrow": False,
             "text": t("progress.elapsed_line", lang, value=fmt.percent(elapsed, lang))}
        )  # fmt: skip
    fig.update_layout(annotations=annotations)
    height = bar_rows.height(len(rows), 130)
    fig = base_layout(fig, lang, height=height)
    fig.update_xaxes(
        range=[0, 112],
        dtick=25,
        tickformat=None,
        showgrid=True,
        gridcolor="#e3e3e3",
        ticksuffix="\u00a0%" if lang != "en" else "%",
    )
    fig = bar_rows.finish(fig, len(rows))
    fig.update_layout(barmode="overlay", margin={"t": 36}, legend={"y": -40 / height})
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
