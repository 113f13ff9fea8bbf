"""Areas ranked by gap to the required path: horizontal bars, each labelled with verdict symbol and word.

Each bar's words sit above it (name and gap, then symbol and verdict), not in a margin: margins are fixed
pixels, so on a 390 px phone a name column and a label column left the bars no width at all."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import INK, VERDICT_STYLE, base_layout
from i18n import fmt, t
from safe_text import plotly_text

ROW_PX = 58  # two label lines (about 32 px) above a bar
BAR_PX = 22
BARGAP = 1 - BAR_PX / ROW_PX
LABEL_BACKGROUND = "rgba(255,255,255,0.85)"  # the zero line and grid pass behind a label, not through it


def ranking_figure(ranked: pd.DataFrame, lang: str) -> go.Figure:
    """ranked: name, verdict (code), gap_path (pp), sentence; worst first."""
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
            "y": plotly_text(row.name), "yanchor": "bottom", "yshift": BAR_PX / 2, "x": 0, "xref": "paper",
            "xanchor": "left", "align": "left", "showarrow": False, "font": {"color": INK, "size": 12},
            "bgcolor": LABEL_BACKGROUND,
            "text": f"<b>{plotly_text(row.name)}</b>  {fmt.points(row.gap_path, lang)}<br>"
            f"{VERDICT_STYLE[row.verdict][0]} {t('verdict.name.' + row.verdict, lang)}",
        }
        for row in rows.itertuples()
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
    fig.update_layout(margin={"l": 8, "r": 8, "t": 40, "b": 56}, showlegend=False, bargap=BARGAP)
    return fig
