"""The upload page's column-mapping flow in AppTest: the guess preselected, a matching recipe preselected
and named, a dry run, a load through the one write path, and a recipe name that is taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from config import ROOT
from loaders import recipes
from loaders.column_map import ColumnMap
from tests.helpers import tables
from tests.loaders.conftest import rows_of

PASSWORD = "kartta-42"  # noqa: S105  (this test's own admin secret)
OWN = (
    "Alue;Vuosi;Käyntejä;Toteutunut\n"
    "Itä-Uudenmaan hyvinvointialue;2023;1 204;81,5\n"
    "Keski-Pohjanmaan hyvinvointialue;2023;845;77,0\n"
    "Koko maa;2024;52 113;80,6\n"
)
HEADER = ("Alue", "Vuosi", "Käyntejä", "Toteutunut")


@pytest.fixture
def signed_in(app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", PASSWORD)
    monkeypatch.setenv("DASHBOARD_RECIPES", str(tmp_path / "recipes"))
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=60).run()
    at.text_input(key="auth:password").input(PASSWORD)
    return at.button[0].click().run()


def upload(at: AppTest) -> tuple[AppTest, str]:
    at.file_uploader[0].set_value(("omat.csv", OWN.encode("cp1252"), "text/csv")).run()
    assert not at.exception, at.exception
    [file_id] = at.session_state["upload:signature"]
    return at, f"map:{file_id}:"  # ui/upload.py's widget keys: file, then sheet (none for a CSV)


def texts(at: AppTest) -> str:
    return " | ".join(e.value for kind in ("markdown", "info", "warning", "success", "error") for e in at.get(kind))


def test_the_guess_is_preselected_then_tried_and_loaded(signed_in: AppTest, app_env: Path) -> None:
    at, key = upload(signed_in)
    assert at.selectbox(key=f"{key}:region").value == "Alue"
    assert at.selectbox(key=f"{key}:value").value == "Toteutunut"  # the column with decimals
    assert "Valitse vielä: Indikaattori." in texts(at)
    at.selectbox(key=f"{key}:value").set_value("Käyntejä")
    at.selectbox(key=f"{key}:indicator_id").set_value("care_guarantee_7day_share")
    at.text_input(key=f"{key}:dataset").input("omat").run()
    at.button(key=f"{key}:try").click().run()
    assert "3 riviä · 3 aluetta · 2 ajanjaksoa" in texts(at)
    at.button(key=f"{key}:load").click().run()
    assert "Tallennettu. Selaa-sivulla sarjan löytää hakusanalla omat." in texts(at)
    # The summary at the top says it is saved, with its rows; no second "Tallenna" for it.
    assert "hylätty 0 · tallennettu sarakkeiden valinnan jälkeen 1" in texts(at)
    summary = at.dataframe[0].value
    assert summary.iloc[0].tolist()[:3] == ["omat.csv", "tallennettu", 3]
    assert not [b for b in at.button if b.key == "upload:save"]
    assert at.text_input(key=f"{key}:recipe_name") is not None  # its recipe can still be saved
    assert rows_of(app_env, "SELECT region_code, value FROM observations_v WHERE dataset = 'omat' ORDER BY 1") == [
        ("01", 1204.0),
        ("18", 845.0),
        ("358", 52113.0),
    ]


def test_a_recipe_for_the_same_header_is_preselected_and_a_taken_name_is_said(
    signed_in: AppTest, tmp_path: Path
) -> None:
    saved = ColumnMap({"region": "Alue", "period": "Vuosi", "value": "Käyntejä"}, "visits", "omat")
    recipes.save(tmp_path / "recipes", recipes.Recipe("Käynnit", HEADER, saved))
    at, key = upload(signed_in)
    assert "Otsikkorivi vastaa reseptiä Käynnit" in texts(at)
    assert at.selectbox(key=f"{key}:value").value == "Käyntejä"
    assert at.selectbox(key=f"{key}:indicator_id").value == "visits"
    at.selectbox(key=f"{key}:value").set_value("Toteutunut").run()
    assert at.text_input(key=f"{key}:recipe_name").value == "Käynnit"
    assert "Nimellä Käynnit on jo tallennettu eri resepti" in texts(at)
    assert at.button(key=f"{key}:save_recipe").disabled  # until "replace" is ticked
    at.checkbox(key=f"{key}:replace").check().run()
    at.button(key=f"{key}:save_recipe").click().run()
    assert "Resepti Käynnit tallennettu." in texts(at)
    assert recipes.load(tmp_path / "recipes", "Käynnit").mapping.columns["value"] == "Toteutunut"


NOT_A_TABLE = "Käyntejä yhteensä\n1204\n"  # one column, no delimiter: no table to map
SAID = {  # lang → (summary line, the table's status, a refused file's status, the problems' subheader, found)
    "fi": (
        "Tarkistetut tiedostot: 2 · kelpaa 0 · hylätty 1 · taulukkona luettavia 1 (sarakkeet valitaan alempana)",
        "taulukko: valitse sarakkeet",
        "hylätty",
        "Virheet ja varoitukset",
        "taulukko, jonka ensimmäinen rivi on Käyntejä yhteensä (sarakkeita: 1)",
    ),
    "sv": (
        "Kontrollerade filer: 2 · godkända 0 · avvisade 1 · läses som tabell 1 (kolumnerna väljs nedan)",
        "tabell: välj kolumner",
        "avvisad",
        "Fel och varningar",
        "en tabell vars första rad är Käyntejä yhteensä (kolumner: 1)",
    ),
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_table_to_map_is_no_refusal_and_a_refused_file_quotes_its_cp1252_start(signed_in: AppTest, lang: str) -> None:
    signed_in.query_params["lang"] = lang
    files = [("omat.csv", OWN.encode("cp1252"), "text/csv"), ("summa.csv", NOT_A_TABLE.encode("cp1252"), "text/csv")]
    at = signed_in.file_uploader[0].set_value(files).run()
    assert not at.exception, at.exception
    line, table_status, refused_status, problems_title, found = SAID[lang]
    assert line in texts(at)
    summary = at.dataframe[0].value
    assert dict(zip(summary.iloc[:, 0], summary.iloc[:, 1], strict=True)) == {
        "omat.csv": table_status,
        "summa.csv": refused_status,
    }
    assert [s.value for s in at.subheader][1] == problems_title
    problems = tables(at)[1]  # where, problem: only the file really refused
    kind = {"fi": "virhe", "sv": "fel"}[lang]
    assert list(problems.iloc[:, 0]) == [f"{kind}: summa.csv"]  # the whole file: no row, no column (not "None")
    assert problems.iloc[0, 1].endswith(f"'{found}'")  # its first line, cp1252 decoded: "Käyntejä", not "K�yntej�"
    assert [h.value for h in at.header] == [
        {"fi": "Oma taulukko: mikä sarake on mitäkin?", "sv": "Egen tabell: vilken kolumn innehåller vad?"}[lang]
    ]
