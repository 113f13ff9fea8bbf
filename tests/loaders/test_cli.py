"""python -m loaders as a subprocess: exit codes, errors on stderr, independent files, dry runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from config import ROOT
from tests.loaders.conftest import SOTKANET_CSV, SOTKANET_JSON, replace_line, rows_of, snapshot


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


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
