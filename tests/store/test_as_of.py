"""What we knew when: every query as of the end of a day, on a real store with a value revised later."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from loaders.ingest import ingest_files
from store import db, queries, report_queries
from store.as_of import CTES, parameters

CODE, AREA = "care_guarantee_7day_share", "18"
HEADER = "indicator,region,period,value,source_doc,note_fi,note_sv,note_en"


def _load(db_path: Path, path: Path, text: str, loaded_at: datetime) -> None:
    """Load one file through the real loaders, then date its load (loads on different days, in one test)."""
    path.write_text(text, encoding="utf-8")
    [outcome] = ingest_files([path], db_path)
    assert outcome.status == "loaded", outcome.errors
    with db.writer(db_path) as store:
        store.con.execute(
            "UPDATE ingests SET loaded_at = $at WHERE file_name = $name", {"at": loaded_at, "name": path.name}
        )
        store.changed = True


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """15.1.2026: Q3 84 %, Q4 82 %. 10.3.2026: Q4 revised to 79 %, Q1/2026 78 %. 1.4.2026: a target and progress."""
    tmp = tmp_path_factory.mktemp("as_of")
    db_path = tmp / "store.duckdb"
    first = (
        f"{HEADER}\n{CODE},{AREA},2025Q3,84,000,,,\n{CODE},{AREA},2025Q4,82,000,Ennakkotieto,Preliminärt,Preliminary\n"
    )
    _load(db_path, tmp / "kp_2026_01.csv", first, datetime(2026, 1, 15, 10, 0))
    second = (
        f"{HEADER}\n{CODE},{AREA},2025Q3,84,000,,,\n{CODE},{AREA},2025Q4,79,000,Korjattu,Korrigerat,Revised\n"
        f"{CODE},{AREA},2026Q1,78,000,,,\n"
    )
    _load(db_path, tmp / "kp_2026_03.csv", second, datetime(2026, 3, 10, 23, 59))
    targets = f"indicator,region,kind,period,value,source_doc\n{CODE},{AREA},target,2026Q4,85,000\n"
    _load(db_path, tmp / "kp_targets.csv", targets, datetime(2026, 4, 1, 8, 0))
    progress = (
        "period,region,investment,percent,source_doc,note_fi,note_sv,note_en\n"
        "2026Q1,18,P4I1,90,003,Arvio,Uppskattning,Estimate\n"
    )
    _load(db_path, tmp / "kp_progress.csv", progress, datetime(2026, 4, 1, 8, 0))
    return db_path


def _values(con: db.Connection, as_of: date | None) -> dict[str, float]:
    frame = queries.series(con, CODE, [AREA], as_of=as_of)
    return dict(zip(frame["period"], frame["value"], strict=True))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 1, 14), {}),  # before any load
        (date(2026, 1, 15), {"2025Q3": 84.0, "2025Q4": 82.0}),  # loaded that morning: counts at the end of the day
        (date(2026, 3, 9), {"2025Q3": 84.0, "2025Q4": 82.0}),  # revised the day after: the first value
        (date(2026, 3, 10), {"2025Q3": 84.0, "2025Q4": 79.0, "2026Q1": 78.0}),  # loaded 23:59 that day
        (None, {"2025Q3": 84.0, "2025Q4": 79.0, "2026Q1": 78.0}),
    ],
)
def test_series_as_of_a_day_shows_each_revision_as_it_was(history: Path, as_of: date, expected: dict) -> None:
    with db.connect_readonly(history) as con:
        assert _values(con, as_of) == expected


def test_notes_and_documents_follow_the_revision_shown(history: Path) -> None:
    with db.connect_readonly(history) as con:
        then = queries.series(con, CODE, [AREA], as_of=date(2026, 2, 1)).set_index("period")
        now = queries.series(con, CODE, [AREA]).set_index("period")
    assert then.loc["2025Q4", ["note_fi", "note_sv", "note_en"]].tolist() == [
        "Ennakkotieto",
        "Preliminärt",
        "Preliminary",
    ]
    assert now.loc["2025Q4", ["note_fi", "note_en", "source_doc"]].tolist() == ["Korjattu", "Revised", "000"]
    assert (
        then.loc["2025Q4", "source_file"] == "kp_2026_01.csv" and now.loc["2025Q4", "source_file"] == "kp_2026_03.csv"
    )


def test_targets_reports_and_loads_as_of_a_day(history: Path) -> None:
    with db.connect_readonly(history) as con:
        assert queries.targets(con, CODE, as_of=date(2026, 3, 31)).empty
        assert queries.targets(con, CODE, as_of=date(2026, 4, 1))["value"].tolist() == [85.0]
        assert queries.ingests(con, as_of=date(2026, 3, 10))["file_name"].tolist() == [
            "kp_2026_03.csv",
            "kp_2026_01.csv",
        ]
        assert report_queries.progress(con, as_of=date(2026, 3, 31)).empty
        progress = report_queries.progress(con, as_of=date(2026, 4, 1))
        assert progress[["percent", "note_sv"]].values.tolist() == [[90.0, "Uppskattning"]]
        assert report_queries.budget_areas(con, as_of=date(2026, 4, 1)) == []
        # Reference data is read as it is now, whatever the day.
        assert len(queries.indicators(con, as_of=date(2020, 1, 1))) == len(queries.indicators(con))


def test_as_of_after_every_load_is_the_current_view(history: Path) -> None:
    """The as-of CTE and observations_v in store/schema.sql must stay alike: same columns, same rows."""
    with db.connect_readonly(history) as con:
        now = con.execute("SELECT * FROM observations_v ORDER BY ALL").df()
        later = con.execute(
            f"WITH {CTES} SELECT * FROM observations_v ORDER BY ALL", parameters(None, date(2030, 1, 1))
        ).df()
    assert list(later.columns) == list(now.columns)
    assert later.equals(now)


def test_a_datetime_counts_as_its_day() -> None:
    assert parameters({"x": 1}, datetime(2026, 3, 9, 12, 0)) == {"x": 1, "as_of_end": datetime(2026, 3, 10)}
    assert parameters(None, None) == {}
