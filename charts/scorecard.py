"""The scorecard as a table figure: one row per area and passed target, the outcome columns with symbol, word
and colour (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.theme import FONT, GRID, INK

ROW_HEIGHT = 30
# The outcome words are the longest cells: give them room so a row stays one line at 1000 px.
WIDTHS = {"area": 1.1, "target": 0.9, "value": 1.0, "outcome": 1.5, "since": 1.5, "indicator": 1.4}


def scorecard_figure(table: pd.DataFrame, colours: Sequence[Sequence[str | None]]) -> go.Figure:
    """table: the formatted twin; colours: per row, a text colour per column (None = ink)."""
    columns = list(table.columns)
    font_colours = [[(row[c] if c < len(row) else None) or INK for row in colours] for c in range(len(columns))]
    kinds = ["indicator"] * (len(columns) - 6) + ["area", "target", "value", "outcome", "value", "since"]
    figure = go.Figure(
        go.Table(
            columnwidth=[WIDTHS[kind] for kind in kinds],
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
    # a wrapped cell makes its row taller than ROW_HEIGHT; leave room so the last rows are not cut off
    figure.update_layout(height=80 + int(ROW_HEIGHT * 1.3) * (len(table) + 1), margin={"l": 8, "r": 8, "t": 8, "b": 8})
    return figure
