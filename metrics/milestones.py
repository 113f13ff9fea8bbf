"""Several targets per indicator and area: passed ones are milestones with outcomes, the next one gets the path.

Targets come as the store's targets table (region_code, kind, period, value, source_doc). An area has its own
targets and inherits the whole country's at every date it has none of its own (a county's own 85 % by
Q4/2026 after the national 80 % by Q4/2025). The scorecard is the exact table of the export contract.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pandas as pd

from domain import NATIONAL
from domain.periods import canonical, end, sort_key
from metrics.outcome import Outcome, outcome, readings
from metrics.trajectory import Actuals, Assessment, Goal, assess

TARGET_KINDS = ("target", "interim_target")  # baselines are starting points, not targets

# The command-line contract of `python -m export_cli scorecard`: exactly these columns, in this order.
SCORECARD_COLUMNS = (
    "indicator_code",
    "region_code",
    "target_period",
    "target_value",
    "deadline_value",
    "deadline_value_period",
    "deadline_outcome",
    "latest_period",
    "latest_value",
    "since_deadline",
)


@dataclass(frozen=True)
class Target:
    value: float
    period: str  # canonical
    kind: str  # "target", "interim_target" or "baseline"
    region_code: str  # whose it is: the area's own, or the whole country's when inherited
    source_doc: str


@dataclass(frozen=True)
class Milestone:
    target: Target
    outcome: Outcome


@dataclass(frozen=True)
class Reckoning:
    """One indicator in one area on a given day: the targets passed and the one ahead."""

    region_code: str
    passed: tuple[Milestone, ...]  # in time order
    ahead: Target | None  # the next target still ahead; None when all have passed
    goal: Goal | None  # baseline (or the last passed target) → the target ahead; no projection past it
    assessment: Assessment | None  # today's verdict and projection towards the target ahead


class TargetRow(NamedTuple):
    kind: str
    period: str  # as stored; made canonical where it is used
    value: float
    source_doc: str


Targets = Mapping[str, tuple[TargetRow, ...]]  # the targets table by region_code


def by_region(targets: pd.DataFrame | Targets) -> Targets:
    """The targets table grouped by area once, as plain tuples. Views reckon every area of an indicator,
    and filtering the frame anew for each took most of Yleiskuva's build time."""
    if not isinstance(targets, pd.DataFrame):
        return targets
    grouped: dict[str, list[TargetRow]] = {}
    columns = (targets[c] for c in ("region_code", "kind", "period", "value", "source_doc"))
    for region, kind, period, value, doc in zip(*columns, strict=True):
        grouped.setdefault(str(region), []).append(TargetRow(str(kind), str(period), float(value), str(doc)))
    return {region: tuple(rows) for region, rows in grouped.items()}


def _agreed(rows: Sequence[TargetRow], region: str, kind: str) -> Target:
    """One value for one date: the one most documents give; a tie goes to the lower (as metrics.headline)."""
    votes = Counter(row.value for row in rows)
    chosen = max(votes, key=lambda value: (votes[value], -value))
    first = next(row for row in rows if row.value == chosen)
    return Target(chosen, _period(first.period), kind, region, first.source_doc)


def _period(raw: object) -> str:
    period = canonical(str(raw))
    if period is None:
        raise ValueError(f"not a period: {raw!r}")
    return period


def _targets_of(targets: Targets, region: str) -> dict[date, Target]:
    """An area's own targets by deadline day; a final target wins over an interim one on the same day."""
    own = targets.get(region, ())
    found: dict[date, Target] = {}
    for kind in reversed(TARGET_KINDS):  # interim first, so a final target on the same day replaces it
        rows = [row for row in own if row.kind == kind]
        days = [end(_period(row.period)) for row in rows]
        for day in sorted(set(days)):
            found[day] = _agreed([row for row, d in zip(rows, days, strict=True) if d == day], region, kind)
    return found


