"""THL pivot CSV export (fact_<cube>.csv): dimension labels as columns, then val; ';'-separated UTF-8."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from loaders import thl_mapping
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from loaders.textfile import read_rows
from store.batch import Batch, LoadErrors, Problem

VALUE = "val"  # the export's value column; an empty val is no data, not zero


def _first_line(data: bytes) -> str:
    return data[:2048].decode("utf-8-sig", errors="replace").split("\n", 1)[0].strip()


def matches(path: Path, data: bytes) -> bool:
    cells = _first_line(data).split(";")
    return len(cells) >= 2 and cells[-1].strip().strip('"') == VALUE


def read(path: Path, data: bytes, limits: Limits = DEFAULT) -> pd.DataFrame:
    """The export as strings: one column per dimension, val, and source_row (header = row 1)."""
    header, rows = read_rows(path, data)
    problems = [
        Problem(path.name, 1, name, "column_named_once", name) for name in set(header) if header.count(name) > 1
    ]
    problems += [
        Problem(path.name, row, None, "cells_semicolon", ";".join(cells)[:80], {"cells": len(header)})
        for row, cells in rows
        if len(cells) != len(header)
    ][: limits.problems]
    if not rows:
        problems.append(Problem(path.name, None, None, "data_rows", found_key="only_header"))
    if problems:
        raise LoadErrors(path.name, problems)
    frame = pd.DataFrame([cells for _, cells in rows], columns=header, dtype=str)
    frame["source_row"] = [row for row, _ in rows]
    return frame


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    frame = read(path, data, limits)
    check = Checker(path.name, limits.problems)
    dimensions = [name for name in frame.columns if name not in (VALUE, "source_row")]
    mapping = thl_mapping.choose(path, dimensions, check)
    check.raise_if_any()
    records = frame[dimensions].to_dict("records")
    long = (
        (row, cells, value, None, VALUE)
        for row, cells, value in zip(frame["source_row"], records, frame[VALUE], strict=True)
    )
    observations = thl_mapping.observations(check, mapping, long, lambda dimension: dimension)
    check.raise_if_any()
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        f"thl_pivot_csv:{mapping.cube}",
        {"observations": observations},
        dataset="thl",
        warnings=tuple(check.warnings),
    )
