"""Load files into the store: parse and validate each, then write the good ones in one publish.

Files are independent: a missing path, a directory, a refused file or one the store cannot take
is reported as that file's outcome, and the others still load.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from loaders import formats, reference
from loaders.limits import DEFAULT, Limits
from store import db
from store.batch import Batch, LoadErrors, Problem, display, refuse

Progress = Callable[[str], None]  # receives one line of progress (the CLI prints it on stderr)
LARGE = 100_000  # rows: from here on a file's timing is worth reporting


@dataclass
class Outcome:
    file: str  # the display name: no control or bidi characters
    status: str  # loaded | already loaded | checked (dry run) | refused
    rows: int = 0
    batch: Batch | None = None
    errors: LoadErrors | None = None
    warnings: tuple[Problem, ...] = field(default=())
    replaced: dict[str, int] = field(default_factory=dict)  # earlier file → current values this load replaced


def _rate(rows: int, seconds: float) -> str:
    return f"{rows:,} rows in {seconds:.1f} s ({rows / max(seconds, 1e-9):,.0f} rows/s)".replace(",", " ")


def _not_a_file(path: Path) -> LoadErrors | None:
    """A refusal for a path that is no regular file (looked up without opening: a FIFO would block)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return refuse(path.name, "a_file", found_key="missing")
    except OSError as error:
        return refuse(path.name, "readable_file", error.strerror or str(error))
    kinds = ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"))
    kinds += ((stat.S_ISSOCK, "socket"),)
    found = next((kind for test, kind in kinds if test(mode)), None if stat.S_ISREG(mode) else "special")
    return refuse(path.name, "a_file", found_key=found) if found else None


def check_file(path: Path, limits: Limits = DEFAULT, lazy: bool = False) -> Batch:
    """One file parsed and validated; LoadErrors for anything wrong with it, whatever went wrong.
    A streamed file (store.tables.StreamedRows) is read through once here, keeping no rows, unless
    lazy: then the store's insert reads it, in one pass, and refuses it there (see write())."""
    refused = _not_a_file(path)
    if refused:
        raise refused
    try:
        batch = formats.parse(path, limits)
    except LoadErrors:
        raise
    except OSError as error:  # unreadable (permissions, a disk error)
        raise refuse(path.name, "readable_file", error.strerror or str(error)) from None
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        # A loader bug must not sink the other files of the call; the message asks for a report.
        raise refuse(path.name, "loader_failed", f"{type(error).__name__}: {error}") from None
    batch = replace(batch, file_name=display(batch.file_name))
    return batch if lazy else _read_through(batch)


def _read_through(batch: Batch) -> Batch:
    """Check every batch of a streamed file; the rows are not kept, the store reads them again."""
    streams = batch.streams
    for stream in streams:
        for _ in stream.reader():
            pass
        stream.finish()
    warnings = batch.warnings + sum((stream.warnings for stream in streams), ())
    return replace(batch, sha256=batch.file_sha256(), warnings=warnings)


def check_files(
    paths: list[Path], progress: Progress | None = None, limits: Limits = DEFAULT, lazy: bool = False
) -> list[Outcome]:
    """Parse and validate every file; nothing is written. lazy: see check_file."""
    outcomes = []
    for path in paths:
        started = time.perf_counter()
        try:
            batch = check_file(path, limits, lazy)
        except LoadErrors as refused:
            outcomes.append(Outcome(display(path.name), "refused", errors=refused))
        else:
            outcomes.append(Outcome(batch.file_name, "checked", batch.rows, batch, warnings=batch.warnings))
            if progress and batch.rows >= LARGE and not lazy:
                progress(f"{batch.file_name}: checked {_rate(batch.rows, time.perf_counter() - started)}")
    return outcomes


def write(
    outcomes: list[Outcome],
    db_path: Path,
    progress: Progress | None = None,
    then: Callable[[db.Writer], None] | None = None,
) -> list[Outcome]:
    """Write the checked batches (files are independent), reference data first, in one publish.
    then: called last in the same publish, with the outcomes settled (the refresh writes its log there;
    with it, a publish happens even when no batch is good).
    db.StoreWriteFailed (a full disk) abandons the publish; the live store stays as it was."""
    good = [outcome for outcome in outcomes if outcome.batch is not None]
    if not good and then is None:
        return outcomes
    with db.writer(db_path) as store:
        if good:  # a log alone (then) touches nothing else
            store.ingest(reference.batch())
        for outcome in good:
            started = time.perf_counter()
            try:
                outcome.status = "loaded" if store.ingest(outcome.batch) else "already loaded"
            except db.BatchNotWritten as failed:  # rolled back: this file only
                outcome.status, outcome.batch = "refused", None
                outcome.errors = refuse(
                    outcome.file, "saved", str(failed.error)[:200], error=type(failed.error).__name__
                )
                continue
            except LoadErrors as refused:  # a streamed file's problems, found as it was read: rolled back
                outcome.status, outcome.batch, outcome.errors = "refused", None, refused
                continue
            streamed = outcome.batch.streams
            if streamed:  # read just now: its rows and warnings are known only from here on
                outcome.rows = outcome.batch.rows
                outcome.warnings = outcome.batch.warnings + sum((rows.warnings for rows in streamed), ())
            outcome.replaced = dict(store.replaced) if outcome.status == "loaded" else {}
            if progress and outcome.rows >= LARGE:
                progress(f"{outcome.file}: written {_rate(outcome.rows, time.perf_counter() - started)}")
        if then is not None:
            then(store)
    return outcomes


def ingest_files(
    paths: list[Path],
    db_path: Path,
    dry_run: bool = False,
    progress: Progress | None = None,
    limits: Limits = DEFAULT,
) -> list[Outcome]:
    # Loading, a large file is read once: checked as the store takes it (check_file's lazy).
    outcomes = check_files(paths, progress, limits, lazy=not dry_run)
    return outcomes if dry_run else write(outcomes, db_path, progress)
