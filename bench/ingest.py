"""Ingest speed: our loader (parse, validate, write) against DuckDB's own read_csv on the same Sotkanet CSV.

    python bench/ingest.py [--rows 10000000] [--dir /tmp/bench]

Two floors, each in its own process like ours:
- bare: read_csv into a typed six-column table (the issue's goal: ours ≤ 1.5× this);
- schema: read_csv straight into our real tables (store.db.migrate), stored as we store them: each row
  keyed by its series, each series' texts, demo flag and note once (schema 4). Ours against this floor is our own
  overhead: parse, validate, hash, hand-over.
Peak memory is a figure of its own (ingest_peak_mb), the bare load's peak its floor: our loader reads
the file in batches (loaders/sotkanet_stream.py), so its peak is bounded by a batch, not the file.
Prints the times, both ratios and each side's peak memory, and stops if a side stored another number
of rows; returns {name: {value, floor, ratio, unit}} for bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parent.parent
HEADER = "indicator;region;year;gender;primary value;absolute value"


def generate(path: Path, rows: int) -> None:
    """A Sotkanet-shaped CSV: unique (indicator, region, year, gender), some empty values (LF line ends)."""
    rng = np.random.default_rng(1)
    i = np.arange(rows, dtype=np.int64)
    genders = np.array(["total", "male", "female"])[i % 3]
    year = 1990 + (i // 3) % 35
    region = (i // 105) % 1000 + 1
    indicator = i // 105_000 + 1
    value = np.round(rng.uniform(0, 100_000, rows), 1).astype(str)
    value[rng.random(rows) < 0.05] = ""  # Sotkanet leaves a cell empty where there is no data
    table = pa.table(
        {
            "indicator": indicator.astype(str),
            "region": region.astype(str),
            "year": year.astype(str),
            "gender": genders,
            "primary value": value,
            "absolute value": np.full(rows, "", dtype=object),
        }
    )
    with open(path, "wb") as f:
        f.write((HEADER + "\r\n").encode())
        options = pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none")
        pacsv.write_csv(table, f, write_options=options)


def ours(csv: Path, db: Path) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT))
    from loaders.ingest import ingest_files

    started = time.perf_counter()
    [outcome] = ingest_files([csv], db)
    if outcome.errors:
        raise SystemExit(outcome.errors.report())
    return time.perf_counter() - started, outcome.rows


# Types given, not sniffed: the sniffer samples rows and can guess wrong on a file this long.
# strict_mode=false: the file mixes a CRLF header with LF rows, and in strict mode DuckDB 2.0 then
# silently dropped the first 1.25 M of 10 M rows (duckdb/duckdb#15959 meant to make that an error).
READ_CSV = (
    "read_csv($p, delim=';', header=true, auto_detect=false, new_line='\\n', strict_mode=false, columns={columns})"
)
TYPED = {"indicator": "BIGINT", "region": "BIGINT", "year": "BIGINT", "gender": "VARCHAR"}
TYPED |= {"primary value": "DOUBLE", "absolute value": "DOUBLE"}
IDS = {"indicator": "BIGINT", "region": "BIGINT"}  # the schema floor's: DuckDB parses them, numbers series
# What our loader stores (schema 4), from the text cells: each row keyed by its series, the value parsed,
# its text kept as raw where it differs from the canonical one; then each series' texts once. DuckDB
# numbers a series by arithmetic on its ids (cheaper than our loader's hashing, so still a floor);
# the codes are NULL (a lookup join is ours, not DuckDB's) and source_row a constant (read_csv gives
# no line number): both make this floor a little lower than what we store.
GENDERS = "['total', 'male', 'female']"
INTO_OBSERVATIONS = (
    "INSERT INTO observations (ingest_id, series_id, period, value, status, raw, source_row)"
    f" SELECT 1, CAST((indicator * 1048576 + region) * 4 + list_position({GENDERS}, gender) AS INTEGER), year,"
    " value, NULL, {stored_raw}, 0"
    ' FROM (SELECT *, TRY_CAST("primary value" AS DOUBLE) AS value, "primary value" AS raw, 0 AS source_row'
    " FROM {read_csv})"
)
INTO_SERIES = (
    "INSERT INTO series SELECT series_id, 'sotkanet', CAST(series_id // 4 // 1048576 AS VARCHAR), NULL,"
    f" CAST(series_id // 4 % 1048576 AS VARCHAR), NULL, {GENDERS}[series_id % 4], false, NULL"
    " FROM (SELECT DISTINCT series_id FROM observations)"
)


def _columns(types: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in types.items()) + "}"


def _duckdb_side(
    csv: Path, db: Path, sql: str, table: str, our_schema: bool = False, then: str = ""
) -> tuple[float, int]:
    """One statement (and `then`) on a new file, then a checkpoint: the time, and the rows stored (counted after)."""
    import duckdb

    sys.path.insert(0, str(ROOT))
    from store.db import migrate

    started = time.perf_counter()
    con = duckdb.connect(str(db))
    if our_schema:
        migrate(con)  # as our writer does on a new file
        # Row order is no part of the schema, and DuckDB stores a CSV scan faster without keeping it.
        con.execute("SET preserve_insertion_order = false")
    con.execute(sql, {"p": str(csv)})
    if then:
        con.execute(then)
    con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    [rows] = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    con.close()
    return seconds, rows


def floor(csv: Path, db: Path) -> tuple[float, int]:
    """Bare: DuckDB parses the typed columns and stores them as a new table."""
    read = READ_CSV.format(columns=_columns(TYPED))
    return _duckdb_side(csv, db, f"CREATE TABLE t AS SELECT * FROM {read}", "t")


def schema_floor(csv: Path, db: Path) -> tuple[float, int]:
    """Schema: DuckDB parses the text cells and stores them in our observations table, as we do."""
    read = READ_CSV.format(columns=_columns(dict.fromkeys(HEADER.split(";"), "VARCHAR") | IDS))
    sys.path.insert(0, str(ROOT))
    from store.observation_sql import STORED_RAW  # raw only where it differs from the value's text, as we store it

    sql = INTO_OBSERVATIONS.format(read_csv=read, stored_raw=STORED_RAW)
    return _duckdb_side(csv, db, sql, "observations", our_schema=True, then=INTO_SERIES)


def _peak_mb() -> float:
    """This process's own peak RSS. ru_maxrss can carry the parent's peak across fork+exec (a parent
    that just generated the CSV made both sides read ~5 GB); VmHWM belongs to this process's memory."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    [line] = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) / 1024


