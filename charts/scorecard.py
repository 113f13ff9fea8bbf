"""The scorecard as a table figure: one row per area and passed target, the outcome columns with symbol, word
and colour (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.theme import FONT, GRID, INK

ROW_HEIGHT = 28


def scorecard_figure(table: pd.DataFrame, colours: Sequence[Sequence[str | None]]) -> go.Figure:
    """table: the formatted twin; colours: per row, a text colour per column (None = ink)."""
    columns = list(table.columns)
    font_colours = [[(row[c] if c < len(row) else None) or INK for row in colours] for c in range(len(columns))]
    figure = go.Figure(
        go.Table(
            header={
                "values": [f"<b>{c}</b>" for c in columns],
                "align": "left",
                "fill": {"color": GRID},
                "font": {"family": FONT, "color": INK, "size": 13},
                "height": ROW_HEIGHT + 4,
            },
            cells={
                "values": [list(table[c]) for c in columns],
                "align": "left",
                "fill": {"color": "white"},
                "line": {"color": GRID},
                "font": {"family": FONT, "color": font_colours, "size": 12},
                "height": ROW_HEIGHT,
            },
        )
    )
    figure.update_layout(height=60 + ROW_HEIGHT * (len(table) + 1), margin={"l": 8, "r": 8, "t": 8, "b": 8})
    return figure
