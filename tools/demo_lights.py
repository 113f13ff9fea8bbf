"""Generated traffic lights and progress for the demo (fixed seed), in our template and flagged is_demo.

The 2024Q3 summary (003) lost every light's colour in text extraction, so no real lights exist:
these fill 2023Q3–2025Q2 for every area, investment and dimension so the coordinators' pages have
something to show. They include "Ei raportoitava" statuses, missing rows, and two areas that stop
reporting in the last quarter. Progress is generated for the quarters around the real 2024Q3
values (never for 2024Q3 itself), rising towards them and on from them.

Regenerate with `python -m tools.demo_lights` (the output is committed and byte-stable).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from domain.programme import PROGRAMME, REFERENCE_DIR, Status

DEMO_DIR = REFERENCE_DIR.parent / "demo"
STATUS_OUT = DEMO_DIR / "generated_status.csv"
PROGRESS_OUT = DEMO_DIR / "generated_progress.csv"
REAL_PROGRESS = DEMO_DIR / "progress_documents.csv"
SEED = 20240930
QUARTERS = ["2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"]
REAL_QUARTER = "2024Q3"
DIMENSIONS = list(PROGRAMME.shown_dimensions())  # the documents' Finnish words
GREEN, YELLOW, RED, NONE = (PROGRAMME.status_words[status][0] for status in Status)
P4 = ["P4I1", "P4I2", "P4I3", "P4I4"]
# Pillar 3 participants as in 003's tables (regions.csv in the domain notes).
P3 = {
    "P3_TYOKYKY": [
        "Pohjanmaa",
        "Pohjois-Pohjanmaa",
        "Pohjois-Savo",
        "Päijät-Häme",
        "Satakunta",
        "Varsinais-Suomi",
    ],
    "P3_IPS": ["Kainuu", "Keski-Pohjanmaa", "Keski-Suomi", "Pohjanmaa", "Pohjois-Savo", "Varsinais-Suomi"],
}
STOP_IN_LAST = ("Lappi", "Etelä-Savo")  # no rows at all in 2025Q2
SKIPS_A_QUARTER = ("Kymenlaakso", "2024Q1")  # a whole quarter missing, then back
# Next status given the current one: mostly stays, sometimes worsens or recovers.
MOVES = {GREEN: [(GREEN, 0.9), (YELLOW, 0.08), (RED, 0.02)],
         YELLOW: [(YELLOW, 0.6), (GREEN, 0.3), (RED, 0.1)],
         RED: [(RED, 0.55), (YELLOW, 0.35), (GREEN, 0.1)]}  # fmt: skip


def _areas() -> list[str]:
    with open(REFERENCE_DIR / "regions.csv", encoding="utf-8") as f:
        return [r["name_fi"] for r in csv.DictReader(f) if r["is_rrp_area"] == "true"]


def _pick(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    roll, total = rng.random(), 0.0
    for status, weight in choices:
        total += weight
        if roll < total:
            return status
    return choices[-1][0]


def _cells() -> list[tuple[str, str]]:
    cells = [(area, investment) for area in _areas() for investment in P4]
    cells += [(area, investment) for investment, areas in P3.items() for area in areas]
    return sorted(cells, key=lambda c: (_areas().index(c[0]), c[1]))


def status_rows() -> list[list[str]]:
    rng = random.Random(SEED)  # noqa: S311 - reproducible example data, not security
    out = []
    for area, investment in _cells():
        troubled = rng.random() < 0.15  # a few area-investments run into trouble
        for dimension in DIMENSIONS:
            status = GREEN if rng.random() < 0.8 else YELLOW
            for i, period in enumerate(QUARTERS):
                if i:
                    moves = MOVES[status if status != NONE else GREEN]
                    if troubled and i >= 4:
                        moves = [(RED, 0.5), (YELLOW, 0.3), (GREEN, 0.2)] if status != GREEN else MOVES[YELLOW]
                    status = _pick(rng, moves)
                # Benefits cannot be judged early on: "Ei raportoitava" is what counties wrote.
                shown = NONE if dimension == "Hyödyt" and i < 2 and rng.random() < 0.6 else status
                if rng.random() < 0.01:
                    shown = NONE
                if (period == QUARTERS[-1] and area in STOP_IN_LAST) or (area, period) == SKIPS_A_QUARTER:
                    continue
                if rng.random() < 0.015:  # a cell left empty in the report
                    continue
                out.append([period, area, investment, dimension, shown, "yes"])
    return sorted(out, key=lambda r: (QUARTERS.index(r[0]), _areas().index(r[1]), r[2], DIMENSIONS.index(r[3])))


def progress_rows() -> list[list[str]]:
    """Quarters before and after the real 2024Q3 value, rising at an area's own pace."""
    rng = random.Random(SEED + 1)  # noqa: S311
    with open(REAL_PROGRESS, encoding="utf-8") as f:
        real = [(r["region"], r["investment"], float(r["percent"])) for r in csv.DictReader(f)]
    out = []
    at = QUARTERS.index(REAL_QUARTER)
    for area, investment, value in real:
        step = rng.choice([5, 5, 10, 10, 10, 15])
        for i, period in enumerate(QUARTERS):
            if period == REAL_QUARTER or (period == QUARTERS[-1] and area in STOP_IN_LAST):
                continue
            guess = value + step * (i - at) + (rng.choice([-10, 0, 0, 10, 20]) if i > at else 0)
            previous = out[-1][3] if out and out[-1][:3] == [QUARTERS[i - 1], area, investment] else None
            guess = max(guess, float(previous)) if previous and i > at else guess
            out.append([period, area, investment, f"{min(100, max(0, round(guess / 5) * 5))}", "yes"])
    return sorted(out, key=lambda r: (QUARTERS.index(r[0]), _areas().index(r[1]), r[2]))


def write(status_path: Path = STATUS_OUT, progress_path: Path = PROGRESS_OUT) -> None:
    for path, header, rows in (
        (status_path, ["period", "region", "investment", "dimension", "status", "is_demo"], status_rows()),
        (progress_path, ["period", "region", "investment", "percent", "is_demo"], progress_rows()),
    ):
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)


if __name__ == "__main__":
    write()
