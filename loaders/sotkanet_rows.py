"""Sotkanet data rows as string columns (from CSV or JSON) → checked observations, vectorised with Arrow."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.checks import Checker
from loaders.reference import lookups

GENDERS = ("total", "male", "female")
COLUMNS = ("indicator", "region", "year", "gender", "value")  # our names for the source's fields
KEY = ("indicator", "region", "year", "gender")  # one value per key in a file
_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_COMMA_NUMBER = r"^[+-]?\d+,\d+$"
LISTED_PER_CHECK = 200  # located problems kept per check; the total is still counted

Column = pa.Array | pa.ChunkedArray  # a table's column as read: one chunk per parse block
# How a problem names a column: (row index in the table, our column name) → "primary value" or "$[3].value".
Label = Callable[[int, str], str]
Locate = Callable[[int, str], tuple[int, str]]


def _flag(check: Checker, bad: Column, column: str, strings: Column, expected: str, locate: Locate) -> None:
    """Turn a boolean mask of bad cells into located problems (first LISTED_PER_CHECK, then a count)."""
    mask = bad.to_numpy(zero_copy_only=False)
    indices = np.flatnonzero(mask)
    for index in indices[:LISTED_PER_CHECK]:
        row, label = locate(int(index), column)
        check.problem(row, label, expected, strings[int(index)].as_py())
    if len(indices) > LISTED_PER_CHECK:
        row, label = locate(int(indices[LISTED_PER_CHECK]), column)
        check.problem(row, label, expected, f"{len(indices) - LISTED_PER_CHECK} more such cells")


def _digits(check: Checker, strings: Column, column: str, locate: Locate, expected: str) -> None:
    bad = pc.invert(pc.utf8_is_digit(strings))  # ASCII digits only: cheaper than a regex
    if pc.any(bad).as_py():
        _flag(check, bad, column, strings, expected, locate)


def _values(check: Checker, strings: Column, locate: Locate) -> Column:
    """Floats with NULL for an empty cell; bad cells become problems (comma decimals said so)."""
    empty = pc.equal(pc.utf8_length(strings), 0)
    nullable = pc.if_else(empty, pa.scalar(None, pa.string()), strings)
    try:  # fast path: Arrow's parser accepts every valid cell
        values = pc.cast(nullable, pa.float64())
        # Arrow also reads nan and inf, which Sotkanet never writes.
        bad = pc.fill_null(pc.invert(pc.is_finite(values)), False)
        if not pc.any(bad).as_py():
            return values
    except pa.ArrowInvalid:
        pass
    good = pc.or_(empty, pc.match_substring_regex(strings, _NUMBER))
    comma = pc.match_substring_regex(strings, _COMMA_NUMBER)
    if pc.any(comma).as_py():
        _flag(
            check,
            comma,
            "value",
            strings,
            "a number with '.' decimals (this file uses comma decimals)",
            locate,
        )
    _flag(check, pc.and_not(pc.invert(good), comma), "value", strings, "a number", locate)
    return pc.cast(pc.if_else(good, nullable, pa.scalar(None, pa.string())), pa.float64())


def _mapped(strings: Column, mapping: dict[str, str]) -> Column:
    """Our code for each source id, NULL where there is none."""
    keys = list(mapping)
    positions = pc.index_in(strings, value_set=pa.array(keys, pa.string()))
    return pc.take(pa.array([mapping[k] for k in keys], pa.string()), positions)


def _unmapped_regions(check: Checker, regions: Column, codes: Column, locate: Locate) -> None:
    """One warning per distinct Sotkanet region id that is not one of our areas (the rows are kept)."""
    missing = pc.is_null(codes)
    if not pc.any(missing).as_py():
        return
    encoded = pc.filter(regions, missing).combine_chunks().dictionary_encode()  # one dictionary
    codes = encoded.indices.to_numpy()
    where = np.flatnonzero(missing.to_numpy(zero_copy_only=False))
    first = np.empty(len(encoded.dictionary), np.int64)
    first[codes[::-1]] = where[::-1]  # the last write wins, so each id keeps its first row
    counts = np.bincount(codes, minlength=len(first))
    for position, region in enumerate(encoded.dictionary.to_pylist()):
        row, label = locate(int(first[position]), "region")
        check.warn(
            row,
            label,
            "a Sotkanet region id of one of our areas (kept under its Sotkanet id)",
            f"{region} ({counts[position]} rows)",
        )


def _duplicates(check: Checker, table: pa.Table, locate: Locate) -> None:
    """Repeated (indicator, region, year, gender) keys, each naming the row that had it first."""
    keys = _key(table)
    if keys.dtype == np.int64 and bool((np.diff(keys) > 0).all()):
        return  # strictly increasing (extracts usually come sorted): no key can repeat, no hashing needed
    repeated = pd.Series(keys).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    first: dict[tuple, int] = {}
    shown = 0
    for index in np.flatnonzero(repeated):
        key = tuple(_col(table, k)[int(index)].as_py() for k in KEY)
        if key not in first:
            first[key] = int(index)
            continue
        if shown < LISTED_PER_CHECK:
            row, label = locate(int(index), "year")
            first_row, _ = locate(first[key], "year")
            check.problem(row, label, f"a key not already on row {first_row}", " / ".join(key))
        shown += 1
    if shown > LISTED_PER_CHECK:
        check.problem(None, None, "each key once", f"{shown - LISTED_PER_CHECK} more repeated keys")


def _col(table: pa.Table, name: str) -> pa.ChunkedArray:
    # Kept in the reader's chunks: combining them would copy every column (~0.5 GB at 10 M rows).
    return table.column(name)


def _key(table: pa.Table) -> np.ndarray:
    """One int64 per key when the ids are digits (hashing numbers is far cheaper), else one string."""
    try:
        parts = [pc.cast(_col(table, k), pa.int64()).to_numpy() for k in ("indicator", "region", "year")]
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        parts = None
    gender = pc.index_in(_col(table, "gender"), value_set=pa.array(GENDERS)).fill_null(3).to_numpy()
    if parts is not None and parts[0].max(initial=0) < 2**28 and parts[1].max(initial=0) < 2**20:
        indicator, region, year = parts
        key = np.array(indicator, dtype=np.int64)  # a writable copy: the shifts below work in place
        key <<= 20
        key |= region
        key <<= 12
        key |= year % 4096
        key <<= 2
        key |= gender
        return key  # ((indicator << 20 | region) << 12 | year % 4096) << 2 | gender, without temporaries
    return np.asarray(pc.binary_join_element_wise(*(_col(table, k) for k in KEY), ";").to_numpy(zero_copy_only=False))


def observations(check: Checker, table: pa.Table, source_rows: np.ndarray, label: Label) -> pa.Table:
    """Check the five string columns of `table` (COLUMNS) and build LOADER_COLUMNS['observations'].

    source_rows: each row's number as an editor (or a JSON item count) shows it.
    """
    table = table.select(list(COLUMNS))

    def locate(index: int, column: str) -> tuple[int, str]:
        return int(source_rows[index]), label(index, column)

    _digits(check, _col(table, "indicator"), "indicator", locate, "a Sotkanet indicator id (digits)")
    _digits(check, _col(table, "region"), "region", locate, "a Sotkanet region id (digits)")
    years = _col(table, "year")
    bad_year = pc.invert(pc.and_(pc.utf8_is_digit(years), pc.equal(pc.utf8_length(years), 4)))
    if pc.any(bad_year).as_py():
        _flag(check, bad_year, "year", years, "a year such as 2024", locate)
    genders = _col(table, "gender")
    bad_gender = pc.invert(pc.is_in(genders, value_set=pa.array(GENDERS)))
    if pc.any(bad_gender).as_py():
        _flag(check, bad_gender, "gender", genders, "total, male or female", locate)
    raw = _col(table, "value")
    values = _values(check, raw, locate)
    known = lookups()
    indicator_codes = _mapped(_col(table, "indicator"), known.sotkanet_indicators)
    percent = pc.is_in(indicator_codes, value_set=pa.array(sorted(known.percent_indicators), pa.string()))
    outside = pc.fill_null(pc.and_(percent, pc.or_(pc.less(values, 0), pc.greater(values, 100))), False)
    if pc.any(outside).as_py():
        _flag(check, outside, "value", raw, "a percentage between 0 and 100", locate)
    _duplicates(check, table, locate)
    region_codes = _mapped(_col(table, "region"), known.sotkanet_regions)
    _unmapped_regions(check, _col(table, "region"), region_codes, locate)
    n = table.num_rows
    return pa.table(
        {
            "dataset": pa.repeat(pa.scalar("sotkanet"), n),
            "indicator": _col(table, "indicator"),
            "indicator_code": indicator_codes,
            "region": _col(table, "region"),
            "region_code": region_codes,
            "period": years,
            "gender": genders,
            "value": values,
            "status": pa.nulls(n, pa.string()),
            "raw": raw,
            "source_row": pa.array(source_rows, pa.int64()),
            "is_demo": pa.repeat(pa.scalar(False), n),
            "note": pa.nulls(n, pa.string()),
        }
    )
