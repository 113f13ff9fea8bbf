"""python -m export_cli scorecard: the exact CSV contract, checked against rows worked out here from the story store."""

from __future__ import annotations

import calendar
import csv
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from config import ROOT
from export_cli.__main__ import main
from loaders.ingest import ingest_files
from store import db
from tests.story_store import CARE, DENTAL, SERIES, TARGETS, build_story_store

HEADER = (
    "indicator_code,region_code,target_period,target_value,deadline_value,deadline_value_period,"
    "deadline_outcome,latest_period,latest_value,since_deadline"
)
AS_OF = date(2026, 12, 1)


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story, loaded on 30.11.2026: the store as it stood on AS_OF holds it on whatever day the tests run
    (loaded today, it was invisible to --as-of 2026-12-01 from 2.12.2026 on)."""
    db_path = build_story_store(tmp_path_factory.mktemp("story"))
    with db.writer(db_path) as store:
        store.con.execute("UPDATE ingests SET loaded_at = $at", {"at": datetime(2026, 11, 30, 12, 0)})
        store.changed = True
    return db_path


# ---------------------------------------------------------------- the expected rows, worked out independently


def span(period: str) -> tuple[date, date]:
    """'2025Q4', '2025-12', '2025' → first and last day."""
    if "Q" in period:
        year, quarter = int(period[:4]), int(period[-1])
        first = date(year, 3 * quarter - 2, 1)
        return first, date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])
    if "-" in period:
        year, month = int(period[:4]), int(period[5:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(int(period), 1, 1), date(int(period), 12, 31)


def areas() -> list[tuple[str, str]]:
    """(code, Finnish name) of the RRP areas as the store orders them: by name."""
    with open(ROOT / "data" / "reference" / "regions.csv", encoding="utf-8") as f:
        rows = [(r["region_code"], r["name_fi"]) for r in csv.DictReader(f) if r["is_rrp_area"] == "true"]
    return sorted(rows, key=lambda row: row[1])


def expected_rows(indicator: str, higher: bool, as_of: date, series=SERIES) -> list[list[str]]:
    codes = {name: code for code, name in areas()} | {"Koko maa": "358"}
    targets = [(codes[r], p, float(v)) for i, r, k, p, v in TARGETS if i == indicator and k != "baseline"]
    rows = []
    for area in ["358", *(code for code, _ in areas())]:
        own = [(p, v) for r, p, v in targets if r == area]
        national = [(p, v) for r, p, v in targets if r == "358" and span(p)[1] not in {span(o)[1] for o, _ in own}]
        points = sorted(
            ((p, float(v)) for i, r, p, v in series if i == indicator and r == area), key=lambda x: span(x[0])
        )
        for period, target in sorted(own + national, key=lambda pv: span(pv[0])[1]):
            first, last = span(period)
            if last >= as_of:
                continue
            meets = (lambda v, target=target: v >= target) if higher else (lambda v, target=target: v <= target)
            exact = [pv for pv in points if pv[0] == period]
            inside = [pv for pv in points if first <= span(pv[0])[0] and span(pv[0])[1] <= last]
            around = [pv for pv in points if span(pv[0])[0] <= first and last <= span(pv[0])[1]]
            at = (exact or inside[-1:] or around[:1] or [None])[0]
            later = [pv for pv in points if span(pv[0])[0] > last]
            outcome = "no_data" if at is None else "met" if meets(at[1]) else "missed"
            if not later:
                since = "no_later_data"
            elif outcome == "met":
                since = "held" if meets(later[-1][1]) else "slipped"
            else:
                since = "reached_later" if meets(later[-1][1]) else "still_short"
            latest = later[-1] if later else ("", "")
            rows.append(
                [
                    indicator,
                    area,
                    period,
                    repr(target),
                    *(map(str, at[::-1]) if at else ("", "")),
                    outcome,
                    latest[0],
                    str(latest[1]),
                    since,
                ]
            )
    return rows


def as_text(rows: list[list[str]]) -> str:
    return "\r\n".join([HEADER, *(",".join(row) for row in rows)]) + "\r\n"


# ---------------------------------------------------------------- the command


def test_csv_is_exactly_the_contract(story_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "scorecard.csv"
    argv = ["scorecard", "--db", str(story_db), "--as-of", "2026-12-01", "--indicator", CARE]
    assert main([*argv, "--format", "csv", "--out", str(out)]) == 0
    text = out.read_bytes().decode("utf-8")  # UTF-8, no BOM
    assert not text.startswith("\ufeff")
    expected = expected_rows(CARE, True, AS_OF)
    assert text == as_text(expected)
    # the stories the rows must tell, so the independent model is not wrong in the same way
    by_area = {(row[1], row[2]): (row[6], row[9]) for row in expected}
    assert by_area[("358", "2025Q4")] == ("met", "slipped")
    assert by_area[("18", "2025Q4")] == ("missed", "reached_later")
    assert by_area[("17", "2024Q4")] == ("met", "held")
    assert by_area[("17", "2025Q4")] == ("missed", "still_short")
    assert by_area[("19", "2025Q4")] == ("met", "no_later_data")
    assert by_area[("02", "2025Q4")] == ("no_data", "no_later_data")
    assert ("18", "2026Q4") not in by_area  # still ahead on the day
    assert len(expected) == 24  # the country, 22 areas inheriting Q4/2025, and Pohjanmaa's interim target


def test_lower_is_better_and_own_targets_only(story_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dental.csv"
    argv = ["scorecard", "--db", str(story_db), "--as-of", "2026-12-01", "--indicator", DENTAL, "--format", "csv"]
    assert main([*argv, "--out", str(out)]) == 0
    expected = expected_rows(DENTAL, False, AS_OF)
    assert out.read_bytes() == as_text(expected).encode("utf-8")
    assert [(row[2], row[6], row[9]) for row in expected] == [
        ("2024", "met", "held"),
        ("2025", "missed", "no_later_data"),
    ]


def test_without_indicator_every_headline_indicator(story_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert (
        main(["scorecard", "--db", str(story_db), "--as-of", "2026-12-01", "--format", "csv", "--out", str(out)]) == 0
    )
    # the story store has targets for the care guarantee only; the other headline indicators add no rows
    assert out.read_bytes() == as_text(expected_rows(CARE, True, AS_OF)).encode("utf-8")


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story loaded on 15.1.2026; on 10.3.2026 the country's Q4/2025 value revised from 82 % to 79 %."""
    directory = tmp_path_factory.mktemp("history")
    db_path = build_story_store(directory)
    with db.writer(db_path) as store:
        store.con.execute("UPDATE ingests SET loaded_at = $at", {"at": datetime(2026, 1, 15, 10, 0)})
        store.changed = True
    revision = directory / "revision" / "revised_2026_03.csv"
    revision.parent.mkdir()
    revision.write_text(f"indicator,region,period,value,source_doc\n{CARE},358,2025Q4,79,000\n", encoding="utf-8")
    [outcome] = ingest_files([revision], db_path)
    assert outcome.status == "loaded", outcome.errors
    with db.writer(db_path) as store:
        store.con.execute(
            "UPDATE ingests SET loaded_at = $at WHERE file_name = $name",
            {"at": datetime(2026, 3, 10, 23, 59), "name": revision.name},
        )
        store.changed = True
    return db_path


