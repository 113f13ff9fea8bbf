"""The headline card of one indicator: latest actual, baseline, target and change since baseline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from domain.periods import sort_key


@dataclass(frozen=True)
class Reference:
    value: float
    period: str
    source_doc: str


@dataclass(frozen=True)
class Headline:
    latest: Reference | None  # newest actual (real or demo, see latest_is_demo)
    latest_is_demo: bool
    baseline: Reference | None
    target: Reference | None  # the final target most source documents agree on
    other_targets: tuple[Reference, ...]  # final targets that disagree with it, kept visible
    change: float | None  # latest − baseline, percentage points


def _latest(rows: pd.DataFrame) -> pd.Series | None:
    rows = rows.dropna(subset=["value"])
    if rows.empty:
        return None
    return rows.loc[max(rows.index, key=lambda i: (sort_key(rows.at[i, "period"]), not rows.at[i, "is_demo"]))]


def final_targets(targets: pd.DataFrame) -> tuple[Reference | None, tuple[Reference, ...]]:
    """The latest-period target most documents give, and the disagreeing ones (never dropped)."""
    finals = targets[targets["kind"] == "target"]
    if finals.empty:
        return None, ()
    last = max(finals["period"], key=sort_key)
    finals = finals[finals["period"] == last]
    votes = Counter(finals["value"])
    chosen = max(votes, key=lambda value: (votes[value], -value))  # most sources; ties: the lower
    first = finals[finals["value"] == chosen].iloc[0]
    others = tuple(Reference(r.value, r.period, r.source_doc) for r in finals.itertuples() if r.value != chosen)
    return Reference(chosen, last, first["source_doc"]), others


def headline(actuals: pd.DataFrame, targets: pd.DataFrame) -> Headline:
    """actuals: period, value, is_demo (one region); targets: kind, period, value, source_doc."""
    latest = _latest(actuals)
    baselines = targets[targets["kind"] == "baseline"]
    baseline = None
    if not baselines.empty:
        first = baselines.iloc[0]
        baseline = Reference(float(first["value"]), first["period"], first["source_doc"])
    target, others = final_targets(targets)
    latest_ref = (
        None
        if latest is None
        else Reference(float(latest["value"]), latest["period"], str(latest.get("source_file", "")))
    )
    change = None if latest_ref is None or baseline is None else latest_ref.value - baseline.value
    return Headline(
        latest_ref, bool(latest["is_demo"]) if latest is not None else False, baseline, target, others, change
    )
