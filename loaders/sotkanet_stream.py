"""A large Sotkanet CSV read in batches, so that memory is bounded by a batch and not by the file.

The store pulls checked batches through reader() straight into the file's open transaction, and
calls finish() before it commits. Validation stays all-or-nothing: once a batch shows a problem no
further batch is handed over, the rest of the file is still read, and finish() refuses the file, so
the transaction (and with it every row already inserted) is rolled back and nothing is published.
The report itself comes from the whole-file parser (sotkanet_csv.parse): a refused file is read once
more, in full, so its problems are listed exactly as for a small file (line numbers after a broken
row, duplicates across batches). A good file is read once and never held whole.
Chosen over spilling checked batches to a temporary file: no second write and read of the rows, and
parsing overlaps DuckDB's insert; the draft copy the store writes into is discarded anyway on failure.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from loaders import prefetch, sotkanet_csv, sotkanet_rows, sotkanet_series
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from loaders.textfile import what_text
from store.batch import Batch, Problem

STREAM_FROM = 32 << 20  # bytes: smaller files are parsed whole (faster to check, same result)
BATCH_BYTES = 4 << 20  # of CSV text per batch: ~150 000 rows (bench/ingest_pairs: 8 MB took more time and memory)
HEAD = 1 << 16
# store.tables.STREAMED_COLUMNS: a row names its series (CsvStream.series() describes each once).
SCHEMA = pa.schema(
    [
        ("series", pa.int32()),
        ("period", pa.string()),
        ("value", pa.float64()),
        ("status", pa.string()),
        ("raw", pa.string()),
        ("source_row", pa.int64()),
    ]
)


class _Hashed:
    """The file as pyarrow's reader reads it, hashed on the way: one read serves the digest and the parse.
    Hashing runs on a thread of its own, in the order read, beside the parse (0.3 s of a core at 10 M rows
    that the parse would otherwise wait for)."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close(), which the pass calls
        self._digest = hashlib.sha256()
        self._hasher = ThreadPoolExecutor(1, thread_name_prefix="sha256")  # one worker: chunks in order
        self.ascii = True  # every byte read so far is ASCII: then no parsed cell of it needs that check
        self.closed = False

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        self._hasher.submit(self._digest.update, chunk)  # releases the GIL on large chunks
        self.ascii = self.ascii and chunk.isascii()  # ~10 GB/s: far cheaper than a check per cell
        return chunk

    def sha256(self) -> str:
        """The whole file's digest: what the parser left unread (after a broken row) is read here."""
        while self.read(BATCH_BYTES):
            pass
        self._hasher.shutdown(wait=True)
        return self._digest.hexdigest()

    def close(self) -> None:
        self._file.close()
        self._hasher.shutdown(wait=False, cancel_futures=True)
        self.closed = True


