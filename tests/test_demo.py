"""The demo store: reproducible, flagged, and carrying the documents' facts with their sources."""

from __future__ import annotations

from pathlib import Path

from loaders.demo import build_demo
from store import db, queries
from tests.conftest import DEMO_DIR
from tools import demo_series


def test_building_twice_gives_the_same_contents(demo_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.duckdb"
    build_demo(again, DEMO_DIR)
    with db.connect_readonly(demo_db) as first, db.connect_readonly(again) as second:
        assert queries.fingerprint(first, with_load_times=False) == queries.fingerprint(second, with_load_times=False)


def test_building_again_on_the_same_store_is_a_no_op(demo_copy: Path) -> None:
    outcomes = build_demo(demo_copy, DEMO_DIR)
    assert {o.status for o in outcomes} == {"already loaded"}


def test_generated_series_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    demo_series.write(tmp_path / "series.csv")
    assert (tmp_path / "series.csv").read_bytes() == (DEMO_DIR / "generated_series.csv").read_bytes()


def test_document_facts_keep_their_source(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        actual = con.execute(
            "SELECT value, is_demo, source_file, note FROM observations_v"
            " WHERE indicator_code = 'care_guarantee_7day_share' AND region_code = '358' AND period = '2025-03'"
        ).fetchone()
        remote_targets = con.execute(
            "SELECT value, source_doc FROM targets WHERE indicator_code = 'remote_contact_share'"
            " AND kind = 'target' AND region_code = '358' ORDER BY value, source_doc"
        ).fetchall()
    assert actual[:3] == (81.0, False, "actuals_documents.csv")
    assert "000_1000f12d482e814f.txt" in actual[3] and "YTHS" in actual[3]
    # Conflicting targets are both kept, each with its document.
    assert remote_targets == [
        (35.0, "000_1000f12d482e814f.txt"),
        (35.0, "002_acc8a2419448e594.txt"),
        (45.0, "000_1000f12d482e814f.txt"),
    ]


def test_generated_rows_are_flagged_and_real_ones_are_not(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        flags = dict(con.execute("SELECT source_file, bool_and(is_demo) FROM observations_v GROUP BY 1").fetchall())
    assert flags["generated_series.csv"] is True
    assert flags["actuals_documents.csv"] is False
