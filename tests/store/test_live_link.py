"""A missing live link never costs published data: the writer refuses, relink restores, pruning keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.__main__ import main as loaders_main
from store import db
from tests.store.test_db import batch, observation


def versions(path: Path) -> list[str]:
    return sorted(p.name for p in (path.parent / f"{path.name}.versions").glob("store-*.duckdb"))


def observations(path: Path) -> int:
    with db.connect_readonly(path) as con:
        return con.execute("SELECT count(*) FROM observations_v").fetchone()[0]


def published_store(path: Path, loads: int = 2) -> None:
    for i in range(loads):
        with db.writer(path) as w:
            w.ingest(batch(f"{i}.csv", [observation(float(i), str(2020 + i))]))


def test_a_load_without_the_live_link_refuses_and_deletes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path)
    before = versions(path)
    path.unlink()  # the operator's mistake
    for _ in range(3):
        with pytest.raises(db.LiveLinkMissing, match="python -m loaders relink"), db.writer(path) as w:
            w.ingest(batch("late.csv", [observation(9.0, "2030")]))
    assert versions(path) == before
    assert not path.exists()


def test_a_dangling_link_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path)
    path.unlink()
    path.symlink_to("s.duckdb.versions/store-999999.duckdb")
    with pytest.raises(db.LiveLinkMissing), db.writer(path):
        pass


def test_relink_restores_the_newest_version_and_loads_continue(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path)
    newest = versions(path)[-1]
    path.unlink()
    assert loaders_main(["relink", "--db", str(path)]) == 0
    assert db.live_file(path).name == newest and observations(path) == 2
    with db.writer(path) as w:
        w.ingest(batch("late.csv", [observation(9.0, "2030")]))
    assert observations(path) == 3


def test_relink_refuses_a_live_link_that_works(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path)
    assert loaders_main(["relink", "--db", str(path)]) == 1
    assert "nothing to relink" in capsys.readouterr().err


def test_the_cli_ingest_names_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path)
    path.unlink()
    assert loaders_main(["demo", "--db", str(path), "--if-missing"]) == 1
    assert "relink" in capsys.readouterr().err
    assert len(versions(path)) == 2


def test_pruning_keeps_the_version_a_load_copied_from(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path, loads=db.KEEP_VERSIONS + 1)
    oldest = versions(path)[0]
    path.unlink()
    path.symlink_to(f"s.duckdb.versions/{oldest}")  # an operator rolled back to the oldest
    rolled_back = observations(path)
    with db.writer(path) as w:
        w.ingest(batch("late.csv", [observation(9.0, "2030")]))
    assert oldest in versions(path)
    assert observations(path) == rolled_back + 1  # built on the version the link pointed at


def test_pruning_keeps_the_newest_version_with_more_than_one_load(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    published_store(path, loads=3)
    rich = versions(path)[-1]
    folder = path.parent / "s.duckdb.versions"
    # Newer versions holding one load each, as a misconfigured writer might have published.
    for number in range(4, 4 + db.KEEP_VERSIONS):
        single = tmp_path / f"single{number}.duckdb"
        published_store(single, loads=1)
        shutil.copyfile(db.live_file(single), folder / f"store-{number:06d}.duckdb")
    path.unlink()
    path.symlink_to(f"s.duckdb.versions/store-{3 + db.KEEP_VERSIONS:06d}.duckdb")
    with db.writer(path) as w:
        w.ingest(batch("late.csv", [observation(9.0, "2030")]))
    kept = versions(path)
    assert rich in kept and len(kept) == db.KEEP_VERSIONS + 1
    with db.connect_readonly(folder / rich) as con:  # a real file path opens like the link
        assert con.execute("SELECT count(*) FROM ingests").fetchone()[0] == 3
