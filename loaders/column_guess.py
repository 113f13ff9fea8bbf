"""Which column of a long table holds what: a guess from the header and the first rows, with a reason per role.

Only a bounded head is read (HEAD_BYTES of text, HEAD_ROWS rows, HEAD_COLUMNS columns), so a 50 MB
upload costs what a small one does. A column is a region if its values are regions we know (by code or
by a name in fi/sv/en, long forms too), a period if they parse as one, a value if they are numbers with
a decimal comma or point; gender and indicator columns are optional. Among the columns whose values fit
(MIN_SHARE of them), one whose header names the role comes first (HINTS); an indicator column with ids we
do not know is found by its header alone.
The user confirms or corrects the guess; nothing here is loaded.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from domain.periods import canonical_fine
from i18n import t
from loaders import jsonfile, region_names, textfile, workbook
from loaders.checks import _COMMA_NUMBER, _NUMBER, year_ok
from loaders.column_map import decoded
from loaders.limits import DEFAULT, Limits
from loaders.reference import lookups
from loaders.sotkanet_portal import GENDERS
from store.batch import LoadErrors, display

HEAD_BYTES = 256 * 1024
HEAD_ROWS = 200
HEAD_COLUMNS = 60
CELL_CHARS = 200  # a cell in the preview; the file keeps the rest
MIN_SHARE = 0.8  # of a column's non-empty head values that must fit a role
ROLES = ("region", "period", "value", "indicator", "gender")
REQUIRED = ("region", "period", "value")
# Header words that pick one of the columns whose values fit (lower case, fi/sv/en).
HINTS = {
    "region": ("alue", "region", "område", "area", "kunta", "kommun", "hyvinvointialue", "välfärdsområde"),
    "period": ("vuosi", "aika", "kausi", "ajanjakso", "år", "tid", "period", "year", "time", "date", "pvm"),
    "value": ("arvo", "value", "värde", "val", "osuus", "määrä", "andel", "share", "luku", "antal", "count"),
    "indicator": ("indikaattori", "mittari", "indikator", "indicator", "measure", "muuttuja", "variable"),
    "gender": ("sukupuoli", "kön", "gender", "sex"),
}
_GENDER_WORDS = set(GENDERS) | {"male", "female"}


@dataclass(frozen=True)
class Head:
    """The header and first rows of a table, each row as long as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sheets: tuple[str, ...] = ()  # XLSX: every sheet's name
    sheet: str | None = None  # XLSX: the sheet read


@dataclass(frozen=True)
class Reason:
    """Why a column was guessed (or that none was): upload.mapping.reason.<key> in i18n/*/mapping.toml."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(f"upload.mapping.reason.{self.key}", lang, **self.params)


@dataclass(frozen=True)
class Guess:
    columns: dict[str, str]  # role → column name, only for roles a column fits
    reasons: dict[str, Reason]  # every role: why this column, or that no column fits
    region_ids: str | None = None  # "sotkanet" when the region column holds Sotkanet ids


def _cut(values: list[Any]) -> tuple[str, ...]:
    return tuple(display(str(v).strip(), CELL_CHARS) for v in values[:HEAD_COLUMNS])


def _head_text(data: bytes) -> str:
    """The first HEAD_BYTES decoded, ending at a whole line (a cut never splits a character)."""
    if len(data) <= HEAD_BYTES:
        return decoded(data)
    cut = data[:HEAD_BYTES]
    if cut.startswith(textfile.UTF16_BOMS):
        text = cut[: len(cut) - len(cut) % 2].decode("utf-16", errors="replace")
    else:
        text = decoded(cut[: cut.rfind(b"\n") + 1] or cut)
    return text[: text.rfind("\n") + 1] or text


def _csv_head(data: bytes) -> Head | None:
    if textfile.what_text(data) == "cr_lines" or (
        textfile.what_text(data) == "utf16" and not data.startswith(textfile.UTF16_BOMS)
    ):
        return None  # column_map would refuse it: no table to offer
    text = _head_text(data)
    first = text.split("\n", 1)[0]
    delimiter = max(textfile.DELIMITERS, key=first.count)  # as textfile.read_rows decides
    if first.count(delimiter) == 0:
        return None
    rows = []
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in cells):
                rows.append(cells)
            if len(rows) > HEAD_ROWS:
                break
    except csv.Error:  # a cell past the csv module's limit: no table we can show
        return None
    return _head(rows)


def _xlsx_head(path: Path, data: bytes, sheet: str | None, limits: Limits) -> Head | None:
    try:
        book = workbook._open(path, data, limits)
    except LoadErrors:
        return None
    try:
        sheets = tuple(s.title for s in book.worksheets)
        chosen = book[sheet] if sheet in sheets else book.worksheets[0]
        rows = []
        cells = chosen.iter_rows(max_row=HEAD_ROWS * 5, max_col=HEAD_COLUMNS, values_only=True)
        for number, values in enumerate(cells):
            texts = [workbook.cell_text(v) for v in values]
            if number == 0 or any(texts):  # the first row is the header, as column_map reads it
                rows.append(texts)
            if len(rows) > HEAD_ROWS:
                break
    except workbook.BROKEN:
        return None
    finally:
        book.close()
    head = _head(rows)
    return Head(head.header, head.rows, sheets, chosen.title) if head else None


def _head(rows: list[list[Any]]) -> Head | None:
    """Header and rows padded to the header's width; None unless 2+ columns and a data row."""
    if len(rows) < 2:
        return None
    header = list(_cut(rows[0]))
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        return None
    body = tuple(_cut(list(r) + [""] * len(header))[: len(header)] for r in rows[1 : HEAD_ROWS + 1])
    return Head(tuple(header), body)


