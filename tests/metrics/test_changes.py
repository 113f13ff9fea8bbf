"""The digest's "fell back from a target it had reached" event (metrics.changes.TARGET_SLIPPED)."""

from __future__ import annotations

import pandas as pd
import pytest

from charts.report_summaries import change_line
from metrics.changes import IMPORTANCE, ChangeKind, indicator_crossing, target_slipped
from metrics.trajectory import Goal

CARE = Goal("care_guarantee_7day_share", 67.0, "2020-01", 80.0, "2025Q4")
DAYS = Goal("dental_waiting_days", 150.0, "2021", 90.0, "2025", higher_is_better=False, is_share=False)
KP = [("2025Q3", 84.0), ("2025Q4", 82.0), ("2026Q1", 78.0), ("2026Q2", 76.0), ("2026Q3", 75.0)]


def frame(pairs: list) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=["period", "value"])


@pytest.mark.parametrize(
    ("goal", "actuals", "period", "expected"),
    [
        pytest.param(CARE, KP, "2026Q1", (82.0, 78.0), id="story-slipped-in-the-first-quarter-after"),
        pytest.param(CARE, KP, "2026Q3", None, id="story-no-new-slip-later"),
        pytest.param(CARE, KP, "2025Q4", None, id="deadline-not-yet-passed"),
        pytest.param(
            CARE,
            [("2025Q4", 78.0), ("2026Q1", 81.0), ("2026Q2", 79.0)],
            "2026Q2",
            (81.0, 79.0),
            id="reached-later-then-slipped",
        ),
        pytest.param(CARE, [("2025Q4", 82.0), ("2026Q1", 81.0)], "2026Q1", None, id="held"),
        pytest.param(DAYS, [("2025", 88.0), ("2026", 95.0)], "2026", (88.0, 95.0), id="lower-is-better"),
    ],
)
def test_target_slipped(goal: Goal, actuals: list, period: str, expected: tuple | None) -> None:
    found = target_slipped(goal, frame(actuals), period)
    assert (None if found is None else (found.kind, found.before, found.after, found.subject, found.target)) == (
        None if expected is None else (ChangeKind.TARGET_SLIPPED, *expected, goal.indicator_code, goal.target)
    )


def test_a_slip_after_the_deadline_is_reported_instead_of_a_plain_loss() -> None:
    found = indicator_crossing(CARE, frame(KP), "2026Q1")
    assert found is not None and found.kind is ChangeKind.TARGET_SLIPPED
    before = indicator_crossing(CARE, frame([("2025Q2", 82.0), ("2025Q3", 79.0)]), "2025Q3")
    assert before is not None and before.kind is ChangeKind.TARGET_LOST  # the deadline is still ahead


def test_a_slip_ranks_above_a_plain_loss() -> None:
    assert IMPORTANCE[ChangeKind.TARGET_SLIPPED] > IMPORTANCE[ChangeKind.TARGET_LOST]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Hoitotakuu: menetti jo saavutetun tavoitteen 80\u00a0% (82\u00a0% → 78\u00a0%)."),
        ("sv", "Vårdgaranti: föll tillbaka från det redan nådda målet 80\u00a0% (82\u00a0% → 78\u00a0%)."),
        ("en", "Care guarantee: fell back from the target 80% it had reached (82% → 78%)."),
    ],
)
def test_the_slip_reads_in_each_language(lang: str, expected: str) -> None:
    found = target_slipped(CARE, frame(KP), "2026Q1")
    names = {"care_guarantee_7day_share": {"fi": "Hoitotakuu", "sv": "Vårdgaranti", "en": "Care guarantee"}[lang]}
    assert change_line(found, {}, lang, "2026Q1", indicator_names=names) == expected