REVISED = [(i, r, p, 79 if (i, r, p) == (CARE, "358", "2025Q4") else v) for i, r, p, v in SERIES]


@pytest.mark.parametrize(
    ("as_of", "series", "national"),
    [
        ("2026-01-14", None, None),  # before any load: only the header
        ("2026-03-09", SERIES, ("82.0", "met", "slipped")),  # what we knew before the revision
        ("2026-03-10", REVISED, ("79.0", "missed", "still_short")),  # the revision counts from the end of its day
    ],
)
def test_as_of_reads_the_store_as_it_stood_and_reckons_on_that_day(
    history_db: Path, tmp_path: Path, as_of: str, series, national
) -> None:
    out = tmp_path / "as_of.csv"
    argv = ["scorecard", "--db", str(history_db), "--as-of", as_of, "--indicator", CARE, "--format", "csv"]
    assert main([*argv, "--out", str(out)]) == 0
    expected = expected_rows(CARE, True, date.fromisoformat(as_of), series) if series else []
    assert out.read_bytes() == as_text(expected).encode("utf-8")
    if national:
        [row] = [r for r in expected if r[1] == "358"]
        assert (row[4], row[6], row[9]) == national


def test_xlsx_holds_the_same_rows_as_numbers(story_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "scorecard.xlsx"
    argv = ["scorecard", "--db", str(story_db), "--as-of", "2026-12-01", "--indicator", CARE, "--lang", "en"]
    assert main([*argv, "--format", "xlsx", "--out", str(out)]) == 0
    sheet = load_workbook(out).worksheets[0]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert ",".join(cells[0]) == HEADER
    expected = expected_rows(CARE, True, AS_OF)
    assert len(cells) == len(expected) + 1
    national = cells[1]
    assert national[:4] == [CARE, "358", "2025Q4", 80] and national[4] == 82 and national[8] == 75


def test_unknown_indicator_and_bad_date_are_refused(story_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    assert main(["scorecard", "--db", str(story_db), "--indicator", "nope", "--format", "csv", "--out", str(out)]) == 2
    assert "no indicator 'nope'" in capsys.readouterr().err and not out.exists()
    with pytest.raises(SystemExit):
        main(["scorecard", "--db", str(story_db), "--as-of", "2026-13-01", "--format", "csv", "--out", str(out)])
    assert "not a date" in capsys.readouterr().err


def test_command_line_smoke(story_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "smoke.csv"
    argv = ["scorecard", "--db", str(story_db), "--as-of", "2026-12-01", "--format", "csv", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "export_cli", *argv], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == HEADER
    assert "24 row(s)" in done.stdout


@pytest.mark.parametrize(("as_of", "national"), [("2026-03-09", "82.0"), ("2026-03-10", "79.0")])
def test_chart_takes_as_of_too(history_db: Path, tmp_path: Path, as_of: str, national: str) -> None:
    out = tmp_path / "chart.csv"
    view = f"indikaattori?indicator={CARE}&regions=18"
    argv = ["chart", "--db", str(history_db), "--view", view, "--as-of", as_of, "--format", "csv-plain"]
    assert main([*argv, "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    [value] = [r["value"] for r in rows if (r["region_code"], r["period"]) == ("358", "2025Q4")]
    assert value == national
