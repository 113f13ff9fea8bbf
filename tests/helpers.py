"""Helpers the test layers share."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from config import ROOT


def run_page(page: str, **params: str) -> AppTest:
    """Run one page (path from the project root) as Streamlit's AppTest, with URL parameters."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def trace_names(at: AppTest) -> list[list[str]]:
    """Trace names of every Plotly chart on the page, chart by chart."""
    return [[trace.get("name") for trace in json.loads(chart.proto.spec)["data"]] for chart in at.get("plotly_chart")]
