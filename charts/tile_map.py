"""A tile-grid map of the 22 areas: fixed positions, each tile with symbol, word and colour of its verdict.

Each tile is a bar with its text inside: Plotly shrinks text inside a bar until it fits, so the same figure
reads on a 1400 px screen and on a 390 px phone (fixed annotations overlapped their neighbours there), and
`uniformtext` keeps every tile at the same size."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import FONT, VERDICT_STYLE, base_layout, fitted
from safe_text import plotly_text

TILE_W, TILE_H = 1.0, 0.8  # data units; gaps of 0.1 between tiles
NAME_CHARS = 12  # "Pohjois-Pohjanmaa" → "Pohjois-" / "Pohjanmaa": a narrow tile keeps a readable size
VERDICT_CHARS = 14  # "Saavutettu, mutta laskussa" → two lines, broken at spaces only


def tile_text(name: str, symbol: str, verdict_name: str, gap_text: str) -> str:
    """Name (bold), symbol and verdict word, then the gap or period: wrapped at word and hyphen boundaries."""
    name_lines = fitted(name, NAME_CHARS, hyphens=True).split("<br>")
    bold = "<br>".join(f"<b>{line}</b>" for line in name_lines)
    lines = [bold, fitted(f"{symbol} {verdict_name}", VERDICT_CHARS), gap_text]
    return "<br>".join(line for line in lines if line)  # no empty last line: a tile holds four lines at most


def tile_map_figure(tiles: pd.DataFrame, lang: str, style: dict[str, tuple[str, str]] = VERDICT_STYLE) -> go.Figure:
    """tiles: name, grid_row, grid_col, verdict (a key of `style`: symbol and colour), verdict_name, gap_text, hover."""
    placed = tiles.dropna(subset=["grid_row", "grid_col"])
    fig = go.Figure(
        go.Bar(
            x=placed["grid_col"] * (TILE_W + 0.1) + TILE_W / 2,
            base=-placed["grid_row"] * (TILE_H + 0.1),
            y=[TILE_H] * len(placed),
            width=TILE_W,
            marker={"color": [style[v][1] for v in placed["verdict"]], "line": {"color": "white", "width": 1}},
            text=[
                tile_text(plotly_text(tile.name), style[tile.verdict][0], tile.verdict_name, tile.gap_text)
                for tile in placed.itertuples()
            ],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            constraintext="inside",
            textfont={"family": FONT, "color": "white", "size": 12},
            hovertext=placed["hover"],
            hoverinfo="text",
            showlegend=False,
        )
    )
    # Wide tiles: the grid keeps Finland's rough shape, the width keeps the names readable.
    base_layout(fig, lang, height=720, percent=False)  # tall enough for five 12 px lines in a tile
    fig.update_xaxes(visible=False, range=[-0.05, 5.5])
    fig.update_yaxes(visible=False, range=[-5.45, 0.85])
    fig.update_layout(
        margin={"l": 8, "r": 8, "t": 8, "b": 8}, barmode="overlay", uniformtext={"minsize": 8, "mode": "show"}
    )
    return fig
