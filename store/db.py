"""The only module that opens DuckDB: read-only views of the live store, and the one write path.

Publishing: the live store path (config DASHBOARD_DB) is a symlink to a versioned file
`<name>.versions/store-000012.duckdb`. A load copies the live file, writes into the copy in
one transaction per file, checkpoints, and swaps the symlink with an atomic rename. Readers
open the real path read-only, so a load never waits for them and never shows them a mix;
they move to the new version at their next rerun. Versioned names matter: within one process
DuckDB reuses an open database for the same path, so reopening a renamed path would keep
showing the old file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from store import observation_sql as sql
from store.batch import Batch
from store.tables import LOADER_COLUMNS, MERGED_KEYS, REFRESH_LOG_COLUMNS, STREAMED_COLUMNS, UPSERT_TABLES

SCHEMA_VERSION = 4  # 2: observations.raw only where it differs from its canonical text; 3: series stored once;
# 4: the demo flag and note stored with the series
SCHEMA = Path(__file__).with_name("schema.sql")
SCHEMA_SHA = hashlib.sha256(SCHEMA.read_bytes()).hexdigest()  # what schema_fingerprint holds once migrated
KEEP_VERSIONS = 3  # older versions are deleted; readers holding one open keep reading it
# DuckDB keeps every block it has read cached, up to 80 % of RAM by default: a reader that once
# scanned a 10 M-row store would hold it all. The dashboard reads a little at a time (cached above it).
READER_MEMORY = "128MB"


Connection = duckdb.DuckDBPyConnection


class StoreMissing(FileNotFoundError):
    """The live store does not exist yet."""


class StoreWriteFailed(OSError):
    """The disk refused a write (full, or a file-size limit): the load was abandoned, the live store is intact."""

    def __init__(self, error: Exception) -> None:
        super().__init__(
            f"could not write the store ({error}). Nothing was changed: free some disk space and load again."
        )


class BatchNotWritten(Exception):
    """The store could not take one batch (its transaction was rolled back); other files may still load."""

    def __init__(self, file: str, error: Exception) -> None:
        super().__init__(f"{file}: {error}")
        self.file, self.error = file, error


# What a full disk (or a file-size limit) raises: an I/O error, or a fatal one when a checkpoint fails.
DISK_ERRORS = (duckdb.IOException, duckdb.FatalException)
# What one batch can raise inside its transaction without the store being at fault.
BATCH_ERRORS = (duckdb.ConversionException, duckdb.InvalidInputException, duckdb.ConstraintException)
BATCH_ERRORS += (duckdb.OutOfRangeException, duckdb.BinderException, UnicodeError, ValueError, OverflowError)


class StoreOutdated(RuntimeError):
    """The live store was written under another schema.sql: its views may not answer this code's questions."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the store {path.name} was built by another version of the dashboard. Nothing is wrong with its"
            " data: bring it up to date with `python -m loaders upgrade` (publishes an upgraded copy)."
        )
        self.path = path


class LiveLinkMissing(OSError):
    """Published versions exist but the live link to them is gone: a load would start empty."""

    def __init__(self, db_path: Path, newest: Path) -> None:
        super().__init__(
            f"the live store link {db_path} is missing or broken, but {newest.parent} holds published"
            f" versions (newest: {newest.name}). Nothing was written. Restore the link with"
            f" `python -m loaders relink --db {db_path}` (points it at {newest.name}), then load again."
        )
        self.db_path = db_path
        self.newest = newest


# ---------------------------------------------------------------- reading


def live_file(db_path: Path) -> Path | None:
    """The versioned file the live path points at, or None if nothing is published."""
    return db_path.resolve() if db_path.exists() else None


def version(db_path: Path) -> str:
    """A name that changes whenever a load publishes: the cache key for queries."""
    real = live_file(db_path)
    if real is None:
        raise StoreMissing(f"no store at {db_path}: run `make run` once, or load data with `python -m loaders ingest`")
    return f"{real}:{real.stat().st_mtime_ns}"  # the real file: connect_version opens exactly it


