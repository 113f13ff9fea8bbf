"""Sotkanet data rows as string columns (from CSV or JSON) → checked observations, vectorised with Arrow."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders import checks, sotkanet_series, text_bytes
from loaders.canonical import surely_canonical
from loaders.checks import Checker
from loaders.reference import lookups

GENDERS = ("total", "male", "female")
COLUMNS = ("indicator", "region", "year", "gender", "value")  # our names for the source's fields
KEY = ("indicator", "region", "year", "gender")  # one value per key in a file
_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_COMMA_NUMBER = r"^[+-]?\d+,\d+$"
MAX_ID_DIGITS = 9  # Sotkanet ids are small integers; the store keys them as text
CHECKS = ("ids", "years", "genders", "values", "keys", "regions")  # the order their problems are listed in
LISTED_PER_CHECK = 200  # located problems kept per check; the total is still counted
# The checks' two workers, for the whole process: a new pair for each batch of a large file started with
# empty heaps, and spent a fifth of its time waiting for the kernel to zero pages (perf record).
_WORKERS = ThreadPoolExecutor(2, thread_name_prefix="sotkanet-checks")

Column = pa.Array | pa.ChunkedArray  # a table's column as read: one chunk per parse block
# How a problem names a column: (row index in the table, our column name) → "primary value" or "$[3].value".
Label = Callable[[int, str], str]
Locate = Callable[[int, str], tuple[int, str]]


def _flag(check: Checker, bad: Column, column: str, strings: Column, key: str, locate: Locate, **params) -> None:
    """Turn a boolean mask of bad cells into located problems (first LISTED_PER_CHECK, then a count)."""
    mask = bad.to_numpy(zero_copy_only=False)
    indices = np.flatnonzero(mask)
    for index in indices[:LISTED_PER_CHECK]:
        row, label = locate(int(index), column)
        check.problem(row, label, key, strings[int(index)].as_py(), **params)
    if len(indices) > LISTED_PER_CHECK:
        row, label = locate(int(indices[LISTED_PER_CHECK]), column)
        check.problem(row, label, key, more=len(indices) - LISTED_PER_CHECK, found_key="more_cells", **params)


def _ids(check: Checker, strings: Column, column: str, locate: Locate, key: str) -> tuple[Column, np.ndarray | None]:
    """Ids in ASCII digits (utf8_is_digit would also pass ١٢٧), at most MAX_ID_DIGITS of them, and
    canonical: '0127' is indicator 127, so it cannot become a second key. Also each id as a number
    (None after a problem), for the duplicate keys."""
    if not text_bytes.digits_only(strings):  # rare: find the cells
        bad = pc.invert(pc.ascii_is_decimal(strings))
        if pc.any(bad).as_py():
            _flag(check, bad, column, strings, key, locate)
            return strings, None
    sizes = pc.binary_length(strings).to_numpy(zero_copy_only=False)
    long = sizes > MAX_ID_DIGITS  # bytes: each is an ASCII digit by now
    if long.any():
        _flag(check, pa.array(long), column, strings, "sotkanet_id_size", locate, digits=MAX_ID_DIGITS)
        return strings, None
    numbers = _int64(strings)
    if not (sizes > np.searchsorted(_POWERS_OF_TEN, numbers, side="right") + 1).any():  # more digits than it needs
        return strings, numbers  # the usual case: nothing to rewrite, no copy
    return pc.cast(pa.array(numbers), pa.string()), numbers


_POWERS_OF_TEN = 10 ** np.arange(1, MAX_ID_DIGITS + 1)


def _values(check: Checker, strings: Column, locate: Locate) -> Column:
    """Floats with NULL for an empty cell; bad cells become problems (comma decimals said so)."""
    empty = pc.equal(pc.binary_length(strings), 0)
    nullable = pc.if_else(empty, pa.scalar(None, pa.string()), strings)
    try:  # fast path: Arrow's parser accepts every valid cell
        values = pc.cast(nullable, pa.float64())
        # Arrow also reads nan and inf, which Sotkanet never writes.
        bad = pc.fill_null(pc.invert(pc.is_finite(values)), False)
        if not pc.any(bad).as_py():
            return values
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    good = pc.or_(empty, pc.match_substring_regex(strings, _NUMBER))
    comma = pc.match_substring_regex(strings, _COMMA_NUMBER)
    if pc.any(comma).as_py():
        _flag(check, comma, "value", strings, "comma_decimals", locate)
    _flag(check, pc.and_not(pc.invert(good), comma), "value", strings, "number", locate)
    values = pc.cast(pc.if_else(good, nullable, pa.scalar(None, pa.string())), pa.float64())
    infinite = pc.fill_null(pc.invert(pc.is_finite(values)), False)  # 1e400 passes the pattern: +inf
    if pc.any(infinite).as_py():
        _flag(check, infinite, "value", strings, "finite_number", locate)
    return values


def _duplicates(check: Checker, table: pa.Table, locate: Locate, keys: np.ndarray) -> None:
    """Repeated (indicator, region, year, gender) keys, each naming the row that had it first.
    keys: each row's _key()."""
    if keys.dtype == np.int64 and bool((keys[1:] > keys[:-1]).all()):
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
            check.problem(row, label, "unique_key", " / ".join(key), first=first_row)
        shown += 1
    if shown > LISTED_PER_CHECK:
        check.problem(None, None, "each_key_once", more=shown - LISTED_PER_CHECK, found_key="more_keys")


