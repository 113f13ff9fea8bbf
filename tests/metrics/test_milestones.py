"""Several targets per area: which apply, which have passed, the one ahead, and the scorecard rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from domain import NATIONAL
from metrics.milestones import (
    SCORECARD_COLUMNS,
    Target,
    TargetRow,
    baseline,
    by_region,
    reckon,
    schedule,
    scorecard_rows,
    split,
)
from metrics.outcome import DeadlineOutcome, SinceDeadline
from metrics.trajectory import Verdict

KP, OTHER, NONE_OWN = "18", "19", "20"
CARE = {"indicator_code": "care_guarantee_7day_share", "higher_is_better": True, "unit": "percent"}
DECEMBER_2026 = date(2026, 12, 15)


def targets(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_code", "kind", "period", "value", "source_doc"])


# National 67 % (1/2020) → interim 70 % (Q4/2023) → 80 % (Q4/2025, two documents, one disagreeing);
# Keski-Pohjanmaa adds its own 85 % by Q4/2026; area 19 has its own 82 % for the year 2025.
TARGETS = targets(
    (NATIONAL, "baseline", "2020-01", 67.0, "doc-a"),
    (NATIONAL, "interim_target", "2023Q4", 70.0, "doc-b"),
    (NATIONAL, "target", "2025Q4", 80.0, "doc-a"),
    (NATIONAL, "target", "2025Q4", 80.0, "doc-b"),
    (NATIONAL, "target", "2025Q4", 85.0, "doc-c"),
    (KP, "target", "2026Q4", 85.0, "doc-kp"),
    (OTHER, "target", "2025", 82.0, "doc-19"),
)


def test_an_area_inherits_the_national_targets_it_has_none_of_its_own_for() -> None:
    assert schedule(TARGETS, KP) == (
        Target(70.0, "2023Q4", "interim_target", NATIONAL, "doc-b"),
        Target(80.0, "2025Q4", "target", NATIONAL, "doc-a"),  # two documents against one
        Target(85.0, "2026Q4", "target", KP, "doc-kp"),
    )


def test_an_own_target_replaces_the_national_one_ending_on_the_same_day() -> None:
    assert [(t.value, t.period, t.region_code) for t in schedule(TARGETS, OTHER)] == [
        (70.0, "2023Q4", NATIONAL),
        (82.0, "2025", OTHER),
    ]


def test_the_country_has_only_its_own_targets() -> None:
    assert [(t.value, t.period) for t in schedule(TARGETS, NATIONAL)] == [(70.0, "2023Q4"), (80.0, "2025Q4")]


def test_a_final_target_wins_over_an_interim_one_on_the_same_day() -> None:
    both = targets((KP, "interim_target", "2025Q4", 75.0, "x"), (KP, "target", "2025Q4", 80.0, "y"))
    assert [(t.value, t.kind) for t in schedule(both, KP)] == [(80.0, "target")]


def test_tied_documents_give_the_lower_value() -> None:
    tied = targets((NATIONAL, "target", "2025Q4", 45.0, "000"), (NATIONAL, "target", "2025Q4", 35.0, "002"))
    assert schedule(tied, NATIONAL)[0].value == 35.0


@pytest.mark.parametrize(
    ("as_of", "passed", "ahead"),
    [
        (date(2020, 6, 1), [], "2023Q4"),
        (date(2025, 12, 31), ["2023Q4"], "2025Q4"),  # on the last day of the target period it is still ahead
        (date(2026, 1, 1), ["2023Q4", "2025Q4"], "2026Q4"),
        (DECEMBER_2026, ["2023Q4", "2025Q4"], "2026Q4"),
        (date(2027, 1, 1), ["2023Q4", "2025Q4", "2026Q4"], None),
    ],
)
def test_split_into_passed_and_ahead(as_of: date, passed: list, ahead: str | None) -> None:
    gone, next_one = split(schedule(TARGETS, KP), as_of)
    assert [t.period for t in gone] == passed
    assert (next_one.period if next_one else None) == ahead


def test_baseline_falls_back_to_the_country() -> None:
    assert baseline(TARGETS, KP) == Target(67.0, "2020-01", "baseline", NATIONAL, "doc-a")
    assert baseline(targets((KP, "target", "2025Q4", 80.0, "x")), KP) is None


KP_ACTUALS = [("2025Q3", 84.0), ("2025Q4", 82.0), ("2026Q1", 78.0), ("2026Q2", 76.0), ("2026Q3", 75.0)]


def test_reckon_gives_milestones_and_a_path_to_the_target_ahead() -> None:
    found = reckon(CARE, TARGETS, KP_ACTUALS, KP, DECEMBER_2026)
    assert [(m.target.period, m.outcome.deadline, m.outcome.since) for m in found.passed] == [
        ("2023Q4", DeadlineOutcome.NO_DATA, SinceDeadline.REACHED_LATER),
        ("2025Q4", DeadlineOutcome.MET, SinceDeadline.SLIPPED),
    ]
    assert found.ahead == Target(85.0, "2026Q4", "target", KP, "doc-kp")
    # The path starts from the last passed target, 80 % at Q4/2025, not from the 2020 baseline.
    assert (found.goal.baseline, found.goal.baseline_period, found.goal.target, found.goal.target_period) == (
        80.0,
        "2025Q4",
        85.0,
        "2026Q4",
    )
    assert found.assessment.verdict is Verdict.OFF_TRACK  # falling from 82 to 75 while 85 is ahead
    assert found.assessment.projection.points[-1][0] == "2026Q4"


def test_targets_are_grouped_by_area_keeping_their_order() -> None:
    """Views group the targets once (by_region) for all their areas; a document's order decides ties."""
    grouped = by_region(TARGETS)
    assert [row.source_doc for row in grouped[NATIONAL]] == ["doc-a", "doc-b", "doc-a", "doc-b", "doc-c"]
    assert grouped[KP] == (TargetRow("target", "2026Q4", 85.0, "doc-kp"),)
    assert by_region(grouped) is grouped


