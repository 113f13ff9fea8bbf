"""Generated quarterly series for the demo (fixed seed), written in our template and flagged is_demo.

The documents give national values and a few Keski-Pohjanmaa figures only; these series fill
the areas so every page has something to draw. They are example data, never official:
every row says is_demo=yes, and the app and exports say so on screen.

Regenerate with `python -m tools.demo_series` (the output is committed and byte-stable).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from domain import NATIONAL
from loaders.reference import REFERENCE_DIR

OUT = REFERENCE_DIR.parent / "demo" / "generated_series.csv"
SEED = 20250331
QUARTERS = [f"{year}Q{q}" for year in (2023, 2024, 2025) for q in (1, 2, 3, 4)][:10]  # 2023Q1–2025Q2

# indicator → (national start 2023Q1, slope per quarter, regional spread, slope spread, last national quarter)
SHAPES = {
    "care_guarantee_7day_share": (75.5, 1.1, 6.0, 0.8, "2024Q4"),
    "care_guarantee_realtime_monitoring_coverage": (91.0, 0.6, 5.0, 0.5, "2025Q1"),
    "remote_contact_share": (33.0, 0.6, 5.0, 0.5, None),  # national: real annual survey values only
}


def _series(rng: random.Random, start: float, slope: float, bend_at: int | None) -> list[float]:
    values, level = [], start
    for i in range(len(QUARTERS)):
        step = slope if bend_at is None or i < bend_at else -abs(slope) * 0.6  # trend turns down
        level += step + rng.gauss(0, 0.5)
        values.append(round(min(100.0, max(0.0, level)), 1))
    return values


# National care-guarantee shape from the documents: up to a 2024 peak, then falling towards the
# real 81 % of 3/2025 ("toteuma laskusuunnassa kansallisesti", 000).
NATIONAL_CARE_GUARANTEE = [74.0, 77.0, 80.0, 82.5, 83.5, 83.0, 82.5, 82.0]  # 2023Q1–2024Q4


def rows() -> list[list[str]]:
    rng = random.Random(SEED)  # noqa: S311 - reproducible example data, not security
    with open(REFERENCE_DIR / "regions.csv", encoding="utf-8") as f:
        areas = [r["region_code"] for r in csv.DictReader(f) if r["is_rrp_area"] == "true"]
    out = []
    for indicator, (start, slope, spread, slope_spread, last_national) in SHAPES.items():
        falls = indicator == "care_guarantee_7day_share"  # the documents: falling since 2024
        if last_national:
            national = NATIONAL_CARE_GUARANTEE if falls else _series(rng, start, slope, None)
            for period, value in zip(QUARTERS, national, strict=True):
                out.append([indicator, NATIONAL, period, f"{value}", "yes"])
                if period == last_national:
                    break
        for area in areas:
            series = _series(
                rng,
                start + rng.gauss(0, spread),
                slope + rng.gauss(0, slope_spread),
                6 if falls and rng.random() < 0.5 else None,
            )
            out += [[indicator, area, p, f"{v}", "yes"] for p, v in zip(QUARTERS, series, strict=True)]
    return out


def write(path: Path = OUT) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["indicator", "region", "period", "value", "is_demo"])
        writer.writerows(rows())


if __name__ == "__main__":
    write()
