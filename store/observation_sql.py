"""The SQL of storing observations (schema 4): rows keyed by a series number, each series' texts stored once.

store.db runs these; table and column names come only from store.tables. Every load arrives in one shape:

- `incoming_rows`: STREAMED_COLUMNS, each row's `series` a number local to the file (0, 1, …);
- `incoming_series`: one row per local number, ("series", *SERIES_COLUMNS).

A large Sotkanet CSV (loaders/sotkanet_stream.py) is numbered by its loader, in Arrow; every other
loader hands LOADER_COLUMNS["observations"] as text, numbered here (STAGE_SERIES, STAGE_ROWS). A new
series gets the id `$base + series` ($base: one past the highest stored id), a series already stored
(the same eight columns) keeps its id.
"""

from __future__ import annotations

from store.tables import OBSERVATION_KEY, SERIES_COLUMNS, STREAMED_COLUMNS

# observations.raw as stored: NULL where the text as written is the value's canonical text (DuckDB's
# CAST(value AS VARCHAR), ~95 % of Sotkanet rows), which observations_v.raw rebuilds; storing those
# texts took a quarter of a large load. A value must come with its text: NULL raw would read as canonical.
# `incoming_rows` holds raw as stored: STAGE_ROWS and STAGE_STREAM decide it, the inserts copy it.
CANONICAL_RAW = "CAST(value AS VARCHAR)"
STORED_RAW = (
    f"CASE WHEN raw IS NOT DISTINCT FROM {CANONICAL_RAW} THEN NULL"
    " WHEN raw IS NULL THEN error('row ' || coalesce(CAST(source_row AS VARCHAR), '?')"
    " || ': a value without its text as written (observations.raw)') ELSE raw END"
)
# A text of at most SURELY_CANONICAL_BYTES bytes in this shape is DuckDB's canonical text of the number
# it parses to: at most 15 significant digits (they survive a double), no leading zero, no trailing zero
# but in "x.0", and a size DuckDB writes without an exponent (it writes 1e-05 and 1e+16). A streamed
# loader, which parsed each value from its own text, drops those texts itself, in Arrow (0.7 s of one core
# at 10 M rows, where printing every value here cost DuckDB 1.5-2.5 s): its rows come with raw NULL
# (surely canonical) or the text, and only the texts are printed here (STREAM_RAW).
# tests/store/test_raw_round_trip.py holds DuckDB to this, so an upgrade that prints otherwise fails there.
SURELY_CANONICAL = r"^-?(?:[1-9][0-9]*\.(?:0|[0-9]*[1-9])|0\.0{0,3}[1-9](?:[0-9]*[1-9])?)$"
SURELY_CANONICAL_BYTES = 16
STREAM_RAW = f"CASE WHEN raw IS NULL THEN NULL WHEN raw IS NOT DISTINCT FROM {CANONICAL_RAW} THEN NULL ELSE raw END"
_SERIES = ", ".join(SERIES_COLUMNS)
_ROW_VALUES = ", ".join(name for name in STREAMED_COLUMNS if name != "series")  # period … source_row


def _stored(raw: str, prefix: str = "") -> str:
    """The row values (period … source_row) with `raw` decided by the expression `raw`."""
    return ", ".join(f"{raw} AS raw" if name == "raw" else prefix + name for name in STREAMED_COLUMNS[1:])


_SAME_SERIES = " AND ".join(f"s.{name} IS NOT DISTINCT FROM n.{name}" for name in SERIES_COLUMNS)
# The observation key without the period: the codes are not part of it (a remapped id still supersedes).
_SAME_KEY = " AND ".join(f"s.{name} IS NOT DISTINCT FROM n.{name}" for name in OBSERVATION_KEY if name != "period")

NEXT_SERIES_ID = "SELECT coalesce(max(series_id), -1) + 1 FROM series"