def test_a_bad_period_of_one_area_stops_only_that_area() -> None:
    bad = pd.concat([TARGETS, targets(("21", "target", "someday", 90.0, "doc-x"))])
    assert schedule(by_region(bad), KP) == schedule(TARGETS, KP)
    with pytest.raises(ValueError, match="someday"):
        schedule(bad, "21")


def test_reckon_before_any_target_runs_the_path_from_the_baseline() -> None:
    found = reckon(CARE, TARGETS, [("2021", 68.0), ("2022", 69.0)], KP, date(2022, 6, 30))
    assert found.passed == ()
    assert (found.goal.baseline_period, found.goal.target_period) == ("2020-01", "2023Q4")


def test_reckon_after_every_target_has_no_path_and_no_projection() -> None:
    found = reckon(CARE, TARGETS, [("2025Q4", 81.0)], NATIONAL, DECEMBER_2026)
    assert (found.ahead, found.goal, found.assessment) == (None, None, None)
    assert [m.outcome.deadline for m in found.passed] == [DeadlineOutcome.NO_DATA, DeadlineOutcome.MET]


def test_scorecard_rows_are_the_export_contract() -> None:
    actuals = pd.DataFrame(
        [(NATIONAL, "2025Q4", 81.0), (NATIONAL, "2026Q3", 79.0), (OTHER, "2025Q4", 83.0)]
        + [(KP, p, v) for p, v in KP_ACTUALS],
        columns=["region_code", "period", "value"],
    )
    rows = scorecard_rows(CARE, TARGETS, actuals, [KP, OTHER, NONE_OWN], DECEMBER_2026)
    assert all(tuple(row) == SCORECARD_COLUMNS for row in rows)
    code = CARE["indicator_code"]
    # fmt: off
    assert [tuple(row.values()) for row in rows] == [
        (code, NATIONAL, "2023Q4", 70.0, None, None, "no_data", "2026Q3", 79.0, "reached_later"),
        (code, NATIONAL, "2025Q4", 80.0, 81.0, "2025Q4", "met", "2026Q3", 79.0, "slipped"),
        (code, KP, "2023Q4", 70.0, None, None, "no_data", "2026Q3", 75.0, "reached_later"),
        (code, KP, "2025Q4", 80.0, 82.0, "2025Q4", "met", "2026Q3", 75.0, "slipped"),
        (code, OTHER, "2023Q4", 70.0, None, None, "no_data", "2025Q4", 83.0, "reached_later"),
        (code, OTHER, "2025", 82.0, 83.0, "2025Q4", "met", None, None, "no_later_data"),
        (code, NONE_OWN, "2023Q4", 70.0, None, None, "no_data", None, None, "no_later_data"),
        (code, NONE_OWN, "2025Q4", 80.0, None, None, "no_data", None, None, "no_later_data"),
    ]
    # fmt: on


def test_scorecard_as_of_before_the_deadline_has_only_the_interim_rows() -> None:
    empty = pd.DataFrame(columns=["region_code", "period", "value"])
    rows = scorecard_rows(CARE, TARGETS, empty, [KP], date(2025, 6, 30))
    assert [(row["region_code"], row["target_period"]) for row in rows] == [(NATIONAL, "2023Q4"), (KP, "2023Q4")]
