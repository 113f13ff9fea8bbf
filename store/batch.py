"""What a loader hands the store: a validated Batch, or LoadErrors naming every Problem.

Exception
 └── LoadErrors        a file was refused; .problems lists each one, nothing was written
Problem                one located finding (also used for warnings that do not refuse)
Batch                  rows for one or more tables from one file, ready for store.db

A Problem carries a message key and its parameters, never finished English: the CLI renders it in
--lang (English by default), the upload page in the user's language (i18n/*/problems.toml).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from i18n import t

MAX_LISTED = 20  # problems shown before "and N more"
DISPLAY_CHARS = 200  # a found value is cut here when shown: the rest is in the file
# Bidi overrides and isolates can make a file name read backwards ("gpj.exe"); zero-width ones hide text.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def display(text: str, limit: int = DISPLAY_CHARS) -> str:
    """Text from a file made safe to show: control, format (bidi) and lone surrogate characters as
    \\u escapes, so a terminal, a table and an encoder see only printable text; long text cut."""
    cut = text[:limit]
    shown = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _INVISIBLE and ch != " " else ch for ch in cut)
    return shown + ("…" if len(text) > limit else "")


@dataclass(frozen=True)
class Phrase:
    """A parameter shown in the problem's language: (label, i18n key) pairs, shown as 'text; text; …'.
    The labels (format names of the program) are for tests and logs, never shown to a user."""

    items: tuple[tuple[str, str], ...]

    def render(self, lang: str) -> str:
        return "; ".join(t(key, lang) for _label, key in self.items)


@dataclass(frozen=True)
class Term:
    """A word in the problem's language, e.g. a column's role: problem.role.region → 'alueen nimi tai koodi'."""

    key: str

    def render(self, lang: str) -> str:
        return t(self.key, lang)


def _params(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {name: value.render(lang) if isinstance(value, Phrase | Term) else value for name, value in params.items()}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # 1-based as an editor shows it: the header is row 1
    column: str | None  # Excel: Sheet!C14; JSON: a path like $[12].value
    key: str  # what was expected: problem.expected.<key> in i18n/*/problems.toml
    found: str = ""  # the cell (or bytes) as the file has it
    params: Mapping[str, Any] = field(default_factory=dict)  # fill the texts' {placeholders}
    found_key: str | None = None  # our own words for what was found: problem.found.<found_key>

    def expected_text(self, lang: str = "en") -> str:
        return t(f"problem.expected.{self.key}", lang, **_params(self.params, lang))

    def found_text(self, lang: str = "en") -> str:
        found = display(self.found)
        if self.found_key is None:
            return found
        return t(f"problem.found.{self.found_key}", lang, **{**_params(self.params, lang), "found": found})

    @property
    def expected(self) -> str:
        return self.expected_text("en")

    def where(self) -> str:
        return ":".join(str(part) for part in (display(self.file), self.row, self.column) if part is not None)

    def text(self, lang: str = "en") -> str:
        return t(
            "problem.line", lang, where=self.where(), expected=self.expected_text(lang), found=self.found_text(lang)
        )

    def __str__(self) -> str:
        return self.text("en")


class LoadErrors(Exception):
    """A file was refused; nothing from it was written."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.report())

    def report(self, limit: int = MAX_LISTED, lang: str = "en") -> str:
        lines = [t("problem.refused", lang, file=display(self.file), count=len(self.problems))]
        lines += [f"  {problem.text(lang)}" for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append("  " + t("problem.more", lang, count=len(self.problems) - limit))
        return "\n".join(lines)


def refuse(file: str, key: str, found: str = "", *, found_key: str | None = None, **params: Any) -> LoadErrors:
    """A whole-file refusal with one problem (no row or column applies)."""
    return LoadErrors(file, [Problem(file, None, None, key, found, params, found_key)])


@dataclass(frozen=True)
class Batch:
    """Validated rows from one file. tables maps a store table name to a DataFrame or Arrow
    table with exactly that table's loader columns (store.tables.LOADER_COLUMNS)."""

    file_name: str
    sha256: str
    format: str  # e.g. sotkanet_csv, template_csv, reference
    tables: Mapping[str, Any]
    dataset: str = ""  # sotkanet, thl, manual, reference
    url: str | None = None  # live fetches: where it came from
    retrieved_at: datetime | None = None
    is_demo: bool = False
    warnings: tuple[Problem, ...] = field(default=())
    loaded_at: datetime | None = None  # None: now. Only the demo builder sets it (simulated load dates)

    @property
    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())

    @property
    def streams(self) -> list[Any]:
        """Its tables read in batches (store.tables.StreamedRows): a large file's rows, not held whole."""
        return [rows for rows in self.tables.values() if hasattr(rows, "reader")]

    def file_sha256(self) -> str:
        """The file's SHA-256. A streamed file is hashed as it is read (store.tables.StreamedRows), so
        its sha256 field is empty and its digest is known once a pass has read it."""
        streams = self.streams
        return streams[0].sha256() if streams else self.sha256
