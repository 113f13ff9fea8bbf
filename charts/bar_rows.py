"""Horizontal bars with each row's words above its bar, not in a y-axis margin.

A tick-label margin is fixed pixels: with long names (work packages, county names) a 390 px phone
kept a sliver of plot and cut the values off. Here every row is a number on a hidden y axis, its bar
sits in the lower part of the row, and its words (name and value) sit above the bar across the
whole width, as in charts/reckoning.py.
"""

from __future__ import annotations

import plotly.graph_objects as go

from charts.theme import INK

ROW_PX = 46  # a label line (about 16 px) above a bar of about 19 px
BAR_WIDTH = 0.42  # of a row, in y units
LABEL_BACKGROUND = "rgba(255,255,255,0.85)"  # readable where a label crosses a grid line


def ys(count: int) -> list[float]:
    """The y of each row, first row on top (the axis is reversed by `finish`)."""
    return [float(i) for i in range(count)]


def labels(y: list[float], texts: list[str]) -> list[dict]:
    """One annotation per row, left-aligned just above its bar; texts must be escaped for Plotly already.
    Bold goes on our own words (the value), never around text from data: markup around data is what
    tests/e2e/test_no_markup.py looks for."""
    return [
        {"y": row - BAR_WIDTH / 2, "yanchor": "bottom", "yshift": 2, "x": 0, "xref": "paper", "xanchor": "left",
         "align": "left", "showarrow": False, "font": {"color": INK, "size": 12}, "bgcolor": LABEL_BACKGROUND,
         "text": text}
        for row, text in zip(y, texts, strict=True)
    ]  # fmt: skip


def height(count: int, extra_px: int) -> int:
    return ROW_PX * max(count, 1) + extra_px


def finish(fig: go.Figure, count: int) -> go.Figure:
    """Hide the numeric y axis; the first row on top, with room for its words above its bar."""
    fig.update_yaxes(
        autorange=False, range=[count - 0.5, -0.85], showticklabels=False, ticks="", showgrid=False, zeroline=False
    )
    fig.update_layout(margin={"l": 8, "r": 8})
    return fig
