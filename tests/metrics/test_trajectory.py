"""Required path, projection and verdicts: table-driven, each expected value worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.trajectory import Goal, Verdict, assess, gap_to_path, gap_to_target, path_value, project

CARE = Goal("care_guarantee_7day_share", 67.0, "2020-01", 80.0, "2025Q4")
DENTAL = Goal("dental_nonurgent_access_days", 150.0, "2022", 90.0, "2025", higher_is_better=False, is_share=False)
QUARTERS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"]


def series(*values: float, periods: list[str] = QUARTERS) -> list[tuple[str, float]]:
    return list(zip(periods[-len(values) :], values, strict=True))


@pytest.mark.parametrize(
    ("goal", "actuals", "expected"),
    [
        # The seed case (000): 81 % in 3/2025 against 80 %, falling since the 2024 peak.
        pytest.param(CARE, [*series(83.5, 83.0, 82.5, 82.0), ("2025-03", 81.0)], Verdict.MET_BUT_FALLING, id="seed"),
        pytest.param(CARE, series(79.0, 80.0, 81.0, 82.0), Verdict.MET, id="met-rising"),
        pytest.param(CARE, series(81.0, 81.0, 81.0), Verdict.MET, id="met-flat-counts-as-holding"),
        pytest.param(CARE, series(80.0, 80.0, 80.0), Verdict.MET, id="exactly-at-target-meets-it"),
        # 77 → 79 in two quarters: +4 pp a year reaches 80 before Q4/2025, path at Q2/2025 ≈ 78.8.
        pytest.param(CARE, series(76.0, 77.0, 78.0, 79.0), Verdict.ON_TRACK, id="on-track"),
        # Below the path (≈ 78.8 at Q2/2025) but rising 2 pp a quarter: reaches 80 by Q4/2025.
        pytest.param(CARE, series(72.0, 74.0, 76.0, 78.0), Verdict.BEHIND_PATH, id="behind-path-will-reach"),
        pytest.param(CARE, series(70.0, 70.5, 71.0, 71.5), Verdict.OFF_TRACK, id="off-track-too-slow"),
        pytest.param(CARE, series(79.0, 78.0, 77.0), Verdict.OFF_TRACK, id="off-track-falling"),
        pytest.param(CARE, series(75.0, 76.0), Verdict.NOT_JUDGED, id="two-points-too-few"),
        pytest.param(CARE, [], Verdict.NOT_JUDGED, id="no-points"),
        # Lower is better: days to dental care 150 → 90; 130, 110, 95 is on the way down.
        # Path at the end of 2024 is 110 days; 100 beats it and the trend reaches 90 by 2025.
        pytest.param(
            DENTAL,
            series(140.0, 120.0, 100.0, periods=["2022", "2023", "2024"]),
            Verdict.ON_TRACK,
            id="lower-is-better-on-track",
        ),
        pytest.param(
            DENTAL, series(95.0, 88.0, 85.0, periods=["2023", "2024", "2025"]), Verdict.MET, id="lower-is-better-met"
        ),
        pytest.param(
            DENTAL,
            series(140.0, 135.0, 130.0, periods=["2023", "2024", "2025"]),
            Verdict.OFF_TRACK,
            id="lower-is-better-off-track",
        ),
    ],
)
def test_verdicts(goal: Goal, actuals: list[tuple[str, float]], expected: Verdict) -> None:
    assert assess(goal, actuals).verdict is expected


def test_path_runs_from_baseline_to_target() -> None:
    assert path_value(CARE, "2020-01") == pytest.approx(67.0)
    assert path_value(CARE, "2025Q4") == pytest.approx(80.0)
    # Half-way in time (end of Jan 2020 → end of Dec 2025): 2022-12 is 35 of 71 months in.
    assert path_value(CARE, "2022-12") == pytest.approx(67.0 + 13.0 * 1065 / 2161, abs=0.01)


def test_gaps_are_positive_when_better_whatever_the_direction() -> None:
    assert gap_to_target(CARE, 78.4) == pytest.approx(-1.6)
    assert gap_to_target(DENTAL, 80.0) == pytest.approx(10.0)  # 80 days beats a 90-day target
    assert gap_to_path(DENTAL, "2025", 100.0) == pytest.approx(-10.0)


def test_projection_states_its_points_and_reaches_the_target_period() -> None:
    projection = project(CARE, series(76.0, 77.0, 78.0, 79.0))
    assert (projection.n_points, projection.first_period, projection.last_period) == (4, "2024Q3", "2025Q2")
    # 1 pp a quarter: two more quarters from 79 gives 81 at the end of 2025.
    assert projection.value_at_target == pytest.approx(81.0, abs=0.05)
    assert projection.points[-1][0] == "2025Q4"


def test_window_keeps_only_the_recent_points() -> None:
    old_then_flat = series(60.0, 70.0, 79.0, 79.0, 79.0, 79.0)
    assert project(CARE, old_then_flat, window=4).slope_per_year == pytest.approx(0.0, abs=1e-9)
    assert project(CARE, old_then_flat, window=6).n_points == 6


def test_shares_are_clamped_at_the_ceiling() -> None:
    projection = project(Goal("x", 90.0, "2020", 100.0, "2025Q4"), series(96.0, 98.0, 100.0, periods=QUARTERS[:3]))
    assert projection.value_at_target == 100.0


def test_annual_actuals_against_a_quarterly_target() -> None:
    remote = Goal("remote_contact_share", 26.0, "2020", 35.0, "2025Q4")
    result = assess(remote, [("2022", 36.5), ("2024", 41.9), ("2023", 39.0)])
    assert (result.verdict, result.latest_period, result.latest_value) == (Verdict.MET, "2024", 41.9)


def test_too_few_points_says_how_many_are_needed() -> None:
    result = assess(CARE, series(75.0, 76.0), min_points=3)
    assert (result.n_points, result.min_points) == (2, 3)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.floats(min_value=0, max_value=100), min_size=2, max_size=6))
def test_share_projections_stay_within_0_and_100(values: list[float]) -> None:
    projection = project(CARE, series(*values))
    assert 0.0 <= projection.value_at_target <= 100.0


@settings(deadline=None, max_examples=60)
@given(st.floats(min_value=0, max_value=200), st.floats(min_value=0, max_value=200))
def test_gap_sign_flips_with_direction(value: float, target: float) -> None:
    up = Goal("x", 0.0, "2020", target, "2025Q4", is_share=False)
    down = Goal("x", 0.0, "2020", target, "2025Q4", higher_is_better=False, is_share=False)
    assert gap_to_target(up, value) == pytest.approx(-gap_to_target(down, value))
