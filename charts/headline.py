"""The first page's chart: one indicator's national actuals with its baseline and target marked."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACTUAL, BASELINE, TARGET, base_layout
from domain.documents import cite
from domain.periods import end
from i18n import fmt, t
from metrics.headline import Headline
from safe_text import plotly_text


def point_hover(row: pd.Series, lang: str) -> str:
    """Formatted value, period and provenance of one point, preformatted so exports match."""
    parts = [f"<b>{fmt.measure(row['value'], row.get('unit', 'percent'), lang)}</b> {fmt.period(row['period'], lang)}"]
    cited = plotly_text(cite(row["source_file"], lang))
    source = f"{t('chart.source', lang)}: {cited}, {t('chart.row', lang)} {row['source_row']}"
    parts.append(f"{source} ({t('chart.raw', lang)} '{plotly_text(row['raw'])}')")
    if row["is_demo"]:
        parts.append(t("chart.demo", lang))
    if isinstance(row.get("note"), str) and row["note"]:
        parts.append(plotly_text(row["note"][:120]))
    return "<br>".join(parts)


def headline_figure(actuals: pd.DataFrame, head: Headline, lang: str) -> go.Figure:
    """Actuals as a line (hollow markers for example data), baseline and target as labelled points."""
    fig = go.Figure()
    data = actuals.dropna(subset=["value"]).assign(x=lambda d: d["period"].map(end)).sort_values("x")
    if not data.empty:
        fig.add_trace(
            go.Scatter(
                x=data["x"],
                y=data["value"],
                mode="lines",
                showlegend=False,
                line={"color": ACTUAL, "width": 2.5},
                hoverinfo="skip",
            )
        )
    # Real and example points differ by fill as well as by legend word.
    for is_demo, name in ((False, "chart.actual"), (True, "chart.actual_demo")):
        points = data[data["is_demo"] == is_demo]
        if points.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=points["x"],
                y=points["value"],
                mode="markers",
                name=t(name, lang),
                marker={"size": 9, "color": "white" if is_demo else ACTUAL, "line": {"color": ACTUAL, "width": 2}},
                hovertext=[point_hover(row, lang) for _, row in points.iterrows()],
                hoverinfo="text",
            )
        )
    for ref, name, colour, symbol in (
        (head.baseline, "chart.baseline", BASELINE, "square"),
        (head.target, "chart.target", TARGET, "diamond"),
    ):
        if ref is None:
            continue
        label = f"{t(name, lang)} {fmt.percent(ref.value, lang)} {fmt.period(ref.period, lang)}"
        fig.add_trace(
            go.Scatter(
                x=[end(ref.period)],
                y=[ref.value],
                mode="markers",
                name=label,
                marker={"size": 13, "color": colour, "symbol": symbol},
                hovertext=[f"{label}<br>{t('chart.source', lang)}: {plotly_text(cite(ref.source_doc, lang))}"],
                hoverinfo="text",
            )
        )
    fig = base_layout(fig, lang)
    fig.update_xaxes(dtick="M36", tick0="2020-01-01", automargin=True)  # a card wide: 2020, 2023, 2026 stay apart
    # Margins follow the tick labels, so a card on a phone keeps its plot; the legend wraps below it.
    fig.update_yaxes(automargin=True)
    fig.update_layout(margin={"l": 8, "r": 12, "t": 16, "b": 8}, legend={"font": {"size": 12}, "y": -0.12})
    return fig
