"""County reports as numbers: light changes, streaks, completeness, elapsed time, spending pace.

Inputs are DataFrames from store/report_queries.py: status reports (period, region_code,
investment, dimension, status), progress (period, region_code, investment, percent), budgets.
Everything returns codes, numbers and enums; words and colours come from i18n and charts.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import pandas as pd

from domain.periods import end, sort_key
from domain.programme import DIMENSIONS, PROJECT_END, PROJECT_START, Status


class Direction(StrEnum):
    WORSE = "worse"
    BETTER = "better"
    OTHER = "other"  # to or from "not reported"


class Pace(StrEnum):
    AHEAD = "ahead"  # spending faster than time passes
    ON_PACE = "on_pace"
    BEHIND = "behind"
    UNKNOWN = "unknown"  # nothing realised reported


SEVERITY = {Status.ON_TRACK: 0, Status.MONITOR: 1, Status.QUICK_ACTION: 2}
PACE_TOLERANCE = 10.0  # percentage points between money spent and time elapsed
KEY = ["region_code", "investment", "dimension"]


def previous_quarter(period: str) -> str:
    year, quarter = (int(part) for part in period.split("Q"))
    return f"{year - 1}Q4" if quarter == 1 else f"{year}Q{quarter - 1}"


def quarters(first: str, last: str) -> list[str]:
    """Every quarter from first to last, inclusive."""
    out = [last]
    while sort_key(out[-1]) > sort_key(first):
        out.append(previous_quarter(out[-1]))
    return out[::-1]


def direction(before: str, after: str) -> Direction | None:
    """How a light moved; None if it did not."""
    if before == after:
        return None
    if before not in SEVERITY or after not in SEVERITY:
        return Direction.OTHER
    return Direction.WORSE if SEVERITY[after] > SEVERITY[before] else Direction.BETTER


def history(reports: pd.DataFrame) -> pd.DataFrame:
    """Each report with its change since the previous quarter and its streak.

    change: a Direction when the previous quarter has a different status, None when the same or
    missing; streak: consecutive quarters, ending here, with this same non-green status (0 if green).
    """
    rows = reports.sort_values([*KEY, "period"], key=lambda col: col.map(sort_key) if col.name == "period" else col)
    changes, streaks = [], []
    last_key, last_period, last_status, streak = None, None, None, 0
    for key, period, status in zip(
        rows[KEY].itertuples(index=False, name=None), rows["period"], rows["status"], strict=True
    ):
        follows = key == last_key and last_period == previous_quarter(period)
        changes.append(direction(last_status, status) if follows else None)
        same = follows and status == last_status
        streak = (streak + 1 if same else 1) if status in (Status.MONITOR, Status.QUICK_ACTION) else 0
        last_key, last_period, last_status = key, period, status
        streaks.append(streak)
    return rows.assign(change=changes, streak=streaks).reset_index(drop=True)


def light_changes(reports: pd.DataFrame, period: str) -> pd.DataFrame:
    """Lights whose status differs from the previous quarter: KEY, before, after, change, streak."""
    marked = history(reports)
    now = marked[(marked["period"] == period) & marked["change"].notna()]
    before = reports[reports["period"] == previous_quarter(period)].set_index(KEY)["status"]
    return now.assign(before=[before.get(tuple(k)) for k in now[KEY].itertuples(index=False, name=None)])


def expected_investments(reports: pd.DataFrame) -> pd.DataFrame:
    """Which investments each area reports on: those it has ever reported (region_code, investment)."""
    return reports[["region_code", "investment"]].drop_duplicates().sort_values(["region_code", "investment"])


def completeness(reports: pd.DataFrame, periods: list[str], expected: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per area and quarter: expected cells, reported (any status), of which "not reported", and missing."""
    expected = expected_investments(reports) if expected is None else expected
    per_area = expected.groupby("region_code")["investment"].nunique() * len(DIMENSIONS)
    counted = reports[reports["period"].isin(periods)].groupby(["region_code", "period"])["status"]
    reported = counted.size()
    not_reported = counted.apply(lambda s: int((s == Status.NOT_REPORTED).sum()))
    out = []
    for area, cells in per_area.items():
        for period in periods:
            done = int(reported.get((area, period), 0))
            out.append((area, period, int(cells), done, int(not_reported.get((area, period), 0)), int(cells) - done))
    return pd.DataFrame(out, columns=["region_code", "period", "expected", "reported", "not_reported", "missing"])


