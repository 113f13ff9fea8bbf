"""Child process for test_crash.py: one large load through store.db.writer, announcing its phases.

    python tests/store/crash_load.py DB ROWS.arrow INDICATOR

The rows come from an Arrow file the test writes (write_rows), so a child starts in well under a
second. Prints `ready` once the batch is built (the parent times its kill from then), and a line as
each phase of the write path starts: copy, ingest, checkpoint, publish, done. The markers only
observe; the write path itself is the real one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store import db
from store.batch import Batch

REGIONS = [f"{code:02d}" for code in range(1, 22)]
PERIODS = [str(year) for year in range(1995, 2025)]


def rows(count: int, indicator: str = "crash") -> pa.Table:
    """count observations of one indicator: value = source_row % 1000 / 10, so sums are predictable."""
    numbers = np.arange(2, count + 2, dtype=np.int64)
    regions, periods = pa.array(REGIONS), pa.array(PERIODS)
    values = pa.array(numbers % 1000 / 10)
    return pa.table(
        {
            "dataset": pa.repeat("crash", count),
            "indicator": pa.repeat(indicator, count),
            "indicator_code": pa.nulls(count, pa.string()),
            "region": regions.take(numbers % len(REGIONS)),
            "region_code": pa.nulls(count, pa.string()),
            "period": periods.take(numbers // len(REGIONS) % len(PERIODS)),
            "gender": pa.repeat("total", count),
            "value": values,
            "status": pa.nulls(count, pa.string()),
            "raw": values.cast(pa.string()),  # a value comes with its text (store.db.STORED_RAW)
            "source_row": pa.array(numbers),
            "is_demo": pa.repeat(False, count),
            "note": pa.nulls(count, pa.string()),
        }
    )


def write_rows(path: Path, table: pa.Table, indicator: str) -> None:
    """The rows under one indicator, as an Arrow file the child maps without converting anything
    (any Python-to-Arrow conversion imports pandas, a second of start-up per child)."""
    column = table.schema.get_field_index("indicator")
    table = table.set_column(column, "indicator", pa.repeat(indicator, len(table)))
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as out:
        out.write_table(table)


def read_rows(path: Path) -> pa.Table:
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def say(line: str) -> None:
    print(line, flush=True)


def announce(name: str, function):
    def wrapped(*args, **kwargs):
        say(name)
        return function(*args, **kwargs)

    return wrapped


def main(db_path: Path, data: Path, indicator: str) -> None:
    batch = Batch(f"{indicator}.csv", f"sha-{indicator}", "crash_test", {"observations": read_rows(data)})
    db.shutil.copyfile = announce("copy", db.shutil.copyfile)  # type: ignore[attr-defined]
    db._publish = announce("publish", db._publish)  # type: ignore[attr-defined]
    say("ready")
    with db.writer(db_path) as store:
        say("ingest")
        store.ingest(batch)
        say("checkpoint")  # the writer checkpoints on leaving the block, then publishes
    say("done")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
