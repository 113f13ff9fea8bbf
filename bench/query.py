"""Trajectory query speed: store.queries.series for one indicator × 23 areas against the bare SQL, same file.

    python bench/query.py [--rows 10000000] [--runs 30] [--dir /tmp/rrp-bench]

The store is the demo store plus a realistic Sotkanet CSV of `rows` rows (every indicator × the 24
Sotkanet areas × 35 years × 3 genders, area ids as Sotkanet writes them), loaded through our one
write path and cached under --dir (bench/page.py serves the same file). Sotkanet id 2676 is mapped to
care_guarantee_7day_share as if its id were verified, so the query reads loaded rows, not only demo ones.
Prints a table and returns {name: {value, floor, ratio, unit}} for bench/results.json.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain import NATIONAL  # noqa: E402
from loaders import reference, sotkanet_rows  # noqa: E402
from loaders.demo import build_demo  # noqa: E402
from loaders.ingest import ingest_files  # noqa: E402
from store import queries  # noqa: E402
from store.db import connect_readonly, upgrade  # noqa: E402

HEADER = "indicator;region;year;gender;primary value;absolute value"
CODE = "care_guarantee_7day_share"
SOTKANET_ID = 2676  # this indicator's Sotkanet id (unverified in data/reference, so mapped here)
YEARS = 35
GENDERS = ("total", "male", "female")


def sotkanet_areas() -> tuple[list[str], list[str]]:
    """The Sotkanet ids of our 24 areas, and our codes of the 22 RRP areas plus the whole country."""
    with open(ROOT / "data" / "reference" / "regions.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ids = [row["sotkanet_id"] for row in rows]
    areas = [row["region_code"] for row in rows if row["is_rrp_area"] == "true" or row["region_code"] == NATIONAL]
    return ids, areas


def generate(path: Path, rows: int) -> None:
    """indicator × area × year × gender, shares 0–100 with one decimal, 5 % empty cells; CRLF like Sotkanet."""
    area_ids, _ = sotkanet_areas()
    per_indicator = len(area_ids) * YEARS * len(GENDERS)
    count = -(-rows // per_indicator)
    indicator_ids = np.array([SOTKANET_ID, *[i for i in range(1, count + 1) if i != SOTKANET_ID][: count - 1]])
    i = np.arange(count * per_indicator, dtype=np.int64)[:rows]
    rng = np.random.default_rng(8)
    value = np.round(rng.uniform(0, 100, len(i)), 1).astype(str)
    value[rng.random(len(i)) < 0.05] = ""
    table = pa.table(
        {
            "indicator": indicator_ids[i // per_indicator].astype(str),
            "region": np.array(area_ids)[(i // (YEARS * len(GENDERS))) % len(area_ids)],
            "year": (1990 + (i // len(GENDERS)) % YEARS).astype(str),
            "gender": np.array(GENDERS)[i % len(GENDERS)],
            "primary value": value,
            "absolute value": np.full(len(i), "", dtype=object),
        }
    )
    with open(path, "wb") as f:
        f.write((HEADER + "\r\n").encode())
        pacsv.write_csv(
            table, f, write_options=pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none")
        )


def _map_indicator() -> None:
    """Map SOTKANET_ID as a verified id would be (bench only; data/reference is left as it is)."""
    known = reference.lookups()
    mapped = dataclasses.replace(known, sotkanet_indicators={**known.sotkanet_indicators, str(SOTKANET_ID): CODE})
    sotkanet_rows.lookups = lambda: mapped


def store(rows: int, directory: Path) -> Path:
    """The demo store plus `rows` Sotkanet rows, built once through our write path and reused."""
    home = directory / f"store_{rows}"
    db = home / "dashboard.duckdb"
    done = home / "complete"
    if done.exists() and db.exists():
        upgrade(db)  # built by older code: its views may lack columns this code reads
        return db
    home.mkdir(parents=True, exist_ok=True)
    csv_path = home / f"sotkanet_realistic_{rows}.csv"
    started = time.perf_counter()
    if not csv_path.exists():
        generate(csv_path, rows)
    build_demo(db, ROOT / "data" / "demo")
    _map_indicator()
    [outcome] = ingest_files([csv_path], db)
    if outcome.errors:
        raise SystemExit(outcome.errors.report())
    done.write_text(f"{rows}\n")
    print(f"built {db} ({rows:,} Sotkanet rows) in {time.perf_counter() - started:.0f} s".replace(",", " "))
    return db


BARE = (
    "SELECT region_code, period, value FROM observations JOIN series USING (series_id)"
    " WHERE indicator_code = $code AND region_code IN ({areas}) AND superseded_by IS NULL"
    " AND coalesce(gender, 'total') = 'total' ORDER BY region_code, period"
)


def measure(db: Path, runs: int) -> dict[str, dict[str, float]]:
    _, areas = sotkanet_areas()
    con = connect_readonly(db)
    bare_sql = BARE.format(areas=", ".join(f"'{a}'" for a in areas))  # constants from our reference file

    def ours() -> int:
        return len(queries.series(con.cursor(), CODE, areas))

    def bare() -> int:
        return len(con.cursor().execute(bare_sql, {"code": CODE}).df())

    found = ours()
    assert found == bare() and found > len(areas) * 10, f"the two queries disagree or read too little ({found})"
    for _ in range(3):  # warm: the goal is for a running app
        ours(), bare()
    mine, floor = [], []
    for _ in range(runs):  # interleaved, so both sides see the same machine state
        started = time.perf_counter()
        ours()
        mine.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare()
        floor.append(time.perf_counter() - started)
    rows = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    con.close()
    value, base = statistics.median(mine) * 1000, statistics.median(floor) * 1000
    return {
        "query_series_23_areas_ms": {
            "value": value,
            "floor": base,
            "ratio": value / base,
            "unit": "ms",
            "goal": 3.0,
            "note": f"{found} rows out of {rows:_} in the store, median of {runs}".replace("_", " "),
        }
    }


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    args = parser.parse_args(argv)
    results = measure(store(args.rows, args.dir), args.runs)
    r = results["query_series_23_areas_ms"]
    print(f"{'measure':44} {'value':>9} {'floor':>9} {'ratio':>6}")
    print(f"{'series(): 1 indicator × 23 areas, warm':44} {r['value']:>7.1f}ms {r['floor']:>7.1f}ms {r['ratio']:>6.2f}")
    print(f"  ({r['note']}; goal ≤ 3)")
    return results


if __name__ == "__main__":
    main()
