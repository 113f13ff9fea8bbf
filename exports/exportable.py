"""What the exporters read from a chart: the seam between views (which build charts) and the file writers.

Views build `views.chart_export.ChartExport`, which has all of this; the writers here (images, data files,
decks) never import views, so exports/ stays a leaf that views, the UI and the export CLI call down into.
tests/exports/test_exportable.py checks that a ChartExport is an Exportable and a partial chart is not.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import pandas as pd
import plotly.graph_objects as go

from exports.native import NativeChart, NativeTable


@runtime_checkable
class Exportable(Protocol):
    key: str  # stable id, e.g. "headline-care_guarantee_7day_share-358"
    title: str
    summary: str  # one sentence: caption, alt text and speaker notes
    figure: go.Figure
    data: pd.DataFrame  # the numbers behind the chart, with provenance columns
    lang: str
    native: NativeChart | NativeTable | None  # None: a picture is the only faithful form
    caveats: tuple[str, ...]
    data_date: str
    is_demo: bool
    permalink: str  # the view's query string
    extra: dict

    def source_titles(self, lang: str | None = None, short: bool = False) -> list[str]:
        """The sources as document titles, never file names or codes."""
        ...

    def source_line(self, lang: str | None = None) -> str:
        """The footer's sources, data date and demo marker in one line."""
        ...

    def view_text(self, lang: str | None = None) -> str:
        """The view in words, which a link to view_url() sits on ('' without a permalink)."""
        ...

    def view_url(self) -> str:
        """The view's full address ('' without a permalink)."""
        ...