def _col(table: pa.Table, name: str) -> pa.ChunkedArray:
    # Kept in the reader's chunks: combining them would copy every column (~0.5 GB at 10 M rows).
    return table.column(name)


def _key(table: pa.Table, indicator: np.ndarray | None, region: np.ndarray | None, genders: np.ndarray) -> np.ndarray:
    """One int64 per key when the ids are numbers (hashing numbers is far cheaper), else one string.
    indicator, region: as _ids() gave them; genders: as _genders() gave them."""
    key = _int_key(table, indicator, region, genders)
    if key is not None:
        return key
    return np.asarray(pc.binary_join_element_wise(*(_col(table, k) for k in KEY), ";").to_numpy(zero_copy_only=False))


def _int_key(
    table: pa.Table, indicator: np.ndarray | None, region: np.ndarray | None, genders: np.ndarray
) -> np.ndarray | None:
    """((indicator << 20 | region) << 12 | year % 4096) << 2 | gender, or None when an id is not a number
    or too large for its bits."""
    if indicator is None or region is None:
        return None
    if indicator.max(initial=0) >= 2**28 or region.max(initial=0) >= 2**20:
        return None
    year = text_bytes.four_digit_numbers(_col(table, "year"))
    if year is None:
        try:
            year = _int64(_col(table, "year"))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
    key = np.left_shift(indicator, 20)
    key |= region
    key <<= 12
    key |= year & 4095  # = year % 4096
    key <<= 2
    key |= genders
    return key


def _int64(strings: pa.Array) -> np.ndarray:
    return pc.cast(strings, pa.int64()).to_numpy(zero_copy_only=False)


def _years(check: Checker, table: pa.Table, locate: Locate) -> None:
    """Years four ASCII digits within checks.years()."""
    years, allowed = _col(table, "year"), checks.years()
    number = text_bytes.four_digit_numbers(years)
    if number is None:
        bad_year = pc.invert(pc.and_(pc.ascii_is_decimal(years), pc.equal(pc.binary_length(years), 4)))
        if pc.any(bad_year).as_py():
            _flag(check, bad_year, "year", years, "year", locate)
            return
        number = pc.cast(years, pa.int16()).to_numpy(zero_copy_only=False)
    outside = (number < allowed.start) | (number > allowed.stop - 1)
    if outside.any():
        _flag(check, pa.array(outside), "year", years, "year_range", locate, first=allowed.start, last=allowed.stop - 1)


def _genders(check: Checker, table: pa.Table, locate: Locate) -> np.ndarray:
    """Each row's gender as its index in GENDERS, 3 where it is none of them (a problem)."""
    genders = _col(table, "gender")
    index = pc.index_in(genders, value_set=pa.array(GENDERS))
    bad = index.is_null()
    if pc.any(bad).as_py():
        _flag(check, bad, "gender", genders, "gender", locate)
    return pc.fill_null(index, 3).to_numpy().astype(np.int64)


def _unless_canonical(texts: Column, values: Column) -> Column:
    """Each value's text as written, NULL where it is surely its value's canonical text (store.observation_sql
    SURELY_CANONICAL): a streamed row's raw as the store keeps it. values: the numbers parsed from texts."""
    return pc.if_else(surely_canonical(texts, values), pa.scalar(None, pa.string()), texts)


def _constant(text: str, rows: int) -> pa.DictionaryArray:
    """One text on every row as a dictionary: a byte a row (10 MB at 10 M rows, not 120 MB of copies)."""
    return pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, np.int8)), pa.array([text]))


@dataclass(frozen=True)
class Checked:
    """One table's rows checked: canonical id strings, the values as floats, the rows by series."""

    table: pa.Table
    values: Column
    series: sotkanet_series.Series
    raw: Column | None  # with stored_raw: each value's text, NULL where surely canonical (_unless_canonical)


