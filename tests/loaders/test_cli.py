"""python -m loaders: exit codes, errors on stderr, independent files, dry runs.

In-process through loaders.__main__.main(argv); one smoke test runs the real `python -m loaders`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.__main__ import main
from tests.helpers import Ran, run_main, run_module
from tests.loaders.conftest import SOTKANET_CSV, SOTKANET_JSON, replace_line, rows_of, snapshot


def cli(*args: str) -> Ran:
    return run_main(main, *args)


@pytest.mark.slow
def test_python_m_loaders_runs_as_a_process(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    bad = replace_line(SOTKANET_CSV, tmp_path / "bad.csv", 14, "127;69;2009;total;x;")
    run = run_module("loaders", "ingest", str(SOTKANET_JSON), str(bad), "--db", str(db))
    assert run.returncode == 1 and f"{SOTKANET_JSON.name}: loaded, 5 rows" in run.stdout
    assert "bad.csv:14:primary value" in run.stderr and "Traceback" not in run.stderr


def test_good_files_load_and_again_are_already_loaded(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = cli("ingest", str(SOTKANET_CSV), str(SOTKANET_JSON), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert f"{SOTKANET_CSV.name}: loaded, 466 rows" in first.stdout
    assert "… and 445 more warnings" in first.stderr
    again = cli("ingest", str(SOTKANET_CSV), "--db", str(db))
    assert again.returncode == 0 and "already loaded" in again.stdout


def test_a_bad_file_exits_1_and_the_good_one_still_loads(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    bad = replace_line(SOTKANET_CSV, tmp_path / "bad.csv", 14, "127;69;2009;total;x;")
    result = cli("ingest", str(bad), str(SOTKANET_JSON), "--db", str(db))
    assert result.returncode == 1
    assert "bad.csv:14:primary value — expected a number, found 'x'" in result.stderr
    assert rows_of(db, "SELECT count(*) FROM observations_v WHERE dataset = 'sotkanet'") == [(5,)]


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    cli("ingest", str(SOTKANET_JSON), "--db", str(db))
    before = snapshot(db)
    result = cli("ingest", str(SOTKANET_CSV), "--db", str(db), "--dry-run")
    assert result.returncode == 0 and "checked, 466 rows" in result.stdout
    assert snapshot(db) == before
