"""Which loader reads a file: detected from its content, not only its name."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from loaders import (
    jsonfile,
    sotkanet_csv,
    sotkanet_json,
    sotkanet_meta,
    sotkanet_portal,
    sotkanet_stream,
    template,
    template_tables,
    textfile,
    thl_jsonstat,
    thl_pivot,
    workbook,
)
from loaders.checks import Checker
from loaders.column_map import decoded_head
from loaders.limits import DEFAULT, Limits, size_text
from loaders.textfile import header_problems, read_rows
from store.batch import Batch, LoadErrors, Phrase, Problem, refuse


@dataclass(frozen=True)
class Format:
    name: str  # its description, shown when a file matches no format, is problem.format.<name>
    matches: Callable[[Path, bytes], bool]
    parse: Callable[[Path, bytes, Limits], Batch]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csv_header(data: bytes) -> list[str]:
    first = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    return [cell.strip().strip('"') for cell in first.strip().split(delimiter)]


def _is_template_csv(path: Path, data: bytes) -> bool:
    return not data.startswith(b"PK") and template_tables.detect(_csv_header(data)) is not None


def parse_template_csv(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    header, rows = read_rows(path, data)
    table = template_tables.detect(header)
    required, optional = template_tables.COLUMNS[table]
    problems = header_problems(path.name, header, required, optional)
    if problems:
        raise LoadErrors(path.name, problems)
    names = [name.lower() for name in header]
    # Finnish Excel writes ';' with comma decimals; a ',' file cannot have them.
    comma_decimals = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0].count(";") > 0
    check = Checker(path.name, limits.problems)
    cells = ((row, dict(zip(names, values + [""] * (len(names) - len(values)), strict=False))) for row, values in rows)
    for row, values in rows:
        if len(values) > len(names):
            check.problem(row, None, "cells", len(values), cells=len(names), found_key="cells_found")
    frame = template_tables.PARSERS[table](check, cells, lambda name: name, comma_decimals, False)
    check.raise_if_any()
    return Batch(
        path.name,
        sha256(data),
        f"template_csv:{table}",
        template.tables(table, frame),
        dataset="manual",
        is_demo=bool(frame["is_demo"].any()) if len(frame) else False,
        warnings=tuple(check.warnings),
    )


# Tried in order; each matcher looks at content (header, JSON keys, zip entries), never only the name.
# Each format's description is problem.format.<name> in i18n/*/problems.toml.
FORMATS: list[Format] = [
    Format("template_xlsx", workbook.matches, workbook.parse),
    Format("sotkanet_csv", sotkanet_csv.matches, sotkanet_csv.parse),
    Format("thl_pivot_csv", thl_pivot.matches, thl_pivot.parse),
    Format("sotkanet_portal", sotkanet_portal.matches, sotkanet_portal.parse),
    Format("sotkanet_json", sotkanet_json.matches, sotkanet_json.parse),
    Format("sotkanet_regions", sotkanet_meta.is_regions, sotkanet_meta.parse_regions),
    Format("sotkanet_indicators", sotkanet_meta.is_indicators, sotkanet_meta.parse_indicators),
    Format("thl_jsonstat", thl_jsonstat.matches, thl_jsonstat.parse),
    Format("template_csv", _is_template_csv, parse_template_csv),
]


def read(path: Path, limits: Limits = DEFAULT) -> bytes:
    """The file's bytes, after its size is checked against limits.file_bytes (before reading it)."""
    size = path.stat().st_size
    if size > limits.file_bytes:
        found = size_text(size)
        raise LoadErrors(
            path.name, [Problem(path.name, None, None, "file_size", found, {"limit": size_text(limits.file_bytes)})]
        )
    return path.read_bytes()


def parse(path: Path, limits: Limits = DEFAULT) -> Batch:
    """Read, detect and validate one file; LoadErrors if it cannot be loaded."""
    streamed = sotkanet_stream.open_if_large(path, limits)  # read in batches, checked as the store takes them
    if streamed is not None:
        return streamed
    data = read(path, limits)
    if not data[:65536].strip() and not data.strip():  # a cheap look first: files can be large
        raise refuse(path.name, "file_with_data", found_key="empty_file")
    if not workbook.matches(path, data) and not jsonfile.looks_like_json(data):
        textfile.decode_problem(path, data)  # UTF-16, CR line ends: say what the text is
    for fmt in FORMATS:
        if fmt.matches(path, data):
            return fmt.parse(path, data, limits)
    if jsonfile.looks_like_json(data):
        jsonfile.load(path, data)  # broken JSON: say where it breaks rather than "unknown format"
    formats = Phrase(tuple((fmt.name, f"problem.format.{fmt.name}") for fmt in FORMATS))
    found, found_key, params = looks_like(data)
    raise refuse(path.name, "accepted", found, found_key=found_key, formats=formats, **params)


def looks_like(data: bytes) -> tuple[str, str | None, dict[str, object]]:
    """What a file that no format took looks like, in words (found, found_key, params): a table's first
    line and its columns, a JSON document's keys, or else its first characters."""
    if jsonfile.looks_like_json(data):
        try:
            document = json.loads(data[:1_000_000])
        except (ValueError, RecursionError):  # too large to look into, or not JSON after all
            document = None
        if isinstance(document, dict):
            return ", ".join(str(key) for key in list(document)[:10]) or "{}", "json_keys", {}
        if isinstance(document, list):
            return str(len(document)), "json_list", {}
    # Decoded as the long-table reader decodes it: an Excel CSV in cp1252 reads "Käyntejä", not "K�yntej�".
    text = decoded_head(data, 4096)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if "\x00" in text or "\ufffd" in first or not first:  # binary, or no line to show
        return decoded_head(data, 60), None, {}
    delimiter = max(";,\t", key=first.count)
    return first[:120], "table_header", {"columns": first.count(delimiter) + 1}
