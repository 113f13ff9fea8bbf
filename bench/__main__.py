"""Run every benchmark, print one table (figure, value, floor, ratio, goal, verdict), write bench/results.json.

    python -m bench [--rows 10000000] [--quick] [--only ingest|query|export|first_export|page|sessions|replicas]

Each script also runs on its own (`python bench/query.py --help`); this only calls their main(argv),
which prints its own table and returns {figure: {value, floor, ratio, unit, ...}}. Not part of make
test: the 10 M-row store takes minutes to build (it is cached under /tmp/rrp-bench/).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import export, first_export, ingest, page, query, replicas, sessions  # noqa: E402

RESULTS = HERE / "results.json"  # a full run; --quick or --only write results-partial.json
PARTIAL = HERE / "results-partial.json"
# figure → (what the goal limits: "ratio" or "value", limit, what it compares). From issue 8.
GOALS: dict[str, tuple[str, float, str]] = {
    "ingest_csv_s": ("ratio", 1.5, "our loader vs DuckDB's bare read_csv"),
    "ingest_peak_mb": ("ratio", 2.0, "our loader's peak memory vs the bare read_csv's (issue 16)"),
    "query_series_23_areas_ms": ("ratio", 3.0, "series() vs the bare SQL, warm"),
    "page_chart_indikaattori_s": ("ratio", 1.3, "Indikaattori vs a one-chart app"),
    "page_widget_redraw_s": ("value", 0.5, "widget change → chart redrawn"),
    "export_png_ms": ("ratio", 1.5, "our PNG vs bare warm kaleido"),
    "export_png_first_ms": ("ratio", 1.5, "first PNG after a server start vs a warm one (issue 16)"),
    "export_first_page_s": ("ratio", 1.1, "first page's time to chart, warm-up on vs off (within noise)"),
    "export_deck_20_s": ("value", 5.0, "20-chart deck end to end"),
    "app_rss_mb": ("value", 400.0, "app serving the store, after every page"),
    "sessions_browser_p95_s": ("ratio", 3.0, "20 sessions at once: a browser's p95 vs alone"),
    "replicas_server_p95_s": ("ratio", 0.6, "40 sessions behind nginx: p95 with 2 replicas vs 1 (issue 16)"),
}


def scripts(rows: int, quick: bool) -> dict[str, tuple[object, list[str]]]:
    """Each script's module and its arguments; --quick means fewer repetitions too."""
    rounds = "3" if quick else "7"
    return {
        "ingest": (ingest, ["--rows", str(rows), "--rounds", "1" if quick else "5"]),
        "query": (query, ["--rows", str(rows), "--runs", "10" if quick else "30"]),
        "export": (export, ["--rounds", "2" if quick else "5"]),
        "first_export": (first_export, ["--rounds", "1" if quick else "3"]),
        "page": (page, ["--rows", str(rows), "--rounds", rounds, "--sessions", "20"]),
        "sessions": (sessions, ["--rows", str(rows), "--sessions", "20"]),
        "replicas": (replicas, ["--rows", str(rows), "--sessions", "40"]),
    }


def machine() -> dict[str, object]:
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines() if ":" in line)
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(int(meminfo["MemTotal"].split()[0]) / 1024**2, 1),
        "cpu": next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        ),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "load_avg_at_end": os.getloadavg(),
    }


def verdict(name: str, figure: dict) -> tuple[str, str]:
    if name not in GOALS:
        return "", ""
    what, limit, _ = GOALS[name]
    measured = figure["ratio"] if what == "ratio" else figure["value"]
    goal = f"≤ {limit:g}×" if what == "ratio" else f"≤ {limit:g} {figure['unit']}"
    if measured is None:
        return goal, "?"
    return goal, "met" if measured <= limit else f"missed by {measured / limit:.2f}×"


def table(figures: dict[str, dict]) -> str:
    def number(x: float | None, unit: str = "") -> str:
        return "–" if x is None else f"{x:.3g} {unit}".strip() if abs(x) < 100 else f"{x:.0f} {unit}".strip()

    lines = [f"{'figure':28} {'value':>10} {'floor':>10} {'ratio':>7}  {'goal':10} verdict"]
    for name, f in figures.items():
        goal, judged = verdict(name, f)
        lines.append(
            f"{name:28} {number(f['value'], f['unit']):>10} {number(f['floor'], f['unit']):>10}"
            f" {number(f['ratio']):>7}  {goal:10} {judged}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--rows", type=int, help="Sotkanet rows for ingest, query and page (default 10 000 000)")
    parser.add_argument("--quick", action="store_true", help="1 M rows unless --rows, fewer repetitions")
    parser.add_argument("--only", action="append", choices=tuple(scripts(1, True)))
    args = parser.parse_args(argv)
    rows = args.rows or (1_000_000 if args.quick else 10_000_000)
    figures: dict[str, dict] = {}
    started = time.perf_counter()
    for name, (module, script_args) in scripts(rows, args.quick).items():
        if args.only and name not in args.only:
            continue
        print(f"\n== bench/{name}.py {' '.join(script_args)}", flush=True)
        figures.update(module.main(script_args) or {})
    run = {
        "command": "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "rows": rows,
        "quick": args.quick,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started),
        "machine": machine(),
        "figures": {
            name: {**f, "goal": verdict(name, f)[0], "verdict": verdict(name, f)[1]} for name, f in figures.items()
        },
    }
    print(f"\n== all figures ({rows:_} rows{', quick' if args.quick else ''})".replace("_", " "))
    print(table(figures))
    m = run["machine"]
    print(f"machine: {m['cores']} cores, {m['memory_gb']} GB, {m['cpu']}; Python {m['python']}, DuckDB {m['duckdb']}")
    out = PARTIAL if args.quick or args.only else RESULTS
    out.write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(HERE.parent)}")
    return run


if __name__ == "__main__":
    main()
