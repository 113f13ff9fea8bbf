"""What changed since the last quarter, most important first: the digest coordinators read first.

Built from the numbers in metrics/reports.py (lights, reporting, progress) and metrics/trajectory.py
(targets and required paths). Returns codes and enums; the sentences come from charts/report_summaries.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from domain.periods import end, sort_key
from metrics.outcome import lost_after_reaching
from metrics.reports import (
    DIMENSIONS,
    Direction,
    Status,
    light_changes,
    progress_comparison,
    stopped_reporting,
)
from metrics.trajectory import Goal, gap_to_path

JUMP = 15.0  # percentage points of progress in one quarter worth mentioning


class ChangeKind(StrEnum):
    STOPPED_REPORTING = "stopped_reporting"  # no information at all is the worst news
    TARGET_SLIPPED = "target_slipped"  # after the deadline, fell below a target it had reached
    TARGET_LOST = "target_lost"
    LIGHT_RED = "light_red"  # turned "needs quick action"
    TARGET_REACHED = "target_reached"
    PATH_LOST = "path_lost"  # fell behind the straight baseline → target path (metrics.trajectory)
    PROGRESS_DROP = "progress_drop"
    LIGHT_YELLOW = "light_yellow"  # turned "to be monitored" from green
    PROGRESS_JUMP = "progress_jump"
    PATH_REACHED = "path_reached"
    LIGHT_BETTER = "light_better"


# Most important first: what a coordinator must act on, then what they should know.
IMPORTANCE = {kind: 100 - 10 * rank for rank, kind in enumerate(ChangeKind)}


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    region_code: str | None = None
    investment: str | None = None
    dimensions: tuple[str, ...] = ()  # lights: every dimension of this area and investment that moved so
    before: str | float | None = None
    after: str | float | None = None
    subject: str | None = None  # indicator code for target crossings
    streak: int = 0
    target: float | None = None  # the target a crossing crossed

    @property
    def importance(self) -> int:
        """Kind first; within a kind, more dimensions and longer streaks first."""
        return 10 * IMPORTANCE[self.kind] + min(len(self.dimensions), 7) + min(self.streak, 2)


@dataclass(frozen=True)
class Digest:
    period: str
    items: tuple[Change, ...]  # the most important, ordered
    counts: dict[ChangeKind, int]  # every change found, by kind

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def target_crossing(
    code: str, actuals: pd.DataFrame, target: float, higher_is_better: bool, period: str
) -> Change | None:
    """The indicator's last two values up to the period straddle the target: reached or lost."""
    known = actuals.dropna(subset=["value"])
    known = known[[end(p) <= end(period) for p in known["period"]]]
    if len(known) < 2:
        return None
    ordered = sorted(zip(known["period"], known["value"], strict=True), key=lambda pv: sort_key(pv[0]))
    (_, before), (_, after) = ordered[-2], ordered[-1]
    met = (lambda v: v >= target) if higher_is_better else (lambda v: v <= target)
    if met(before) == met(after):
        return None
    kind = ChangeKind.TARGET_REACHED if met(after) else ChangeKind.TARGET_LOST
    return Change(kind, None, None, (), float(before), float(after), code, target=target)


def target_slipped(goal: Goal, actuals: pd.DataFrame, period: str) -> Change | None:
    """Once the target period has passed: the last value up to `period` fell below a target it had reached.

    Reached means met at the deadline (metrics.outcome's value at the deadline) or by a later value.
    """
    if end(period) <= end(goal.target_period):
        return None
    known = actuals.dropna(subset=["value"])
    known = known[[end(p) <= end(period) for p in known["period"]]]
    lost = lost_after_reaching(goal.target, goal.target_period, known, goal.higher_is_better)
    if lost is None:
        return None
    before, after = lost
    return Change(
        ChangeKind.TARGET_SLIPPED, None, None, (), before.value, after.value, goal.indicator_code, target=goal.target
    )


def indicator_crossing(goal: Goal, actuals: pd.DataFrame, period: str) -> Change | None:
    """A passed target lost after it was reached; else the target crossed between the last two values up to
    the period; else the required path crossed."""
    slipped = target_slipped(goal, actuals, period)
    if slipped is not None:
        return slipped
    crossed = target_crossing(goal.indicator_code, actuals, goal.target, goal.higher_is_better, period)
    if crossed is not None:
        return crossed
    known = actuals.dropna(subset=["value"])
    known = known[[end(p) <= end(period) for p in known["period"]]]
    if len(known) < 2:
        return None
    ordered = sorted(zip(known["period"], known["value"], strict=True), key=lambda pv: sort_key(pv[0]))
    (p0, before), (p1, after) = ordered[-2], ordered[-1]
    on_before, on_after = gap_to_path(goal, p0, before) >= 0, gap_to_path(goal, p1, after) >= 0
    if on_before == on_after:
        return None
    kind = ChangeKind.PATH_REACHED if on_after else ChangeKind.PATH_LOST
    return Change(kind, None, None, (), float(before), float(after), goal.indicator_code, target=goal.target)


def _light_kind(status: str, before: str, change: str) -> ChangeKind | None:
    if status == Status.QUICK_ACTION:
        return ChangeKind.LIGHT_RED
    if status == Status.MONITOR and before == Status.ON_TRACK:
        return ChangeKind.LIGHT_YELLOW
    if change == Direction.BETTER:
        return ChangeKind.LIGHT_BETTER
    return None  # to or from "not reported": the completeness page shows it


def _light_changes(reports: pd.DataFrame, period: str) -> list[Change]:
    """Flipped lights, one Change per kind, area and investment, naming every dimension."""
    groups: dict[tuple, list[tuple[str, int]]] = {}
    for row in light_changes(reports, period).itertuples():
        kind = _light_kind(row.status, row.before, row.change)
        if kind is not None:
            groups.setdefault((kind, row.region_code, row.investment), []).append((row.dimension, row.streak))
    return [
        Change(
            kind,
            area,
            investment,
            tuple(sorted((d for d, _ in moved), key=DIMENSIONS.index)),
            streak=max(s for _, s in moved),
        )
        for (kind, area, investment), moved in groups.items()
    ]


def digest(
    reports: pd.DataFrame, progress: pd.DataFrame, period: str, crossings: Sequence[Change] = (), limit: int = 8
) -> Digest:
    """What changed since the previous quarter, most important first."""
    found = _light_changes(reports, period)
    found += [Change(ChangeKind.STOPPED_REPORTING, area) for area in stopped_reporting(reports, period)]
    found += list(crossings)
    compared = progress_comparison(progress, period).dropna(subset=["change"])
    for row in compared.itertuples():
        if abs(row.change) >= JUMP or row.change < 0:
            kind = ChangeKind.PROGRESS_JUMP if row.change > 0 else ChangeKind.PROGRESS_DROP
            found.append(Change(kind, row.region_code, row.investment, (), row.previous, row.percent))
    found.sort(key=lambda c: (-c.importance, c.region_code or "", c.investment or "", c.subject or ""))
    return Digest(period, tuple(found[:limit]), dict(Counter(c.kind for c in found)))
