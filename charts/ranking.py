"""Areas ranked by gap to the required path: horizontal bars, each labelled with verdict symbol and word."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.safe_text import plotly_text
from charts.theme import INK, VERDICT_STYLE, base_layout
from i18n import fmt, t


def ranking_figure(ranked: pd.DataFrame, lang: str) -> go.Figure:
    """ranked: name, verdict (code), gap_path (pp), sentence; worst first. Labels sit in a column on the right."""
    rows = ranked.dropna(subset=["gap_path"])
    fig = go.Figure(
        go.Bar(
            x=rows["gap_path"],
            y=[plotly_text(name) for name in rows["name"]],  # tick labels
            orientation="h",
            marker={"color": [VERDICT_STYLE[v][1] for v in rows["verdict"]]},
            hovertext=[plotly_text(sentence) for sentence in rows["sentence"]],
            hoverinfo="text",
            name=t("trend.gap_path", lang),
        )
    )
    labels = [
        {
            "x": 1.01, "xref": "paper", "y": plotly_text(row.name), "xanchor": "left", "showarrow": False,
            "font": {"color": INK},
            "text": f"{fmt.points(row.gap_path, lang)}  {VERDICT_STYLE[row.verdict][0]} "
            f"{t('verdict.name.' + row.verdict, lang)}",
        }
        for row in rows.itertuples()
    ]  # fmt: skip
    fig.update_layout(annotations=labels)  # at once: add_annotation validates every earlier label again
    fig = base_layout(fig, lang, height=26 * len(rows) + 110, percent=False)
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)", ticks="")
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
    # The label column is as wide as its longest label (about 7.5 px a character at this size).
    right = max(200, round(7.5 * max((len(label["text"]) for label in labels), default=0)) + 24)
    fig.update_layout(margin={"l": 150, "r": right, "t": 16}, showlegend=False, bargap=0.25)
    return fig
