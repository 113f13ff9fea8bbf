"""Colours, fonts and the shared Plotly layout, so screen and exported images look the same."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from i18n.fmt import PLOTLY_SEPARATORS

# The colours live in palette.py, which exports/ reads too; re-exported here for the chart builders.
from palette import ACTUAL as ACTUAL
from palette import AREA_COLOURS as AREA_COLOURS
from palette import BASELINE as BASELINE
from palette import GRID, INK, MUTED
from palette import NATIONAL as NATIONAL
from palette import PATH as PATH
from palette import TARGET as TARGET

FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
YEAR_TICKS = {"dtick": "M24", "tickformat": "%Y", "tickangle": 0}  # "1/2020" on a yearly axis would read as January


def fitted(text: str, width: int, hyphens: bool = False) -> str:
    """Text broken into Plotly lines (<br>) of at most `width` characters, at spaces (and hyphens if asked),
    never inside a word: an escape made by safe_text.plotly_text stays whole."""
    return "<br>".join(textwrap.wrap(text, width, break_on_hyphens=hyphens, break_long_words=False)) or text


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


# Verdicts: a symbol and a word always travel with the colour (never colour alone).
# Colours are dark enough for white text (≥ 4.5:1) and for 3:1 against a white page.
VERDICT_STYLE: dict[str, tuple[str, str]] = {
    "met": ("✔", "#14532d"),
    "met_but_falling": ("↘", "#3f6212"),
    "on_track": ("●", "#15803d"),
    "behind_path": ("▲", "#8a4b00"),
    "off_track": ("■", "#b42318"),
    "not_judged": ("○", "#57606a"),
}
# After the deadline (metrics.outcome): the same rule, one shape per state. The outcome at the deadline and
# what happened since are shown side by side, so each family has its own distinct shapes.
OUTCOME_STYLE: dict[str, tuple[str, str]] = {
    "met": ("✔", "#14532d"),
    "missed": ("✖", "#b42318"),
    "no_data": ("○", "#57606a"),
}
SINCE_STYLE: dict[str, tuple[str, str]] = {
    "held": ("●", "#15803d"),
    "slipped": ("▼", "#8a4b00"),
    "reached_later": ("▲", "#3f6212"),
    "still_short": ("■", "#b42318"),
    "no_later_data": ("◌", "#57606a"),
}