def missing_cells(reports: pd.DataFrame, periods: list[str], expected: pd.DataFrame | None = None) -> pd.DataFrame:
    """The cells with no row at all: region_code, period, investment, dimension."""
    expected = expected_investments(reports) if expected is None else expected
    have = set(reports[["region_code", "period", "investment", "dimension"]].itertuples(index=False, name=None))
    out = [
        (area, period, investment, dimension)
        for area, investment in expected.itertuples(index=False, name=None)
        for period in periods
        for dimension in DIMENSIONS
        if (area, period, investment, dimension) not in have
    ]
    return pd.DataFrame(out, columns=["region_code", "period", "investment", "dimension"])


def last_reported(reports: pd.DataFrame) -> dict[str, str]:
    """Each area's latest quarter with any report."""
    return {area: max(group, key=sort_key) for area, group in reports.groupby("region_code")["period"]}


def stopped_reporting(reports: pd.DataFrame, period: str) -> list[str]:
    """Areas that reported in the previous quarter and not at all in this one."""
    areas = reports.groupby("period")["region_code"].agg(set)
    return sorted(areas.get(previous_quarter(period), set()) - areas.get(period, set()))


def elapsed_share(on: date, start: date = PROJECT_START, finish: date = PROJECT_END) -> float:
    """Share of the project time passed at the end of day `on`, 0–100."""
    total = (finish - start).days + 1
    return round(100 * min(max((on - start).days + 1, 0), total) / total, 1)


def elapsed_at(period: str) -> float:
    """Elapsed project time at the end of a period."""
    return elapsed_share(end(period))


def utilisation(budget: float | None, realised: float | None) -> float | None:
    """Realised as a share of budget, 0–100+ (None when either is unknown or the budget is 0)."""
    if budget is None or realised is None or budget != budget or realised != realised or budget == 0:
        return None
    return 100 * realised / budget


def pace(used: float | None, elapsed: float) -> Pace:
    if used is None:
        return Pace.UNKNOWN
    if used - elapsed > PACE_TOLERANCE:
        return Pace.AHEAD
    return Pace.BEHIND if elapsed - used > PACE_TOLERANCE else Pace.ON_PACE


def spending(budgets: pd.DataFrame) -> pd.DataFrame:
    """Budget rows with utilisation %, elapsed time % at their period, the gap in points and the pace."""
    used = [utilisation(b, r) for b, r in zip(budgets["budget_eur"], budgets["realised_eur"], strict=True)]
    elapsed = [elapsed_at(p) for p in budgets["period"]]
    return budgets.assign(
        utilisation=used,
        elapsed=elapsed,
        gap=[None if u is None else u - e for u, e in zip(used, elapsed, strict=True)],
        pace=[pace(u, e) for u, e in zip(used, elapsed, strict=True)],
    )


def progress_comparison(progress: pd.DataFrame, period: str) -> pd.DataFrame:
    """Progress in a quarter with the previous quarter's value, the change and the elapsed time share."""
    now = progress[progress["period"] == period]
    before = progress[progress["period"] == previous_quarter(period)].set_index(["region_code", "investment"])
    previous = [
        before["percent"].get(key) for key in now[["region_code", "investment"]].itertuples(index=False, name=None)
    ]
    elapsed = elapsed_at(period)
    flags = before["is_demo"] if "is_demo" in before else pd.Series(dtype=bool)
    return now.assign(
        previous=previous,
        previous_is_demo=[
            bool(flags.get(key, False)) for key in now[["region_code", "investment"]].itertuples(index=False, name=None)
        ],
        change=[None if p is None else v - p for v, p in zip(now["percent"], previous, strict=True)],
        elapsed=elapsed,
        gap_to_elapsed=now["percent"] - elapsed,
    ).reset_index(drop=True)


def grid_cells(marked: pd.DataFrame, row: str, col: str, **fixed: str) -> pd.DataFrame:
    """The reports matching `fixed` (e.g. period=…, investment=…), with `row` and `col` renamed for a grid."""
    chosen = marked
    for name, value in fixed.items():
        chosen = chosen[chosen[name] == value]
    return chosen.rename(columns={row: "row", col: "col"})
