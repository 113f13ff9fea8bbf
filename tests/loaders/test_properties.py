"""Mutated CSV and JSON never crash a loader: the result is a clean load or a list of located errors."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import formats
from store.batch import Batch, LoadErrors
from store.tables import LOADER_COLUMNS
from tests.loaders.conftest import JSONSTAT, REGIONS_2025, SOTKANET_CSV, SOTKANET_JSON

SOURCES = [
    SOTKANET_CSV.read_bytes()[:2000].rsplit(b"\n", 1)[0] + b"\n",  # whole lines: unmutated, it loads
    SOTKANET_JSON.read_bytes(),
    REGIONS_2025.read_bytes(),
    JSONSTAT.read_bytes(),
]
NAMES = ["s.csv", "s.json", "regions.json", "fact_constructed_access.json"]
SPECIAL = [
    b";",
    b",",
    b"\r\n",
    b"\n",
    b"",
    b'"',
    b"..",
    b"-",
    b"x",
    b"1,5",
    b"{",
    b"]",
    b"null",
    b"\xff",
    b"9999",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    which = draw(st.integers(0, len(SOURCES) - 1))
    data = bytearray(SOURCES[which])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 8))
        data[at : at + cut] = draw(st.sampled_from(SPECIAL) | st.binary(max_size=4))
    return NAMES[which], bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_load_or_list_errors(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            batch = formats.parse(path)
        except LoadErrors as refused:
            assert refused.problems and all(p.file == name for p in refused.problems)
            assert refused.report().startswith(f"Ingest refused: {name}")
        else:
            # What the store would receive: rows, named after this file and its bytes, in the store's columns.
            assert isinstance(batch, Batch) and batch.rows > 0
            assert batch.file_name == name and batch.sha256 == hashlib.sha256(data).hexdigest()
            for table, rows in batch.tables.items():
                assert (
                    tuple(rows.column_names if hasattr(rows, "column_names") else rows.columns) == LOADER_COLUMNS[table]
                )
