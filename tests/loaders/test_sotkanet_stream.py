"""A large Sotkanet CSV read in batches (loaders/sotkanet_stream.py): the same rows as the whole-file
parser, and all-or-nothing: a problem in any batch refuses the file, lists every problem as the
whole-file parser does, and leaves the store as it was. Small batches stand in for a large file."""

from __future__ import annotations

import hashlib
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
    """While every byte read so far is ASCII (seen as the file is hashed), a batch skips the per-cell
    check; from the first other byte on, batches are checked cell by cell, as before."""
    lines = csv.read_text().splitlines(keepends=True)
    lines[38_000] = lines[38_000].replace("total", cell, 1).replace("male", cell, 1)
    odd = tmp_path / "odd.csv"
    odd.write_text("".join(lines), encoding="utf-8")
    store = tmp_path / "store.duckdb"
    outcome = _load(sotkanet_stream.streamed_batch(odd, batch_bytes=BATCH), store)
    assert outcome.status == "refused" and outcome.errors.problems
    assert not store.exists() or _stored(store) == []


def test_the_file_is_hashed_as_it_is_read(csv: Path, tmp_path: Path) -> None:
    """The digest of a streamed file comes from its pass, and covers every byte, also those after a
    broken row where parsing stopped."""
    batch = sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH)
    with pytest.raises(RuntimeError, match="before a pass"):
        batch.file_sha256()
    checked = check_file_streamed(batch)
    assert checked.sha256 == checked.file_sha256() == hashlib.sha256(csv.read_bytes()).hexdigest()
    broken = tmp_path / "broken.csv"
    lines = csv.read_text().splitlines(keepends=True)
    lines[20_000] = "127;658;2020\n"  # too few cells: refused
    broken.write_text("".join(lines))
    stream = sotkanet_stream.streamed_batch(broken, batch_bytes=BATCH).tables["observations"]
    for _ in stream.reader():
        pass
    assert stream.sha256() == hashlib.sha256(broken.read_bytes()).hexdigest()
    with pytest.raises(LoadErrors):
        stream.finish()


def test_the_same_large_file_again_is_already_loaded_and_changes_nothing(csv: Path, tmp_path: Path) -> None:
    """Its bytes are known only after its rows went in: they are rolled back, and nothing is published."""
    store = tmp_path / "store.duckdb"
    assert _load(sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH), store).status == "loaded"
    published = db.live_file(store)
    before = _stored(store)
    again = _load(sotkanet_stream.streamed_batch(csv, batch_bytes=BATCH), store)
    assert (again.status, again.replaced) == ("already loaded", {})
    assert db.live_file(store) == published
    assert _stored(store) == before
    with db.connect_readonly(store) as con:
        assert con.execute("SELECT count(*), sum(rows) FROM ingests WHERE format = 'sotkanet_csv'").fetchall() == [
            (1, 40_000)
        ]


def check_file_streamed(batch):
    from loaders.ingest import _read_through

    return _read_through(batch)


def test_values_of_every_shape_are_stored_as_the_whole_file_parser_stores_them(csv: Path, tmp_path: Path) -> None:
    """A streamed row drops the texts SURELY_CANONICAL matches itself; the store decides the rest. Both
    ways, observations.raw (what is kept) and observations_v.raw (what is shown) match the whole-file load."""
    shapes = ["81.5", "81.50", "081.5", "81", "1e3", "1.5E-7", "0.0001", "0.00001", "-2.5", "-0.0", "0.0", "+4.5"]
    shapes += ["12345678901234.5", "123456789012345.6", "0.1", "7.0", "100.00", ""]
    lines = csv.read_text().splitlines(keepends=True)
    for number, line in enumerate(lines[1:], start=1):
        cells = line.split(";")
        lines[number] = ";".join([*cells[:4], shapes[number % len(shapes)], *cells[5:]])
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("".join(lines))
    assert _load(sotkanet_stream.streamed_batch(mixed, batch_bytes=BATCH), tmp_path / "streamed.duckdb").rows
    assert _load(check_file(mixed), tmp_path / "whole.duckdb").rows
    kept = "SELECT o.source_row, o.raw FROM observations o ORDER BY 1"
    with (
        db.connect_readonly(tmp_path / "streamed.duckdb") as streamed,
        db.connect_readonly(tmp_path / "whole.duckdb") as whole,
    ):
        assert streamed.execute(kept).fetchall() == whole.execute(kept).fetchall()
    shown = _stored(tmp_path / "streamed.duckdb")
    assert shown == _stored(tmp_path / "whole.duckdb")
    assert {row[5] for row in shown} == set(shapes)  # every text reads back as written


def test_bytes_that_are_not_utf8_in_a_late_batch_refuse_the_file(csv: Path, tmp_path: Path) -> None:
    lines = csv.read_bytes().splitlines(keepends=True)
    lines[38_000] = lines[38_000].replace(b"total", b"t\xf6tal", 1).replace(b"male", b"m\xe4le", 1)  # Latin-1
    odd = tmp_path / "latin1.csv"
    odd.write_bytes(b"".join(lines))
    store = tmp_path / "store.duckdb"
    outcome = _load(sotkanet_stream.streamed_batch(odd, batch_bytes=BATCH), store)
    assert outcome.status == "refused" and outcome.errors.problems
    assert not store.exists() or _stored(store) == []
