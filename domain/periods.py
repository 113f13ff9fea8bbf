"""Periods: canonical month '2025-03', quarter '2025Q4', year '2024', and their points in time."""

from __future__ import annotations

import re
from datetime import date, timedelta

_CANONICAL = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4]))?$")
# Forms seen in the documents and extracts, tried in order after the canonical ones.
_WRITTEN = (
    (re.compile(r"^(?:Q|kvartaali\s*)([1-4])\s*/\s*(\d{4})$", re.I), "quarter"),  # Q4/2025
    (re.compile(r"^(\d{4})\s*/?\s*Q([1-4])$", re.I), "year_quarter"),  # 2025 Q4, 2025/Q4
    (re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$"), "month"),  # 3/2025
    (re.compile(r"^(\d{4})[-/](\d{1,2})(?:-\d{1,2})?$"), "year_month"),  # 2025-3, 2025-03-01
)


def canonical(raw: str) -> str | None:
    """Any accepted way of writing a period → canonical text; None if it is not a period."""
    text = str(raw).strip()
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


def kind(period: str) -> str:
    """'month', 'quarter' or 'year' of a canonical period."""
    return "quarter" if "Q" in period else "month" if "-" in period else "year"


def bounds(period: str) -> tuple[date, date]:
    """First and last day of a canonical period."""
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