# A loader's text rows (`incoming`, LOADER_COLUMNS["observations"]) numbered by series, in file order.
STAGE_SERIES = (
    f"CREATE OR REPLACE TEMP TABLE incoming_series AS SELECT CAST(row_number() OVER"
    f" (ORDER BY {', '.join(f'{name} NULLS FIRST' for name in SERIES_COLUMNS)}) - 1 AS INTEGER) AS series, *"
    f" FROM (SELECT DISTINCT {_SERIES} FROM incoming)"
)
STAGE_ROWS = (
    f"CREATE OR REPLACE TEMP TABLE incoming_rows AS SELECT s.series, {_stored(STORED_RAW, 'n.')}"
    f" FROM (SELECT *, row_number() OVER () AS file_order FROM incoming) n JOIN incoming_series s ON {_SAME_SERIES}"
    " ORDER BY n.file_order"
)
# A streamed file compared with stored values is read more than once: staged (DuckDB spills it to disk).
STAGE_STREAM = (
    f"CREATE OR REPLACE TEMP TABLE incoming_rows AS SELECT series, {_stored(STREAM_RAW)} FROM incoming_stream"
)
STAGE_STREAM_SERIES = "CREATE OR REPLACE TEMP TABLE incoming_series AS SELECT * FROM incoming_stream_series"

# Whether a dataset has any current value: if not, a stream goes straight in, read once.
HAS_CURRENT = (
    "SELECT EXISTS (SELECT 1 FROM observations o JOIN series s USING (series_id)"
    " WHERE s.dataset = $d AND o.superseded_by IS NULL)"
)
# Whether any incoming series shares (dataset, indicator) with a current value. Asked this way round, the
# stored values build the join's hash table, and with none DuckDB never reads the incoming series.
OVERLAP = (
    "SELECT EXISTS (SELECT 1 FROM incoming_series WHERE (dataset, indicator) IN"
    " (SELECT s.dataset, s.indicator FROM observations o JOIN series s USING (series_id)"
    " WHERE o.superseded_by IS NULL))"
)

# Nothing to compare with: every row goes in, and every series is new.
INSERT_ROWS = f"INSERT INTO observations (ingest_id, series_id, {_ROW_VALUES}) SELECT $id, $base + series, {{values}}"
INSERT_ALL_ROWS = INSERT_ROWS.replace("{values}", f"{_ROW_VALUES} FROM incoming_rows")
INSERT_STREAM_ROWS = INSERT_ROWS.replace("{values}", f"{_stored(STREAM_RAW)} FROM incoming_stream")
INSERT_ALL_SERIES = f"INSERT INTO series (series_id, {_SERIES}) SELECT $base + series, {_SERIES} FROM {{series}}"
INSERT_STAGED_SERIES = INSERT_ALL_SERIES.replace("{series}", "incoming_series")
INSERT_STREAM_SERIES = INSERT_ALL_SERIES.replace("{series}", "incoming_stream_series")

