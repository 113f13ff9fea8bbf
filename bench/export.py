"""Export speed: our PNG per chart against bare kaleido on a warm browser, and a 20-chart deck end to end.

    python bench/export.py [--db data/dashboard.duckdb] [--rounds 5]

Without --db the demo store is built into a temporary directory. Prints a table and returns
{name: {value, floor, ratio, unit}} for bench/results.json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import kaleido

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import ROOT, settings
from exports import deck, images
from loaders.demo import build_demo
from store.db import connect_readonly
from store.reader import Reader
from views import registry

VIEW = "yleiskuva?lang=fi"
DECK_CHARTS = 20


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(db: Path, rounds: int) -> dict[str, dict[str, float]]:
    con = connect_readonly(db)
    data = Reader(con)
    charts = registry.build(VIEW, data)
    browser = settings().browser_path
    cold = seconds(lambda: images.png(charts[0], browser))  # starts the shared Chromium
    figures = [images.decorated(chart) for chart in charts]  # the bare side renders the very same figures
    ours, bare = [], []
    for _ in range(rounds):  # interleaved, so both sides see the same machine state
        for chart, figure in zip(charts, figures, strict=True):
            ours.append(seconds(lambda c=chart: images.png(c, browser)))
            bare.append(seconds(lambda f=figure: kaleido.calc_fig_sync(f, opts={"format": "png", "scale": 2})))

    def whole_deck() -> bytes:
        views = [VIEW] * -(-DECK_CHARTS // len(charts))
        picked = [chart for view in views for chart in registry.build(view, Reader(con))][:DECK_CHARTS]
        return deck.build(picked, "fi", browser_path=browser)

    deck_s = statistics.median(seconds(whole_deck) for _ in range(3))
    con.close()
    png_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    return {
        # in this process, the browser started by that call; bench/first_export.py measures it behind a server
        "export_png_cold_start_ms": {
            "value": cold * 1000,
            "floor": png_ms,
            "ratio": cold * 1000 / png_ms,
            "unit": "ms",
        },
        "export_png_ms": {"value": png_ms, "floor": bare_ms, "ratio": png_ms / bare_ms, "unit": "ms"},
        # floor: the same number of bare kaleido images, one after another
        "export_deck_20_s": {
            "value": deck_s,
            "floor": DECK_CHARTS * bare_ms / 1000,
            "ratio": deck_s / (DECK_CHARTS * bare_ms / 1000),
            "unit": "s",
        },
    }


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "dashboard.duckdb"
            build_demo(db, ROOT / "data" / "demo")
        results = measure(db, args.rounds)
    rows = [
        ("first PNG (cold browser)", "export_png_cold_start_ms", "× warm PNG"),
        ("PNG per chart, ours vs bare kaleido", "export_png_ms", "goal ≤ 1.5"),
        (f"{DECK_CHARTS}-chart deck end to end", "export_deck_20_s", f"× {DECK_CHARTS} bare PNGs; goal ≤ 5 s"),
    ]
    print(f"{'measure':40} {'value':>10} {'floor':>10} {'ratio':>7}")
    for label, name, note in rows:
        r = results[name]
        unit = r["unit"]
        print(f"{label:40} {r['value']:>8.1f}{unit:>2} {r['floor']:>8.1f}{unit:>2} {r['ratio']:>7.2f}  {note}")
    return results


if __name__ == "__main__":
    main()
