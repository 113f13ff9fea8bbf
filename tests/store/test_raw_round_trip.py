"""observations.raw is stored only where it differs from the value's canonical text; observations_v.raw
rebuilds the rest. Every value of the samples, the test corpora and the bench file must read back as
the loader had it, so a DuckDB upgrade that prints numbers differently fails here, not in provenance."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.ingest import generate
from config import ROOT
from loaders.ingest import Outcome, check_file, write
from store import db
from store.batch import LoadErrors
from store.observation_sql import CANONICAL_RAW, SURELY_CANONICAL, SURELY_CANONICAL_BYTES

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


# store.observation_sql.SURELY_CANONICAL: a streamed loader drops a text it matches, trusting that DuckDB
# prints the value back the same. Held to that here, for texts of every shape the pattern allows.
_DIGITS = st.text("0123456789", min_size=0, max_size=15)


def _surely_canonical(text: str) -> bool:
    return len(text.encode()) <= SURELY_CANONICAL_BYTES and re.fullmatch(SURELY_CANONICAL, text) is not None


@pytest.fixture(scope="module")
def memory() -> Iterator[duckdb.DuckDBPyConnection]:
    """In memory, shared by the examples: a connection each took most of their time."""
    con = duckdb.connect()
    yield con
    con.close()


def _printed(con: duckdb.DuckDBPyConnection, texts: list[str]) -> list[str]:
    """DuckDB's canonical text of each text's value, as observations_v.raw rebuilds it."""
    con.register("t", pa.table({"text": pa.array(texts, pa.string())}))
    printed = con.execute(f"SELECT {CANONICAL_RAW} FROM (SELECT CAST(text AS DOUBLE) AS value FROM t)").fetchall()
    con.unregister("t")
    return [text for (text,) in printed]


@settings(max_examples=300, deadline=None)
@given(sign=st.sampled_from(["", "-"]), whole=_DIGITS, fraction=_DIGITS, zeros=st.integers(0, 5))
def test_a_text_the_pattern_calls_canonical_is_printed_back_the_same(
    memory: duckdb.DuckDBPyConnection, sign: str, whole: str, fraction: str, zeros: int
) -> None:
    texts = [f"{sign}{whole}.{fraction}", f"{sign}0.{'0' * zeros}{fraction}", f"{sign}{whole}.0"]
    surely = [text for text in texts if _surely_canonical(text)]
    assert _printed(memory, surely) == surely


def test_the_pattern_at_its_edges(memory: duckdb.DuckDBPyConnection) -> None:
    edges = ["0.0001", "-0.0001", "0.00012345678901", "99999999999999.9", "12345678901234.5", "1.0", "81.5", "0.5"]
    assert all(_surely_canonical(text) for text in edges)
    assert _printed(memory, edges) == edges
    # What DuckDB prints otherwise, or a text that is not its value's shortest: never dropped.
    for text in ["0.00001", "0.0", "-0.0", "81.50", "081.5", "81", "1e5", "+81.5", "81.", ".5", "999999999999999.9"]:
        assert not _surely_canonical(text), text


@pytest.mark.slow
def test_random_decimals_the_pattern_calls_canonical_are_printed_back_the_same(
    memory: duckdb.DuckDBPyConnection,
) -> None:
    """200 000 random decimals of 1-15 digits at every scale (half of them zero-heavy), in one DuckDB query
    (10 M were checked the same way when the pattern was written, with none printed otherwise)."""
    rng = np.random.default_rng(7)
    digits = rng.integers(0, 10, (200_000, 15)).astype("U1")
    digits[::2][rng.random((100_000, 15)) < 0.7] = "0"
    whole, cut = rng.integers(0, 15, 200_000), rng.integers(1, 16, 200_000)
    texts = [
        ("-" if i % 10 == 0 else "") + ("".join(row[:w]) or "0") + "." + "".join(row[w:c])
        for i, (row, w, c) in enumerate(zip(digits, whole, np.maximum(whole + 1, cut), strict=True))
    ]
    surely = [text for text in texts if _surely_canonical(text)]
    assert len(surely) > 40_000
    printed = _printed(memory, surely)
    assert [t for t, p in zip(surely, printed, strict=True) if t != p] == []
