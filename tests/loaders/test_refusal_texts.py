"""Refusals a coordinator can act on (issue 15 item 5): the Finnish and Swedish texts a user sees say what
the file looked like and what to do, with every word in their language, and never name a program file.

Files are made in the tests, as a user would have them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders import column_map, formats
from loaders.column_map import ColumnMap
from store.batch import LoadErrors, Problem
from tests.loaders.test_any_file import PORTAL

PROGRAM_FILE = re.compile(r"\w+\.py\b|loaders/|store/|data/reference|_mappings")


def refused(parse) -> list[Problem]:
    with pytest.raises(LoadErrors) as caught:
        parse()
    return caught.value.problems


def texts(problem: Problem) -> dict[str, str]:
    shown = {lang: problem.text(lang) for lang in ("fi", "sv", "en")}
    assert not [text for text in shown.values() if PROGRAM_FILE.search(text)]
    return shown


def test_a_column_to_choose_is_named_in_the_users_words(tmp_path: Path) -> None:
    path = tmp_path / "omat.csv"
    path.write_text("Kunta;Vuosi;Osuus\nPirkanmaa;2024;5\n", encoding="utf-8")
    mapping = ColumnMap({"region": "Alue", "value": "Osuus"}, indicator="my_share")
    [period, region] = refused(lambda: column_map.parse(path, path.read_bytes(), mapping))
    assert texts(period)["fi"] == (
        "omat.csv:1 — odotettiin: sarake, jossa on ajanjakso: valitse tiedoston sarakkeista (Kunta, Vuosi, Osuus)"
        " se, joka sisältää sen; löytyi: 'saraketta ei ole valittu'"
    )
    assert texts(period)["sv"] == (
        "omat.csv:1 — väntade: kolumnen med perioden: välj den av filens kolumner (Kunta, Vuosi, Osuus) som"
        " innehåller det; hittade: 'ingen kolumn vald'"
    )
    assert texts(region)["fi"] == (
        "omat.csv:1:Alue — odotettiin: sarake, jossa on alueen nimi tai koodi: valitse tiedoston sarakkeista"
        " (Kunta, Vuosi, Osuus) se, joka sisältää sen; löytyi: 'ei saraketta nimeltä Alue'"
    )
    assert texts(region)["sv"] == (
        "omat.csv:1:Alue — väntade: kolumnen med områdets namn eller kod: välj den av filens kolumner"
        " (Kunta, Vuosi, Osuus) som innehåller det; hittade: 'ingen kolumn med namnet Alue'"
    )
    assert "region" not in texts(region)["fi"] + texts(region)["sv"]  # the role word is translated


def test_an_unknown_table_says_its_first_line_and_how_to_load_it_anyway(tmp_path: Path) -> None:
    path = tmp_path / "kunnat.csv"
    path.write_text("Kunta,Vuosi,Käyntejä\nTampere,2024,5\n", encoding="utf-8")
    [problem] = refused(lambda: formats.parse(path))
    shown = texts(problem)
    assert shown["fi"].endswith(
        "Oman taulukon, jossa on sarakkeet alueelle, ajanjaksolle ja arvolle, voi ladata kertomalla, mikä sarake"
        " sisältää minkäkin tiedon; löytyi: 'taulukko, jonka ensimmäinen rivi on Kunta,Vuosi,Käyntejä (sarakkeita: 3)'"
    )
    assert shown["sv"].endswith(
        "En egen tabell med kolumner för område, period och värde kan läsas in när du anger vilken kolumn som"
        " innehåller vad; hittade: 'en tabell vars första rad är Kunta,Vuosi,Käyntejä (kolumner: 3)'"
    )
    assert shown["fi"].startswith("kunnat.csv — odotettiin: jokin hyväksytyistä muodoista (")


def test_unknown_json_says_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "vienti.json"
    path.write_text('{"meta": {}, "rows": []}', encoding="utf-8")
    [problem] = refused(lambda: formats.parse(path))
    assert texts(problem)["fi"].endswith("löytyi: 'JSON-tiedosto, jonka avaimet ovat meta, rows'")
    assert texts(problem)["sv"].endswith("hittade: 'en JSON-fil med nycklarna meta, rows'")


def test_a_cube_without_time_says_its_dimensions_and_how_to_export_it(tmp_path: Path) -> None:
    path = tmp_path / "fact_kaynnit.csv"
    path.write_text("Alue;Mittari;val\nPirkanmaa;Käynnit;5\n", encoding="utf-8")
    [problem] = refused(lambda: formats.parse(path))
    assert texts(problem)["fi"] == (
        "fact_kaynnit.csv:1 — odotettiin: THL-kuutio, jossa on aikaulottuvuus (vuodet, neljännekset, kuukaudet,"
        " viikot tai päivät): vie se niin, että Aika on rivinä tai sarakkeena; löytyi: 'THL-kuutio, jonka"
        " ulottuvuudet ovat Alue, Mittari'"
    )
    assert texts(problem)["sv"] == (
        "fact_kaynnit.csv:1 — väntade: en THL-kub med en tidsdimension (år, kvartal, månader, veckor eller dagar):"
        " exportera den med Tid som rad eller kolumn; hittade: 'en THL-kub med dimensionerna Alue, Mittari'"
    )


def test_a_cube_without_an_area_loads_nationally_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "fact_kansallinen.csv"
    path.write_text("Aika;Mittari;val\n2023;Käynnit;5\n", encoding="utf-8")
    [warning] = formats.parse(path).warnings
    assert texts(warning)["fi"] == (
        "fact_kansallinen.csv:1 — odotettiin: alueulottuvuus (ilman sitä kuutio ladataan koko maan sarjana);"
        " löytyi: 'THL-kuutio, jonka ulottuvuudet ovat Aika, Mittari'"
    )
    assert texts(warning)["sv"] == (
        "fact_kansallinen.csv:1 — väntade: en områdesdimension (utan den laddas kuben som en serie för hela"
        " landet); hittade: 'en THL-kub med dimensionerna Aika, Mittari'"
    )


def test_a_portal_line_with_an_unknown_gender_lists_the_words_to_use(tmp_path: Path) -> None:
    lines = PORTAL.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"yhteensä"', '"kaikki"')
    path = tmp_path / "portaali.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = refused(lambda: formats.parse(path))
    assert texts(problem)["fi"] == (
        "portaali.csv:4:E — odotettiin: sukupuoli: yhteensä, miehet, naiset (totalt, män, kvinnor; total,"
        " men, women); löytyi: 'kaikki'"
    )
    assert texts(problem)["sv"].startswith("portaali.csv:4:E — väntade: ")
