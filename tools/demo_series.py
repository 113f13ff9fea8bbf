"""Generated quarterly series for the demo (fixed seed), written in our template and flagged is_demo.

The documents give national values and a few Keski-Pohjanmaa figures only; these series fill
the areas (2023Q1–2026Q3, past the Q4/2025 deadline) so every page has something to draw, and give
each outcome a story: met and held, met and slipped, missed and reached later, missed and still
short, no report at the deadline. They are example data, never official:
every row says is_demo=yes, and the app and exports say so on screen.

Regenerate with `python -m tools.demo_series` (the output is committed and byte-stable).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from domain import NATIONAL
from domain.periods import sort_key
from loaders.reference import REFERENCE_DIR

OUT = REFERENCE_DIR.parent / "demo" / "generated_series.csv"  # up to FIRST_LOAD_UNTIL, loaded in 2025
OUT_LATER = REFERENCE_DIR.parent / "demo" / "generated_series_2026.csv"  # the quarters after, loaded in 2026
FIRST_LOAD_UNTIL = "2025Q2"
# One value the later file revises, so "Tilanne päivänä" shows a revision: (indicator, area, period, new value).
REVISED = ("care_guarantee_7day_share", "06", "2025Q2", 0.4)
SEED = 20250331
QUARTERS = [f"{year}Q{q}" for year in (2023, 2024, 2025, 2026) for q in (1, 2, 3, 4)][:15]  # 2023Q1–2026Q3

# indicator → (national start 2023Q1, slope per quarter, regional spread, slope spread)
SHAPES = {
    "care_guarantee_7day_share": (75.5, 1.1, 6.0, 0.8),
    "care_guarantee_realtime_monitoring_coverage": (91.0, 0.6, 5.0, 0.5),
    "remote_contact_share": (33.0, 0.6, 5.0, 0.5),
}

# Scripted series, one value per quarter 2023Q1–2026Q3 (None: no report). Each passes through the
# documents' actuals for its area, so no generated value contradicts a documented one:
# - whole country, care guarantee: 81 % in 3/2025 (000) → 2025Q1 = 81,0; a 2024 peak, then falling
#   ("toteuma laskusuunnassa kansallisesti"), 80,5 % at the deadline, held since;
# - whole country, real-time monitoring: 95 % in 4/2025 (000) → 2025Q2 = 95,0; short of 100 % at Q4/2025,
#   reached in 2026;
# - Keski-Pohjanmaa, remote contacts: 32,8 % in 2024 (000) → the 2024 quarters average 32,8; still short
#   of 35 % after the deadline;
# - Keski-Pohjanmaa, care guarantee: falling since 2024 (000: "…ja Soitessa"), 82 % at the deadline,
#   then slipped to 75 %.
# The other stories fill areas the documents give no figures for.
SCRIPTED: dict[tuple[str, str], list[float | None]] = {
    ("care_guarantee_7day_share", NATIONAL): [
        74.0,
        77.0,
        80.0,
        82.5,
        83.5,
        83.0,
        82.5,
        82.0,
        81.0,
        80.7,
        80.4,
        80.5,
        80.8,
        81.1,
        81.0,
    ],
    ("care_guarantee_realtime_monitoring_coverage", NATIONAL): [
        91.0,
        91.6,
        92.1,
        92.5,
        93.0,
        93.4,
        93.8,
        94.2,
        94.6,
        95.0,
        96.1,
        97.2,
        98.5,
        99.4,
        100.0,
    ],
    ("remote_contact_share", "18"): [
        29.1,
        29.9,
        30.6,
        31.4,
        32.2,
        32.6,
        33.0,
        33.4,
        33.6,
        33.8,
        33.9,
        34.0,
        34.2,
        34.4,
        34.6,
    ],
    # met at the deadline, then slipped
    ("care_guarantee_7day_share", "18"): [
        80.5,
        82.6,
        84.9,
        86.3,
        87.2,
        87.0,
        86.5,
        86.0,
        85.2,
        84.6,
        84.0,
        82.0,
        78.0,
        76.0,
        75.0,
    ],
    # met and held (Pirkanmaa)
    ("care_guarantee_7day_share", "08"): [
        76.2,
        77.4,
        78.1,
        79.0,
        79.8,
        80.9,
        81.6,
        82.0,
        82.4,
        82.7,
        83.0,
        83.1,
        83.4,
        83.2,
        83.6,
    ],
    # missed, reached later (Varsinais-Suomi)
    ("care_guarantee_7day_share", "05"): [
        70.4,
        71.0,
        71.9,
        72.5,
        73.4,
        74.0,
        74.9,
        75.6,
        76.3,
        77.0,
        77.8,
        78.5,
        79.4,
        80.3,
        81.0,
    ],
    # missed, still short (Pohjois-Karjala)
    ("care_guarantee_7day_share", "14"): [
        68.0,
        68.9,
        69.5,
        70.2,
        70.6,
        71.3,
        71.8,
        72.0,
        72.4,
        72.6,
        72.9,
        73.1,
        73.4,
        73.6,
        74.0,
    ],
    # no report at the deadline (Kymenlaakso: Q4/2025 missing), above the target afterwards
    ("care_guarantee_7day_share", "10"): [
        73.5,
        74.4,
        75.0,
        75.9,
        76.5,
        77.2,
        77.8,
        78.3,
        78.7,
        79.0,
        79.4,
        None,
        80.6,
        81.0,
        81.3,
    ],
    # no report at the deadline or after it (Etelä-Savo: the series stops in 2025Q2)
    ("care_guarantee_7day_share", "12"): [
        72.1,
        73.0,
        73.6,
        74.5,
        75.1,
        75.8,
        76.2,
        76.9,
        77.3,
        77.6,
        None,
        None,
        None,
        None,
        None,
    ],
}


def _series(rng: random.Random, start: float, slope: float, bend_at: int | None) -> list[float]:
    values, level = [], start
    for i in range(len(QUARTERS)):
        step = slope if bend_at is None or i < bend_at else -abs(slope) * 0.6  # trend turns down
        # After the programme (2026) the random series level off: projects ended, gains stay or fade a little.
        step = step if i < 12 else step * 0.3
        level += step + rng.gauss(0, 0.5)
        values.append(round(min(100.0, max(0.0, level)), 1))
    return values


def rows() -> list[list[str]]:
    rng = random.Random(SEED)  # noqa: S311 - reproducible example data, not security
    with open(REFERENCE_DIR / "regions.csv", encoding="utf-8") as f:
        areas = [r["region_code"] for r in csv.DictReader(f) if r["is_rrp_area"] == "true"]
    out = []
    for indicator, (start, slope, spread, slope_spread) in SHAPES.items():
        falls = indicator == "care_guarantee_7day_share"  # the documents: falling since 2024
        for area in [NATIONAL, *areas]:
            # Drawn for every area, scripted or not, so a new script leaves the other areas as they were.
            drawn = _series(
                rng,
                start + rng.gauss(0, spread),
                slope + rng.gauss(0, slope_spread),
                6 if falls and rng.random() < 0.5 else None,
            )
            if area == NATIONAL and (indicator, area) not in SCRIPTED:
                continue  # national remote contacts: the real annual survey values only
            series = SCRIPTED.get((indicator, area), drawn)
            out += [[indicator, area, p, f"{v}", "yes"] for p, v in zip(QUARTERS, series, strict=True) if v is not None]
    return out


def split(everything: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """The rows of the first load (to FIRST_LOAD_UNTIL) and of the later one, which also revises one value."""
    first = [row for row in everything if sort_key(row[2]) <= sort_key(FIRST_LOAD_UNTIL)]
    later = [row for row in everything if sort_key(row[2]) > sort_key(FIRST_LOAD_UNTIL)]
    indicator, area, period, change = REVISED
    old = next(row for row in first if row[:3] == [indicator, area, period])
    return first, [[indicator, area, period, f"{round(float(old[3]) + change, 1)}", "yes"], *later]


def write(path: Path = OUT, later_path: Path = OUT_LATER) -> None:
    for target, chunk in zip((path, later_path), split(rows()), strict=True):
        with open(target, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["indicator", "region", "period", "value", "is_demo"])
            writer.writerows(chunk)


if __name__ == "__main__":
    write()
