"""Loader test fixtures: a fresh store in tmp_path, the real samples, and helpers for broken copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from config import ROOT
from store import db, queries

FIXTURES = ROOT / "tests" / "fixtures"
SOTKANET_CSV = FIXTURES / "sotkanet_rest_csv_ind127_2009_total.csv"
SOTKANET_JSON = FIXTURES / "sotkanet_rest_json_ind5513_2023_trimmed.json"
REGIONS_2025 = FIXTURES / "sotkanet_rest_regions_2025_trimmed.json"
REGIONS_2016 = FIXTURES / "sotkanet_rest_regions_2016_full.json"
INDICATORS_2025 = FIXTURES / "sotkanet_rest_indicator_metadata_6ind_2025_wrapped.json"
THL_PIVOT = FIXTURES / "thl_pivot_csv_epirapo_covid19case_shp_by_day_2020.csv"
JSONSTAT = FIXTURES / "fact_constructed_access.json"


@pytest.fixture
def store(reference_store: Path, tmp_path: Path) -> Path:
    """A private published store holding only the reference data: a copy of tests/conftest.py's reference_store
    folder (the live link is relative to it, so the copy's link points at the copy's own version file)."""
    folder = shutil.copytree(reference_store.parent, tmp_path / "store", symlinks=True)
    path = folder / reference_store.name
    assert db.live_file(path).is_relative_to(folder)
    return path


def snapshot(path: Path) -> tuple[Path | None, dict[str, str]]:
    """What must not change after a refused load: the live file and every table's contents."""
    with db.connect_readonly(path) as con:
        return db.live_file(path), queries.fingerprint(con)


def rows_of(path: Path, sql: str, params: dict | None = None) -> list[tuple]:
    with db.connect_readonly(path) as con:
        return con.execute(sql, params or {}).fetchall()


def replace_line(src: Path, dst: Path, line: int, new: str | None) -> Path:
    """A copy of src with one line (1-based) replaced, or removed when new is None; line ends kept."""
    lines = src.read_bytes().splitlines(keepends=True)
    ending = b"\r\n" if lines[0].endswith(b"\r\n") else b"\n"
    if new is None:
        del lines[line - 1]
    else:
        lines[line - 1] = new.encode() + ending
    dst.write_bytes(b"".join(lines))
    return dst