def read_head(path: Path, data: bytes, sheet: str | None = None, limits: Limits = DEFAULT) -> Head | None:
    """A CSV (any delimiter, the usual encodings) or one XLSX sheet as a Head; None if it reads as no table."""
    if workbook.matches(path, data):
        return _xlsx_head(path, data, sheet, limits)
    if jsonfile.looks_like_json(data):
        return None
    return _csv_head(data)


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text) or _COMMA_NUMBER.match(text))


def _is_period(text: str) -> bool:
    period = canonical_fine(text) if text.isascii() else None
    return period is not None and year_ok(period)


_FITS: dict[str, Callable[[str], bool]] = {
    "region": lambda v: region_names.region_code(v) is not None,
    "sotkanet": lambda v: v in lookups().sotkanet_regions,
    "period": _is_period,
    "value": _is_number,
    "gender": lambda v: v.lower() in _GENDER_WORDS,
}


def _hinted(role: str, name: str) -> bool:
    words = re.split(r"[\W_]+", name.lower())
    return any(word in HINTS[role] for word in words)


def guess(head: Head, indicators: frozenset[str] = frozenset()) -> Guess:
    """One column per role (region, period, value first; then gender and indicator if any fit)."""
    names = head.header
    columns: dict[str, list[str]] = {n: [r[i] for r in head.rows if r[i]] for i, n in enumerate(names)}
    fits = {**_FITS, "indicator": lambda v: v in indicators}
    chosen: dict[str, str] = {}
    reasons: dict[str, Reason] = {}
    region_ids = None
    for role in ("period", "region", "value", "gender", "indicator"):
        best = None
        for index, name in enumerate(names):
            values = columns[name]
            if name in chosen.values() or not name or not values:
                continue
            for kind in ("region", "sotkanet") if role == "region" else (role,):
                matched = [v for v in values if fits[kind](v)]
                share = len(matched) / len(values)
                if share < MIN_SHARE:
                    continue
                # The header's word first, then: more values fit; names over codes for regions;
                # decimals for values; leftmost.
                prefer = {
                    "region": kind == "region" and not all(v.isdigit() for v in values),
                    "value": any("," in v or "." in v for v in values),
                }.get(role, False)
                score = (_hinted(role, name), share, prefer, -index)
                if best is None or score > best[0]:
                    best = (score, name, kind, matched, len(values))
        if best is None:
            hinted = next((n for n in names if n not in chosen.values() and _hinted(role, n)), None)
            if role == "indicator" and hinted:  # indicator ids are free text: the header is the only sign
                chosen[role] = hinted
                reasons[role] = Reason("indicator_header", {"column": hinted})
            else:
                reasons[role] = Reason("none", {"share": round(MIN_SHARE * 100)})
            continue
        _, name, kind, matched, total = best
        chosen[role] = name
        region_ids = "sotkanet" if kind == "sotkanet" else region_ids
        key = "region_sotkanet" if kind == "sotkanet" else role
        reasons[role] = Reason(key, {"column": name, "count": len(matched), "total": total, "example": matched[0]})
    return Guess(chosen, reasons, region_ids)