def connect_version(version_name: str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the very file `version()` named, not to whatever is live now."""
    path = Path(version_name.rsplit(":", 1)[0])
    if not path.is_file():  # pruned since: the next rerun asks for the live version
        raise StoreMissing(f"store version {path.name} is no longer kept: reload the page")
    return _checked(_read_only(path), path)


def connect_readonly(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the live version (its real path, see module docstring)."""
    real = live_file(db_path)
    if real is None:
        raise StoreMissing(f"no store at {db_path}: run `make run` once to build the demo store")
    return _checked(_read_only(real), real)


def _read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one file, its block cache capped (READER_MEMORY); no schema check."""
    return duckdb.connect(str(path), read_only=True, config={"memory_limit": READER_MEMORY})


def fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema.sql sha256 a writer last ran on this file; None for a file from before fingerprints."""
    try:
        row = con.execute("SELECT max(sha256) FROM schema_fingerprint").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def _checked(con: duckdb.DuckDBPyConnection, path: Path) -> duckdb.DuckDBPyConnection:
    if fingerprint(con) != SCHEMA_SHA:
        con.close()
        raise StoreOutdated(path)
    return con


# ---------------------------------------------------------------- writing


class Writer:
    """Writes validated batches into the unpublished copy; one transaction per batch."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.changed = False
        self.replaced: dict[str, int] = {}  # after ingest(): earlier file → current values it replaced

    def ingest(self, batch: Batch) -> bool:
        """One validated batch, atomically; False if these bytes are already stored. A streamed file's
        bytes are known only after its pass (Batch.file_sha256): its rows go in first, and are rolled
        back if the file was stored before."""
        cur = self.con.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            streams = batch.streams
            if not streams and _loaded_before(cur, batch.sha256):
                cur.execute("ROLLBACK")
                return False
            [[ingest_id]] = cur.execute("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests").fetchall()
            self.replaced = {}
            for table, rows in batch.tables.items():
                self.replaced.update(_insert(cur, table, rows, ingest_id))
            for rows in streams:  # StreamedRows: LoadErrors now rolls every batch back
                rows.finish()
            sha256 = batch.file_sha256()
            if streams and _loaded_before(cur, sha256):
                cur.execute("ROLLBACK")
                self.replaced = {}
                return False
            cur.execute(
                "INSERT INTO ingests VALUES ($id, $file, $sha, $format, $dataset, $rows, $url,"
                " $retrieved, $loaded, $demo)",
                {
                    "id": ingest_id,
                    "file": batch.file_name,
                    "sha": sha256,
                    "format": batch.format,
                    "dataset": batch.dataset,
                    "rows": batch.rows,
                    "url": batch.url,
                    "retrieved": batch.retrieved_at,
                    "loaded": batch.loaded_at or datetime.now(),
                    "demo": batch.is_demo,
                },
            )
            cur.execute("COMMIT")
        except BaseException as error:
            _rollback(cur)
            if isinstance(error, DISK_ERRORS):
                raise StoreWriteFailed(error) from error
            if isinstance(error, BATCH_ERRORS):
                raise BatchNotWritten(batch.file_name, error) from error
            raise
        self.changed = True
        return True

    def log_refresh(self, entries: list[dict]) -> None:
        """Append one refresh run's rows (REFRESH_LOG_COLUMNS each) in one transaction. It touches no other
        table, and marks the copy changed: a run in which everything failed still publishes its log, on a
        copy of the live store, so no published value is lost."""
        if not entries:
            return
        cur = self.con.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            cur.executemany(
                f"INSERT INTO refresh_log ({', '.join(REFRESH_LOG_COLUMNS)})"
                f" VALUES ({', '.join('$' + name for name in REFRESH_LOG_COLUMNS)})",
                [{name: entry[name] for name in REFRESH_LOG_COLUMNS} for entry in entries],
            )
            cur.execute("COMMIT")
        except BaseException as error:
            _rollback(cur)
            if isinstance(error, DISK_ERRORS):
                raise StoreWriteFailed(error) from error
            raise
        self.changed = True


def _loaded_before(cur: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    return bool(cur.execute("SELECT 1 FROM ingests WHERE sha256 = $sha", {"sha": sha256}).fetchall())


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    # The failed write may have ended the transaction already; the draft is discarded anyway.
    with contextlib.suppress(duckdb.Error):
        cur.execute("ROLLBACK")


def _insert(cur: duckdb.DuckDBPyConnection, table: str, rows: object, ingest_id: int) -> dict[str, int]:
    """Insert one table's rows; names come only from LOADER_COLUMNS, values only as data.
    Returns, for observations, how many current values each earlier file had replaced."""
    if table == "observations":
        return _insert_observations(cur, rows, ingest_id)
    columns = LOADER_COLUMNS[table]
    cur.register("incoming", rows)
    try:
        _expect_columns(cur, "incoming", table, columns)
        select = ", ".join(columns)
        if table in MERGED_KEYS:
            key = MERGED_KEYS[table]
            fill = ", ".join(f"{c} = coalesce(EXCLUDED.{c}, {table}.{c})" for c in columns if c not in key)
            cur.execute(
                f"INSERT INTO {table} ({select}, ingest_id) SELECT {select}, $id FROM incoming"
                f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {fill}, ingest_id = EXCLUDED.ingest_id",
                {"id": ingest_id},
            )
        else:
            verb = "INSERT OR REPLACE" if table in UPSERT_TABLES else "INSERT"
            cur.execute(
                f"{verb} INTO {table} ({select}, ingest_id) SELECT {select}, $id FROM incoming", {"id": ingest_id}
            )
    finally:
        cur.unregister("incoming")
    return {}


def _expect_columns(cur: duckdb.DuckDBPyConnection, name: str, table: str, columns: tuple[str, ...]) -> None:
    found = tuple(column for column, *_ in cur.execute(f"DESCRIBE SELECT * FROM {name}").fetchall())
    if found != columns:
        raise ValueError(f"batch for {table} has columns {found}, expected {columns}")


def _insert_observations(cur: duckdb.DuckDBPyConnection, rows: object, ingest_id: int) -> dict[str, int]:
    """New and changed values only; a changed value supersedes the current one, which stays.
    Rows arrive numbered by series (store/observation_sql.py): a stream numbered by its loader, read
    once straight into the table when its dataset has no current value; any other batch numbered here."""
    [[base]] = cur.execute(sql.NEXT_SERIES_ID).fetchall()
    ids = {"id": ingest_id, "base": base}
    try:
        replaced = _insert_numbered(cur, rows, ids)
    finally:  # after a failure the transaction is aborted: unregistering fails too, and must not hide why
        for name in ("incoming", "incoming_stream", "incoming_stream_series"):
            with contextlib.suppress(duckdb.Error):
                cur.unregister(name)
    for table in sql.TEMP_TABLES:  # a failed transaction's rollback drops them
        cur.execute(f"DROP TABLE IF EXISTS {table}")
    return replaced


def _insert_numbered(cur: duckdb.DuckDBPyConnection, rows: object, ids: dict[str, int]) -> dict[str, int]:
    if hasattr(rows, "reader"):  # store.tables.StreamedRows
        cur.register("incoming_stream", rows.reader())
        _expect_columns(cur, "incoming_stream", "observations", STREAMED_COLUMNS)
        [[current]] = cur.execute(sql.HAS_CURRENT, {"d": rows.dataset}).fetchall()
        if not current:
            _insert_stream(cur, rows, ids)
            return {}
        cur.execute(sql.STAGE_STREAM)
        cur.register("incoming_stream_series", rows.series())
        cur.execute(sql.STAGE_STREAM_SERIES)
    else:
        cur.register("incoming", rows)
        _expect_columns(cur, "incoming", "observations", LOADER_COLUMNS["observations"])
        cur.execute(sql.STAGE_SERIES)
        cur.execute(sql.STAGE_ROWS)
    [[overlap]] = cur.execute(sql.OVERLAP).fetchall()
    if not overlap:  # nothing to compare with (a first load): every row and series is new
        cur.execute(sql.INSERT_ALL_ROWS, ids)
        cur.execute(sql.INSERT_STAGED_SERIES, {"base": ids["base"]})
        return {}
    return _supersede(cur, ids)


def _insert_stream(cur: duckdb.DuckDBPyConnection, rows: object, ids: dict[str, int]) -> None:
    """A stream whose dataset has no current value: read once, straight in; its series after the pass.
    Its rows' keys are unique, so their stored order decides nothing: DuckDB may append in parallel."""
    cur.execute("SET preserve_insertion_order = false")
    try:
        cur.execute(sql.INSERT_STREAM_ROWS, ids)
    finally:
        cur.execute("RESET preserve_insertion_order")
    cur.register("incoming_stream_series", rows.series())
    cur.execute(sql.INSERT_STREAM_SERIES, {"base": ids["base"]})


def _supersede(cur: duckdb.DuckDBPyConnection, ids: dict[str, int]) -> dict[str, int]:
    """Compare the staged rows with the current values of their keys; store the new and changed ones."""
    cur.execute(sql.SERIES_IDS, {"base": ids["base"]})
    cur.execute(sql.SAME_KEY)
    cur.execute(sql.CHANGED)
    replaced = cur.execute(sql.REPLACED).fetchall()
    cur.execute(sql.SUPERSEDE, {"id": ids["id"]})
    cur.execute(sql.INSERT_CHANGED, {"id": ids["id"]})
    cur.execute(sql.INSERT_NEW_SERIES)
    return dict(replaced)


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, then bring an older file up to SCHEMA_VERSION. Safe to rerun."""
    [[old_rows]] = con.execute(sql.HAS_COLUMN, {"t": "observations", "c": "dataset"}).fetchall()  # schema 1–2
    table, column = sql.HAS_ROW_FLAGS
    [[row_flags]] = con.execute(sql.HAS_COLUMN, {"t": table, "c": column}).fetchall()  # schema 3 (1–2 had it too)
    if old_rows:
        for statement in sql.SET_ASIDE_V2:
            con.execute(statement)
    elif row_flags:
        for statement in sql.SET_ASIDE_V3:
            con.execute(statement)
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    current = row[0] if row and row[0] is not None else None
    if current is None:
        con.execute("INSERT INTO schema_version VALUES ($v)", {"v": SCHEMA_VERSION})
        current = SCHEMA_VERSION
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"store schema {current} is newer than this code ({SCHEMA_VERSION})")
    if old_rows:
        for statement in sql.COPY_V2:
            con.execute(statement)
    elif row_flags:
        for statement in sql.COPY_V3:
            con.execute(statement)
    if current < 2:
        con.execute(sql.DROP_CANONICAL_RAW)
    if current < SCHEMA_VERSION:
        con.execute("UPDATE schema_version SET version = $v", {"v": SCHEMA_VERSION})
    con.execute("DELETE FROM schema_fingerprint")
    con.execute("INSERT INTO schema_fingerprint VALUES ($sha)", {"sha": SCHEMA_SHA})


def upgrade(db_path: Path) -> bool:
    """Publish a copy of the live store brought up to this code's schema; False if it already was."""
    real = live_file(db_path)
    if real is None:
        raise StoreMissing(f"no store at {db_path}: nothing to upgrade")
    with _read_only(real) as con:
        if fingerprint(con) == SCHEMA_SHA:
            return False
    with writer(db_path) as out:
        return out.changed


class HoldsRealData(RuntimeError):
    """A request to delete a store that holds loads of real (not demo) data: refused, nothing deleted."""


def delete_demo_store(db_path: Path) -> None:
    """Delete the live link and every published version, only if all of them hold demo loads alone.

    `make demo` rebuilds from scratch; an operator who runs it on a production data/ directory must
    not lose published data, so any version holding a load of real data refuses the whole request."""
    versions = _versions_dir(db_path)
    published = _published(versions) if versions.is_dir() else []
    for path in published:
        with _read_only(path) as con:
            [[real]] = con.execute("SELECT count(*) FROM ingests WHERE NOT is_demo").fetchall()
        if real:
            raise HoldsRealData(
                f"{path.name} holds {real} load(s) of real data: nothing was deleted. To add the demo files"
                f" to it instead, run `python -m loaders demo --db {db_path}`."
            )
    if db_path.is_symlink() or db_path.exists():
        if not db_path.is_symlink():  # a plain file at the live path was not made by us: leave it
            raise HoldsRealData(f"{db_path} is not a link to a published version: nothing was deleted")
        db_path.unlink()
    if versions.is_dir():
        shutil.rmtree(versions)


def _versions_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.versions"


def _published(versions: Path) -> list[Path]:
    """Published versions, oldest first."""
    return sorted(versions.glob("store-[0-9][0-9][0-9][0-9][0-9][0-9].duckdb"))


def _next_number(versions: Path) -> int:
    numbers = [int(p.name[6:12]) for p in _published(versions)]
    return max(numbers, default=0) + 1


def relink(db_path: Path) -> Path:
    """Point a missing or broken live link at the newest published version; returns it.

    Refuses to replace a live path that is a regular file or a link that still resolves."""
    versions = _versions_dir(db_path)
    if not versions.is_dir():
        raise StoreMissing(f"no published versions in {versions}: build the store with `make demo`")
    with open(versions / "write.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if live_file(db_path) is not None:
            raise FileExistsError(f"{db_path} already points at {db_path.resolve().name}; nothing to relink")
        published = _published(versions)
        if not published:
            raise StoreMissing(f"no published versions in {versions}: build the store with `make demo`")
        _link(published[-1], db_path)
        return published[-1]


@contextmanager
def writer(db_path: Path) -> Iterator[Writer]:
    """Open an unpublished copy of the live store; publish it on a clean exit if anything changed.

    Writers take turns through a lock file; readers are never blocked. On an exception, or a
    crash, the copy is discarded and the live store is untouched.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    versions = _versions_dir(db_path)
    versions.mkdir(exist_ok=True)
    with open(versions / "write.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for stale in versions.glob("*.tmp*"):  # left by a crashed writer
            stale.unlink()
        current = live_file(db_path)
        published = _published(versions)
        if current is None and published:  # never start empty over published data
            raise LiveLinkMissing(db_path, published[-1])
        final = versions / f"store-{_next_number(versions):06d}.duckdb"
        draft = final.with_suffix(".tmp")
        try:
            if current is not None:
                shutil.copyfile(current, draft)
            con = duckdb.connect(str(draft))
        except (OSError, duckdb.IOException) as error:  # a full disk: nothing published, say so
            draft.unlink(missing_ok=True)
            raise StoreWriteFailed(error) from error
        try:
            outdated = current is not None and fingerprint(con) != SCHEMA_SHA
            migrate(con)
            out = Writer(con)
            out.changed = outdated  # an upgraded copy is worth publishing even if the load adds nothing
            yield out
            con.execute("CHECKPOINT")
        except BaseException as error:
            with contextlib.suppress(duckdb.Error):  # a fatal error has closed the database already
                con.close()
            draft.unlink(missing_ok=True)
            if isinstance(error, DISK_ERRORS):
                raise StoreWriteFailed(error) from error
            raise
        con.close()
        if out.changed or current is None:
            try:
                _publish(draft, final, db_path)
            except OSError as error:
                draft.unlink(missing_ok=True)
                raise StoreWriteFailed(error) from error
            _prune(versions, keep={final, current} - {None})
        else:
            draft.unlink()


def _publish(draft: Path, final: Path, db_path: Path) -> None:
    with open(draft, "rb") as f:
        os.fsync(f.fileno())
    os.replace(draft, final)
    _link(final, db_path)


def _link(final: Path, db_path: Path) -> None:
    link = db_path.with_name(f".{db_path.name}.link.tmp")
    link.unlink(missing_ok=True)
    link.symlink_to(final.relative_to(db_path.parent))
    os.replace(link, db_path)  # atomic: readers see the old file or the new one


def _prune(versions: Path, keep: set[Path]) -> None:
    """Delete all but the newest KEEP_VERSIONS, never one in `keep` (the live one and the one
    this load copied from) and never the newest version holding more than one load."""
    published = _published(versions)
    old = published[:-KEEP_VERSIONS]
    if not old:
        return
    keep = {p.resolve() for p in keep}
    loads = {path: _loads_in(path) for path in published}
    newest_first = published[::-1]
    # Loads only add to a copy, so normally both of these are the newest version; after a mistake
    # (a load that started empty) they are the versions that hold the real data.
    several = next((p for p in newest_first if loads[p] > 1), None)
    most = max(newest_first, key=loads.__getitem__)  # max() keeps the first, i.e. the newest, of a tie
    keep.update(p.resolve() for p in (several, most) if p is not None)
    for path in old:
        if path.resolve() not in keep:
            path.unlink()


def _loads_in(path: Path) -> int:
    """How many loads a published version holds; unreadable counts as many (keep it)."""
    try:
        with _read_only(path) as con:
            return con.execute("SELECT count(*) FROM ingests").fetchone()[0]
    except duckdb.Error:
        return 2