SIDES = {"floor": floor, "schema": schema_floor, "ours": ours}


def child(which: str, csv: Path, db: Path) -> None:
    seconds, rows = SIDES[which](csv, db)
    used = resource.getrusage(resource.RUSAGE_SELF)  # CPU time: steadier than wall time on a shared machine
    cpu = used.ru_utime + used.ru_stime
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": _peak_mb(), "cpu_s": cpu}))


def _remove(directory: Path, name: str) -> None:
    """A side's store from an earlier round or run (ours is a live link and its versions directory)."""
    for stale in directory.glob(name + "*"):
        if stale.is_dir() and not stale.is_symlink():
            for f in stale.iterdir():
                f.unlink()
            stale.rmdir()
        else:
            stale.unlink()


def _median(sides: list[dict]) -> dict:
    """The round with the median time (an odd count keeps a real round, not an average)."""
    return sorted(sides, key=lambda side: side["seconds"])[len(sides) // 2]


# Every side runs in a process set up as `python -m loaders` sets itself up (Arrow's allocator, read once
# when pyarrow loads: loaders/__main__.py). The floors are DuckDB's own work and allocate nothing through Arrow.
CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}


def run(which: str, csv: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, "--csv", str(csv), "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ | CHILD_ENV,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict[str, dict] | None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; each side's median is kept")
    parser.add_argument("--child", choices=tuple(SIDES))
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.csv, args.db)
        return None
    args.dir.mkdir(parents=True, exist_ok=True)
    csv = args.dir / f"sotkanet_{args.rows}.csv"
    if not csv.exists():
        started = time.perf_counter()
        generate(csv, args.rows)
        print(f"generated {csv} ({csv.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
    # Rounds interleave the three sides, so that a slow spell of this (shared, virtual) machine falls on
    # all of them; each side's median round is kept (its time and its peak memory).
    rounds: dict[str, list[dict]] = {"floor": [], "schema": [], "ours": []}
    if not 1 <= args.rounds <= 9:
        raise SystemExit("--rounds: 1 to 9")
    # Each round starts with another side: whichever runs right after another has been measured 0.2-0.5 s
    # faster or slower than the same code run first, so a fixed order would favour one side.
    sides = list(rounds)
    for number in range(args.rounds):
        for which in sides[number % 3 :] + sides[: number % 3]:
            _remove(args.dir, f"{which}.duckdb")
            os.sync()  # no side pays for the writes of the one before
            rounds[which].append(run(which, csv, args.dir / f"{which}.duckdb"))
    base, schema, mine = (_median(rounds[which]) for which in ("floor", "schema", "ours"))
    for name, side in (("bare floor", base), ("schema floor", schema), ("ours", mine)):
        if side["rows"] != args.rows:  # a floor that skips rows is no floor
            raise SystemExit(f"{name} stored {side['rows']} rows, not {args.rows}")
    print(f"rows:                          {args.rows:,}".replace(",", " ") + f"  (median of {args.rounds} rounds)")
    print(f"bare floor (typed read_csv):   {base['seconds']:5.2f} s  peak {base['peak_mb']:.0f} MB")
    print(f"schema floor (into our table): {schema['seconds']:5.2f} s  peak {schema['peak_mb']:.0f} MB")
    print(f"ours (parse+check+write):      {mine['seconds']:5.2f} s  peak {mine['peak_mb']:.0f} MB")
    print(f"ratio ours / bare floor:       {mine['seconds'] / base['seconds']:5.2f}  (goal ≤ 1.5)")
    print(f"ratio ours / schema floor:     {mine['seconds'] / schema['seconds']:5.2f}  (our overhead)")
    print(f"CPU s (whole process): bare {base['cpu_s']:.1f}, schema {schema['cpu_s']:.1f}, ours {mine['cpu_s']:.1f}")
    print(f"peak memory ours / bare floor: {mine['peak_mb'] / base['peak_mb']:5.2f}  (goal ≤ 2)")
    rows = f"{args.rows:_} rows".replace("_", " ")
    return {
        "ingest_csv_s": {
            "value": mine["seconds"],
            "floor": base["seconds"],
            "ratio": mine["seconds"] / base["seconds"],
            "unit": "s",
            "note": f"{rows}; peak {mine['peak_mb']:.0f} MB vs {base['peak_mb']:.0f} MB",
        },
        "ingest_peak_mb": {
            "value": mine["peak_mb"],
            "floor": base["peak_mb"],
            "ratio": mine["peak_mb"] / base["peak_mb"],
            "unit": "MB",
            "note": f"{rows}: peak resident memory vs the bare read_csv's; schema floor {schema['peak_mb']:.0f} MB",
        },
        "ingest_csv_vs_schema_floor_s": {
            "value": mine["seconds"],
            "floor": schema["seconds"],
            "ratio": mine["seconds"] / schema["seconds"],
            "unit": "s",
            "note": f"{rows} into our observations schema; peak {mine['peak_mb']:.0f} MB vs {schema['peak_mb']:.0f} MB",
        },
    }


if __name__ == "__main__":
    main()
