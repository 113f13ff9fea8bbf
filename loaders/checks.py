"""Cell checks shared by the loaders: each bad cell becomes a located Problem, never an exception.

Numbers are finite and written in ASCII digits; periods lie in YEARS. A problem names a message
key (i18n/*/problems.toml, [problem.expected]) and the file's own text; the Checker keeps at most
`limit` of them and counts the rest, so a file of a million bad cells cannot exhaust memory.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from domain.periods import canonical
from store.batch import LoadErrors, Problem

# ASCII only (re.ASCII): Python's \d and float() also accept ２ and ١, which would become other keys.
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0]?\d{3})*(,\d+)?$|^[+-]?\d+,\d+$", re.ASCII)
MAX_NUMBER_CHARS = 40  # a value longer than this is no statistic; float() of 5 000 digits is slow
TRUE_WORDS = {"true", "yes", "kyllä", "ja", "1", "x"}
FALSE_WORDS = {"false", "no", "ei", "nej", "0", ""}
MAX_PROBLEMS = 1000  # kept per file; the rest are counted


def years() -> range:
    """Years a period may have: 1900 up to ten years after next year (targets look ahead)."""
    return range(1900, date.today().year + 12)


def year_ok(period: str) -> bool:
    return int(period[:4]) in years()


class Checker:
    """Collects the problems of one file; raise_if_any() refuses the file after the last row."""

    def __init__(self, file: str, limit: int = MAX_PROBLEMS) -> None:
        self.file = file
        self.limit = limit
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.dropped = 0  # problems past the limit: counted, not kept

    def problem(
        self,
        row: int | None,
        column: str | None,
        key: str,
        found: object = "",
        *,
        found_key: str | None = None,
        **params: Any,
    ) -> None:
        if len(self.problems) >= self.limit:
            self.dropped += 1
            return
        self.problems.append(Problem(self.file, row, column, key, _text(found), params, found_key))

    def warn(
        self,
        row: int | None,
        column: str | None,
        key: str,
        found: object = "",
        *,
        found_key: str | None = None,
        **params: Any,
    ) -> None:
        if len(self.warnings) < self.limit:
            self.warnings.append(Problem(self.file, row, column, key, _text(found), params, found_key))

    def full(self) -> bool:
        """Enough problems to refuse and list: loops over many rows may stop looking."""
        return len(self.problems) >= self.limit

    def raise_if_any(self) -> None:
        if self.dropped:  # say how many were left out, so nobody mistakes the list for all of them
            more = {"limit": self.limit, "more": self.dropped}
            # First, so that a report listing only the first few still says the list is cut.
            self.problems.insert(0, Problem(self.file, None, None, "problems_listed", "", more, "more_problems"))
            self.dropped = 0
        if self.problems:
            raise LoadErrors(self.file, self.problems)

    def number(self, row: int, column: str, text: str, *, comma_decimals: bool = False) -> float | None:
        """A finite number, or None for an empty cell. comma_decimals: the file's own convention."""
        text = text.strip()
        if text == "":
            return None
        if len(text) > MAX_NUMBER_CHARS:
            self.problem(row, column, "number_short", text, chars=MAX_NUMBER_CHARS)
            return None
        if not text.isascii() and any(ch.isdigit() for ch in text):
            self.problem(row, column, "ascii_digits", text)
            return None
        value = None
        if _NUMBER.match(text):
            value = float(text)
        elif _COMMA_NUMBER.match(text):
            if not comma_decimals:
                self.problem(row, column, "comma_decimals", text)
                return None
            value = float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        if value is None:
            self.problem(row, column, "number", text)
            return None
        if not math.isfinite(value):  # 1e400 is +inf: no page can draw it
            self.problem(row, column, "finite_number", text)
            return None
        return value

    def percent(self, row: int, column: str, value: float | None) -> None:
        if value is not None and not 0 <= value <= 100:
            self.problem(row, column, "percent", value)

    def period(self, row: int, column: str, text: str) -> str | None:
        if not text.isascii():
            self.problem(row, column, "period_ascii" if any(ch.isdigit() for ch in text) else "period", text)
            return None
        period = canonical(text)
        if period is None:
            self.problem(row, column, "period", text)
        elif not year_ok(period):
            self.problem(row, column, "year_range", text, first=years().start, last=years().stop - 1)
            return None
        return period

    def flag(self, row: int, column: str, text: str) -> bool:
        word = text.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word not in FALSE_WORDS:
            self.problem(row, column, "flag", text)
        return False

    def required(self, row: int, column: str, text: str) -> str:
        if not text.strip():
            self.problem(row, column, "value")
        return text.strip()

    def unique(self, seen: dict[tuple, int], key: tuple, row: int, column: str) -> None:
        """Duplicate keys within one file: name both rows."""
        if key in seen:
            self.problem(row, column, "unique_key", " / ".join(map(str, key)), first=seen[key])
        else:
            seen[key] = row


def _text(found: object) -> str:
    """What was found as text; a lone surrogate or other unprintable stays, escaped only when shown."""
    return found if isinstance(found, str) else str(found)
