"""Does a change make the ingest faster? Interleaved pairs of single loads from two checkouts, a bare floor beside.

    python bench/ingest_pairs.py OLD_CHECKOUT NEW_CHECKOUT [--rounds 7] [--rows 10000000] [--dir /tmp/rrp-bench]

This machine's speed moves by half within the hour, so two `make bench` runs of a few minutes apart say
little about a change of 5 %. Here each round loads the same file with bench/ingest.py's floor, then the old
checkout's loader, then the new one's, each in its own process, so that a slow spell falls on all three;
the pairs' differences, not the medians, tell whether the change helped. Each checkout runs its own
bench/ingest.py with its own .venv/bin/python (link one in: `ln -s /path/to/.venv old/.venv`).
Prints every round, each side's median (time, CPU seconds, peak memory) and the paired differences.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import ingest  # noqa: E402


def load(checkout: Path, side: str, csv: Path, directory: Path) -> dict:
    """One load by `checkout`'s bench/ingest.py child: seconds, rows, peak_mb, cpu_s."""
    ingest._remove(directory, f"{side}.duckdb")
    os.sync()  # no load pays for the writes of the one before
    python = checkout / ".venv" / "bin" / "python"
    out = subprocess.run(
        [str(python), str(checkout / "bench" / "ingest.py"), "--child", side, "--csv", str(csv),
         "--db", str(directory / f"{side}.duckdb")],
        cwd=checkout, check=True, capture_output=True, text=True, env=os.environ | ingest.CHILD_ENV,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> list[dict[str, dict]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 25:
        raise SystemExit("--rounds: 1 to 25")
    for checkout in (args.old, args.new):
        if not (checkout / "bench" / "ingest.py").is_file():
            raise SystemExit(f"{checkout}: no bench/ingest.py there")
    args.dir.mkdir(parents=True, exist_ok=True)
    csv = args.dir / f"sotkanet_{args.rows}.csv"
    if not csv.exists():
        ingest.generate(csv, args.rows)
    rounds = []
    for number in range(args.rounds):
        # Old and new take turns to go first: the same code run twice was 0.2 s faster second (6 of 7 rounds).
        turns = ("old", "new") if number % 2 == 0 else ("new", "old")
        done = {"floor": load(args.new, "floor", csv, args.dir)}
        done |= {name: load(getattr(args, name), "ours", csv, args.dir) for name in turns}
        done = {name: done[name] for name in ("floor", "old", "new")}
        for name, side in done.items():
            if side["rows"] != args.rows:
                raise SystemExit(f"{name} stored {side['rows']} rows, not {args.rows}")
        rounds.append(done)
        print("  ".join(f"{name} {s['seconds']:.2f} s / {s['cpu_s']:.1f} cpu" for name, s in done.items()), flush=True)
    floor = statistics.median(r["floor"]["seconds"] for r in rounds)
    for name in ("floor", "old", "new"):
        seconds, cpu, peak = (
            statistics.median(r[name][key] for r in rounds) for key in ("seconds", "cpu_s", "peak_mb")
        )
        ratio = "" if name == "floor" else f"  ratio to floor {seconds / floor:.2f}"
        print(f"median {name:5s} {seconds:6.2f} s  {cpu:5.1f} CPU s  peak {peak:.0f} MB{ratio}")
    differences = [r["new"]["seconds"] - r["old"]["seconds"] for r in rounds]
    print("new − old, each round:", " ".join(f"{d:+.2f}" for d in differences), "s;",
          f"{sum(d < 0 for d in differences)} of {len(differences)} faster")  # fmt: skip
    return rounds


if __name__ == "__main__":
    main()
