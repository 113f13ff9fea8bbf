"""Colours, fonts and the shared Plotly layout, so screen and exported images look the same."""

from __future__ import annotations

import plotly.graph_objects as go

from i18n.fmt import PLOTLY_SEPARATORS

INK = "#1b1b1b"
MUTED = "#5a5a5a"
GRID = "#e3e3e3"
ACTUAL = "#1f4e79"  # dark blue: 8.9:1 on white
TARGET = "#a4262c"  # dark red: 7.0:1 on white
BASELINE = "#5a5a5a"
FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
YEAR_TICKS = {"dtick": "M24", "tickformat": "%Y", "tickangle": 0}  # "1/2020" on a yearly axis would read as January


def base_layout(fig: go.Figure, lang: str, *, height: int = 320, percent: bool = True) -> go.Figure:
    """Finnish separators, white background, quiet grid; y axis as percent where the unit is."""
    fig.update_layout(
        template="none",
        separators=PLOTLY_SEPARATORS[lang],
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=height,
        margin={"l": 56, "r": 24, "t": 24, "b": 48},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "color": INK}},
    )
    fig.update_xaxes(showgrid=False, linecolor=MUTED, ticks="outside", **YEAR_TICKS)
    fig.update_yaxes(gridcolor=GRID, zeroline=False, ticksuffix=("\u00a0%" if lang != "en" else "%") if percent else "")
    return fig
