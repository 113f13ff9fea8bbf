"""UI text from the fi/sv/en catalogs: t(key, lang, **values)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
CATALOG_DIR = Path(__file__).parent


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every key of one language; i18n/<lang>/*.toml merged (one file per area)."""
    merged: dict[str, str] = {}
    for path in sorted((CATALOG_DIR / lang).glob("*.toml")):
        merged.update(_flatten(tomllib.loads(path.read_text(encoding="utf-8"))))
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for key in lang, falling back to Finnish; values fill {placeholders}."""
    text = catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key)
    if text is None:
        raise KeyError(f"no UI text for {key!r}: add it to i18n/{lang}/*.toml")
    return text.format(**values) if values else text
