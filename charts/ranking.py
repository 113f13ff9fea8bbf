"""Areas ranked by gap to the required path: horizontal bars, each labelled with verdict symbol and word.

Each bar's words sit on a line above it across the full width (name and gap on the left, symbol and verdict
on the right), not in a margin: margins are fixed pixels, so on a 390 px phone a name column and a label
column left the bars no width at all."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import INK, VERDICT_STYLE, base_layout
from i18n import fmt, t

ROW_PX = 42  # a label line (about 16 px) above an 18 px bar


def ranking_figure(ranked: pd.DataFrame, lang: str) -> go.Figure:
    """ranked: name, verdict (code), gap_path (pp), sentence; worst first."""
    rows = ranked.dropna(subset=["gap_path"])
    fig = go.Figure(
        go.Bar(
            x=rows["gap_path"],
            y=rows["name"],
            orientation="h",
            marker={"color": [VERDICT_STYLE[v][1] for v in rows["verdict"]]},
            hovertext=rows["sentence"],
            hoverinfo="text",
            name=t("trend.gap_path", lang),
        )
    )
    line = {"y": None, "yshift": ROW_PX * 0.42, "xref": "paper", "showarrow": False, "font": {"color": INK, "size": 12}}
    labels = [
        label
        for row in rows.itertuples()
        for label in (
            {**line, "y": row.name, "x": 0, "xanchor": "left",
             "text": f"<b>{row.name}</b>  {fmt.points(row.gap_path, lang)}"},
            {**line, "y": row.name, "x": 1, "xanchor": "right",
             "text": f"{VERDICT_STYLE[row.verdict][0]} {t('verdict.name.' + row.verdict, lang)}"},
        )
    ]  # fmt: skip
    fig.update_layout(annotations=labels)  # at once: add_annotation validates every earlier label again
    fig = base_layout(fig, lang, height=ROW_PX * len(rows) + 90, percent=False)
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)", ticks="", showticklabels=False)
    fig.update_xaxes(
        dtick=None,
        tickformat=None,
        zeroline=True,
        zerolinecolor="#374151",
        zerolinewidth=1.5,
        showgrid=True,
        gridcolor="#e3e3e3",
        title=f"{t('trend.gap_path', lang)} ({fmt.PP_UNIT[lang]})",
    )
    fig.update_layout(margin={"l": 8, "r": 8, "t": 24, "b": 56}, showlegend=False, bargap=0.55)
    return fig
