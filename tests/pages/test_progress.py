"""Edistyminen in AppTest: the real 2024Q3 percentages, the previous quarter and elapsed time."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_page as run
from tests.helpers import tables

NBSP = "\u00a0"


def test_real_2024q3_progress_for_a_known_area(app_reads: Path) -> None:
    at = run("pages/progress.py", investment="P4I1", period="2024Q3")
    assert not at.exception
    table = tables(at)[0]
    keski = table[table["Alue"] == "Keski-Pohjanmaa"].iloc[0]
    # the source by its title, never the file name
    assert keski["Edistyminen"] == f"70{NBSP}%" and keski["Lähde"].startswith("THL:n kansallinen")
    assert keski["Esimerkki"] == "ei" and keski["Edellinen neljännes"] == f"60{NBSP}%"
    assert keski["Hankeaikaa kulunut"] == f"58,3{NBSP}%"
    assert [m.value for m in at.metric] == [f"60{NBSP}%", f"+10,0{NBSP}%-yks.", f"58,3{NBSP}%"]
    # the previous quarter is generated, so the banner says so
    assert any("Esimerkkiaineisto" in w.value for w in at.warning)


def test_pillar_3_progress_in_swedish(app_reads: Path) -> None:
    at = run("pages/progress.py", investment="P3_IPS", period="2024Q3", lang="sv")
    assert not at.exception
    table = tables(at)[0]
    assert table[table["Område"] == "Kajanaland"].iloc[0]["Framsteg"] == f"90{NBSP}%"
    assert len(table) == 6
