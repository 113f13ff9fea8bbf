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


def test_generated_series_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    demo_series.write(tmp_path / "series.csv", tmp_path / "later.csv")
    assert (tmp_path / "series.csv").read_bytes() == (DEMO_DIR / "generated_series.csv").read_bytes()
    assert (tmp_path / "later.csv").read_bytes() == (DEMO_DIR / "generated_series_2026.csv").read_bytes()


def test_as_of_a_past_day_the_demo_shows_what_was_loaded_then(demo_db: Path) -> None:
    """The demo's simulated load dates: the later quarters and the revision arrive on 16.11.2026."""
    from datetime import date

    from store.reader import Reader

    indicator, area, period, change = demo_series.REVISED
    with db.connect_readonly(demo_db) as con:
        then, now = Reader(con, as_of=date(2025, 12, 31)), Reader(con)
        before, after = then.series(indicator, (area,)), now.series(indicator, (area,))
    assert max(before["period"]) == "2025Q2" and max(after["period"]) == "2026Q3"
    old = before.loc[before["period"] == period, "value"].item()
    assert after.loc[after["period"] == period, "value"].item() == round(old + change, 1)  # the revision
    assert before.loc[before["period"] == period, "source_file"].item() == "generated_series.csv"


def test_document_facts_keep_their_source(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        actual = con.execute(
            "SELECT value, is_demo, source_file, source_doc, note_fi, note_sv, note_en FROM observations_v"
            " WHERE indicator_code = 'care_guarantee_7day_share' AND region_code = '358' AND period = '2025-03'"
        ).fetchone()
        remote_targets = con.execute(
            "SELECT value, source_doc FROM targets WHERE indicator_code = 'remote_contact_share'"
            " AND kind = 'target' AND region_code = '358' ORDER BY value, source_doc"
        ).fetchall()
    assert actual[:4] == (81.0, False, "actuals_documents.csv", "000_1000f12d482e814f.txt")
    # The note in the reader's language, the document's own words quoted in each.
    assert all("81 % 3/2025" in note and "YTHS" in note for note in actual[4:])
    assert "laskusuunnassa" in actual[4] and "trend is falling" in actual[6] and "sjunker" in actual[5]
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


def generated_value(con: db.Connection, code: str, region: str, period: str) -> float | None:
    row = con.execute(
        "SELECT value FROM observations_v WHERE indicator_code = $code AND region_code = $region"
        " AND period = $period AND is_demo",
        {"code": code, "region": region, "period": period},
    ).fetchone()
    return row[0] if row else None


def test_generated_series_pass_through_the_documented_actuals(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        documented = con.execute(
            "SELECT indicator_code, region_code, period, value FROM observations_v WHERE NOT is_demo"
            " AND dataset = 'manual' AND indicator_code IN ('care_guarantee_7day_share',"
            " 'care_guarantee_realtime_monitoring_coverage', 'remote_contact_share')"
        ).fetchall()
        checked = 0
        for code, region, period, value in documented:
            if "-" in period:  # a month: the generated quarter that holds it has the same value
                quarter = f"{period[:4]}Q{(int(period[5:]) - 1) // 3 + 1}"
                generated = [generated_value(con, code, region, quarter)]
            else:  # a year: its generated quarters average to it
                generated = [generated_value(con, code, region, f"{period}Q{q}") for q in range(1, 5)]
            generated = [v for v in generated if v is not None]
            if generated:
                assert round(sum(generated) / len(generated), 1) == value, (code, region, period)
                checked += 1
    assert checked >= 3  # national 3/2025 and 4/2025, Keski-Pohjanmaa's remote contacts 2024


def test_the_real_sotkanet_measure_is_kept_apart_from_the_programme_indicator(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        real = con.execute(
            "SELECT indicator_code, count(*), count(region_code), bool_or(is_demo) FROM observations_v"
            " WHERE dataset = 'sotkanet' AND indicator = '6411' GROUP BY 1"
        ).fetchall()
        mixed = con.execute(
            "SELECT count(*) FROM observations_v WHERE indicator_code = 'care_guarantee_7day_share'"
            " AND dataset = 'sotkanet'"
        ).fetchone()[0]
        [higher] = con.execute(
            "SELECT higher_is_better FROM indicators WHERE indicator_code = 'physician_visit_wait_over_7d_share'"
        ).fetchone()
    # 115 real values, every region mapped to one of ours, none flagged as example data.
    assert real == [("physician_visit_wait_over_7d_share", 115, 115, False)]
    assert mixed == 0 and higher is False


def test_keski_pohjanmaa_has_a_target_after_the_deadline(demo_db: Path) -> None:
    with db.connect_readonly(demo_db) as con:
        targets = queries.targets(con, "care_guarantee_7day_share").query("region_code == '18' and kind == 'target'")
    assert targets[["period", "value", "is_demo"]].values.tolist() == [["2025Q4", 80.0, False], ["2026Q4", 85.0, True]]
