"""Talous in AppTest: Keski-Pohjanmaa's real budget and realised cost per cost centre (000)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_page as run
from tests.helpers import tables

NBSP = "\u00a0"


def test_keski_pohjanmaa_budget_utilisation_and_pace(app_reads: Path) -> None:
    at = run("pages/finance.py")
    assert not at.exception
    assert at.metric[0].value == f"6{NBSP}636{NBSP}000{NBSP}€"
    assert at.metric[2].label == "Käyttöaste" and at.metric[3].value == f"77,6{NBSP}%"
    table = tables(at)[0]
    row = table[table["Kustannuspaikka"] == "12706"].iloc[0]
    assert (row["Työpaketti"], row["Budjetti"], row["Käyttöaste"]) == (
        "Hankekoordinaatio",
        f"147{NBSP}897{NBSP}€",
        f"41,4{NBSP}%",
    )
    assert row["Tahti"] == "kulutus jäljessä ajasta"
    assert not any("Esimerkkiaineisto" in w.value for w in at.warning)  # all real


def test_budget_only_area_says_realised_is_not_reported(app_reads: Path) -> None:
    at = run("pages/finance.py", area="19", lang="en")
    assert not at.exception
    assert any("no realised cost" in i.value for i in at.info)
    assert tables(at)[0]["Realised"].eq("–").all()
