"""Required path, projection and verdict of one indicator in one area, against its Q4/2025 target.

Verdict rules (higher is better; mirrored when lower is better):
- NOT_JUDGED: fewer than `min_points` actuals.
- MET: the latest actual meets the target and the fitted trend is not moving away from it.
- MET_BUT_FALLING: the latest meets the target but the trend moves away (81 % in 3/2025 against 80 %, falling).
- ON_TRACK: the latest is on or better than the required path and the projection reaches the target.
- BEHIND_PATH: the latest is worse than the path, but the projection still reaches the target.
- OFF_TRACK: the projection misses the target.
Ties count in the area's favour: exactly on the path is on it, exactly at the target meets it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from metrics.periods import end, sort_key

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Goal:
    indicator_code: str
    baseline: float
    baseline_period: str
    target: float
    target_period: str
    higher_is_better: bool = True
    is_share: bool = True  # clamp projections to 0–100


class Verdict(StrEnum):
    MET = "met"
    MET_BUT_FALLING = "met_but_falling"
    ON_TRACK = "on_track"
    BEHIND_PATH = "behind_path"
    OFF_TRACK = "off_track"
    NOT_JUDGED = "not_judged"


@dataclass(frozen=True)
class Projection:
    value_at_target: float
    slope_per_year: float
    n_points: int
    first_period: str
    last_period: str
    points: tuple[tuple[str, float], ...]  # the fitted line at the first and last actual and the target period


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    latest_period: str | None
    latest_value: float | None
    gap_path: float | None  # percentage points, positive = better than the path
    gap_target: float | None  # percentage points, positive = better than the target
    projection: Projection | None
    n_points: int
    min_points: int


def _years(day: date, origin: date) -> float:
    return (day - origin).days / DAYS_PER_YEAR


def _sign(goal: Goal) -> float:
    return 1.0 if goal.higher_is_better else -1.0


def path_value(goal: Goal, period: str) -> float:
    """The straight line from the baseline to the target, at the end of `period` (extended beyond both)."""
    start, stop = end(goal.baseline_period), end(goal.target_period)
    span = _years(stop, start)
    share = _years(end(period), start) / span if span else 1.0
    return goal.baseline + (goal.target - goal.baseline) * share


def gap_to_path(goal: Goal, period: str, value: float) -> float:
    return _sign(goal) * (value - path_value(goal, period))


def gap_to_target(goal: Goal, value: float) -> float:
    return _sign(goal) * (value - goal.target)


def _points(actuals: Iterable[tuple[str, float]] | pd.DataFrame) -> list[tuple[str, float]]:
    pairs = actuals[["period", "value"]].itertuples(index=False) if isinstance(actuals, pd.DataFrame) else actuals
    clean = [(str(p), float(v)) for p, v in pairs if v is not None and v == v]
    return sorted(clean, key=lambda pair: sort_key(pair[0]))


def _clamp(goal: Goal, value: float) -> float:
    return min(100.0, max(0.0, value)) if goal.is_share else value


def project(goal: Goal, actuals: Iterable[tuple[str, float]] | pd.DataFrame, window: int = 6) -> Projection | None:
    """Least squares on the last `window` actuals, extended to the target period; None under 2 points."""
    recent = _points(actuals)[-window:]
    if len(recent) < 2:
        return None
    origin = end(recent[0][0])
    xs = [_years(end(p), origin) for p, _ in recent]
    ys = [v for _, v in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0

    def fitted(period: str) -> float:
        return _clamp(goal, mean_y + slope * (_years(end(period), origin) - mean_x))

    ends = [recent[0][0], recent[-1][0], goal.target_period]
    return Projection(
        fitted(goal.target_period),
        slope,
        len(recent),
        recent[0][0],
        recent[-1][0],
        tuple((p, fitted(p)) for p in dict.fromkeys(ends)),
    )


def assess(
    goal: Goal, actuals: Iterable[tuple[str, float]] | pd.DataFrame, window: int = 6, min_points: int = 3
) -> Assessment:
    points = _points(actuals)
    if not points:
        return Assessment(Verdict.NOT_JUDGED, None, None, None, None, None, 0, min_points)
    period, value = points[-1]
    gap_path, gap_target = gap_to_path(goal, period, value), gap_to_target(goal, value)
    projection = project(goal, points, window)
    if len(points) < min_points:
        return Assessment(Verdict.NOT_JUDGED, period, value, gap_path, gap_target, projection, len(points), min_points)
    moving_away = projection is not None and _sign(goal) * projection.slope_per_year < 0
    reaches = projection is not None and gap_to_target(goal, projection.value_at_target) >= 0
    if gap_target >= 0:
        verdict = Verdict.MET_BUT_FALLING if moving_away else Verdict.MET
    elif reaches:
        verdict = Verdict.ON_TRACK if gap_path >= 0 else Verdict.BEHIND_PATH
    else:
        verdict = Verdict.OFF_TRACK
    return Assessment(verdict, period, value, gap_path, gap_target, projection, len(points), min_points)
