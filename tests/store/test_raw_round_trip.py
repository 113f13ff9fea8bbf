"""observations.raw is stored only where it differs from the value's canonical text; observations_v.raw
rebuilds the rest. Every value of the samples, the test corpora and the bench file must read back as
the loader had it, so a DuckDB upgrade that prints numbers differently fails here, not in provenance."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from bench.ingest import generate
from config import ROOT
from loaders.ingest import Outcome, check_file, write
from store import db
from store.batch import LoadErrors

# ../shared/samples beside the checkout (/work/main), or beside the worktrees' folder (/work/wt/<name>)
_PLACES = (ROOT.parent / "shared" / "samples", ROOT.parent.parent / "shared" / "samples")
SAMPLES = next((place for place in _PLACES if place.is_dir()), _PLACES[0])
CORPORA = [ROOT / "tests" / "fixtures", ROOT / "data" / "demo", SAMPLES]
FILES = sorted(
    {path for folder in CORPORA if folder.is_dir() for path in folder.iterdir() if path.suffix in {".csv", ".json"}}
)


def _loader_rows(batch) -> list[tuple[int, str | None]]:
    """(source_row, raw) of every observation as the loader handed it to the store."""
    rows = batch.tables.get("observations")
    if rows is None:
        return []
    table = rows if isinstance(rows, pa.Table) else pa.Table.from_pandas(rows, preserve_index=False)
    return sorted(zip(table.column("source_row").to_pylist(), table.column("raw").to_pylist(), strict=True))


def _round_trip(path: Path, store: Path) -> tuple[int, int]:
    """Load one file into its own store; returns (rows, rows whose raw text was stored)."""
    try:
        batch = check_file(path)
    except LoadErrors:
        return 0, 0  # refused (e.g. a daily THL cube): no value of it is ever stored
    expected = _loader_rows(batch)
    if not expected:
        return 0, 0
    [outcome] = write([Outcome(batch.file_name, "checked", batch.rows, batch)], store)
    assert outcome.status == "loaded", outcome.errors
    with db.connect_readonly(store) as con:
        # observations, not observations_v: a file may hold a value twice (superseded rows are raw too)
        shown = con.execute(
            "SELECT o.source_row, v.raw FROM observations o JOIN ingests i USING (ingest_id)"
            " JOIN observations_v v ON v.source_file = i.file_name AND v.source_row = o.source_row"
            " WHERE i.file_name = $f ORDER BY 1",
            {"f": batch.file_name},
        ).fetchall()
        [[kept]] = con.execute("SELECT count(raw) FROM observations").fetchall()
    assert sorted(shown) == expected, path.name
    return len(expected), kept


def test_corpora_are_there() -> None:
    assert len([path for path in FILES if path.parent != SAMPLES]) >= 10, [p.name for p in FILES]
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is not here: the shared samples are checked where they are")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_value_reads_back_as_written(path: Path, tmp_path: Path) -> None:
    _round_trip(path, tmp_path / "store.duckdb")


def test_bench_file_reads_back_and_stores_few_texts(tmp_path: Path) -> None:
    """The generated 10 M-row bench file's shape at 60 000 rows: values 0.0–100 000.0 with one decimal
    and 5 % empty cells. Only the empty cells differ from their canonical text ('' vs NULL)."""
    csv = tmp_path / "sotkanet_bench.csv"
    generate(csv, 60_000)
    rows, kept = _round_trip(csv, tmp_path / "store.duckdb")
    assert rows == 60_000
    assert 0 < kept < rows * 0.1  # the empty cells' '' only


@pytest.mark.parametrize(
    ("raw", "value", "stored"),
    [("12.5", 12.5, None), ("12.50", 12.5, "12.50"), ("5351427", 5351427.0, "5351427"), ("", None, "")],
)
def test_stored_only_where_different(raw: str, value: float | None, stored: str | None, tmp_path: Path) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text(f"indicator;region;year;gender;primary value;absolute value\n127;658;2020;total;{raw};\n")
    [outcome] = write([Outcome(csv.name, "checked", 1, check_file(csv))], tmp_path / "store.duckdb")
    assert outcome.status == "loaded", outcome.errors
    with db.connect_readonly(tmp_path / "store.duckdb") as con:
        assert con.execute("SELECT value, raw FROM observations").fetchall() == [(value, stored)]
        assert con.execute("SELECT raw FROM observations_v").fetchall() == [(raw,)]


def test_migration_drops_canonical_texts_and_the_view_is_unchanged(tmp_path: Path) -> None:
    """A schema-1 store kept every text; schema 2 drops the canonical ones, and a rerun changes nothing."""
    store = tmp_path / "store.duckdb"
    csv = tmp_path / "old.csv"
    csv.write_text(
        "indicator;region;year;gender;primary value;absolute value\n127;658;2020;total;12.5;\n127;658;2021;total;7;\n"
    )
    write([Outcome(csv.name, "checked", 2, check_file(csv))], store)
    with db.writer(store) as old:  # as a schema-1 writer left it: every text stored
        old.con.execute("UPDATE observations SET raw = CAST(value AS VARCHAR) WHERE raw IS NULL")
        old.con.execute("UPDATE schema_version SET version = 1")
        old.changed = True
    view = "SELECT period, raw FROM observations_v ORDER BY period"
    with db.connect_readonly(store) as con:
        before = con.execute(view).fetchall()
    for _ in range(2):  # safe to rerun
        with db.writer(store) as again:
            again.changed = True
        with db.connect_readonly(store) as con:
            assert con.execute(view).fetchall() == before == [("2020", "12.5"), ("2021", "7")]
            assert con.execute("SELECT period, raw FROM observations ORDER BY period").fetchall() == [
                ("2020", None),
                ("2021", "7"),
            ]
            assert con.execute("SELECT version FROM schema_version").fetchall() == [(db.SCHEMA_VERSION,)]
