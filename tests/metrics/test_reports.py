"""County-report metrics, table-driven: light changes, streaks, completeness, elapsed time, pace, digest."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.programme import DIMENSIONS
from metrics.changes import ChangeKind, digest, target_crossing
from metrics.reports import (
    Direction,
    Pace,
    completeness,
    direction,
    elapsed_share,
    history,
    last_reported,
    missing_cells,
    pace,
    previous_quarter,
    progress_comparison,
    quarters,
    stopped_reporting,
    utilisation,
)

G, Y, R, N = "on_track", "monitor", "quick_action", "not_reported"


def lights(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """(period, area, investment, dimension, status) rows."""
    return pd.DataFrame(rows, columns=["period", "region_code", "investment", "dimension", "status"])


def one_light(statuses: dict[str, str], area: str = "18") -> pd.DataFrame:
    return lights(*((p, area, "P4I1", "schedule", s) for p, s in statuses.items()))


@pytest.mark.parametrize(("period", "previous"), [("2024Q3", "2024Q2"), ("2024Q1", "2023Q4"), ("2025Q4", "2025Q3")])
def test_previous_quarter(period: str, previous: str) -> None:
    assert previous_quarter(period) == previous


def test_quarters_span_a_year_end() -> None:
    assert quarters("2023Q3", "2024Q2") == ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (G, Y, Direction.WORSE),
        (Y, R, Direction.WORSE),
        (G, R, Direction.WORSE),
        (R, Y, Direction.BETTER),
        (Y, G, Direction.BETTER),
        (G, N, Direction.OTHER),
        (N, R, Direction.OTHER),
        (Y, Y, None),
    ],
)
def test_direction(before: str, after: str, expected: Direction | None) -> None:
    assert direction(before, after) == expected


@pytest.mark.parametrize(
    ("statuses", "changes", "streaks"),
    [
        # green, then red three quarters running: the streak counts 1, 2, 3
        ({"2024Q1": G, "2024Q2": R, "2024Q3": R, "2024Q4": R}, [None, "worse", None, None], [0, 1, 2, 3]),
        # yellow → red restarts the streak; red → yellow too
        ({"2024Q1": Y, "2024Q2": Y, "2024Q3": R, "2024Q4": Y}, [None, None, "worse", "better"], [1, 2, 1, 1]),
        # a missing quarter breaks both the change and the streak
        ({"2024Q1": R, "2024Q2": R, "2024Q4": R}, [None, None, None], [1, 2, 1]),
        # "not reported" is a status: a change of kind other, and never a streak
        ({"2024Q1": G, "2024Q2": N, "2024Q3": N, "2024Q4": Y}, [None, "other", None, "other"], [0, 0, 0, 1]),
    ],
)
def test_history_marks_changes_and_streaks(statuses: dict, changes: list, streaks: list) -> None:
    marked = history(one_light(statuses))
    assert marked["period"].tolist() == list(statuses)
    assert [c if isinstance(c, str) else None for c in marked["change"]] == changes
    assert marked["streak"].tolist() == streaks


def test_history_keeps_lights_apart() -> None:
    both = pd.concat([one_light({"2024Q1": R, "2024Q2": R}, "18"), one_light({"2024Q1": G, "2024Q2": R}, "19")])
    marked = history(both).set_index(["region_code", "period"])
    assert marked.loc[("18", "2024Q2"), "streak"] == 2
    assert marked.loc[("19", "2024Q2"), "streak"] == 1 and marked.loc[("19", "2024Q2"), "change"] == "worse"


def full_quarter(period: str, area: str, status: str = G, skip: tuple[str, ...] = ()) -> list[tuple]:
    return [(period, area, "P4I1", d, status) for d in DIMENSIONS if d not in skip]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # every cell reported, one of them "not reported": complete, with the status counted
        (
            [*full_quarter("2024Q3", "18", skip=("benefits",)), ("2024Q3", "18", "P4I1", "benefits", N)],
            {"expected": 7, "reported": 7, "not_reported": 1, "missing": 0},
        ),
        # a missing row is missing data
        (full_quarter("2024Q3", "18", skip=("risks", "staff")), {"expected": 7, "reported": 5, "missing": 2}),
    ],
)
def test_completeness_tells_not_reported_from_missing(rows: list, expected: dict) -> None:
    counts = completeness(lights(*rows), ["2024Q3"]).iloc[0].to_dict()
    assert {key: counts[key] for key in expected} == expected


def test_completeness_expects_each_areas_own_investments_every_quarter() -> None:
    reports = lights(
        *full_quarter("2024Q2", "18"), ("2024Q2", "18", "P3_IPS", "schedule", G), *full_quarter("2024Q2", "19")
    )
    counts = completeness(reports, ["2024Q2", "2024Q3"]).set_index(["region_code", "period"])
    assert counts.loc[("18", "2024Q2"), "expected"] == 14 and counts.loc[("18", "2024Q2"), "missing"] == 6
    assert counts.loc[("19", "2024Q3"), "reported"] == 0 and counts.loc[("19", "2024Q3"), "missing"] == 7
    missing = missing_cells(reports, ["2024Q2"])
    assert set(missing["investment"]) == {"P3_IPS"} and len(missing) == 6


def test_last_reported_and_stopped_reporting() -> None:
    reports = lights(*full_quarter("2024Q4", "18"), *full_quarter("2024Q4", "19"), *full_quarter("2025Q1", "19"))
    assert last_reported(reports) == {"18": "2024Q4", "19": "2025Q1"}
    assert stopped_reporting(reports, "2025Q1") == ["18"]
    assert stopped_reporting(reports, "2024Q4") == []


@pytest.mark.parametrize(
    ("on", "share"),
    [
        (date(2022, 12, 31), 0.0),
        (date(2023, 1, 1), 0.1),
        (date(2024, 6, 30), 49.9),
        (date(2025, 12, 31), 100.0),
        (date(2026, 5, 1), 100.0),
    ],
)
def test_elapsed_share(on: date, share: float) -> None:
    assert elapsed_share(on) == share


@pytest.mark.parametrize(
    ("budget", "realised", "elapsed", "used", "verdict"),
    [
        (6_636_000, 4_717_754.64, 77.6, 71.09, Pace.ON_PACE),  # Keski-Pohjanmaa 4/2025 (000)
        (313_000, 310_661.43, 77.6, 99.25, Pace.AHEAD),
        (147_897, 61_254.65, 77.6, 41.42, Pace.BEHIND),
        (1_732_000, None, 77.6, None, Pace.UNKNOWN),
        (0, 0, 77.6, None, Pace.UNKNOWN),
    ],
)
def test_utilisation_and_pace(budget, realised, elapsed, used, verdict) -> None:
    got = utilisation(budget, realised)
    assert (round(got, 2) if got is not None else None) == used
    assert pace(got, elapsed) == verdict


def progress_rows(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["period", "region_code", "investment", "percent"]).assign(is_demo=False)


def test_progress_comparison_with_previous_quarter_and_elapsed_time() -> None:
    data = progress_rows(("2024Q2", "18", "P4I1", 50), ("2024Q3", "18", "P4I1", 70), ("2024Q3", "19", "P4I1", 60))
    compared = progress_comparison(data, "2024Q3").set_index("region_code")
    assert compared.loc["18", "previous"] == 50 and compared.loc["18", "change"] == 20
    assert pd.isna(compared.loc["19", "previous"]) and pd.isna(compared.loc["19", "change"])
    assert compared.loc["18", "elapsed"] == 58.3  # 30.9.2024 in a 2023–2025 project
    assert compared.loc["19", "gap_to_elapsed"] == pytest.approx(1.7)


@pytest.mark.parametrize(
    ("values", "target", "higher", "kind"),
    [
        ((78, 81), 80, True, ChangeKind.TARGET_REACHED),
        ((82, 79), 80, True, ChangeKind.TARGET_LOST),
        ((81, 82), 80, True, None),
        ((120, 95), 100, False, ChangeKind.TARGET_REACHED),
    ],
)
def test_target_crossing(values: tuple, target: float, higher: bool, kind: ChangeKind | None) -> None:
    actuals = pd.DataFrame({"period": ["2024Q4", "2025Q1"], "value": values})
    found = target_crossing("care_guarantee_7day_share", actuals, target, higher, "2025Q2")
    assert (found.kind if found else None) == kind


def test_digest_orders_by_importance_and_groups_dimensions() -> None:
    reports = lights(
        *full_quarter("2024Q4", "18"),
        *full_quarter("2024Q4", "19"),
        *full_quarter("2024Q4", "20"),
        *full_quarter("2025Q1", "19", skip=("schedule", "costs")),
        ("2025Q1", "19", "P4I1", "schedule", R),
        ("2025Q1", "19", "P4I1", "costs", R),
        *full_quarter("2025Q1", "20", skip=("risks",)),
        ("2025Q1", "20", "P4I1", "risks", Y),
    )
    progress = progress_rows(("2024Q4", "20", "P4I1", 40), ("2025Q1", "20", "P4I1", 70), ("2025Q1", "19", "P4I1", 5))
    crossing = target_crossing("x", pd.DataFrame({"period": ["2024", "2025Q1"], "value": [82, 79]}), 80, True, "2025Q1")
    found = digest(reports, progress, "2025Q1", [crossing])
    assert [c.kind for c in found.items] == [
        ChangeKind.STOPPED_REPORTING,
        ChangeKind.TARGET_LOST,
        ChangeKind.LIGHT_RED,
        ChangeKind.LIGHT_YELLOW,
        ChangeKind.PROGRESS_JUMP,
    ]
    red = found.items[2]
    assert (red.region_code, red.dimensions) == ("19", ("schedule", "costs"))
    assert found.items[0].region_code == "18" and found.total == 5
    short = digest(reports, progress, "2025Q1", [crossing], limit=2)
    assert len(short.items) == 2 and short.total == 5


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from([G, Y, R, N]), min_size=1, max_size=8))
def test_streak_never_exceeds_the_run_of_equal_statuses(statuses: list[str]) -> None:
    periods = quarters("2023Q3", "2025Q2")[: len(statuses)]
    marked = history(one_light(dict(zip(periods, statuses, strict=False))))
    for i, (status, streak) in enumerate(zip(marked["status"], marked["streak"], strict=True)):
        run = 1
        while i - run >= 0 and statuses[i - run] == status:
            run += 1
        assert streak == (run if status in (Y, R) else 0)


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ((70, 79), ChangeKind.PATH_REACHED),  # below the 67 → 80 path in Q3/2024, above it in Q4/2024
        ((79, 70), ChangeKind.PATH_LOST),
        ((79, 81), ChangeKind.TARGET_REACHED),  # crossing the target wins over crossing the path
        ((70, 71), None),
    ],
)
def test_indicator_crossing_uses_the_required_path(values: tuple, kind: ChangeKind | None) -> None:
    from metrics.changes import indicator_crossing
    from metrics.trajectory import Goal

    goal = Goal("care_guarantee_7day_share", 67.0, "2020-01", 80.0, "2025Q4")
    actuals = pd.DataFrame({"period": ["2024Q3", "2024Q4"], "value": values})
    found = indicator_crossing(goal, actuals, "2025Q1")
    assert (found.kind if found else None) == kind
