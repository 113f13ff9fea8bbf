"""bench/ingest_pairs.py: the same checkout on both sides loads the same rows, and each round is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import ingest_pairs
from config import ROOT


@pytest.mark.slow
def test_two_checkouts_load_the_same_file_round_by_round(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rounds = ingest_pairs.main([str(ROOT), str(ROOT), "--rounds", "2", "--rows", "3000", "--dir", str(tmp_path)])
    assert len(rounds) == 2
    assert all(side["rows"] == 3000 for done in rounds for side in done.values())
    printed = capsys.readouterr().out
    assert "median new" in printed and "of 2 faster" in printed


def test_a_folder_without_the_bench_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"no bench/ingest\.py"):
        ingest_pairs.main([str(tmp_path), str(ROOT), "--rows", "10"])
