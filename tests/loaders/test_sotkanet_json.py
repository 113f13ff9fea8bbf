"""Sotkanet REST JSON on the real (trimmed) response for indicator 5513, 2023."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import formats
from store.batch import LoadErrors
from tests.loaders.conftest import SOTKANET_JSON


def test_reads_items_with_values_and_positions() -> None:
    batch = formats.parse(SOTKANET_JSON)
    rows = batch.tables["observations"].to_pylist()
    assert (batch.format, len(rows)) == ("sotkanet_json", 5)
    helsinki = next(row for row in rows if row["region"] == "46")
    assert (helsinki["indicator"], helsinki["period"], helsinki["gender"], helsinki["value"]) == (
        "5513",
        "2023",
        "total",
        12.9,
    )
    assert (helsinki["source_row"], helsinki["raw"]) == (3, "12.9")
    assert [row["raw"] for row in rows][:2] == ["11.6", "13.0"]  # as written, not reformatted


def test_null_value_is_null(tmp_path: Path) -> None:
    items = json.loads(SOTKANET_JSON.read_text())
    items[1]["value"] = None
    path = tmp_path / "null.json"
    path.write_text(json.dumps(items))
    rows = formats.parse(path).tables["observations"].to_pylist()
    assert (rows[1]["value"], rows[1]["raw"]) == (None, "")


def test_a_string_value_is_located_by_json_path(tmp_path: Path) -> None:
    items = json.loads(SOTKANET_JSON.read_text())
    items[3]["value"] = "12,7"
    path = tmp_path / "string.json"
    path.write_text(json.dumps(items))
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.found) == (4, "$[3].value", "12,7")
