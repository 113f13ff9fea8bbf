"""Periods: canonical month '2025-03', quarter '2025Q4', year '2024', ISO week '2020W12', day '2020-03-15'.

Trajectories use years, quarters and months (canonical()); weekly and daily source series (THL cubes)
are stored as weeks and days (canonical_fine()) and browsed as such, never aggregated.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

# Pure functions of short texts, asked again for every row and area of a view: remembered, and bounded.
CACHED = 4096

_CANONICAL = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4]))?$")
_WEEK = re.compile(r"^(\d{4})W(0[1-9]|[1-4]\d|5[0-3])$")  # ISO week: 2020W12
_DAY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")  # 2020-03-15
# Weeks as THL cubes and people write them: 2020W12, 2020-W12, 2020 W12, "Vuosi 2020 Viikko 12" (sv, en alike).
_WRITTEN_WEEK = re.compile(
    r"^(?:(?:vuosi|år|year)\s+)?(\d{4})\s*[-/ ]?\s*(?:w|vk|v\.?|viikko|vecka|week)\s*(\d{1,2})$", re.I
)
# Forms seen in the documents and extracts, tried in order after the canonical ones.
_WRITTEN = (
    (re.compile(r"^(?:Q|kvartaali\s*)([1-4])\s*/\s*(\d{4})$", re.I), "quarter"),  # Q4/2025
    (re.compile(r"^(\d{4})\s*/?\s*Q([1-4])$", re.I), "year_quarter"),  # 2025 Q4, 2025/Q4
    (re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$"), "month"),  # 3/2025
    (re.compile(r"^(\d{4})[-/](\d{1,2})(?:-\d{1,2})?$"), "year_month"),  # 2025-3, 2025-03-01
)


def canonical(raw: str) -> str | None:
    """Any accepted way of writing a period → canonical text; None if it is not a period."""
    return _canonical(str(raw).strip())


@lru_cache(maxsize=CACHED)
def _canonical(text: str) -> str | None:
    if _CANONICAL.match(text):
        return text
    for pattern, kind in _WRITTEN:
        found = pattern.match(text)
        if not found:
            continue
        a, b = (int(g) for g in found.groups())
        if kind == "quarter":
            return f"{b}Q{a}"
        if kind == "year_quarter":
            return f"{a}Q{b}"
        month, year = (a, b) if kind == "month" else (b, a)
        if 1 <= month <= 12:
            return f"{year}-{month:02d}"
    return None


def canonical_fine(raw: str) -> str | None:
    """Like canonical(), and also ISO weeks (2020W12) and days (2020-03-15) kept as such."""
    text = str(raw).strip()
    day = _DAY.match(text)
    if day:
        try:
            return date(*(int(g) for g in day.groups())).isoformat()
        except ValueError:  # 2020-02-30
            return None
    week = _WRITTEN_WEEK.match(text)
    if week:
        year, number = int(week.group(1)), int(week.group(2))
        try:
            date.fromisocalendar(year, number, 1)  # 2021W53 does not exist
        except ValueError:
            return None
        return f"{year}W{number:02d}"
    return canonical(text)


def kind(period: str) -> str:
    """'day', 'week', 'month', 'quarter' or 'year' of a canonical period."""
    if _DAY.match(period):
        return "day"
    if "W" in period:
        return "week"
    return "quarter" if "Q" in period else "month" if "-" in period else "year"


@lru_cache(maxsize=CACHED)
def bounds(period: str) -> tuple[date, date]:
    """First and last day of a canonical period."""
    if _DAY.match(period):
        day = date.fromisoformat(period)
        return day, day
    week = _WEEK.match(period)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday, monday + timedelta(days=6)
    found = _CANONICAL.match(period)
    if not found:
        raise ValueError(f"not a canonical period: {period!r}")
    year = int(found.group(1))
    if found.group(2):
        first_month = last_month = int(found.group(2))
    elif found.group(3):
        last_month = int(found.group(3)) * 3
        first_month = last_month - 2
    else:
        first_month, last_month = 1, 12
    next_first = date(year + (last_month == 12), last_month % 12 + 1, 1)
    return date(year, first_month, 1), next_first - timedelta(days=1)


def end(period: str) -> date:
    """The point in time a period stands for: its last day (a Q4/2025 target means 31.12.2025)."""
    return bounds(period)[1]


def sort_key(period: str) -> tuple[date, date]:
    """Chronological order that keeps a year after its months and quarters."""
    first, last = bounds(period)
    return last, first
