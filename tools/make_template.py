"""Build the blank Excel template data/templates/template.xlsx: python -m tools.make_template."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from config import ROOT
from loaders import template_tables

TARGET = ROOT / "data" / "templates" / "template.xlsx"
EXAMPLES = {
    "observations": [
        "care_guarantee_7day_share",
        "Keski-Pohjanmaa",
        "3/2025",
        81.5,
        "total",
        "000_….txt",
        "",
        "ei",
    ],
    "targets": ["care_guarantee_7day_share", "358", "target", "Q4/2025", 80, "000_….txt", "", "", "ei"],
    "annotations": [
        "1.1.2023",
        "Hyvinvointialueet aloittivat",
        "Välfärdsområdena startade",
        "Counties started",
        "",
        "",
        "ei",
    ],
}
INSTRUCTIONS = [
    "Ohje: käsin ylläpidettävät luvut suunnitelma-asiakirjoista",
    "",
    "Täytä yksi rivi kutakin lukua kohden välilehdille observations (havainnot), targets (tavoitteet)"
    " ja annotations (merkinnät). Älä muuta otsikkoriviä; tyhjät välilehdet saa jättää tyhjiksi.",
    "indicator: mittarin tunnus tiedostosta data/reference/indicators.csv, esim. care_guarantee_7day_share.",
    "region: alueen koodi tai nimi (esim. 18 tai Keski-Pohjanmaa; koko maa = 358).",
    "period: vuosi 2024, neljännes Q4/2025 tai 2025Q4, kuukausi 3/2025 tai 2025-03.",
    "value: luku; prosentit 0–100 (81,5 tai 81.5). Tyhjä arvo tarkoittaa, ettei tietoa ole.",
    "kind (tavoitteet): baseline, target tai interim_target. source_doc: asiakirja, josta luku on.",
    "date (merkinnät): 1.1.2023 tai 2023-01-01. is_demo: kyllä/ei (esimerkkidata).",
    "Lataa tiedosto: python -m loaders ingest tiedosto.xlsx --dry-run (tarkistus), sitten ilman --dry-run.",
    "Virheilmoitus kertoo solun, esim. observations!C14: mitä odotettiin ja mitä löytyi.",
]


def build(path: Path = TARGET) -> Path:
    book = Workbook()
    book.remove(book.active)
    for table, (required, optional) in template_tables.COLUMNS.items():
        sheet = book.create_sheet(table)
        sheet.append([*required, *optional])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    guide = book.create_sheet("ohje")
    for line in INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True)
    guide.append([])
    guide.append(["Esimerkkirivit (kopioi oikealle välilehdelle):"])
    for table, example in EXAMPLES.items():
        guide.append([table, *example])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
