"""Cell checks shared by the loaders: each bad cell becomes a located Problem, never an exception."""

from __future__ import annotations

import re

from domain.periods import canonical
from store.batch import LoadErrors, Problem

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0]?\d{3})*(,\d+)?$|^[+-]?\d+,\d+$")
TRUE_WORDS = {"true", "yes", "kyllä", "ja", "1", "x"}
FALSE_WORDS = {"false", "no", "ei", "nej", "0", ""}


class Checker:
    """Collects every problem of one file; raise_if_any() refuses the file after the last row."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def problem(self, row: int | None, column: str | None, expected: str, found: object) -> None:
        self.problems.append(Problem(self.file, row, column, expected, str(found)))

    def warn(self, row: int | None, column: str | None, expected: str, found: object) -> None:
        self.warnings.append(Problem(self.file, row, column, expected, str(found)))

    def raise_if_any(self) -> None:
        if self.problems:
            raise LoadErrors(self.file, self.problems)

    def number(self, row: int, column: str, text: str, *, comma_decimals: bool = False) -> float | None:
        """A number, or None for an empty cell. comma_decimals: the file's own convention."""
        text = text.strip()
        if text == "":
            return None
        if _NUMBER.match(text):
            return float(text)
        if _COMMA_NUMBER.match(text):
            if comma_decimals:
                return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
            self.problem(row, column, "a number with '.' decimals (this file uses comma decimals)", text)
            return None
        self.problem(row, column, "a number", text)
        return None

    def percent(self, row: int, column: str, value: float | None) -> None:
        if value is not None and not 0 <= value <= 100:
            self.problem(row, column, "a percentage between 0 and 100", value)

    def period(self, row: int, column: str, text: str) -> str | None:
        period = canonical(text)
        if period is None:
            self.problem(row, column, "a period such as 2024, 2024Q3, Q3/2024, 3/2025 or 2025-03", text)
        return period

    def flag(self, row: int, column: str, text: str) -> bool:
        word = text.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word not in FALSE_WORDS:
            self.problem(row, column, "yes or no (kyllä/ei)", text)
        return False

    def required(self, row: int, column: str, text: str) -> str:
        if not text.strip():
            self.problem(row, column, "a value", "")
        return text.strip()

    def unique(self, seen: dict[tuple, int], key: tuple, row: int, column: str) -> None:
        """Duplicate keys within one file: name both rows."""
        if key in seen:
            self.problem(row, column, f"a key not already on row {seen[key]}", " / ".join(map(str, key)))
        else:
            seen[key] = row
