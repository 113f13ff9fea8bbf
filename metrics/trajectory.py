"""Required path, least-squares projection and verdict of one indicator in one area against its target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from domain.periods import canonical, end, sort_key

DAYS_PER_YEAR = 365.25
# Float noise of the fit must not turn "exactly at the target" into a miss; far below any shown decimal.
TOLERANCE = 1e-9

Actuals = Iterable[tuple[str, float | None]] | pd.DataFrame


@dataclass(frozen=True)
class Goal:
    indicator_code: str  # "care_guarantee_7day_share" (hoitotakuu: kiireetön käynti 7 vrk:ssa)
    baseline: float
    baseline_period: str  # canonical: "2020-01", "2025Q4", "2024"
    target: float
    target_period: str
    higher_is_better: bool = True
    is_share: bool = True  # a percentage in 0–100: projections are clamped to it


class Verdict(StrEnum):
    MET = "met"
    MET_BUT_FALLING = "met_but_falling"  # 81 % in 3/2025 against 80 %, trend down (worsening)
    ON_TRACK = "on_track"  # on or better than the required path, projection reaches the target
    BEHIND_PATH = "behind_path"  # worse than the path, still projected to reach the target
    OFF_TRACK = "off_track"  # projection misses the target, or the target date passed unmet
    NOT_JUDGED = "not_judged"  # too few points to say


@dataclass(frozen=True)
class Projection:
    value_at_target: float  # the fitted line at the end of the target period (clamped for shares)
    slope_per_year: float  # unclamped; its sign says which way the trend goes
    n_points: int  # actuals in the fit
    first_period: str
    last_period: str
    points: tuple[tuple[str, float], ...]  # fitted at the first and last actual and the target, in order


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    latest_period: str | None
    latest_value: float | None
    gap_path: float | None  # percentage points, positive = better than the path
    gap_target: float | None  # percentage points, positive = better than the target
    projection: Projection | None
    n_points: int  # every usable actual given
    min_points: int  # needed for a verdict


def _years(day: date, origin: date) -> float:
    return (day - origin).days / DAYS_PER_YEAR


def _better(goal: Goal) -> float:
    """+1 when a higher value is better, -1 when lower is: multiplying by it makes "positive = better"."""
    return 1.0 if goal.higher_is_better else -1.0


def path_value(goal: Goal, period: str) -> float:
    """The required path at the end of `period`.

    A straight line in time from the baseline (at the end of its period) to the target (at the end of
    its period). Before the baseline the path is the baseline; after the target period it stays at the
    target, since the goal is to reach it and hold it, not to keep climbing.
    """
    start, stop, when = end(goal.baseline_period), end(goal.target_period), end(period)
    if when >= stop:
        return goal.target
    if when <= start:
        return goal.baseline
    share = (when - start).days / (stop - start).days
    return goal.baseline + (goal.target - goal.baseline) * share


def gap_to_path(goal: Goal, period: str, value: float) -> float:
    """Percentage points between `value` and the path at `period`; positive = better than the path."""
    return _better(goal) * (value - path_value(goal, period))


def gap_to_target(goal: Goal, value: float) -> float:
    """Percentage points between `value` and the target; positive = better than the target."""
    return _better(goal) * (value - goal.target)


def sorted_actuals(actuals: Actuals) -> list[tuple[str, float]]:
    """(period, value) pairs in time order, canonical periods, missing values dropped.

    Accepts pairs or a DataFrame with columns period and value (others are ignored). A period that is
    not a period raises ValueError, so a bad row is not silently taken for some other time.
    """
    if isinstance(actuals, pd.DataFrame):
        pairs: Iterable = actuals[["period", "value"]].itertuples(index=False)
    else:
        pairs = actuals
    clean = []
    for raw_period, value in pairs:
        if value is None or pd.isna(value):  # no data is not zero
            continue
        period = canonical(str(raw_period))
        if period is None:
            raise ValueError(f"not a period: {raw_period!r}")
        clean.append((period, float(value)))
    return sorted(clean, key=lambda pair: sort_key(pair[0]))


def _clamp(goal: Goal, value: float) -> float:
    return min(100.0, max(0.0, value)) if goal.is_share else value


def project(goal: Goal, actuals: Actuals, window: int = 6) -> Projection | None:
    """Least squares through the last `window` actuals, extended to the end of the target period.

    Each actual stands at the end of its period, so annual, quarterly and monthly values mix. None when
    fewer than 2 actuals remain, or when they all stand at the same point in time (no slope to fit).
    """
    if window < 2:
        raise ValueError(f"a line needs a window of at least 2 points, got {window}")
    recent = sorted_actuals(actuals)[-window:]
    if len({end(period) for period, _ in recent}) < 2:
        return None
    origin = end(recent[-1][0])
    xs = [_years(end(period), origin) for period, _ in recent]
    ys = [value for _, value in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = covariance / sum((x - mean_x) ** 2 for x in xs)

    def fitted(period: str) -> float:
        return _clamp(goal, mean_y + slope * (_years(end(period), origin) - mean_x))

    drawn = sorted(dict.fromkeys([recent[0][0], recent[-1][0], goal.target_period]), key=sort_key)
    return Projection(
        value_at_target=fitted(goal.target_period),
        slope_per_year=slope,
        n_points=len(recent),
        first_period=recent[0][0],
        last_period=recent[-1][0],
        points=tuple((period, fitted(period)) for period in drawn),
    )


def assess(goal: Goal, actuals: Actuals, window: int = 6, min_points: int = 3) -> Assessment:
    """The verdict on the latest actual and the projection, with the numbers behind it.

    Rules, first match wins ("better" and "worse" follow `higher_is_better`):
    1. NOT_JUDGED: fewer than `min_points` actuals (all given, before the baseline too).
    2. MET: the latest actual meets the target and the fitted trend is flat or improving
       (also when there is no trend to fit).
    3. MET_BUT_FALLING: the latest meets the target but the trend worsens (the seed case: 81 % in 3/2025
       against 80 %, falling nationally). Needs a fit, so 2+ points at different times.
    4. OFF_TRACK: the target period has ended (the latest actual is at or after it) and it is not met.
    5. NOT_JUDGED: no trend can be fitted (all actuals at one point in time).
    6. ON_TRACK: the projection reaches the target and the latest is on or better than the path.
    7. BEHIND_PATH: the projection reaches the target but the latest is worse than the path.
    8. OFF_TRACK: the projection misses the target (also when the latest is on the path today).
    Ties go in the area's favour: exactly at the target meets it, exactly on the path is on it, a
    projection exactly at the target reaches it, and a flat trend does not count as falling.
    """
    if min_points < 1:
        raise ValueError(f"min_points must be at least 1, got {min_points}")
    points = sorted_actuals(actuals)
    if not points:
        return Assessment(Verdict.NOT_JUDGED, None, None, None, None, None, 0, min_points)
    period, value = points[-1]
    gap_path, gap_target = gap_to_path(goal, period, value), gap_to_target(goal, value)
    projection = project(goal, points, window)
    verdict = _verdict(goal, period, gap_path, gap_target, projection, len(points) < min_points)
    return Assessment(verdict, period, value, gap_path, gap_target, projection, len(points), min_points)


def _verdict(
    goal: Goal, latest: str, gap_path: float, gap_target: float, projection: Projection | None, too_few: bool
) -> Verdict:
    if too_few:
        return Verdict.NOT_JUDGED
    if gap_target >= -TOLERANCE:
        worsening = projection is not None and _better(goal) * projection.slope_per_year < -TOLERANCE
        return Verdict.MET_BUT_FALLING if worsening else Verdict.MET
    if end(latest) >= end(goal.target_period):
        return Verdict.OFF_TRACK
    if projection is None:
        return Verdict.NOT_JUDGED
    if gap_to_target(goal, projection.value_at_target) < -TOLERANCE:
        return Verdict.OFF_TRACK
    return Verdict.ON_TRACK if gap_path >= -TOLERANCE else Verdict.BEHIND_PATH