def schedule(targets: pd.DataFrame | Targets, region: str) -> tuple[Target, ...]:
    """Every target that applies to an area, in time order: its own, and the country's where it has none.

    Dates are compared by the end of their periods, so an own 2025 target replaces a national Q4/2025 one.
    """
    targets = by_region(targets)
    applying = _targets_of(targets, NATIONAL) if region != NATIONAL else {}
    applying |= _targets_of(targets, region)
    return tuple(applying[day] for day in sorted(applying))


def baseline(targets: pd.DataFrame | Targets, region: str) -> Target | None:
    """The area's latest baseline, else the whole country's."""
    targets = by_region(targets)
    for owner in dict.fromkeys((region, NATIONAL)):
        rows = [row for row in targets.get(owner, ()) if row.kind == "baseline"]
        if rows:
            latest = max(rows, key=lambda row: sort_key(_period(row.period)))  # the first of equal periods
            return _agreed([latest], owner, "baseline")
    return None


def split(targets: Sequence[Target], as_of: date) -> tuple[tuple[Target, ...], Target | None]:
    """Targets whose period ended before `as_of` (passed), and the first one not yet passed (ahead).

    On the last day of the target period the target is still ahead; it has passed from the next day on.
    """
    ordered = sorted(targets, key=lambda target: end(target.period))
    passed = tuple(target for target in ordered if end(target.period) < as_of)
    ahead = next((target for target in ordered if end(target.period) >= as_of), None)
    return passed, ahead


def reckon(
    indicator: Mapping[str, object], targets: pd.DataFrame | Targets, actuals: Actuals, region: str, as_of: date
) -> Reckoning:
    """Milestones and the target ahead for one area; `actuals` are that area's (period, value[, is_demo]).

    indicator: indicator_code, higher_is_better and unit ("percent" makes the projection a clamped share).
    The path to the target ahead starts from the last passed target (the programme's own waypoint), else
    from the baseline; with neither there is no path and no assessment.
    """
    higher = bool(indicator["higher_is_better"])
    points = readings(actuals)
    targets = by_region(targets)
    passed, ahead = split(schedule(targets, region), as_of)
    milestones = tuple(Milestone(t, outcome(t.value, t.period, points, higher)) for t in passed)
    start = passed[-1] if passed else baseline(targets, region)
    goal = None
    if ahead is not None and start is not None:
        goal = Goal(
            str(indicator["indicator_code"]),
            start.value,
            start.period,
            ahead.value,
            ahead.period,
            higher_is_better=higher,
            is_share=indicator.get("unit", "percent") == "percent",
        )
    assessment = assess(goal, points) if goal is not None else None
    return Reckoning(region, milestones, ahead, goal, assessment)


def scorecard_rows(
    indicator: Mapping[str, object],
    targets: pd.DataFrame | Targets,
    actuals: pd.DataFrame,
    areas: Sequence[str],
    as_of: date,
) -> list[dict[str, object]]:
    """One row per area (the whole country first) and passed target that applies to it; see SCORECARD_COLUMNS.

    actuals: region_code, period, value (and is_demo, so a real value wins over a demo one). Periods are
    canonical ('2025Q4'), values plain floats; a cell that does not apply is None.
    """
    code, higher = str(indicator["indicator_code"]), bool(indicator["higher_is_better"])
    targets = by_region(targets)
    by_area = dict(tuple(actuals.groupby("region_code"))) if not actuals.empty else {}
    empty = actuals.iloc[:0]
    rows = []
    for area in dict.fromkeys((NATIONAL, *areas)):
        points = readings(by_area.get(area, empty))
        passed, _ = split(schedule(targets, area), as_of)
        for target in passed:
            found = outcome(target.value, target.period, points, higher)
            rows.append(
                {
                    "indicator_code": code,
                    "region_code": area,
                    "target_period": target.period,
                    "target_value": target.value,
                    "deadline_value": found.at_deadline.value if found.at_deadline else None,
                    "deadline_value_period": found.at_deadline.period if found.at_deadline else None,
                    "deadline_outcome": found.deadline.value,
                    "latest_period": found.latest.period if found.latest else None,
                    "latest_value": found.latest.value if found.latest else None,
                    "since_deadline": found.since.value,
                }
            )
    return rows
