"""Required path, projection and verdicts: table-driven, each expected value worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.trajectory import (
    Goal,
    Verdict,
    assess,
    gap_to_path,
    gap_to_target,
    path_value,
    project,
    sorted_actuals,
)

# Hoitotakuu 7 vrk: 67 % in 1/2020 → 80 % in Q4/2025. 31.1.2020 → 31.12.2025 is 2161 days.
CARE = Goal("care_guarantee_7day_share", 67.0, "2020-01", 80.0, "2025Q4")
# A round goal: 60 → 80 over the four years 2021 → 2025 (1461 days), so the path is ≈ 65, 70, 75 at 2022–2024.
SHARE = Goal("share", 60.0, "2021", 80.0, "2025")
# Lower is better: dental waiting days 150 → 90 over the same years, path ≈ 135, 120, 105 at 2022–2024.
DAYS = Goal("dental_waiting_days", 150.0, "2021", 90.0, "2025", higher_is_better=False, is_share=False)
# Annual actuals against a quarterly target: 26 % in 2020 → 35 % in Q4/2025.
REMOTE = Goal("remote_contact_share", 26.0, "2020", 35.0, "2025Q4")
# A share where lower is better, to hit the floor: 20 % → 5 %.
WAITING = Goal("waiting_over_3m_share", 20.0, "2021", 5.0, "2025", higher_is_better=False)

SEED = [("2024Q4", 82.0), ("2025Q1", 81.5), ("2025-03", 81.0)]


def years(*values: float, first: int = 2022) -> list[tuple[str, float]]:
    return [(str(first + i), v) for i, v in enumerate(values)]


# fmt: off
VERDICTS = [
    # The seed case: 81 % in 3/2025 against 80 %, down from 82 % in Q4/2024.
    pytest.param(CARE, SEED, {}, Verdict.MET_BUT_FALLING, id="seed-met-but-falling"),
    pytest.param(CARE, SEED[::-1], {}, Verdict.MET_BUT_FALLING, id="seed-in-any-order"),
    pytest.param(SHARE, years(76, 78, 81), {}, Verdict.MET, id="met-rising"),
    pytest.param(SHARE, years(82, 82, 82), {}, Verdict.MET, id="met-flat-is-not-falling"),
    pytest.param(SHARE, years(80, 80, 80), {}, Verdict.MET, id="exactly-at-target-meets-it"),
    pytest.param(SHARE, years(84, 83, 82), {}, Verdict.MET_BUT_FALLING, id="met-but-falling"),
    # +5 a year: 76 now (path ≈ 75), ≈ 81 by the end of 2025.
    pytest.param(SHARE, years(66, 71, 76), {}, Verdict.ON_TRACK, id="on-track"),
    # +7 a year: 74 now (path ≈ 75, 1 pp behind), ≈ 81 by the end of 2025.
    pytest.param(SHARE, years(60, 67, 74), {}, Verdict.BEHIND_PATH, id="behind-path-will-reach"),
    pytest.param(SHARE, years(70, 72, 74), {}, Verdict.OFF_TRACK, id="off-track-too-slow"),
    # Above the path today (76 vs ≈ 75) but flat: 76 ≠ 80 at the deadline.
    pytest.param(SHARE, years(76, 76, 76), {}, Verdict.OFF_TRACK, id="off-track-though-on-path-today"),
    pytest.param(SHARE, years(79, 78, 77), {}, Verdict.OFF_TRACK, id="off-track-falling"),
    # The fit at the end of 2025 is ≈ 83, but 2026 shows 79: the deadline has passed unmet.
    pytest.param(SHARE, years(75, 95, 79, first=2024), {}, Verdict.OFF_TRACK, id="deadline-passed-unmet"),
    pytest.param(SHARE, years(70, first=2026), {"min_points": 1}, Verdict.OFF_TRACK,
                 id="deadline-passed-one-point"),
    pytest.param(SHARE, years(76, 78), {}, Verdict.NOT_JUDGED, id="two-points-too-few"),
    pytest.param(SHARE, [], {}, Verdict.NOT_JUDGED, id="no-points"),
    pytest.param(SHARE, years(76, 78), {"min_points": 2}, Verdict.ON_TRACK, id="min-points-configurable"),
    pytest.param(SHARE, years(81), {"min_points": 1}, Verdict.MET, id="one-point-met-no-trend-needed"),
    pytest.param(SHARE, years(76), {"min_points": 1}, Verdict.NOT_JUDGED, id="one-point-unmet-no-trend"),
    # Q4/2024 and the year 2024 both stand at 31.12.2024: no slope can be fitted.
    pytest.param(SHARE, [("2024Q4", 70.0), ("2024", 71.0)], {"min_points": 2}, Verdict.NOT_JUDGED,
                 id="all-at-one-time"),
    # Lower is better: −15 days a year, 100 now (path ≈ 105), ≈ 85 by the end of 2025.
    pytest.param(DAYS, years(130, 115, 100), {}, Verdict.ON_TRACK, id="lower-better-on-track"),
    # −23 a year: 109 now (≈ 4 days behind the path), ≈ 86 by the end of 2025.
    pytest.param(DAYS, years(155, 132, 109), {}, Verdict.BEHIND_PATH, id="lower-better-behind-path"),
    pytest.param(DAYS, years(140, 135, 130), {}, Verdict.OFF_TRACK, id="lower-better-off-track"),
    pytest.param(DAYS, years(95, 89, 85), {}, Verdict.MET, id="lower-better-met-falling-is-good"),
    pytest.param(DAYS, years(80, 84, 88), {}, Verdict.MET_BUT_FALLING, id="lower-better-met-but-rising"),
    # Annual actuals, quarterly target: +2 a year reaches ≈ 36 by Q4/2025; path at 2024 ≈ 33.2.
    pytest.param(REMOTE, years(30, 32, 34), {}, Verdict.ON_TRACK, id="annual-actuals-quarterly-target"),
]
# fmt: on


@pytest.mark.parametrize(("goal", "actuals", "options", "expected"), VERDICTS)
def test_verdict(goal: Goal, actuals: list[tuple[str, float]], options: dict, expected: Verdict) -> None:
    assert assess(goal, actuals, **options).verdict is expected


def test_seed_case_numbers() -> None:
    result = assess(CARE, SEED)
    assert (result.latest_period, result.latest_value, result.n_points) == ("2025-03", 81.0, 3)
    assert result.gap_target == pytest.approx(1.0)
    # Path at 31.3.2025, 1886 days after 31.1.2020: 67 + 13 · 1886/2161 ≈ 78.35.
    assert result.gap_path == pytest.approx(81.0 - (67.0 + 13.0 * 1886 / 2161))
    # Q1/2025 and 3/2025 both stand at 31.3., 90 days after 31.12.2024. In days: mean x = 60, slope = −1/120
    # pp a day (−0.75/90), so at 31.12.2025 (day 365): 81.5 − 305/120 ≈ 78.96.
    assert result.projection.slope_per_year == pytest.approx(-0.75 / 90 * 365.25)
    assert result.projection.value_at_target == pytest.approx(81.5 - 305 / 120)


@pytest.mark.parametrize(
    ("goal", "period", "expected"),
    [
        pytest.param(CARE, "2020-01", 67.0, id="at-baseline"),
        pytest.param(CARE, "2025Q4", 80.0, id="at-target"),
        pytest.param(CARE, "2025-12", 80.0, id="month-ending-with-the-target-quarter"),
        pytest.param(CARE, "2019", 67.0, id="before-baseline-holds-it"),
        pytest.param(CARE, "2026Q2", 80.0, id="after-target-holds-it"),
        pytest.param(CARE, "2022-12", 67.0 + 13.0 * 1065 / 2161, id="month-in-between"),
        pytest.param(CARE, "2024", 67.0 + 13.0 * 1796 / 2161, id="year-stands-at-its-end"),
        pytest.param(CARE, "2024Q4", 67.0 + 13.0 * 1796 / 2161, id="quarter-same-end-as-year"),
        pytest.param(DAYS, "2023", 150.0 - 60.0 * 730 / 1461, id="lower-better-goes-down"),
    ],
)
def test_path_value(goal: Goal, period: str, expected: float) -> None:
    assert path_value(goal, period) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("goal", "period", "value", "to_path", "to_target"),
    [
        pytest.param(CARE, "2025-03", 81.0, 81.0 - (67 + 13 * 1886 / 2161), 1.0, id="above-both"),
        pytest.param(CARE, "2025Q4", 78.4, -1.6, -1.6, id="short-at-deadline"),
        pytest.param(DAYS, "2024", 100.0, (150 - 60 * 1096 / 1461) - 100.0, -10.0, id="days-under-path"),
        pytest.param(DAYS, "2025", 80.0, 10.0, 10.0, id="days-under-target"),
    ],
)
def test_gaps(goal: Goal, period: str, value: float, to_path: float, to_target: float) -> None:
    assert gap_to_path(goal, period, value) == pytest.approx(to_path)
    assert gap_to_target(goal, value) == pytest.approx(to_target)


# Years between year ends are 365 or 366 days over 365.25, so "a year" is within 0.3 % of 1: abs=0.1.
# fmt: off
PROJECTIONS = [
    pytest.param(SHARE, years(66, 71, 76), 6, 81.0, 5.0, 3, ("2022", "2024"), id="straight-line"),
    pytest.param(CARE, [("2024Q3", 76.0), ("2024Q4", 77.0), ("2025Q1", 78.0), ("2025Q2", 79.0)], 6,
                 81.0, 4.0, 4, ("2024Q3", "2025Q2"), id="quarters-1pp-each"),
    # 70 → 80 then flat: a window of 4 sees only the flat part.
    pytest.param(SHARE, years(60, 70, 79, 79, 79, 79, first=2019), 4, 79.0, 0.0, 4, ("2021", "2024"),
                 id="window-keeps-recent"),
    # +4.5 a year from 94.7 (mean of 90, 95, 99) two years on: ≈ 103.7, clamped.
    pytest.param(SHARE, years(90, 95, 99), 6, 100.0, 4.5, 3, ("2022", "2024"), id="ceiling-100"),
    pytest.param(WAITING, years(12, 7, 2), 6, 0.0, -5.0, 3, ("2022", "2024"), id="floor-0"),
    # Not a share: 31.7 − 27.5 · 2 ≈ −23.3 days is left as it is.
    pytest.param(DAYS, years(60, 30, 5), 6, 31.0 + 2 / 3 - 55.0, -27.5, 3, ("2022", "2024"),
                 id="non-share-not-clamped"),
    pytest.param(REMOTE, years(30, 32, 34), 6, 36.0, 2.0, 3, ("2022", "2024"), id="annual-to-quarter"),
    # Year, quarter, month a quarter apart, +1 each: ≈ 4 a year, 74 by the end of 2025.
    pytest.param(SHARE, [("2025-06", 72.0), ("2024", 70.0), ("2025Q1", 71.0)], 6, 74.0, 4.0, 3,
                 ("2024", "2025-06"), id="mixed-grains-sorted"),
]
# fmt: on


@pytest.mark.parametrize(("goal", "actuals", "window", "at_target", "per_year", "n", "span"), PROJECTIONS)
def test_projection(goal, actuals, window, at_target, per_year, n, span) -> None:
    projection = project(goal, actuals, window=window)
    assert projection.value_at_target == pytest.approx(at_target, abs=0.1)
    assert projection.slope_per_year == pytest.approx(per_year, abs=0.05)
    assert (projection.n_points, (projection.first_period, projection.last_period)) == (n, span)


def test_projection_points_for_drawing_run_first_last_target() -> None:
    projection = project(SHARE, years(66, 71, 76))
    assert [p for p, _ in projection.points] == ["2022", "2024", "2025"]
    assert [v for _, v in projection.points] == pytest.approx([66.0, 76.0, 81.0], abs=0.1)


def test_projection_points_stay_in_time_order_after_the_deadline() -> None:
    projection = project(SHARE, years(75, 95, 79, first=2024))
    assert [p for p, _ in projection.points] == ["2024", "2025", "2026"]


@pytest.mark.parametrize(
    "actuals",
    [
        pytest.param([], id="none"),
        pytest.param(years(70), id="one"),
        pytest.param([("2024", 70.0), ("2023", None), ("2022", math.nan)], id="one-after-skipping-missing"),
        pytest.param([("2025Q1", 70.0), ("2025-03", 71.0)], id="two-at-one-time"),
    ],
)
def test_no_projection_without_two_points_in_time(actuals) -> None:
    assert project(SHARE, actuals) is None


def test_dataframe_and_pairs_agree_and_missing_values_are_skipped() -> None:
    frame = pd.DataFrame(
        {"period": ["2022", "2023", "2024", "2025Q1"], "value": [66.0, None, 76.0, math.nan], "source_id": 1}
    )
    assert project(SHARE, frame) == project(SHARE, [("2022", 66.0), ("2024", 76.0)])
    assert assess(SHARE, frame).n_points == 2


def test_written_periods_are_read_and_nonsense_is_refused() -> None:
    assert sorted_actuals([("3/2025", 81.0), ("Q4/2024", 82.0)]) == [("2024Q4", 82.0), ("2025-03", 81.0)]
    with pytest.raises(ValueError, match="not a period"):
        sorted_actuals([("soon", 1.0)])


def test_too_few_points_says_how_many_and_still_gives_the_numbers() -> None:
    result = assess(SHARE, years(76, 78), min_points=3)
    assert (result.verdict, result.n_points, result.min_points) == (Verdict.NOT_JUDGED, 2, 3)
    assert (result.latest_period, result.gap_target) == ("2023", -2.0)


@pytest.mark.parametrize(("window", "min_points"), [(1, 3), (6, 0)], ids=["window-1", "min-points-0"])
def test_meaningless_settings_are_refused(window: int, min_points: int) -> None:
    with pytest.raises(ValueError):
        assess(SHARE, years(66, 71, 76), window=window, min_points=min_points)


values = st.floats(min_value=0, max_value=100, allow_nan=False)


@settings(deadline=None, max_examples=80)
@given(st.lists(values, min_size=2, max_size=8), st.booleans())
def test_share_projections_stay_within_0_and_100(series: list[float], higher_is_better: bool) -> None:
    goal = Goal("x", 50.0, "2015", 80.0 if higher_is_better else 20.0, "2025Q4", higher_is_better)
    projection = project(goal, years(*series, first=2016))
    assert 0.0 <= projection.value_at_target <= 100.0
    assert all(0.0 <= v <= 100.0 for _, v in projection.points)


@settings(deadline=None, max_examples=80)
@given(values, values, values)
def test_gap_sign_flips_with_direction(value: float, baseline: float, target: float) -> None:
    up = Goal("x", baseline, "2020", target, "2025Q4")
    down = Goal("x", baseline, "2020", target, "2025Q4", higher_is_better=False)
    assert gap_to_target(up, value) == -gap_to_target(down, value)
    assert gap_to_path(up, "2023Q2", value) == -gap_to_path(down, "2023Q2", value)


@settings(deadline=None, max_examples=80)
@given(st.lists(values, min_size=0, max_size=6), values, values)
def test_mirrored_goal_gets_the_same_verdict(series: list[float], baseline: float, target: float) -> None:
    # Negating every number and flipping the direction describes the same progress.
    up = Goal("x", baseline, "2020", target, "2025Q4", is_share=False)
    down = Goal("x", -baseline, "2020", -target, "2025Q4", higher_is_better=False, is_share=False)
    actuals = years(*series, first=2021)
    assert assess(up, actuals).verdict is assess(down, [(p, -v) for p, v in actuals]).verdict


@settings(deadline=None, max_examples=60)
@given(values, values, st.sampled_from(["2021", "2022Q3", "2023-07", "2024Q4", "2025-06"]))
def test_path_lies_between_baseline_and_target(baseline: float, target: float, period: str) -> None:
    goal = Goal("x", baseline, "2020-12", target, "2025Q4")
    assert min(baseline, target) - 1e-9 <= path_value(goal, period) <= max(baseline, target) + 1e-9


@settings(deadline=None, max_examples=60)
@given(st.permutations(years(70.0, 72.5, 71.0, 75.0, 74.0, first=2020)))
def test_order_of_actuals_does_not_matter(shuffled: list[tuple[str, float]]) -> None:
    assert assess(SHARE, shuffled) == assess(SHARE, years(70.0, 72.5, 71.0, 75.0, 74.0, first=2020))
