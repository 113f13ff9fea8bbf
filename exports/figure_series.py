"""The on-screen figure's lines and points on a time axis, for a native PowerPoint chart that matches it.

A category axis of formatted periods puts a monthly 3/2025 between Q1/2025 and Q2/2025 as an equal
step and breaks every line that has no value there. Here each trace keeps its own dates (a period
stands at its last day, as on screen: charts use domain.periods.end), so a line joins only its own
points and the target marker, the required path and the projections are the screen's own traces.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import plotly.graph_objects as go

MAX_SERIES = 40  # a trace per area and grain, projections and targets: a slide legend holds no more
MAX_POINTS = 2000  # per trace; bounded before iterating


@dataclass(frozen=True)
class TimeSeries:
    name: str  # empty: drawn, but left out of the legend (the screen hides it too)
    dates: tuple[date, ...]
    values: tuple[float, ...]
    colour: str  # hex
    line: bool  # joined by a line
    markers: bool
    dash: str = "solid"  # solid | dash | dot
    symbol: str = "circle"  # circle | square | diamond
    size: int = 7  # marker size in points


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _colour(trace: go.Scatter, fallback: str) -> str:
    for colour in (trace.line.color, trace.marker.line.color, trace.marker.color):
        if isinstance(colour, str) and colour.startswith("#"):
            return colour
    return fallback


def _legend_text(name: str) -> str:
    """A trace's name as a slide's legend shows it: a legend is plain text, so Plotly's line breaks become
    spaces and its escapes (safe_text.plotly_text) the characters they stand for."""
    return html.unescape(name.replace("<br>", " "))


def time_series(figure: go.Figure, palette: Sequence[str]) -> list[TimeSeries]:
    """Every scatter trace as a TimeSeries, or [] when any trace is not a scatter over dates."""
    found: list[TimeSeries] = []
    for i, trace in enumerate(figure.data[:MAX_SERIES]):
        if trace.type != "scatter" or trace.x is None or trace.y is None:
            return []
        xs, ys = list(trace.x[:MAX_POINTS]), list(trace.y[:MAX_POINTS])
        points = [(_day(x), y) for x, y in zip(xs, ys, strict=False)]
        if any(day is None for day, _ in points):
            return []
        kept = [(day, float(y)) for day, y in points if y is not None and y == y]
        mode = trace.mode or "lines+markers"
        size = trace.marker.size if isinstance(trace.marker.size, int | float) else 7
        found.append(
            TimeSeries(
                name="" if trace.showlegend is False else _legend_text(trace.name or ""),
                dates=tuple(day for day, _ in kept),
                values=tuple(value for _, value in kept),
                colour=_colour(trace, palette[i % len(palette)]),
                line="lines" in mode,
                markers="markers" in mode,
                dash=trace.line.dash if trace.line.dash in ("dash", "dot") else "solid",
                symbol=trace.marker.symbol if trace.marker.symbol in ("square", "diamond") else "circle",
                size=max(5, min(int(size), 14)),
            )
        )
    return [series for series in found if series.dates]
