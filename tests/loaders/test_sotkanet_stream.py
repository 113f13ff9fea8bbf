"""A large Sotkanet CSV read in batches (loaders/sotkanet_stream.py): the same rows as the whole-file
parser, and all-or-nothing: a problem in any batch refuses the file, lists every problem as the
whole-file parser does, and leaves the store as it was. Small batches stand in for a large file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.ingest import generate
from loaders import sotkanet_csv, sotkanet_stream
from loaders.ingest import Outcome, check_file, write
from store import db
from store.batch import LoadErrors

BATCH = 64 << 10  # bytes: ~2 500 rows a batch


def _load(batch, store: Path) -> Outcome:
    [outcome] = write([Outcome(batch.file_name, "checked", batch.rows, batch)], store)
    return outcome


def _stored(store: Path) -> list[tuple]:
    with db.connect_readonly(store) as con:
        return con.execute(
            "SELECT indicator, region, period, gender, value, raw, source_row, indicator_code, region_code"
            " FROM observations_v ORDER BY source_row"
        ).fetchall()


@pytest.fixture(scope="module")
def csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "sotkanet.csv"
    generate(path, 40_000)
    return path


def test_streamed_rows_are_the_whole_file_rows(csv: Path, tmp_path: Path) -> None:
    streamed = sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH)
    outcome = _load(streamed, tmp_path / "streamed.duckdb")
    assert (outcome.status, outcome.rows) == ("loaded", 40_000)
    whole = check_file(csv)  # below STREAM_FROM: parsed whole
    assert not hasattr(whole.tables["observations"], "reader")
    _load(whole, tmp_path / "whole.duckdb")
    assert _stored(tmp_path / "streamed.duckdb") == _stored(tmp_path / "whole.duckdb")
    with db.connect_readonly(tmp_path / "streamed.duckdb") as con:
        assert con.execute("SELECT rows FROM ingests WHERE format = 'sotkanet_csv'").fetchall() == [(40_000,)]


def test_streamed_twice_supersedes_like_the_whole_file(csv: Path, tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    _load(sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH), store)
    changed = tmp_path / "changed.csv"
    lines = csv.read_text().splitlines(keepends=True)
    cells = lines[30_000].split(";")
    lines[30_000] = ";".join([*cells[:4], "12.25", *cells[5:]])
    changed.write_text("".join(lines))
    outcome = _load(sotkanet_stream.streamed_batch(changed, batch_bytes=BATCH), store)
    assert outcome.status == "loaded"
    assert outcome.replaced == {csv.name: 1}
    with db.connect_readonly(store) as con:
        assert con.execute("SELECT count(*) FROM observations_v").fetchone()[0] == 40_000
        assert con.execute("SELECT raw FROM observations_v WHERE source_row = 30001").fetchall() == [("12.25",)]
        # the second load found every series stored: no series twice (store/observation_sql.py SERIES_IDS)
        [[series, keys]] = con.execute(
            "SELECT (SELECT count(*) FROM series), count(DISTINCT (indicator, region, gender)) FROM observations_v"
        ).fetchall()
        assert series == keys > 1_000


def _broken(csv: Path, tmp_path: Path) -> Path:
    """A bad cell and a repeated key in the last batches, far from the first."""
    lines = csv.read_text().splitlines(keepends=True)
    lines[35_000] = lines[35_000].replace("total", "every", 1).replace("male", "every", 1)
    lines[39_000] = lines[100]  # the key of line 101, again
    broken = tmp_path / "broken.csv"
    broken.write_text("".join(lines))
    return broken


def test_a_problem_in_a_late_batch_refuses_the_file_and_writes_nothing(csv: Path, tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    _load(sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH), store)
    before = _stored(store), db.live_file(store)
    broken = _broken(csv, tmp_path)
    outcome = _load(sotkanet_stream.streamed_batch(broken, batch_bytes=BATCH), store)
    assert outcome.status == "refused"
    with pytest.raises(LoadErrors) as whole:
        sotkanet_csv.parse(broken, broken.read_bytes())
    assert [str(p) for p in outcome.errors.problems] == [str(p) for p in whole.value.problems]
    assert {p.key for p in outcome.errors.problems} >= {"gender", "unique_key"}
    assert (_stored(store), db.live_file(store)) == before


def test_checking_alone_reads_every_batch_and_keeps_no_rows(csv: Path, tmp_path: Path) -> None:
    checked = sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH)
    for _ in checked.tables["observations"].reader():
        pass
    checked.tables["observations"].finish()
    assert checked.rows == 40_000
    with pytest.raises(LoadErrors):
        stream = sotkanet_stream.streamed_batch(_broken(csv, tmp_path), batch_bytes=BATCH).tables["observations"]
        for _ in stream.reader():
            pass
        stream.finish()


@pytest.mark.parametrize("cell", ["tötal", "\u0661\u0662\u0667"])  # a letter, Arabic-Indic digits
def test_non_ascii_text_in_a_late_batch_refuses_the_file(csv: Path, tmp_path: Path, cell: str) -> None:
    """An all-ASCII file skips the per-cell check (its bytes were checked while hashing); any other is
    checked cell by cell, as before."""
    lines = csv.read_text().splitlines(keepends=True)
    lines[38_000] = lines[38_000].replace("total", cell, 1).replace("male", cell, 1)
    odd = tmp_path / "odd.csv"
    odd.write_text("".join(lines), encoding="utf-8")
    assert sotkanet_stream.file_sha256(csv)[1] and not sotkanet_stream.file_sha256(odd)[1]
    store = tmp_path / "store.duckdb"
    outcome = _load(sotkanet_stream.streamed_batch(odd, batch_bytes=BATCH), store)
    assert outcome.status == "refused" and outcome.errors.problems
    assert not store.exists() or _stored(store) == []
