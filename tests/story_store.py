"""A small store after the deadline, one story per area, built through the one write path (tests share it).

Care guarantee (higher is better; the country's 80 % by Q4/2025, baseline 67 % in 1/2020):
  358 Koko maa          82 % at Q4/2025, then 75 % in Q3/2026            met, slipped
  18  Keski-Pohjanmaa   78 % at Q4/2025, 84 % in Q3/2026; own 85 % by Q4/2026 still ahead
                                                                           missed, reached later
  17  Pohjanmaa         own interim 70 % by Q4/2024 (72 %); 79 % in 12/2025 (finer), 77 % in Q2/2026
                                                                           interim met, held; missed, still short
  19  Pohjois-Pohjanmaa 81 % for the year 2025 (coarser)                  met, no later data
  02  Keski-Uusimaa     60 % in 2024 only                                  no data (last before: missed)
Dental days (lower is better), Keski-Pohjanmaa's own: interim 100 by 2024 (95), 90 by 2025 (92).
"""

from __future__ import annotations

from pathlib import Path

from loaders.demo import build_demo

CARE = "care_guarantee_7day_share"
DENTAL = "dental_nonurgent_access_days"

TARGETS = [  # indicator, region (name), kind, period, value
    (CARE, "Koko maa", "baseline", "2020-01", 67),
    (CARE, "Koko maa", "target", "2025Q4", 80),
    (CARE, "Keski-Pohjanmaa", "target", "2026Q4", 85),
    (CARE, "Pohjanmaa", "interim_target", "2024Q4", 70),
    (DENTAL, "Keski-Pohjanmaa", "interim_target", "2024", 100),
    (DENTAL, "Keski-Pohjanmaa", "target", "2025", 90),
]
SERIES = [  # indicator, region code, period, value
    (CARE, "358", "2025Q2", 85),
    (CARE, "358", "2025Q3", 84),
    (CARE, "358", "2025Q4", 82),
    (CARE, "358", "2026Q1", 78),
    (CARE, "358", "2026Q3", 75),
    (CARE, "18", "2025Q3", 79),
    (CARE, "18", "2025Q4", 78),
    (CARE, "18", "2026Q1", 81),
    (CARE, "18", "2026Q2", 83),
    (CARE, "18", "2026Q3", 84),
    (CARE, "17", "2024Q4", 72),
    (CARE, "17", "2025-11", 80),
    (CARE, "17", "2025-12", 79),
    (CARE, "17", "2026Q2", 77),
    (CARE, "19", "2025", 81),
    (CARE, "02", "2024", 60),
    (DENTAL, "18", "2024", 95),
    (DENTAL, "18", "2025", 92),
]


def build_story_store(directory: Path) -> Path:
    """Write the two files and load them (with the reference data) into directory/story.duckdb."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["indicator,region,kind,period,value,source_doc,quote,caveat"]
    lines += [f"{i},{r},{k},{p},{v},000,q," for i, r, k, p, v in TARGETS]
    (directory / "targets_story.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["indicator,region,period,value,is_demo"]
    lines += [f"{i},{r},{p},{v},yes" for i, r, p, v in SERIES]
    (directory / "series_story.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = directory / "story.duckdb"
    build_demo(db, directory)
    return db
