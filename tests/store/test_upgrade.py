"""New code on an old store, and `make demo` on real data: readers refuse clearly, nothing is lost.

A store written under another schema.sql is refused by readers (its views may lack columns this
code reads) until `python -m loaders upgrade` publishes an upgraded copy. `demo --fresh` deletes a
store only when every published version holds demo loads alone.
"""

from __future__ import annotations

import gzip
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from config import ROOT
from loaders.__main__ import main as loaders_main
from loaders.ingest import ingest_files
from store import db
from store.tables import SERIES_COLUMNS
from tests.helpers import run_page
from tests.store.test_db import batch, observation
from tests.store.test_live_link import observations, versions


def old_store(path: Path) -> None:
    """A store as the code before fingerprints left it: no fingerprint, a view without a newer column."""
    for i in range(2):
        with db.writer(path) as w:
            w.ingest(batch(f"{i}.csv", [observation(float(i), str(2020 + i))]))
    with duckdb.connect(str(path.resolve())) as con:
        con.execute("DROP TABLE schema_fingerprint")
        con.execute("CREATE OR REPLACE VIEW observations_v AS SELECT ingest_id, value FROM observations")


# Real stores of earlier schemas, each as main then wrote it: see tests/fixtures/README.md. Schema 2 kept
# every observation's texts on its row; schema 3 kept the texts once per series, the demo flag and note
# still on each row.
OLD_STORES = {
    2: ROOT / "tests" / "fixtures" / "store_v2.duckdb.gz",
    3: ROOT / "tests" / "fixtures" / "store_v3.duckdb.gz",
}
# Every stored observation, current or superseded, with its texts, flag and note, in each schema's tables.
HISTORY = (
    "SELECT ingest_id, dataset, indicator, indicator_code, region, region_code, period, gender, value, status,"
    " raw, source_row, is_demo, note, superseded_by FROM {rows} ORDER BY ALL"
)
ROWS = {2: "observations", 3: "observations JOIN series USING (series_id)"}


def published(path: Path, schema: int) -> Path:
    """The fixture of that schema published as the live store at `path`; its versioned file."""
    real = path.parent / f"{path.name}.versions" / "store-000001.duckdb"
    real.parent.mkdir()
    with gzip.open(OLD_STORES[schema]) as packed, open(real, "wb") as out:
        shutil.copyfileobj(packed, out)
    path.symlink_to(real.relative_to(path.parent))
    return real


@pytest.mark.parametrize("schema", sorted(OLD_STORES))
def test_a_real_older_store_upgrades_with_every_value_as_it_was(tmp_path: Path, schema: int) -> None:
    path = tmp_path / "s.duckdb"
    real = published(path, schema)
    view = "SELECT * FROM observations_v ORDER BY ALL"
    with duckdb.connect(str(real), read_only=True) as con:  # as that schema's own view shows it
        assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(schema,)]
        columns = con.execute("DESCRIBE observations_v").fetchall()
        before, history = con.execute(view).fetchall(), con.execute(HISTORY.format(rows=ROWS[schema])).fetchall()
    assert len(before) == 488 and sum(row[-1] is not None for row in history) == 3  # 3 values superseded

    assert db.upgrade(path) is True
    assert versions(path) == ["store-000001.duckdb", "store-000002.duckdb"]  # the older file is kept
    with db.connect_readonly(path) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(db.SCHEMA_VERSION,)]
        assert con.execute("DESCRIBE observations_v").fetchall() == columns
        assert con.execute(view).fetchall() == before
        stored = "observations JOIN series USING (series_id)"
        assert con.execute(HISTORY.format(rows=stored)).fetchall() == history
        [[series, distinct]] = con.execute(
            f"SELECT count(*), count(DISTINCT ({', '.join(SERIES_COLUMNS)})) FROM series"
        ).fetchall()
        tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert series == distinct  # each series once
    assert not {"observations_v2", "observations_v3", "series_v3"} & tables  # nothing set aside is left

    # Loads go on as before: the same bytes are a no-op, a changed value supersedes the current one.
    assert db.upgrade(path) is False
    extract = tmp_path / "sotkanet_ind127_2009_newest.csv"
    extract.write_text("indicator;region;year;gender;primary value;absolute value\n127;69;2009;total;2500;\n")
    same = ROOT / "tests" / "fixtures" / "sotkanet_rest_csv_ind127_2009_total.csv"
    [again, newest] = ingest_files([same, extract], path)
    assert (again.status, newest.status) == ("already loaded", "loaded")
    assert newest.replaced == {"sotkanet_ind127_2009_newer.csv": 1}
    with db.connect_readonly(path) as con:
        assert con.execute("SELECT count(*) FROM observations_v").fetchall() == [(488,)]
        assert con.execute("SELECT value FROM observations_v WHERE region = '69'").fetchall() == [(2500.0,)]


def test_readers_refuse_an_old_store_until_upgrade_publishes_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    old_store(path)
    before = versions(path)
    with pytest.raises(db.StoreOutdated, match="python -m loaders upgrade"):
        db.connect_readonly(path)
    with pytest.raises(db.StoreOutdated):
        db.connect_version(db.version(path))

    assert db.upgrade(path) is True
    after = versions(path)
    assert len(after) == len(before) + 1 and set(before) <= set(after)  # the old version is kept
    assert observations(path) == 2  # the upgraded view answers, with every row
    with db.connect_readonly(path) as con:
        assert "source_doc" in {row[0] for row in con.execute("DESCRIBE observations_v").fetchall()}

    assert db.upgrade(path) is False  # up to date: nothing published
    assert versions(path) == after


def test_the_upgrade_command_says_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.duckdb"
    old_store(path)
    assert loaders_main(["upgrade", "--db", str(path)]) == 0
    assert "upgraded, now store-000003.duckdb" in capsys.readouterr().out
    assert loaders_main(["upgrade", "--db", str(path)]) == 0
    assert "already up to date" in capsys.readouterr().out
    assert loaders_main(["upgrade", "--db", str(tmp_path / "none.duckdb")]) == 1  # no store: refused


def test_a_load_on_an_old_store_publishes_the_upgrade_too(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    old_store(path)
    with db.writer(path) as w:
        assert not w.ingest(batch("0.csv", [observation(0.0, "2020")]))  # the same bytes: nothing new
    assert observations(path) == 2  # readable: the copy was published for its upgrade alone


def test_the_app_tells_the_administrator_what_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.duckdb"
    old_store(path)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    at = run_page("app.py")
    assert not at.exception
    [error] = at.error
    assert "python -m loaders upgrade" in error.value and "aiemmalla versiolla" in error.value


def real_and_demo_store(path: Path) -> None:
    with db.writer(path) as w:
        w.ingest(replace(batch("demo.csv", [observation(1.0, "2020")]), is_demo=True))
    with db.writer(path) as w:
        w.ingest(batch("real.csv", [observation(2.0, "2021")]))


def test_make_demo_never_deletes_a_store_with_real_loads(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "s.duckdb"
    real_and_demo_store(path)
    before = versions(path)
    assert loaders_main(["demo", "--fresh", "--db", str(path)]) == 1
    assert "holds 1 load(s) of real data: nothing was deleted" in capsys.readouterr().err
    assert versions(path) == before and observations(path) == 2


def test_a_demo_only_store_is_deleted_for_a_fresh_start(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(replace(batch("demo.csv", [observation(1.0, "2020")]), is_demo=True))
    db.delete_demo_store(path)
    assert not path.is_symlink() and not (tmp_path / "s.duckdb.versions").exists()
