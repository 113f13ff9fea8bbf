"""Selaa on a series from the user's own long table: named by the id, dataset and file the user gave (never
"name missing, no metadata loaded", which is said of Sotkanet ids), and a two-year series labels both years."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import ingest, mapped
from loaders.column_map import ColumnMap
from store.db import connect_readonly
from store.reader import Reader
from tests.helpers import run_page
from views.browse import browse_chart, catalog

OWN = (  # as Excel saves it on Finnish Windows: ';', cp1252, long names
    "Alue;Vuosi;Käyntejä\n"
    "Itä-Uudenmaan hyvinvointialue;2023;1 204\n"
    "Itä-Uudenmaan hyvinvointialue;2024;1 310\n"
    "Koko maa;2023;51 870\n"
    "Koko maa;2024;52 113\n"
)
TITLES = {
    "fi": ("kaynnit_oma (aineisto omat)", "kaynnit_oma — aineisto omat, tiedosto omat_kaynnit.csv"),
    "sv": ("kaynnit_oma (datamängd omat)", "kaynnit_oma — datamängd omat, fil omat_kaynnit.csv"),
    "en": ("kaynnit_oma (dataset omat)", "kaynnit_oma — dataset omat, file omat_kaynnit.csv"),
}


@pytest.fixture
def own_loaded(app_env: Path, tmp_path: Path) -> Path:
    path = tmp_path / "omat_kaynnit.csv"
    path.write_bytes(OWN.encode("cp1252"))
    mapping = ColumnMap({"region": "Alue", "period": "Vuosi", "value": "Käyntejä"}, "kaynnit_oma", "omat")
    [outcome] = ingest.write([mapped.check(path, path.read_bytes(), mapping)], app_env)
    assert outcome.status == "loaded", outcome.errors
    return app_env


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_own_series_is_named_by_its_id_dataset_and_file(own_loaded: Path, lang: str) -> None:
    entry_title, chart_title = TITLES[lang]
    with connect_readonly(own_loaded) as con:
        data = Reader(con)
        [entry] = [row for _, row in catalog(data, "kaynnit", lang).iterrows()]
        chart = browse_chart(data, entry, ["Itä-Uudenmaan hyvinvointialue", "Koko maa"], lang)  # as the file says
    assert entry["title"] == entry_title
    assert chart.title == chart_title  # what the deck, the images and the data files' metadata show
    assert chart.summary.startswith(f"{entry_title}: 4 ")


def test_selaa_names_the_own_series_and_labels_both_years(own_loaded: Path) -> None:
    at = run_page("pages/browse.py", q="kaynnit")
    assert not at.exception, at.exception
    [picker] = [box for box in at.selectbox if box.value == "omat:kaynnit_oma"]
    assert picker.format_func(picker.value) == "kaynnit_oma (aineisto omat)"
    assert "tai oma taulukko" in at.markdown[0].value  # the intro names own tables too
    captions = [c.value.replace("\\", "") for c in at.caption]  # escaped Markdown, as shown unescaped
    assert "kaynnit_oma (aineisto omat): 4 arvoa 2 alueelta, 2023–2024." in captions
    assert not any("metatiedot" in caption for caption in captions)
    axis = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]
    assert axis["ticktext"] == ["2023", "2024"]  # two-yearly ticks showed only "2024"
