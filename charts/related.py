"""A related real measure beside a programme indicator: its own lines, no target, path or verdict."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from charts.theme import AREA_COLOURS, NATIONAL, base_layout
from charts.trajectory import actual_traces
from domain import NATIONAL as NATIONAL_CODE
from safe_text import plotly_text


def related_figure(actuals: pd.DataFrame, names: Mapping[str, str], lang: str, is_share: bool = True) -> go.Figure:
    """The areas' values (the whole country dashed grey), in the measure's own unit and direction."""
    fig = go.Figure()
    names = {code: plotly_text(name) for code, name in names.items()}  # trace names and hover text
    regions = [r for r in dict.fromkeys(actuals["region_code"]) if r != NATIONAL_CODE]
    if NATIONAL_CODE in set(actuals["region_code"]):
        rows = actuals[actuals["region_code"] == NATIONAL_CODE]
        actual_traces(fig, rows, names[NATIONAL_CODE], NATIONAL, lang, dash="dash")
    for i, region in enumerate(regions):
        actual_traces(fig, actuals[actuals["region_code"] == region], names[region], AREA_COLOURS[i % 8], lang)
    return base_layout(fig, lang, height=320, percent=is_share)
