"""Selaa browses a weekly THL cube loaded without a mapping row (issue 15): weeks shown as weeks."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.ingest import ingest_files
from tests.helpers import run_page
from tests.loaders.test_any_file import WEEKLY


def test_selaa_draws_a_weekly_cube_per_area_without_aggregating(app_env: Path) -> None:
    [outcome] = ingest_files([WEEKLY], app_env)
    assert outcome.status == "loaded"
    at = run_page("pages/browse.py", q="Fall per 100", areas="17,358")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {trace["name"] for trace in spec["data"]}
    assert {"Pohjanmaa", "Koko maa"} <= names
    summary = next(c.value for c in at.caption if "Fall per 100" in c.value)
    assert "vk 11/2020" in summary and "vk 12/2020" in summary  # two weeks, not one year
