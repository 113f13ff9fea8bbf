"""A tile-grid map of the 22 areas: fixed positions, each tile with symbol, word and colour of its verdict."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from charts.safe_text import plotly_text
from charts.theme import FONT, VERDICT_STYLE, base_layout

TILE_W, TILE_H = 1.0, 0.8  # data units; gaps of 0.1 between tiles
TILE_CHARS = 22  # a verdict longer than this ("Saavutettu, mutta laskussa") goes on two lines


def _fitted(text: str) -> str:
    return "<br>".join(textwrap.wrap(text, TILE_CHARS, break_on_hyphens=False)) or text


def tile_map_figure(tiles: pd.DataFrame, lang: str, style: dict[str, tuple[str, str]] = VERDICT_STYLE) -> go.Figure:
    """tiles: name, grid_row, grid_col, verdict (a key of `style`: symbol and colour), verdict_name, gap_text, hover."""
    fig = go.Figure()
    placed = tiles.dropna(subset=["grid_row", "grid_col"])
    shapes, labels = [], []
    for tile in placed.itertuples():
        symbol, colour = style[tile.verdict]
        x0, y0 = tile.grid_col * (TILE_W + 0.1), -tile.grid_row * (TILE_H + 0.1)
        shapes.append(
            {
                "type": "rect", "x0": x0, "y0": y0, "x1": x0 + TILE_W, "y1": y0 + TILE_H,
                "fillcolor": colour, "line": {"color": "white", "width": 1}, "layer": "below",
            }
        )  # fmt: skip
        labels.append(
            {
                "x": x0 + TILE_W / 2, "y": y0 + TILE_H / 2, "showarrow": False, "align": "center",
                "text": f"<b>{plotly_text(tile.name)}</b><br>"
                f"{_fitted(f'{symbol} {tile.verdict_name}')}<br>{tile.gap_text}",
                "font": {"family": FONT, "color": "white", "size": 12 if len(tile.verdict_name) <= TILE_CHARS else 11},
            }
        )  # fmt: skip
    # Set at once: Plotly validates every earlier shape again on each add_shape/add_annotation.
    fig.update_layout(shapes=shapes, annotations=labels)
    # Invisible points carry the hover text of each tile.
    fig.add_trace(
        go.Scatter(
            x=placed["grid_col"] * (TILE_W + 0.1) + TILE_W / 2,
            y=-placed["grid_row"] * (TILE_H + 0.1) + TILE_H / 2,
            mode="markers",
            marker={"size": 40, "opacity": 0},
            hovertext=placed["hover"],
            hoverinfo="text",
            showlegend=False,
        )
    )
    # Wide tiles: the grid keeps Finland's rough shape, the width keeps the names readable.
    base_layout(fig, lang, height=560, percent=False)
    fig.update_xaxes(visible=False, range=[-0.05, 5.5])
    fig.update_yaxes(visible=False, range=[-5.45, 0.85])
    fig.update_layout(margin={"l": 8, "r": 8, "t": 8, "b": 8})
    return fig
