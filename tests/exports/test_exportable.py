"""The seam between views and exporters: a ChartExport has everything the writers read, a partial one does not.

Every view returns ChartExports (views/chart_export.py), and tests/exports/test_deck.py, test_datafiles.py and
test_images.py hand real views' charts to the writers; this checks the declared seam itself.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from exports.exportable import Exportable
from views.chart_export import ChartExport


def test_a_chart_export_is_an_exportable() -> None:
    chart = ChartExport("k", "Otsikko", "Yksi lause.", go.Figure(), pd.DataFrame({"value": [1.0]}), "fi")
    assert isinstance(chart, Exportable)
    assert (chart.source_line(), chart.view_text(), chart.view_url()) == ("", "", "")  # no sources, no permalink


def test_a_chart_without_what_the_writers_read_is_not_an_exportable() -> None:
    class Partial:  # a ChartExport's fields, without the footer the writers put under every export
        key = title = summary = lang = data_date = permalink = ""
        figure = data = native = None
        caveats: tuple[str, ...] = ()
        is_demo = False
        extra: dict = {}  # noqa: RUF012

        def source_titles(self, lang: str | None = None, short: bool = False) -> list[str]:
            return []

    assert not isinstance(Partial(), Exportable)
