"""A Sotkanet table's rows by series (the key minus the year): what every year of a series shares — our
codes, whether its values are percentages, whether its region is one of ours — is looked up once per
series rather than once per row, and a streamed file hands the store each series once (store.tables
STREAMED_COLUMNS), numbered across its batches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.checks import Checker
from loaders.reference import Lookups

Locate = Callable[[int, str], tuple[int, str]]
PER_SERIES = ("indicator", "region", "gender")  # the key minus the year, as the rows write it


@dataclass(frozen=True)
class Series:
    """The series of one table: each row's series (0…k-1, in order of first appearance) and, per series,
    its key, first row, number of rows and texts (PER_SERIES plus indicator_code and region_code)."""

    of_row: np.ndarray  # int64, one per row
    keys: np.ndarray  # one per series: int64 (digit ids) or str
    first: np.ndarray  # row index of each series' first row
    rows: np.ndarray  # rows per series
    texts: pa.Table


def grouped(table: pa.Table, key: np.ndarray, known: Lookups) -> Series:
    """key: each row's (indicator, region, year, gender) key, as sotkanet_rows._key built it."""
    of_row, keys = pd.factorize(_series_keys(table, key))  # in order of first appearance
    count = len(keys)
    first = np.empty(count, np.int64)
    first[of_row[::-1]] = np.arange(len(of_row) - 1, -1, -1)  # the last write wins: each series' first row
    at = pa.array(first)
    texts = {name: pc.take(table.column(name), at).combine_chunks() for name in PER_SERIES}
    texts["indicator_code"] = _mapped(texts["indicator"], known.sotkanet_indicators)
    texts["region_code"] = _mapped(texts["region"], known.sotkanet_regions)
    rows = np.bincount(of_row, minlength=count)
    return Series(of_row, np.asarray(keys), first, rows, pa.table(texts))


def _series_keys(table: pa.Table, key: np.ndarray) -> np.ndarray:
    """((indicator << 20 | region) << 12 | year) << 2 | gender without the year bits; text keys joined anew."""
    if key.dtype == np.int64:
        return ((key >> 14) << 2) | (key & 3)
    joined = pc.binary_join_element_wise(*(table.column(name) for name in PER_SERIES), ";")
    return np.asarray(joined.to_numpy(zero_copy_only=False))


def _mapped(strings: pa.Array, mapping: dict[str, str]) -> pa.Array:
    """Our code for each source id, NULL where there is none."""
    keys = list(mapping)
    positions = pc.index_in(strings, value_set=pa.array(keys, pa.string()))
    return pc.take(pa.array([mapping[k] for k in keys], pa.string()), positions)


def per_row(series: Series, name: str) -> pa.Array:
    """One series text on every row (the whole-file loaders hand the store text rows)."""
    return pc.take(series.texts.column(name), pa.array(series.of_row))


def percent_outside(series: Series, values: pa.ChunkedArray | pa.Array, known: Lookups) -> np.ndarray:
    """Rows of percentage indicators whose value lies outside 0–100."""
    percent = pc.is_in(series.texts.column("indicator_code"), pa.array(sorted(known.percent_indicators), pa.string()))
    percent = percent.to_numpy(zero_copy_only=False)
    if not percent.any():  # no percentage series: no row to look at
        return np.zeros(len(series.of_row), bool)
    rows = percent[series.of_row]
    numbers = values.to_numpy(zero_copy_only=False)  # NULL → NaN, which compares False
    with np.errstate(invalid="ignore"):
        return rows & ((numbers < 0) | (numbers > 100))


def warn_unmapped_regions(check: Checker, series: Series, locate: Locate) -> None:
    """One warning per Sotkanet region id that is not one of our areas, at its first row, with its rows."""
    texts = series.texts
    _warn_unmapped(check, texts.column("region"), texts.column("region_code"), series.first, series.rows, locate)


def _warn_unmapped(
    check: Checker, regions: pa.Array, codes: pa.Array, first: np.ndarray, rows: np.ndarray, locate: Locate
) -> None:
    """regions, codes, first (a row index for locate) and rows: one of each per series."""
    unmapped = codes.is_null().to_numpy(zero_copy_only=False)
    if not unmapped.any():
        return
    unmapped_series = pa.table(
        {"region": regions.filter(pa.array(unmapped)), "first": first[unmapped], "rows": rows[unmapped]}
    )
    by_region = unmapped_series.group_by("region").aggregate([("first", "min"), ("rows", "sum")])
    order = np.argsort(by_region.column("first_min").to_numpy(), kind="stable")  # in the order they first appear
    regions, firsts, counts = (by_region.column(name).to_pylist() for name in ("region", "first_min", "rows_sum"))
    for index in order:
        row, label = locate(int(firsts[index]), "region")
        check.warn(row, label, "sotkanet_region_ours", regions[index], count=int(counts[index]), found_key="with_rows")


class Numbering:
    """The series of a streamed file numbered 0, 1, … across its batches, in order of first appearance;
    table() describes each number once, as store.tables.StreamedRows.series() gives it. It also keeps each
    series' first line and rows, so that the file's regions are warned about once (warn_unmapped_regions)."""

    def __init__(self, dataset: str) -> None:
        self.dataset = dataset
        self._numbers: dict[object, int] = {}
        self._described: list[pa.Table] = []
        self._first_lines: list[np.ndarray] = []
        self._counted: list[tuple[np.ndarray, np.ndarray]] = []  # per batch: its series' numbers, their rows

    def rows(self, series: Series, lines: np.ndarray) -> np.ndarray:
        """Each row's file-wide series number (int32); the batch's new series are described.
        lines: each row's line in the file."""
        seen = len(self._numbers)
        numbers = np.fromiter(
            (self._numbers.setdefault(key, len(self._numbers)) for key in series.keys.tolist()),
            np.int32,
            len(series.keys),
        )
        new = numbers >= seen
        if new.any():
            texts = series.texts.filter(pa.array(new))
            self._described.append(texts.add_column(0, "series", pa.array(numbers[new])))
            self._first_lines.append(lines[series.first[new]])
        self._counted.append((numbers, series.rows))
        return numbers[series.of_row]

    def table(self) -> pa.Table:
        columns = ("indicator", "indicator_code", "region", "region_code", "gender")
        empty = pa.table({"series": pa.array([], pa.int32()), **{c: pa.array([], pa.string()) for c in columns}})
        described = pa.concat_tables([empty, *(t.select(["series", *columns]) for t in self._described)])
        n = described.num_rows
        described = described.add_column(1, "dataset", pa.array([self.dataset] * n, pa.string()))
        return described.append_column("is_demo", pa.repeat(pa.scalar(False), n)).append_column(
            "note", pa.nulls(n, pa.string())
        )

    def warn_unmapped_regions(self, check: Checker, label: str) -> None:
        """As warn_unmapped_regions(), once for the whole file: label names the region column."""
        if not self._described:
            return
        texts = pa.concat_tables(self._described)  # in number order: series are described as they appear
        first = np.concatenate(self._first_lines)
        numbers, rows = (np.concatenate(parts) for parts in zip(*self._counted, strict=True))
        rows = np.bincount(numbers, weights=rows, minlength=len(first)).astype(np.int64)
        locate = lambda line, _column: (line, label)  # noqa: E731 - first holds lines already
        _warn_unmapped(check, texts.column("region"), texts.column("region_code"), first, rows, locate)
