"""The native forms a deck slide can hold: a chart's series or a grid as a table, so a county can edit them.

Views fill these in (views/chart_export.ChartExport.native); exports/deck.py draws them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NativeChart:
    """The same series as a native PowerPoint chart, so numbers and colours stay editable."""

    kind: str  # line | bar
    categories: tuple[str, ...]  # formatted x labels, e.g. "Q4/2025"
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, values aligned with categories)
    percent: bool = True  # values are shares 0–100
    colours: tuple[str, ...] = ()  # hex per series, optional


@dataclass(frozen=True)
class NativeTable:
    """A grid (e.g. traffic lights) as a native table: every cell carries symbol and word, colour optional."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    fills: tuple[tuple[str | None, ...], ...] = ()  # hex per cell, aligned with rows
