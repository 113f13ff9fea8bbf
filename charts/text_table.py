"""A one-column table of sentences as a figure: for lists that must also export as an image."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.theme import FONT, INK


def text_table_figure(header: str, lines: list[str]) -> go.Figure:
    figure = go.Figure(
        go.Table(
            header={"values": [header], "align": "left", "font": {"family": FONT, "color": INK, "size": 13}},
            cells={"values": [lines], "align": "left", "font": {"family": FONT, "color": INK, "size": 12}},
        )
    )
    figure.update_layout(height=140 + 34 * len(lines), margin={"l": 8, "r": 8, "t": 8, "b": 8})
    return figure
