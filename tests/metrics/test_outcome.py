"""Outcome at a passed target and what happened since: table-driven, each expected value worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.periods import bounds
from metrics.outcome import (
    STORY_ORDER,
    DeadlineOutcome,
    DeadlineSource,
    Reading,
    SinceDeadline,
    lost_after_reaching,
    outcome,
    readings,
    story_key,
    value_at_deadline,
)

MET, MISSED, NO_DATA = DeadlineOutcome.MET, DeadlineOutcome.MISSED, DeadlineOutcome.NO_DATA
HELD, SLIPPED, LATER, SHORT, NONE = (
    SinceDeadline.HELD,
    SinceDeadline.SLIPPED,
    SinceDeadline.REACHED_LATER,
    SinceDeadline.STILL_SHORT,
    SinceDeadline.NO_LATER_DATA,
)
EXACT, FINER, COARSER = DeadlineSource.EXACT, DeadlineSource.FINER, DeadlineSource.COARSER

# The story: Keski-Pohjanmaa's care guarantee against 80 % by Q4/2025.
KP = [("2025Q3", 84.0), ("2025Q4", 82.0), ("2026Q1", 78.0), ("2026Q2", 76.0), ("2026Q3", 75.0)]
# The national remote-contact series: only 2024 = 41,9 % against 35 % by Q4/2025.
REMOTE = [("2024", 41.9)]


# fmt: off
DEADLINE_VALUES = [
    pytest.param("2025Q4", KP, ("2025Q4", 82.0, EXACT), id="exact"),
    pytest.param("2025Q4", [("2025-12", 79.0), ("2025Q4", 82.0), ("2025", 80.0)], ("2025Q4", 82.0, EXACT),
                 id="exact-before-finer-and-coarser"),
    pytest.param("2025Q4", [("2025-12", 81.0), ("2025-11", 78.0), ("2025-10", 77.0)], ("2025-12", 81.0, FINER),
                 id="finer-latest-month"),
    pytest.param("2025Q4", [("2025-10", 77.0), ("2025-11", 78.0), ("2026-01", 90.0)], ("2025-11", 78.0, FINER),
                 id="finer-month-missing-december"),
    pytest.param("2025", [("2025-12", 79.0), ("2025Q4", 81.0), ("2025Q3", 70.0)], ("2025Q4", 81.0, FINER),
                 id="finer-year-takes-q4-before-december"),
    pytest.param("2025Q4", [("2025", 80.5), ("2025-11", 78.0)], ("2025-11", 78.0, FINER),
                 id="finer-before-coarser"),
    pytest.param("2025Q4", [("2024", 70.0), ("2025", 80.5), ("2026Q1", 78.0)], ("2025", 80.5, COARSER),
                 id="coarser-year"),
    pytest.param("2025-11", [("2025", 80.5), ("2025Q4", 81.0)], ("2025Q4", 81.0, COARSER),
                 id="coarser-shortest-containing"),
    pytest.param("2025Q4", [("2025Q4", None), ("2025", 80.0)], ("2025", 80.0, COARSER),
                 id="missing-value-is-no-value"),
    pytest.param("Q4/2025", [("12/2025", 81.0)], ("2025-12", 81.0, FINER), id="written-periods"),
    pytest.param("2025Q4", [("2025Q3", 84.0), ("2026Q1", 78.0)], None, id="none-around-it"),
    pytest.param("2025Q4", [], None, id="none-at-all"),
]
# fmt: on


@pytest.mark.parametrize(("target_period", "actuals", "expected"), DEADLINE_VALUES)
def test_value_at_deadline(target_period: str, actuals: list, expected: tuple | None) -> None:
    found = value_at_deadline(target_period, actuals)
    assert (None if found is None else (found[0].period, found[0].value, found[1])) == expected


# target, target period, actuals, higher is better → deadline, since, value at deadline, latest, before, before met
# fmt: off
OUTCOMES = [
    pytest.param(80, "2025Q4", KP, True, MET, SLIPPED, ("2025Q4", 82), ("2026Q3", 75), None, None,
                 id="story-met-then-slipped"),
    pytest.param(80, "2025Q4", [("2025Q4", 82), ("2026Q1", 78), ("2026Q3", 81)], True, MET, HELD,
                 ("2025Q4", 82), ("2026Q3", 81), None, None, id="held-judged-on-the-latest-after"),
    pytest.param(80, "2025Q4", [("2025Q3", 70), ("2025Q4", 81)], True, MET, NONE, ("2025Q4", 81), None, None, None,
                 id="met-no-later-data"),
    pytest.param(80, "2025Q4", [("2025Q4", 78), ("2026Q2", 81)], True, MISSED, LATER, ("2025Q4", 78),
                 ("2026Q2", 81), None, None, id="missed-reached-later"),
    pytest.param(80, "2025Q4", [("2025Q4", 78), ("2026Q1", 81), ("2026Q2", 79)], True, MISSED, SHORT,
                 ("2025Q4", 78), ("2026Q2", 79), None, None, id="missed-still-short"),
    pytest.param(80, "2025Q4", [("2025Q4", 78)], True, MISSED, NONE, ("2025Q4", 78), None, None, None,
                 id="missed-no-later-data"),
    pytest.param(35, "2025Q4", REMOTE, True, NO_DATA, NONE, None, None, ("2024", 41.9), True,
                 id="story-no-data-last-before-met"),
    pytest.param(35, "2025Q4", [("2024", 30), ("2026Q1", 36)], True, NO_DATA, LATER, None, ("2026Q1", 36),
                 ("2024", 30), False, id="no-data-reached-later"),
    pytest.param(35, "2025Q4", [("2024", 30), ("2026Q1", 34)], True, NO_DATA, SHORT, None, ("2026Q1", 34),
                 ("2024", 30), False, id="no-data-still-short"),
    pytest.param(35, "2025Q4", [], True, NO_DATA, NONE, None, None, None, None, id="nothing-at-all"),
    pytest.param(80, "2025Q4", [("2025Q4", 80.0), ("2026Q1", 80.0)], True, MET, HELD, ("2025Q4", 80),
                 ("2026Q1", 80), None, None, id="exactly-at-target-meets-and-holds"),
    pytest.param(80, "2025Q4", [("2025Q4", 80 - 1e-12)], True, MET, NONE, ("2025Q4", 80 - 1e-12), None, None,
                 None, id="float-noise-at-target-meets"),
    pytest.param(80, "2025Q2", [("2025", 81), ("2026Q1", 79)], True, MET, SLIPPED, ("2025", 81), ("2026Q1", 79),
                 None, None, id="containing-year-is-the-deadline-value-not-a-later-one"),
    # Lower is better: dental waiting days, 90 by 2025.
    pytest.param(90, "2025", [("2025", 88), ("2026", 95)], False, MET, SLIPPED, ("2025", 88), ("2026", 95),
                 None, None, id="lower-met-then-slipped"),
    pytest.param(90, "2025", [("2025", 88), ("2026", 85)], False, MET, HELD, ("2025", 88), ("2026", 85),
                 None, None, id="lower-held"),
    pytest.param(90, "2025", [("2025", 95), ("2026", 88)], False, MISSED, LATER, ("2025", 95), ("2026", 88),
                 None, None, id="lower-missed-reached-later"),
    pytest.param(90, "2025", [("2025", 95), ("2026", 92)], False, MISSED, SHORT, ("2025", 95), ("2026", 92),
                 None, None, id="lower-missed-still-short"),
    pytest.param(90, "2025", [("2025", 90.0)], False, MET, NONE, ("2025", 90), None, None, None,
                 id="lower-exactly-at-target"),
    pytest.param(90, "2025", [("2024", 85)], False, NO_DATA, NONE, None, None, ("2024", 85), True,
                 id="lower-no-data-last-before-met"),
    pytest.param(90, "2025", [("2024", 95)], False, NO_DATA, NONE, None, None, ("2024", 95), False,
                 id="lower-no-data-last-before-missed"),
]
# fmt: on


@pytest.mark.parametrize(
    ("target", "period", "actuals", "higher", "deadline", "since", "at", "latest", "before", "before_met"), OUTCOMES
)
def test_outcome(
    target: float,
    period: str,
    actuals: list,
    higher: bool,
    deadline: DeadlineOutcome,
    since: SinceDeadline,
    at: tuple | None,
    latest: tuple | None,
    before: tuple | None,
    before_met: bool | None,
) -> None:
    found = outcome(target, period, actuals, higher)
    assert (found.deadline, found.since) == (deadline, since)
    assert found.at_deadline == (Reading(*at) if at else None)
    assert found.latest == (Reading(*latest) if latest else None)
    assert found.before == (Reading(*before) if before else None)
    assert found.before_met is before_met


def test_the_story_gaps_are_signed_better_positive() -> None:
    kp = outcome(80, "2025Q4", KP)
    assert (kp.gap_at_deadline, kp.gap_latest, kp.source) == (2.0, -5.0, EXACT)
    days = outcome(90, "2025", [("2025", 88), ("2026", 95)], higher_is_better=False)
    assert (days.gap_at_deadline, days.gap_latest) == (2.0, -5.0)


def test_a_real_value_wins_over_a_demo_value_of_the_same_period() -> None:
    frame = pd.DataFrame(
        {"period": ["2025Q4", "2025Q4", "2026Q1"], "value": [78.0, 90.0, 81.0], "is_demo": [False, True, True]}
    )
    assert readings(frame) == [Reading("2025Q4", 78.0), Reading("2026Q1", 81.0)]
    assert outcome(80, "2025Q4", frame).deadline is MISSED


def test_a_bad_period_is_an_error_not_some_other_time() -> None:
    with pytest.raises(ValueError, match="not a period"):
        outcome(80, "Q5/2025", KP)
    with pytest.raises(ValueError, match="not a period"):
        outcome(80, "2025Q4", [("soon", 81.0)])


# fmt: off
LOST = [
    pytest.param(80, "2025Q4", KP[:3], True, ((("2025Q4", 82), ("2026Q1", 78))), id="story-first-quarter-after"),
    pytest.param(80, "2025Q4", KP, True, None, id="story-later-quarters-no-new-loss"),
    pytest.param(80, "2025Q4", [("2025Q4", 78), ("2026Q1", 81), ("2026Q2", 79)], True,
                 (("2026Q1", 81), ("2026Q2", 79)), id="reached-later-then-lost"),
    pytest.param(80, "2025Q4", [("2025Q3", 82), ("2025Q4", 79)], True, None, id="lost-at-the-deadline-is-a-miss"),
    pytest.param(90, "2025", [("2025", 88), ("2026", 95)], False, (("2025", 88), ("2026", 95)), id="lower-is-better"),
    pytest.param(80, "2025Q4", [("2026Q1", 81), ("2026Q2", 79)], True, (("2026Q1", 81), ("2026Q2", 79)),
                 id="no-deadline-value-but-reached-after"),
]
# fmt: on


@pytest.mark.parametrize(("target", "period", "actuals", "higher", "expected"), LOST)
def test_lost_after_reaching(target: float, period: str, actuals: list, higher: bool, expected: tuple | None) -> None:
    found = lost_after_reaching(target, period, actuals, higher)
    assert found == (None if expected is None else tuple(Reading(*r) for r in expected))


# Hypothesis: quarters 2024Q1–2027Q4 with values in 0–100, against a Q4/2025 target.
QUARTERS = [f"{year}Q{q}" for year in range(2024, 2028) for q in range(1, 5)]
series = st.dictionaries(st.sampled_from(QUARTERS), st.floats(0, 100, allow_nan=False), max_size=12)


@settings(deadline=None, max_examples=150)
@given(series, st.floats(0, 100, allow_nan=False))
def test_lower_is_better_mirrors_higher_is_better(values: dict, target: float) -> None:
    higher = outcome(target, "2025Q4", list(values.items()), higher_is_better=True)
    lower = outcome(-target, "2025Q4", [(p, -v) for p, v in values.items()], higher_is_better=False)
    assert (higher.deadline, higher.since, higher.before_met) == (lower.deadline, lower.since, lower.before_met)


@settings(deadline=None, max_examples=150)
@given(series, st.floats(0, 100, allow_nan=False))
def test_since_follows_the_deadline_and_the_latest_after(values: dict, target: float) -> None:
    found = outcome(target, "2025Q4", list(values.items()))
    after = [p for p in values if bounds(p)[0] > bounds("2025Q4")[1]]
    assert (found.latest is None) == (not after) == (found.since is NONE)
    if found.deadline is MET:
        assert found.since in (HELD, SLIPPED, NONE)
    else:
        assert found.since in (LATER, SHORT, NONE)
    assert (found.at_deadline is None) == (found.deadline is NO_DATA) == ("2025Q4" not in values)


@settings(deadline=None, max_examples=100)
@given(series, series, st.floats(0, 100, allow_nan=False))
def test_values_after_the_deadline_never_change_the_outcome_at_it(values: dict, more: dict, target: float) -> None:
    later = {p: v for p, v in more.items() if bounds(p)[0] > bounds("2025Q4")[1]}
    first = outcome(target, "2025Q4", list(values.items()))
    second = outcome(target, "2025Q4", list({**values, **later}.items()))
    assert (first.deadline, first.at_deadline) == (second.deadline, second.at_deadline)


def test_stories_sort_by_group_then_best_latest_first() -> None:
    areas = {
        "slipped a little": outcome(80, "2025Q4", [("2025Q4", 82), ("2026Q3", 79)]),
        "held": outcome(80, "2025Q4", [("2025Q4", 82), ("2026Q3", 81)]),
        "slipped a lot": outcome(80, "2025Q4", KP),
        "nothing": outcome(80, "2025Q4", []),
        "still short": outcome(80, "2025Q4", [("2025Q4", 70), ("2026Q3", 75)]),
        "met, nothing since": outcome(80, "2025Q4", [("2025Q4", 80)]),
    }
    assert sorted(areas, key=lambda name: story_key(areas[name])) == [
        "held",
        "met, nothing since",
        "slipped a little",
        "slipped a lot",
        "still short",
        "nothing",
    ]


def test_every_reachable_story_has_a_place_in_the_order() -> None:
    reachable = {(d, s) for d in DeadlineOutcome for s in SinceDeadline}
    reachable -= {(d, s) for d in (MISSED, NO_DATA) for s in (HELD, SLIPPED)}
    reachable -= {(MET, LATER), (MET, SHORT)}
    assert set(STORY_ORDER) == reachable and len(STORY_ORDER) == len(reachable)
