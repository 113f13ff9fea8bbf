"""The seam between views and exporters: every chart a view builds has everything the writers read."""

from __future__ import annotations

from pathlib import Path

from exports.exportable import Exportable
from store.db import connect_readonly
from store.reader import Reader
from views.chart_export import ChartExport
from views.pages import PAGES
from views.registry import build


def test_every_chart_of_every_page_is_an_exportable(demo_db: Path) -> None:
    with connect_readonly(demo_db) as con:
        data = Reader(con)
        charts = [chart for spec in PAGES if spec.build for chart in build(f"{spec.url_path}?lang=sv", data)]
    assert len({chart.key for chart in charts}) >= 10
    assert [chart.key for chart in charts if not isinstance(chart, Exportable)] == []


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
    assert all(hasattr(ChartExport, name) for name in ("source_line", "view_text", "view_url"))