class CsvStream:
    """The observations of one Sotkanet CSV, batch by batch (store.tables.StreamedRows)."""

    dataset = "sotkanet"
    schema = SCHEMA

    def __init__(self, path: Path, limits: Limits = DEFAULT, batch_bytes: int = BATCH_BYTES) -> None:
        self.path, self.limits, self.batch_bytes = path, limits, batch_bytes
        self.rows = 0
        self._sha256: str | None = None
        self.check = Checker(path.name, limits.problems)
        self.warnings: tuple[Problem, ...] = ()
        self.numbering = sotkanet_series.Numbering(self.dataset)

    def __len__(self) -> int:
        return self.rows

    def reader(self) -> pa.RecordBatchReader:
        """One pass over the file; each call starts a new one. The next batch is parsed while DuckDB
        inserts this one (loaders.prefetch)."""
        return pa.RecordBatchReader.from_batches(SCHEMA, prefetch.ahead(self._batches()))

    def sha256(self) -> str:
        """After a pass: the file's SHA-256, as that pass read it."""
        if self._sha256 is None:
            raise RuntimeError(f"{self.path.name}: sha256() before a pass over the file")
        return self._sha256

    def series(self) -> pa.Table:
        """After a pass: each series number of its rows once, with its texts (store.tables.SERIES_COLUMNS)."""
        return self.numbering.table()

    def finish(self) -> None:
        """After a pass: LoadErrors listing every problem of the file, if it has any."""
        if self.check.problems or self.check.dropped:
            limits = self.limits
            sotkanet_csv.parse(self.path, self.path.read_bytes(), limits)  # raises, with the exact report
            self.check.raise_if_any()  # only if the two readings disagreed

    def _batches(self) -> Iterator[pa.RecordBatch]:
        self.rows, self.check = 0, Checker(self.path.name, self.limits.problems)
        self.numbering = sotkanet_series.Numbering(self.dataset)
        keys: list[np.ndarray] = []
        warnings: dict[tuple, Problem] = {}
        line = 2  # the header is line 1
        for table in prefetch.ahead(self._tables()):  # parsed while the pool checks the one before
            lines = np.arange(line, line + table.num_rows, dtype=np.int64)
            line += table.num_rows
            table, lines = _without_blank_lines(table, lines)
            if table.num_rows == 0:
                continue
            check = Checker(self.path.name, self.limits.problems)
            frame = sotkanet_rows.streamed(check, table, lines, _label, keys, self.numbering)  # keys: kept
            self.check.problems += check.problems
            self.check.dropped += check.dropped
            for warning in check.warnings:  # one per kind and text for the whole file, its rows summed
                _merge(warnings, warning)
            self.rows += frame.num_rows
            if self.check.problems or self.check.dropped:
                continue  # read on (finish() refuses the file), hand nothing more over
            yield from frame.cast(SCHEMA).to_batches()
        regions = Checker(self.path.name, self.limits.problems)
        self.numbering.warn_unmapped_regions(regions, _label(0, "region"))
        for warning in regions.warnings:
            _merge(warnings, warning)
        if self.rows == 0:
            self.check.problem(None, None, "data_rows", found_key="only_header")
        elif keys and _repeats_across(keys):
            self.check.problem(None, None, "unique_key", first="?")  # finish() lists them from the whole file
        self.warnings = tuple(warnings.values())

    def _tables(self) -> Iterator[pa.Table]:
        invalid: list[pacsv.InvalidRow] = []

        def on_invalid(row: pacsv.InvalidRow) -> str:
            invalid.append(row)
            return "skip"

        self._sha256 = None
        hashed = _Hashed(self.path)
        try:
            yield from self._parsed(hashed, on_invalid, invalid)
            self._sha256 = hashed.sha256()
        finally:
            hashed.close()

    def _parsed(self, hashed: _Hashed, on_invalid: Callable, invalid: list[pacsv.InvalidRow]) -> Iterator[pa.Table]:
        try:
            reader = pacsv.open_csv(
                pa.PythonFile(hashed, mode="r"),
                read_options=pacsv.ReadOptions(
                    column_names=list(sotkanet_csv.OURS.values()),
                    skip_rows=1,
                    block_size=self.batch_bytes,
                    # parsed on this (prefetch) thread: DuckDB's insert and the checks keep both cores busy,
                    # and Arrow's own threads on top cost up to 0.9 s more CPU at 10 M rows (README, Performance)
                    use_threads=False,
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=";", ignore_empty_lines=False, invalid_row_handler=on_invalid
                ),
                convert_options=pacsv.ConvertOptions(  # bytes: ASCII needs no UTF-8 check (~0.2 s at 10 M rows)
                    column_types=dict.fromkeys(sotkanet_csv.OURS.values(), pa.binary()),
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
                memory_pool=_parse_pool(),
            )
            for batch in reader:
                ascii_only = hashed.ascii  # its bytes are read by now
                batch = _as_text(batch, ascii_only)
                # a broken row or non-ASCII text: refused, reported whole
                if invalid or not (ascii_only or _ascii(batch)):
                    self.check.problem(None, None, "cells_semicolon", cells=len(sotkanet_csv.HEADER))
                    invalid.clear()
                yield pa.Table.from_batches([batch])
        except (pa.ArrowInvalid, UnicodeDecodeError) as error:
            self.check.problem(None, None, "semicolon_file", str(error))


def _parse_pool() -> pa.MemoryPool:
    """jemalloc where pyarrow has it. With pyarrow's default (mimalloc) a fifth of a 10 M-row load's CPU
    went to the kernel zeroing pages for the parsed blocks (clear_page_erms in `perf record`); with
    jemalloc 4 %."""
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without it
        return pa.default_memory_pool()


def _label(_index: int, column: str) -> str:
    return sotkanet_csv.THEIRS.get(column, column)  # the file's own column name


def _as_text(batch: pa.RecordBatch, ascii_only: bool) -> pa.RecordBatch:
    """The cells as strings: ASCII bytes as they are, any other checked as UTF-8 (ArrowInvalid if not)."""
    columns = [column.view(pa.string()) if ascii_only else column.cast(pa.string()) for column in batch.columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _ascii(batch: pa.RecordBatch) -> bool:
    return all(pc.all(pc.string_is_ascii(column)).as_py() in (True, None) for column in batch.columns)


def _without_blank_lines(table: pa.Table, lines: np.ndarray) -> tuple[pa.Table, np.ndarray]:
    # binary_length reads the offsets only; utf8_length reads every byte (0.18 s a column at 10 M rows)
    blank = pc.equal(pc.binary_length(table.column(0)), 0)
    if not pc.any(blank).as_py():
        return table, lines
    for column in table.columns[1:]:
        blank = pc.and_(blank, pc.equal(pc.binary_length(column), 0))
    keep = pc.invert(blank)
    return table.filter(keep), lines[keep.to_numpy(zero_copy_only=False)]


def _repeats_across(keys: list[np.ndarray]) -> bool:
    """A key repeated anywhere in the file (each batch's own repeats are found by its checks)."""
    if all(k.dtype == np.int64 for k in keys):
        ends = [(k[0], k[-1]) for k in keys if len(k)]
        increasing = all(bool((k[1:] > k[:-1]).all()) for k in keys)
        if increasing and all(a[1] < b[0] for a, b in itertools.pairwise(ends)):
            return False  # sorted extracts: no key can repeat, no hashing needed
    return bool(pd.Series(np.concatenate(keys)).duplicated().any())


def _merge(warnings: dict[tuple, Problem], warning: Problem) -> None:
    seen = warnings.get((warning.key, warning.found))
    if seen is None:
        warnings[(warning.key, warning.found)] = warning
        return
    count = seen.params.get("count", 0) + warning.params.get("count", 0)
    warnings[(warning.key, warning.found)] = Problem(
        seen.file, seen.row, seen.column, seen.key, seen.found, {**seen.params, "count": count}, seen.found_key
    )


def open_if_large(path: Path, limits: Limits = DEFAULT) -> Batch | None:
    """A Batch that streams `path`, if it is a large Sotkanet CSV with a good header; else None
    (the whole-file parser then reads it and reports whatever is wrong)."""
    size = path.stat().st_size
    if size < STREAM_FROM or size > limits.file_bytes:
        return None
    with open(path, "rb") as f:
        head = f.read(HEAD)
    if what_text(head) is not None or not sotkanet_csv.matches(path, head):
        return None
    header = tuple(cell.strip().lower() for cell in sotkanet_csv.first_line(head).split(";"))
    if header != sotkanet_csv.HEADER:
        return None
    return streamed_batch(path, limits)


def streamed_batch(path: Path, limits: Limits = DEFAULT, batch_bytes: int = BATCH_BYTES) -> Batch:
    """Its sha256 is known once a pass has read the file (Batch.file_sha256)."""
    stream = CsvStream(path, limits, batch_bytes)
    return Batch(path.name, "", "sotkanet_csv", {"observations": stream}, dataset="sotkanet")
