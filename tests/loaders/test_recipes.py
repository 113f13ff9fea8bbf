"""Issue 15 item 3: recipes, named column mappings kept as data files and offered to a file with the same header;
from the CLI too (in-process through main(argv))."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import recipes
from loaders.__main__ import main
from loaders.column_map import ColumnMap
from loaders.recipes import Recipe, RecipeError
from store.batch import LoadErrors
from tests.helpers import run_main
from tests.loaders.conftest import rows_of, snapshot

HEADER = ("Hyvinvointialue", "Vuosi", "Osuus")
MAPPING = ColumnMap({"region": "Hyvinvointialue", "period": "Vuosi", "value": "Osuus"}, "my_share", "omat")
LONG = "Hyvinvointialue;Vuosi;Osuus\nItä-Uudenmaan hyvinvointialue;2024;81,5\nKoko maa;2025 Q4;80,0\n"


def test_a_saved_recipe_is_offered_to_a_file_with_the_same_header_only(tmp_path: Path) -> None:
    path = recipes.save(tmp_path, Recipe("Omat osuudet", HEADER, MAPPING))
    assert path == tmp_path / "omat_osuudet.json"
    assert json.loads(path.read_text(encoding="utf-8"))["columns"]["region"] == "Hyvinvointialue"
    assert recipes.load(tmp_path, "omat osuudet") == Recipe("Omat osuudet", HEADER, MAPPING)  # case does not matter
    assert recipes.matching(tmp_path, [" Hyvinvointialue", "Vuosi", "Osuus "]).name == "Omat osuudet"
    assert recipes.matching(tmp_path, ["Vuosi", "Hyvinvointialue", "Osuus"]) is None  # another order: another file
    assert recipes.matching(tmp_path / "none yet", HEADER) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("", "name_empty"),
        ("   ", "name_empty"),
        ("../../etc/passwd", "name_chars"),
        ("a/b", "name_chars"),
        ("a\\b", "name_chars"),
        ("..", "name_chars"),
        (".hidden", "name_chars"),
        ("x" * 61, "name_long"),
        ("nimi\u202eexe", "name_chars"),  # a bidi override
    ],
)
def test_names_are_bounded_and_never_a_path(tmp_path: Path, name: str, key: str) -> None:
    with pytest.raises(RecipeError) as caught:
        recipes.save(tmp_path, Recipe(name, HEADER, MAPPING))
    assert caught.value.key == key
    assert caught.value.text("fi")  # said in the user's language
    assert list(tmp_path.iterdir()) == []


def test_a_different_recipe_of_the_same_name_is_not_replaced_silently(tmp_path: Path) -> None:
    recipes.save(tmp_path, Recipe("Omat", HEADER, MAPPING))
    recipes.save(tmp_path, Recipe("Omat", HEADER, MAPPING))  # the same one again: fine
    other = Recipe("OMAT", HEADER, ColumnMap({**MAPPING.columns, "value": "Vuosi"}, "x"))
    assert recipes.conflict(tmp_path, other) == Recipe("Omat", HEADER, MAPPING)
    with pytest.raises(RecipeError) as caught:
        recipes.save(tmp_path, other)
    assert caught.value.text("sv").startswith("Det finns redan ett annat recept med namnet OMAT, och det ersätts inte")
    assert recipes.load(tmp_path, "omat").mapping == MAPPING
    recipes.save(tmp_path, other, replace=True)
    assert recipes.load(tmp_path, "omat").mapping.indicator == "x"


def test_a_column_the_recipe_names_and_the_file_lacks_is_named(tmp_path: Path) -> None:
    recipe = Recipe("Omat", HEADER, MAPPING)
    with pytest.raises(LoadErrors) as caught:
        recipes.mapping_for(recipe, "uusi.csv", ["Alue", "Vuosi", "Osuus"])
    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.column) == ("uusi.csv", 1, "Hyvinvointialue")
    assert problem.text("fi").startswith("uusi.csv:1:Hyvinvointialue — odotettiin: sarake, jonka resepti Omat nimeää")
    assert "tiedoston sarakkeet: Alue, Vuosi, Osuus" in problem.text("fi")
    assert recipes.mapping_for(recipe, "sama.csv", list(HEADER)) == MAPPING


def test_broken_or_oversized_recipe_files_are_skipped(tmp_path: Path) -> None:
    recipes.save(tmp_path, Recipe("Hyvä", HEADER, MAPPING))
    (tmp_path / "rikki.json").write_text("{", encoding="utf-8")
    (tmp_path / "iso.json").write_text(" " * (recipes.MAX_BYTES + 1), encoding="utf-8")
    (tmp_path / "polku.json").write_text(json.dumps({"name": "../x", "header": [], "columns": {}}), encoding="utf-8")
    assert [recipe.name for recipe in recipes.all_recipes(tmp_path)] == ["Hyvä"]
    with pytest.raises(RecipeError) as caught:
        recipes.load(tmp_path, "rikki")
    assert caught.value.text("en") == "There is no recipe named rikki. Saved recipes: Hyvä."


def test_cli_saves_a_recipe_then_loads_by_it_and_refuses_a_file_without_its_column(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_RECIPES", str(tmp_path / "recipes"))
    first = tmp_path / "omat_2024.csv"
    first.write_text(LONG, encoding="utf-8")
    maps = ["--map", "region=Hyvinvointialue", "--map", "period=Vuosi", "--map", "value=Osuus"]
    tried = run_main(main, "ingest", str(first), *maps, "--indicator", "my_share", "--dataset", "omat",
                     "--save-recipe", "Omat osuudet", "--dry-run", "--db", str(store))  # fmt: skip
    assert tried.returncode == 0, tried.stderr
    assert "recipe Omat osuudet saved" in tried.stdout and "omat_2024.csv: checked, 2 rows" in tried.stdout
    second = tmp_path / "omat_2025.csv"
    second.write_text(LONG.replace("2024", "2023"), encoding="utf-8")
    loaded = run_main(main, "ingest", str(second), "--recipe", "omat osuudet", "--db", str(store))
    assert loaded.returncode == 0, loaded.stderr
    assert rows_of(
        store,
        "SELECT region_code, period, value FROM observations JOIN series USING (series_id)"
        " WHERE dataset = 'omat' ORDER BY 1",
    ) == [
        ("01", "2023", 81.5),
        ("358", "2025Q4", 80.0),
    ]
    renamed = tmp_path / "uusi.csv"
    renamed.write_text(LONG.replace("Hyvinvointialue", "Alue"), encoding="utf-8")
    before = snapshot(store)
    refused = run_main(main, "ingest", str(renamed), "--recipe", "Omat osuudet", "--lang", "fi", "--db", str(store))
    assert refused.returncode == 1
    assert "uusi.csv:1:Hyvinvointialue — odotettiin: sarake, jonka resepti Omat osuudet nimeää" in refused.stderr
    assert snapshot(store) == before
    clash = run_main(main, "ingest", str(first), *maps, "--indicator", "other", "--save-recipe", "omat osuudet",
                     "--db", str(store))  # fmt: skip
    assert clash.returncode == 1 and "--replace-recipe" in clash.stderr
    assert snapshot(store) == before  # refused before anything was written
    unknown = run_main(main, "ingest", str(first), "--recipe", "ei ole", "--db", str(store))
    assert unknown.returncode == 2 and "Saved recipes: Omat osuudet" in unknown.stderr
