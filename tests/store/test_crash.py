"""kill -9 during a large load, 20 times at seeded random moments: the store always opens, holding
exactly the old state or exactly the new one, never a mix; stale drafts never reach the next load.

Each load runs in a child process (tests/store/crash_load.py) through the real write path; it prints
a marker as each phase starts (copy, ingest, checkpoint, publish, done), so each kill is attributed
to the phase it landed in. Two uninterrupted loads first measure how long the phases take here; the
kill moments are then drawn from the whole load and, on purpose, from the short copy and
checkpoint-and-publish windows (counted from that phase's own marker).
"""

from __future__ import annotations

import queue
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest

from store import db
from tests.store import crash_load

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]

KILLS = 20
ROWS = 400_000
SEED = 20250609
CHILD = Path(crash_load.__file__)
State = tuple[tuple, tuple]


class Child:
    """One load in its own process; its phase markers arrive on a queue with their times."""

    def __init__(self, db_path: Path, table: pa.Table, indicator: str) -> None:
        data = db_path.parent / f"{indicator}.arrow"
        crash_load.write_rows(data, table, indicator)
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), str(data), indicator],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[tuple[str, float]] = queue.Queue()
        self.markers: list[tuple[str, float]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put((line.strip(), time.monotonic()))
        self.lines.put(("", time.monotonic()))  # end of output

    def wait_for(self, marker: str, timeout: float = 60) -> float:
        deadline = time.monotonic() + timeout
        while True:
            line, at = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            if line == "":
                pytest.fail(f"child ended before {marker!r}: {self.process.communicate()[1]}")
            self.markers.append((line, at))
            if line == marker:
                return at

    def kill(self) -> str:
        """SIGKILL this child (by its own pid); the last phase it announced, or 'done'."""
        self.process.kill()
        self.process.wait(timeout=30)
        while (item := self.lines.get(timeout=30))[0] != "":
            self.markers.append(item)
        return self.markers[-1][0]

    def finish(self) -> dict[str, float]:
        self.wait_for("done")
        assert self.process.wait(timeout=60) == 0, self.process.communicate()[1]
        start = self.markers[0][1]
        return {name: at - start for name, at in self.markers}


def state(db_path: Path) -> State:
    """The whole store, cheaply: every ingest row, and per indicator exact integer checksums."""
    with db.connect_readonly(db_path) as con:
        ingests = con.execute("SELECT ingest_id, file_name, sha256, rows FROM ingests ORDER BY ingest_id").fetchall()
        observations = con.execute(
            "SELECT indicator, count(*), sum(source_row), sum(CAST(round(value * 10) AS BIGINT)),"
            " count(DISTINCT region), count(DISTINCT period)"
            " FROM observations JOIN series USING (series_id) GROUP BY indicator ORDER BY indicator"
        ).fetchall()
    return tuple(ingests), tuple(observations)


def after_load(old: State, indicator: str, added: tuple) -> State:
    ingests, observations = old
    next_id = max((row[0] for row in ingests), default=0) + 1
    return (
        (*ingests, (next_id, f"{indicator}.csv", f"sha-{indicator}", ROWS)),
        tuple(sorted((*observations, (indicator, *added)))),
    )


def stale_files(db_path: Path) -> list[str]:
    versions = db_path.parent / f"{db_path.name}.versions"
    return sorted(p.name for p in [*versions.glob("*.tmp*"), *db_path.parent.glob(".*.link.tmp")])


def test_kill_9_at_random_moments_leaves_old_or_new_never_a_mix(tmp_path: Path) -> None:
    db_path = tmp_path / "store.duckdb"
    table = crash_load.rows(ROWS)
    rows = table.to_pandas()
    added = (
        ROWS,
        int(rows["source_row"].sum()),
        int((rows["value"] * 10).round().astype("int64").sum()),
        rows["region"].nunique(),
        rows["period"].nunique(),
    )

    Child(db_path, table, "first").finish()  # creates the store: no copy yet
    timings = Child(db_path, table, "second").finish()  # with a copy: the phases as they take here
    # (the marker to start from, the longest wait after it): the copy, the checkpoint and publish, anywhere
    windows = (
        ("copy", (timings["ingest"] - timings["copy"]) * 1.2),
        ("checkpoint", (timings["done"] - timings["checkpoint"]) * 1.2),
        ("ready", timings["done"] * 1.1),
        ("ready", timings["done"] * 1.1),
    )

    rng = random.Random(SEED)
    phases: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    left_drafts = 0
    now = state(db_path)
    for kill in range(KILLS):
        marker, longest = windows[kill % len(windows)]
        old = now
        indicator = f"crash-{kill:02d}"
        child = Child(db_path, table, indicator)
        start = child.wait_for(marker)
        time.sleep(max(start + rng.uniform(0, longest) - time.monotonic(), 0))  # the random moment itself
        phase = child.kill()
        phases[phase] += 1

        now = state(db_path)  # the store opens: a read-only connect on the live version
        new = after_load(old, indicator, added)
        assert now in (old, new), f"kill {kill} in {phase}: a mixed state"
        if phase in ("ready", "copy", "ingest", "checkpoint"):
            assert now == old, f"kill {kill} in {phase}: published before the checkpoint"
        if phase == "done":
            assert now == new
        outcomes["new" if now == new else "old"] += 1
        left_drafts += bool(stale_files(db_path))

    final = state(db_path)
    Child(db_path, table, "after").finish()  # a normal load after all the kills
    assert state(db_path) == after_load(final, "after", added)
    assert stale_files(db_path) == []  # the next writer removed every draft the kills left
    assert left_drafts > 0, "no kill left a draft behind: the cleanup was never exercised"
    print(f"\nkills by phase: {dict(phases)}; store afterwards: {dict(outcomes)}; kills leaving drafts: {left_drafts}")
