"""Recipes: a named column mapping saved as a JSON file, offered again to a file with the same header.

One file per recipe under settings().recipes_dir (tests pass their own directory). The file name comes
from the recipe's name, which is bounded and checked (letters, digits, space, '.', '-', '_'; no path),
so no name reaches outside the directory; saving over a different recipe of the same name is refused
unless asked for. Reading is bounded too: at most MAX_RECIPES files of at most MAX_BYTES each.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from i18n import t
from loaders.column_map import ROLES, ColumnMap
from store.batch import LoadErrors, Problem

MAX_NAME = 60
MAX_RECIPES = 500
MAX_BYTES = 64 * 1024
MAX_HEADER = 200  # columns kept in a recipe's header
_NAME = re.compile(r"^\w[\w .-]*$")  # \w: letters in any script, digits, '_'


class RecipeError(ValueError):
    """A recipe name we will not use, or one we do not have: upload.mapping.recipe.<key> in the catalogs."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def text(self, lang: str = "en") -> str:
        return t(f"upload.mapping.recipe.{self.key}", lang, **self.params)


@dataclass(frozen=True)
class Recipe:
    name: str
    header: tuple[str, ...]  # the header of the file it was made for
    mapping: ColumnMap

    @property
    def signature(self) -> str:
        return signature(self.header)

    def as_json(self) -> str:
        body = {"name": self.name, "header": list(self.header), "signature": self.signature, **asdict(self.mapping)}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def signature(header: list[str] | tuple[str, ...]) -> str:
    """The header's fingerprint: the same column names in the same order (spaces around a name ignored)."""
    joined = "\x1f".join(unicodedata.normalize("NFC", name.strip()) for name in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def clean_name(text: str) -> str:
    """The name as stored: NFC, spaces collapsed; RecipeError if empty, too long or not a plain name."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise RecipeError("name_empty")
    if len(name) > MAX_NAME:
        raise RecipeError("name_long", chars=MAX_NAME)
    if not _NAME.match(name) or ".." in name:
        raise RecipeError("name_chars", name=name[:MAX_NAME])
    return name


def path_for(directory: Path, name: str) -> Path:
    """The recipe's file: its checked name, case-folded (Itä and itä are one recipe), '.json'."""
    return directory / (clean_name(name).casefold().replace(" ", "_") + ".json")


def _from_json(text: str) -> Recipe:
    body = json.loads(text)
    columns = {str(role): str(column) for role, column in dict(body["columns"]).items() if role in ROLES}
    mapping = ColumnMap(
        columns,
        body.get("indicator"),
        str(body.get("dataset") or "manual"),
        body.get("region_ids"),
        body.get("sheet"),
    )
    return Recipe(clean_name(str(body["name"])), tuple(str(n) for n in body["header"][:MAX_HEADER]), mapping)


def _read(path: Path) -> Recipe | None:
    """A recipe file, or None if it is too large or not one (a broken file is never offered)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        return _from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):  # ValueError covers JSON and RecipeError
        return None


def load(directory: Path, name: str) -> Recipe:
    """The recipe of that name; RecipeError naming the recipes there are if none."""
    found = _read(path_for(directory, name))
    if found is None:
        known = ", ".join(recipe.name for recipe in all_recipes(directory)) or "–"
        raise RecipeError("missing", name=clean_name(name), known=known)
    return found


def all_recipes(directory: Path) -> list[Recipe]:
    """Every readable recipe, by name (at most MAX_RECIPES files are looked at)."""
    if not directory.is_dir():
        return []
    paths = sorted(directory.glob("*.json"))[:MAX_RECIPES]
    return sorted((r for r in map(_read, paths) if r is not None), key=lambda r: r.name.casefold())


def matching(directory: Path, header: list[str] | tuple[str, ...]) -> Recipe | None:
    """The first recipe (by name) made for a file with this very header."""
    wanted = signature(header)
    return next((recipe for recipe in all_recipes(directory) if recipe.signature == wanted), None)


def conflict(directory: Path, recipe: Recipe) -> Recipe | None:
    """A different recipe already saved under this name, which saving would replace."""
    existing = _read(path_for(directory, recipe.name))
    return existing if existing is not None and existing != recipe else None


def save(directory: Path, recipe: Recipe, replace: bool = False) -> Path:
    """Write the recipe (atomically); RecipeError('exists') rather than replace a different one silently."""
    path = path_for(directory, recipe.name)
    if not replace and conflict(directory, recipe) is not None:
        raise RecipeError("exists", name=recipe.name)
    directory.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".json.tmp")
    partial.write_text(recipe.as_json(), encoding="utf-8")
    os.replace(partial, path)
    return path


def mapping_for(recipe: Recipe, file: str, header: list[str] | tuple[str, ...]) -> ColumnMap:
    """The recipe's mapping for a file; LoadErrors naming each column the recipe names and the file lacks."""
    found = ", ".join(header)
    problems = [
        Problem(file, 1, column, "recipe_column", found, {"recipe": recipe.name, "role": role}, "file_columns")
        for role, column in recipe.mapping.columns.items()
        if column not in header
    ]
    if problems:
        raise LoadErrors(file, problems)
    return recipe.mapping