# Compared with stored values: each incoming series' id (stored, or new), and the stored series of its key.
SERIES_IDS = (
    f"CREATE OR REPLACE TEMP TABLE series_ids AS SELECT n.series, coalesce(s.series_id, $base + n.series)"
    f" AS series_id, s.series_id IS NULL AS new FROM incoming_series n"
    f" LEFT JOIN (SELECT min(series_id) AS series_id, {_SERIES} FROM series GROUP BY ALL) s ON {_SAME_SERIES}"
)
SAME_KEY = (
    "CREATE OR REPLACE TEMP TABLE same_key AS SELECT n.series, s.series_id FROM incoming_series n"
    f" JOIN series s ON {_SAME_KEY}"
)
_CURRENT = (
    "FROM same_key k JOIN observations o ON o.series_id = k.series_id"
    " WHERE k.series = n.series AND o.period = n.period AND o.superseded_by IS NULL"
)
# New and changed values only: a value equal to the current one of its key is already stored.
CHANGED = (
    f"CREATE OR REPLACE TEMP TABLE changed AS SELECT n.* FROM incoming_rows n WHERE NOT EXISTS (SELECT 1 {_CURRENT}"
    " AND o.value IS NOT DISTINCT FROM n.value AND o.status IS NOT DISTINCT FROM n.status)"
)
# Said to the user: which earlier file's current values this load replaces.
REPLACED = (
    "SELECT i.file_name, count(*) FROM changed n JOIN same_key k USING (series)"
    " JOIN observations o ON o.series_id = k.series_id AND o.period = n.period"
    " JOIN ingests i ON i.ingest_id = o.ingest_id WHERE o.superseded_by IS NULL GROUP BY 1 ORDER BY 1"
)
SUPERSEDE = (
    "UPDATE observations o SET superseded_by = $id FROM (SELECT k.series_id, n.period FROM changed n"
    " JOIN same_key k USING (series)) c WHERE o.superseded_by IS NULL AND o.series_id = c.series_id"
    " AND o.period = c.period"
)
INSERT_CHANGED = (
    f"INSERT INTO observations (ingest_id, series_id, {_ROW_VALUES})"
    f" SELECT $id, i.series_id, {_ROW_VALUES} FROM changed JOIN series_ids i USING (series) ORDER BY source_row"
)
INSERT_NEW_SERIES = (
    f"INSERT INTO series (series_id, {_SERIES}) SELECT i.series_id, {', '.join(f'n.{c}' for c in SERIES_COLUMNS)}"
    " FROM incoming_series n JOIN series_ids i USING (series)"
    " WHERE i.new AND n.series IN (SELECT series FROM changed) ORDER BY i.series_id"
)
# Schema 1 → 2: drop the texts observations_v.raw rebuilds; a rerun finds none left to drop.
DROP_CANONICAL_RAW = f"UPDATE observations SET raw = NULL WHERE raw = {CANONICAL_RAW}"
TEMP_TABLES = ("incoming_rows", "incoming_series", "series_ids", "same_key", "changed")

# Schema 2 → 3: a store that kept the texts on every row. Its table is set aside before schema.sql
# creates the new one, then copied over, series numbered in the order of their first row.
HAS_COLUMN = "SELECT count(*) > 0 FROM duckdb_columns() WHERE table_name = $t AND column_name = $c AND NOT internal"
SET_ASIDE_V2 = ("DROP VIEW IF EXISTS observations_v", "ALTER TABLE observations RENAME TO observations_v2")
COPY_V2 = (
    "CREATE OR REPLACE TEMP TABLE numbered AS SELECT *, CAST(dense_rank() OVER"
    f" (ORDER BY {', '.join(f'{name} NULLS FIRST' for name in SERIES_COLUMNS)}) - 1 AS INTEGER) AS series_id,"
    " rowid AS stored_order FROM observations_v2",
    f"INSERT INTO series (series_id, {_SERIES}) SELECT DISTINCT series_id, {_SERIES} FROM numbered ORDER BY series_id",
    f"INSERT INTO observations (ingest_id, series_id, {_ROW_VALUES}, superseded_by)"
    f" SELECT ingest_id, series_id, {_ROW_VALUES}, superseded_by FROM numbered ORDER BY stored_order",
    "DROP TABLE numbered",
    "DROP TABLE observations_v2",
)

# Schema 3 → 4: the demo flag and note move from each row to its series. The two tables are set aside and
# joined back into a schema-2-shaped table, which COPY_V2 then numbers and copies as it does a schema 2 store.
HAS_ROW_FLAGS = "observations", "is_demo"  # a schema 3 store's rows carry the flag
SET_ASIDE_V3 = (
    "DROP VIEW IF EXISTS observations_v",
    "ALTER TABLE observations RENAME TO observations_v3",
    "ALTER TABLE series RENAME TO series_v3",
)
_ROW_FLAGS = ("is_demo", "note")  # on each row in schema 3, in `series` since schema 4
JOIN_V3 = (
    "CREATE TEMP TABLE observations_v2 AS SELECT o.ingest_id,"
    f" {', '.join(f'o.{c}' if c in _ROW_FLAGS else f's.{c}' for c in SERIES_COLUMNS)},"
    f" {', '.join(f'o.{c}' for c in STREAMED_COLUMNS[1:])}, o.superseded_by"
    " FROM observations_v3 o JOIN series_v3 s USING (series_id) ORDER BY o.rowid"
)
COPY_V3 = (JOIN_V3, *COPY_V2, "DROP TABLE observations_v3", "DROP TABLE series_v3")