def _checked(
    check: Checker,
    table: pa.Table,
    source_rows: np.ndarray,
    label: Label,
    keys: list[np.ndarray] | None,
    warn_regions: bool = True,
    stored_raw: bool = False,
) -> Checked:
    """Check the five string columns of `table` (COLUMNS); problems and warnings go to `check`.
    keys: gets this table's (indicator, region, year, gender) keys appended, for a check across batches.
    warn_regions: False where a stream's Numbering warns about the regions once for the whole file.
    stored_raw: also decide which texts a streamed row keeps as raw (Checked.raw)."""
    table = table.select(list(COLUMNS))

    def locate(index: int, column: str) -> tuple[int, str]:
        return int(source_rows[index]), label(index, column)

    known = lookups()

    def by_series() -> tuple[pa.Table, sotkanet_series.Series]:
        """The table with its ids canonical (so that the duplicate keys see them so), and its series."""
        ided, numbers = table, []
        for position, column in enumerate(("indicator", "region")):
            canonical, number = _ids(parts["ids"], _col(table, column), column, locate, f"sotkanet_{column}_id")
            ided = ided.set_column(position, column, canonical)
            numbers.append(number)
        key = _key(ided, *numbers, _genders(parts["genders"], table, locate))
        _duplicates(parts["keys"], ided, locate, key)
        if keys is not None:
            keys.append(key)
        return ided, sotkanet_series.grouped(ided, key, known)

    # The checks are independent, and a pyarrow compute call runs on one core with the GIL released,
    # so two workers keep both cores busy. Each check reports to its own Checker, merged in this order:
    # the problems read exactly as when the checks ran one after another.
    parts = {name: Checker(check.file, check.limit) for name in CHECKS}
    raw = _col(table, "value")

    def numbers_and_raw() -> tuple[Column, Column | None]:
        values = _values(parts["values"], raw, locate)
        return values, _unless_canonical(raw, values) if stored_raw else None

    grouped = _WORKERS.submit(by_series)  # longest first, so both workers finish about together
    numbers = _WORKERS.submit(numbers_and_raw)
    years = _WORKERS.submit(_years, parts["years"], table, locate)
    (table, series), (values, stored) = grouped.result(), numbers.result()  # re-raise what the checks raised
    years.result()
    # What a series shares is checked once per series: percentages within 0–100, regions ours.
    outside = sotkanet_series.percent_outside(series, values, known)
    if outside.any():
        _flag(parts["values"], pa.array(outside), "value", raw, "percent", locate)
    if warn_regions:
        sotkanet_series.warn_unmapped_regions(parts["regions"], series, locate)
    for part in parts.values():
        check.problems += part.problems
        check.warnings += part.warnings
        check.dropped += part.dropped
    return Checked(table, values, series, stored)


def observations(
    check: Checker, table: pa.Table, source_rows: np.ndarray, label: Label, keys: list[np.ndarray] | None = None
) -> pa.Table:
    """Check the five string columns of `table` (COLUMNS) and build LOADER_COLUMNS['observations'].

    source_rows: each row's number as an editor (or a JSON item count) shows it.
    keys: gets this table's (indicator, region, year, gender) keys appended, for a check across batches.
    """
    checked = _checked(check, table, source_rows, label, keys)
    table, n = checked.table, checked.table.num_rows
    return pa.table(
        {
            "dataset": _constant("sotkanet", n),
            "indicator": _col(table, "indicator"),
            "indicator_code": sotkanet_series.per_row(checked.series, "indicator_code"),
            "region": _col(table, "region"),
            "region_code": sotkanet_series.per_row(checked.series, "region_code"),
            "period": _col(table, "year"),
            "gender": _col(table, "gender"),
            "value": checked.values,
            "status": pa.nulls(n, pa.string()),
            "raw": _col(table, "value"),
            "source_row": pa.array(source_rows, pa.int64()),
            "is_demo": pa.repeat(pa.scalar(False), n),
            "note": pa.nulls(n, pa.string()),
        }
    )


def streamed(
    check: Checker,
    table: pa.Table,
    source_rows: np.ndarray,
    label: Label,
    keys: list[np.ndarray],
    numbering: sotkanet_series.Numbering,
) -> pa.Table:
    """As observations(), in store.tables.STREAMED_COLUMNS: each row names its series by its file-wide
    number, and `numbering` describes each series once (and warns about its regions, once a file)."""
    checked = _checked(check, table, source_rows, label, keys, warn_regions=False, stored_raw=True)
    n = checked.table.num_rows
    return pa.table(
        {
            "series": pa.array(numbering.rows(checked.series, source_rows), pa.int32()),
            "period": _col(checked.table, "year"),
            "value": checked.values,
            "status": pa.nulls(n, pa.string()),
            "raw": checked.raw,
            "source_row": pa.array(source_rows, pa.int64()),
        }
    )
