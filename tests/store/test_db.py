"""The store on real DuckDB files: schema, the one write path, publishing, the public view."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from store import db, queries
from store.batch import Batch
from store.tables import LOADER_COLUMNS

VIEW_COLUMNS = [
    "indicator",
    "indicator_code",
    "region",
    "region_code",
    "period",
    "gender",
    "value",
    "source_file",
    "source_row",
    "is_demo",
]


def observation(value: float | None, period: str = "2024", region: str = "658") -> dict:
    return {
        "dataset": "sotkanet",
        "indicator": "127",
        "indicator_code": None,
        "region": region,
        "region_code": "358" if region == "658" else None,
        "period": period,
        "gender": "total",
        "value": value,
        "status": None,
        "raw": "" if value is None else str(value),
        "source_row": 2,
        "is_demo": False,
        "note": None,
    }


def batch(name: str, rows: list[dict], **tables: pd.DataFrame) -> Batch:
    return Batch(name, f"sha-{name}", "test", {"observations": pd.DataFrame(rows), **tables}, dataset="sotkanet")


def current(db_path: Path) -> pd.DataFrame:
    with db.connect_readonly(db_path) as con:
        return con.execute("SELECT * FROM observations_v ORDER BY period").df()


def test_schema_applies_twice_and_records_its_version(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path):
        pass
    with db.writer(path) as w:
        db.migrate(w.con)
        assert w.con.execute("SELECT count(*), max(version) FROM schema_version").fetchone() == (1, db.SCHEMA_VERSION)


def test_view_has_the_documented_columns(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(batch("a.csv", [observation(1.5)]))
    assert list(current(path).columns[: len(VIEW_COLUMNS)]) == VIEW_COLUMNS
    row = current(path).iloc[0]
    assert (row["source_file"], row["source_row"], row["value"]) == ("a.csv", 2, 1.5)


def test_the_same_bytes_load_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        assert w.ingest(batch("a.csv", [observation(1.0)])) is True
    with db.writer(path) as w:
        assert w.ingest(batch("a.csv", [observation(1.0)])) is False
    with db.connect_readonly(path) as con:
        assert con.execute("SELECT count(*) FROM ingests").fetchone() == (1,)


def test_a_changed_value_supersedes_and_the_old_one_stays(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(batch("old.csv", [observation(1.0, "2023"), observation(2.0, "2024")]))
    with db.writer(path) as w:
        w.ingest(batch("new.csv", [observation(1.0, "2023"), observation(2.5, "2024")]))
    now = current(path)
    assert now[["period", "value", "source_file"]].values.tolist() == [
        ["2023", 1.0, "old.csv"],
        ["2024", 2.5, "new.csv"],
    ]
    with db.connect_readonly(path) as con:
        history = con.execute(
            "SELECT value, superseded_by FROM observations WHERE period = '2024' ORDER BY value"
        ).fetchall()
    assert history == [(2.0, 2), (2.5, None)]


def test_a_batch_failing_halfway_writes_nothing_and_publishes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(batch("good.csv", [observation(1.0)]))
    live, before = db.live_file(path), queries.fingerprint(db.connect_readonly(path))
    bad_targets = pd.DataFrame({"not_a_column": [1]})  # observations insert first, then this fails
    with pytest.raises(db.BatchNotWritten, match="targets"), db.writer(path) as w:
        w.ingest(batch("bad.csv", [observation(9.0, "2030")], targets=bad_targets))
    assert db.live_file(path) == live
    with db.connect_readonly(path) as con:
        assert queries.fingerprint(con) == before
    assert not list((path.parent / f"{path.name}.versions").glob("*.tmp"))


def test_a_value_without_its_text_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(batch("good.csv", [observation(1.0)]))
    live = db.live_file(path)
    with pytest.raises(db.BatchNotWritten, match="row 2: a value without its text"), db.writer(path) as w:
        w.ingest(batch("bad.csv", [{**observation(9.0, "2030"), "raw": None}]))  # not hidden by the cleanup
    assert db.live_file(path) == live


def test_a_reader_keeps_its_version_while_a_load_publishes(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with db.writer(path) as w:
        w.ingest(batch("a.csv", [observation(1.0)]))
    reader = db.connect_readonly(path)
    old_version = db.version(path)
    with db.writer(path) as w:
        w.ingest(batch("b.csv", [observation(2.0, "2025")]))
    assert reader.execute("SELECT count(*) FROM observations_v").fetchone() == (1,)
    assert db.version(path) != old_version
    with db.connect_readonly(path) as fresh:
        assert fresh.execute("SELECT count(*) FROM observations_v").fetchone() == (2,)
    reader.close()


def test_old_versions_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    for i in range(db.KEEP_VERSIONS + 2):
        with db.writer(path) as w:
            w.ingest(batch(f"{i}.csv", [observation(float(i))]))
    kept = sorted(p.name for p in (tmp_path / "s.duckdb.versions").glob("store-*.duckdb"))
    assert len(kept) == db.KEEP_VERSIONS and db.live_file(path).name == kept[-1]


def test_a_missing_store_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(db.StoreMissing, match="make run"):
        db.connect_readonly(tmp_path / "none.duckdb")


def ordered(row: dict) -> pd.DataFrame:
    return pd.DataFrame([row])[list(LOADER_COLUMNS["source_indicators"])]


def test_a_later_file_fills_source_metadata_and_never_blanks_what_an_earlier_one_gave(tmp_path: Path) -> None:
    """The REST metadata gives titles in fi/sv/en; a portal download of the same indicator has its Finnish
    title only. Loaded in that order, the Swedish and English titles stay; the Finnish one is the newer."""
    path = tmp_path / "s.duckdb"
    meta = {"dataset": "sotkanet", "indicator": "127", "value_type": "PERCENTAGE", "decimals": 1}
    meta |= {"organization": "THL", "description_fi": None, "data_updated": None}
    with db.writer(path) as w:
        full = meta | {"title_fi": "Vanha nimi", "title_sv": "Svensk titel", "title_en": "English title"}
        w.ingest(Batch("meta.json", "sha-meta", "test", {"source_indicators": ordered(full)}))
    with db.writer(path) as w:
        portal = {"dataset": "sotkanet", "indicator": "127", "title_fi": "Uusi nimi", "title_sv": None}
        portal |= {"title_en": None, "value_type": None, "decimals": None, "organization": None}
        portal |= {"description_fi": None, "data_updated": None}
        w.ingest(Batch("portal.csv", "sha-portal", "test", {"source_indicators": ordered(portal)}))
    with db.connect_readonly(path) as con:
        row = con.execute(
            "SELECT title_fi, title_sv, title_en, value_type, decimals, ingest_id FROM source_indicators"
        ).fetchall()
    assert row == [("Uusi nimi", "Svensk titel", "English title", "PERCENTAGE", 1, 2)]
