"""What every exportable chart hands the exporters: the figure, its data, its words and its origin.

Views (views/) build these; the page shows them and the exporters write them. A chart plugs into
images, data files and decks by producing one ChartExport; nothing else is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from domain.documents import titles


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


@dataclass(frozen=True)
class ChartExport:
    key: str  # stable id, e.g. "headline-care_guarantee_7day_share-358"
    title: str
    summary: str  # one sentence: caption, alt text and speaker notes
    figure: go.Figure
    data: pd.DataFrame  # the numbers behind the chart, with provenance columns
    lang: str
    native: NativeChart | NativeTable | None = None  # None: a picture is the only faithful form
    caveats: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    data_date: str = ""  # formatted date of the newest load
    is_demo: bool = False
    permalink: str = ""  # the view's query string, e.g. "page=yleiskuva&lang=fi"
    extra: dict = field(default_factory=dict)

    def source_titles(self, lang: str | None = None, short: bool = False) -> list[str]:
        """The sources as a reader sees them: document titles (short ones for footers), never file names or codes."""
        return titles(self.sources, lang or self.lang, short=short)
