"""New code on an old store, and `make demo` on real data: readers refuse clearly, nothing is lost.

A store written under another schema.sql is refused by readers (its views may lack columns this
code reads) until `python -m loaders upgrade` publishes an upgraded copy. `demo --fresh` deletes a
store only when every published version holds demo loads alone.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from loaders.__main__ import main as loaders_main
from store import db
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
