"""Ingest speed: our loader (parse, validate, write) against DuckDB's bare read_csv on the same Sotkanet CSV.

    python bench/ingest.py [--rows 10000000] [--dir /tmp/bench]

Prints both times, their ratio (goal ≤ 1.5) and each side's peak memory (run in its own process);
returns {name: {value, floor, ratio, unit}} for bench/results.json.
"""

from __future__ import annotations

import argparse
import json
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


def ours(csv: Path, db: Path) -> float:
    sys.path.insert(0, str(ROOT))
    from loaders.ingest import ingest_files

    started = time.perf_counter()
    [outcome] = ingest_files([csv], db)
    if outcome.errors:
        raise SystemExit(outcome.errors.report())
    return time.perf_counter() - started


def floor(csv: Path, db: Path) -> float:
    import duckdb

    started = time.perf_counter()
    con = duckdb.connect(str(db))
    # Types given, not sniffed: the sniffer samples rows and can guess wrong on a file this long.
    types = "{'indicator': 'BIGINT', 'region': 'BIGINT', 'year': 'BIGINT', 'gender': 'VARCHAR',"
    types += " 'primary value': 'DOUBLE', 'absolute value': 'DOUBLE'}"
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_csv($p, delim=';', header=true, auto_detect=false,"
        f" new_line='\\n', columns={types})",
        {"p": str(csv)},
    )
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def _peak_mb() -> float:
    """This process's own peak RSS. ru_maxrss can carry the parent's peak across fork+exec (a parent
    that just generated the CSV made both sides read ~5 GB); VmHWM belongs to this process's memory."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    [line] = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) / 1024


def child(which: str, csv: Path, db: Path) -> None:
    seconds = (ours if which == "ours" else floor)(csv, db)
    peak_mb = _peak_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def run(which: str, csv: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, "--csv", str(csv), "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict[str, dict] | None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    parser.add_argument("--child", choices=("ours", "floor"))
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
    for name in ("ours.duckdb", "floor.duckdb"):
        for stale in args.dir.glob(name + "*"):
            if stale.is_dir():
                for f in stale.iterdir():
                    f.unlink()
                stale.rmdir()
            else:
                stale.unlink()
    base = run("floor", csv, args.dir / "floor.duckdb")
    mine = run("ours", csv, args.dir / "ours.duckdb")
    print(f"rows:                 {args.rows:,}".replace(",", " "))
    print(f"duckdb read_csv:      {base['seconds']:.2f} s  peak {base['peak_mb']:.0f} MB")
    print(f"ours (parse+check+write): {mine['seconds']:.2f} s  peak {mine['peak_mb']:.0f} MB")
    print(f"ratio ours/duckdb:    {mine['seconds'] / base['seconds']:.2f}  (goal ≤ 1.5)")
    return {
        "ingest_csv_s": {
            "value": mine["seconds"],
            "floor": base["seconds"],
            "ratio": mine["seconds"] / base["seconds"],
            "unit": "s",
            "note": f"{args.rows:_} rows; peak {mine['peak_mb']:.0f} MB vs {base['peak_mb']:.0f} MB".replace("_", " "),
        }
    }


if __name__ == "__main__":
    main()
