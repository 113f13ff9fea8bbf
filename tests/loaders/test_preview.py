"""The dry-run preview: staged uploads keep only their base names; a batch summarised per table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from loaders.preview import listing, problem_rows, safe_name, save_uploads, summarise
from store.batch import Batch, Problem


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("hoitotakuu.csv", "hoitotakuu.csv"),
        ("C:\\Users\\tiina\\Desktop\\alue 18.xlsx", "alue 18.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("..", "upload"),
        (".hidden.csv", "hidden.csv"),
        ("rivi\nvaihto.csv", "rivivaihto.csv"),
    ],
)
def test_an_upload_keeps_only_its_base_name(sent: str, kept: str) -> None:
    assert safe_name(sent) == kept


def test_uploads_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    paths = save_uploads([("a.csv", b"1"), ("x/a.csv", b"2")], tmp_path)
    assert [p.name for p in paths] == ["a.csv", "2-a.csv"]
    assert [p.read_bytes() for p in paths] == [b"1", b"2"]
    assert all(p.parent == tmp_path for p in paths)


def test_summary_lists_indicators_regions_and_periods_across_tables() -> None:
    observations = pd.DataFrame(
        {"indicator": ["127", "127", "5513"], "region": ["658", "18", "658"], "period": ["2024", "2023", "2024"]}
    )
    targets = pa.table({"indicator_code": ["remote_contact_share"], "region_code": ["358"], "period": ["2025Q4"]})
    batch = Batch("f.csv", "sha", "test", {"observations": observations, "targets": targets})
    assert summarise(batch) == {
        "rows": 4,
        "tables": {"observations": 3, "targets": 1},
        "indicators": ["127", "5513", "remote_contact_share"],
        "regions": ["18", "358", "658"],
        "periods": ["2023", "2024", "2025Q4"],
    }


def test_listing_shortens_long_lists() -> None:
    assert listing(["a", "b"]) == "a, b"
    assert listing([str(i) for i in range(10)], limit=3) == "0, 1, 2 … (+7)"


def test_problem_rows_stop_at_the_limit_and_count_the_rest() -> None:
    problems = [Problem("f.csv", row, "value", "number", "x") for row in range(2, 30)]
    rows, more = problem_rows(problems, limit=20)
    assert len(rows) == 20 and more == 8
    assert rows[0] == {"file": "f.csv", "row": 2, "column": "value", "expected": "a number", "found": "x"}
