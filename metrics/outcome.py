"""After the deadline: the value at a target period, whether it met the target, and what happened since.

A target "80 % by Q4/2025" is judged on the value at Q4/2025, not on the latest value: an area that reached
it at the deadline and slipped afterwards met it, and slipped. Periods nest (month in quarter in year), so
an actual either lies inside the target period, contains it, or lies wholly before or after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import pandas as pd

from domain.periods import bounds, canonical, sort_key
from metrics.trajectory import TOLERANCE, Actuals, sorted_actuals


class DeadlineOutcome(StrEnum):
    MET = "met"  # the value at the deadline meets the target (exactly at it counts)
    MISSED = "missed"
    NO_DATA = "no_data"  # no actual equals, lies inside or contains the target period


class SinceDeadline(StrEnum):
    HELD = "held"  # met at the deadline, the latest later value still meets it
    SLIPPED = "slipped"  # met at the deadline, the latest later value does not
    REACHED_LATER = "reached_later"  # missed (or unknown) at the deadline, met by the latest later value
    STILL_SHORT = "still_short"  # missed (or unknown) at the deadline, and still not met
    NO_LATER_DATA = "no_later_data"  # nothing measured after the target period


class DeadlineSource(StrEnum):
    """Which rule found the value at the deadline."""

    EXACT = "exact"  # the actual of the target period itself
    FINER = "finer"  # the latest month or quarter inside it (Q4/2025 → 12/2025 before 11/2025)
    COARSER = "coarser"  # the period that contains it (Q4/2025 → 2025)


class Reading(NamedTuple):
    period: str  # canonical
    value: float


@dataclass(frozen=True)
class Outcome:
    target: float
    target_period: str
    higher_is_better: bool
    deadline: DeadlineOutcome
    at_deadline: Reading | None  # the value judged, and the period it is from
    source: DeadlineSource | None  # None with no value at the deadline
    gap_at_deadline: float | None  # positive = better than the target
    since: SinceDeadline
    latest: Reading | None  # the latest actual after the target period
    gap_latest: float | None
    before: Reading | None  # with no value at the deadline: the last actual before it
    before_met: bool | None


def gap(target: float, value: float, higher_is_better: bool) -> float:
    """Distance from the target, positive = better than it (as metrics.trajectory.gap_to_target)."""
    return (value - target) if higher_is_better else (target - value)


def meets(target: float, value: float, higher_is_better: bool) -> bool:
    """Exactly at the target meets it; float noise far below any shown decimal does not decide."""
    return gap(target, value, higher_is_better) >= -TOLERANCE


def readings(actuals: Actuals) -> list[Reading]:
    """One value per period, in time order; where a frame has is_demo, a real value wins over a demo one."""
    if isinstance(actuals, pd.DataFrame) and "is_demo" in actuals.columns:
        demo = actuals["is_demo"].fillna(False).astype(bool).tolist()
        pairs = list(zip(actuals["period"].tolist(), actuals["value"].tolist(), strict=True))
        # Demo rows first, then real ones, each in their order: a real value is the later one and wins.
        actuals = [pair for flag in (True, False) for pair, is_demo in zip(pairs, demo, strict=True) if is_demo is flag]
    latest: dict[str, float] = {}
    for period, value in sorted_actuals(actuals):  # stable: of equal periods, the later row wins
        latest[period] = value
    return [Reading(p, v) for p, v in sorted(latest.items(), key=lambda pv: sort_key(pv[0]))]


def _period(raw: str) -> str:
    period = canonical(str(raw))
    if period is None:
        raise ValueError(f"not a period: {raw!r}")
    return period


def value_at_deadline(target_period: str, actuals: Actuals) -> tuple[Reading, DeadlineSource] | None:
    """The value that stands for the target period, and which rule found it.

    1. the actual of the target period itself;
    2. else the latest actual inside it (the latest end; of equal ends the longer period, so a year
       target takes Q4 before December);
    3. else the shortest actual that contains it (a month target takes its quarter before its year).
    """
    period = _period(target_period)
    first, last = bounds(period)
    finer, coarser = [], []
    for reading in readings(actuals):
        if reading.period == period:
            return reading, DeadlineSource.EXACT
        start, stop = bounds(reading.period)
        if first <= start and stop <= last:
            finer.append(reading)
        elif start <= first and last <= stop:
            coarser.append(reading)
    if finer:
        return max(finer, key=lambda r: (bounds(r.period)[1], -bounds(r.period)[0].toordinal())), DeadlineSource.FINER
    if coarser:
        return min(coarser, key=lambda r: bounds(r.period)[1] - bounds(r.period)[0]), DeadlineSource.COARSER
    return None


def latest_after(target_period: str, actuals: Actuals) -> Reading | None:
    """The latest actual that starts after the target period has ended."""
    last = bounds(_period(target_period))[1]
    after = [r for r in readings(actuals) if bounds(r.period)[0] > last]
    return after[-1] if after else None


def last_before(target_period: str, actuals: Actuals) -> Reading | None:
    """The latest actual that ended before the target period began."""
    first = bounds(_period(target_period))[0]
    before = [r for r in readings(actuals) if bounds(r.period)[1] < first]
    return before[-1] if before else None


def outcome(target: float, target_period: str, actuals: Actuals, higher_is_better: bool = True) -> Outcome:
    """Met, missed or no data at the deadline, and held, slipped, reached later or still short since."""
    period = _period(target_period)
    points = readings(actuals)
    found = value_at_deadline(period, points)
    later = latest_after(period, points)
    at, source = found if found else (None, None)
    if at is None:
        deadline = DeadlineOutcome.NO_DATA
    elif meets(target, at.value, higher_is_better):
        deadline = DeadlineOutcome.MET
    else:
        deadline = DeadlineOutcome.MISSED
    before = last_before(period, points) if at is None else None
    return Outcome(
        target=float(target),
        target_period=period,
        higher_is_better=higher_is_better,
        deadline=deadline,
        at_deadline=at,
        source=source,
        gap_at_deadline=None if at is None else gap(target, at.value, higher_is_better),
        since=_since(deadline, target, later, higher_is_better),
        latest=later,
        gap_latest=None if later is None else gap(target, later.value, higher_is_better),
        before=before,
        before_met=None if before is None else meets(target, before.value, higher_is_better),
    )


def _since(deadline: DeadlineOutcome, target: float, later: Reading | None, higher: bool) -> SinceDeadline:
    if later is None:
        return SinceDeadline.NO_LATER_DATA
    met_now = meets(target, later.value, higher)
    if deadline is DeadlineOutcome.MET:
        return SinceDeadline.HELD if met_now else SinceDeadline.SLIPPED
    return SinceDeadline.REACHED_LATER if met_now else SinceDeadline.STILL_SHORT


def lost_after_reaching(
    target: float, target_period: str, actuals: Actuals, higher_is_better: bool = True
) -> tuple[Reading, Reading] | None:
    """The last step fell below a target that had been reached, at the deadline or since; else None.

    Looks at the value at the deadline and every value after the target period: the last two of them,
    the first meeting the target and the second not.
    """
    points = readings(actuals)
    found = value_at_deadline(target_period, points)
    last = bounds(_period(target_period))[1]
    steps = ([found[0]] if found else []) + [r for r in points if bounds(r.period)[0] > last]
    if len(steps) < 2:
        return None
    before, after = steps[-2], steps[-1]
    if meets(target, before.value, higher_is_better) and not meets(target, after.value, higher_is_better):
        return before, after
    return None


# Yleiskuva's reckoning groups areas by their story, best first: met and held, …, nothing known at all.
STORY_ORDER: tuple[tuple[DeadlineOutcome, SinceDeadline], ...] = (
    (DeadlineOutcome.MET, SinceDeadline.HELD),
    (DeadlineOutcome.MET, SinceDeadline.NO_LATER_DATA),
    (DeadlineOutcome.MET, SinceDeadline.SLIPPED),
    (DeadlineOutcome.MISSED, SinceDeadline.REACHED_LATER),
    (DeadlineOutcome.NO_DATA, SinceDeadline.REACHED_LATER),
    (DeadlineOutcome.MISSED, SinceDeadline.STILL_SHORT),
    (DeadlineOutcome.MISSED, SinceDeadline.NO_LATER_DATA),
    (DeadlineOutcome.NO_DATA, SinceDeadline.STILL_SHORT),
    (DeadlineOutcome.NO_DATA, SinceDeadline.NO_LATER_DATA),
)


def story_key(found: Outcome) -> tuple[int, int, float]:
    """Sort key: the story's group (STORY_ORDER), then the best latest value first (else the deadline value)."""
    gap_now = found.gap_latest if found.gap_latest is not None else found.gap_at_deadline
    return STORY_ORDER.index((found.deadline, found.since)), gap_now is None, -(gap_now or 0.0)
