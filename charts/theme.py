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
AREA_COLOURS = ("#1f4e79", "#b45309", "#0f766e", "#7e22ce", "#be123c", "#4d7c0f", "#1d4ed8", "#9a3412")
NATIONAL = "#6b7280"
PATH = "#374151"


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two hex colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
