"""Cached store access: one cached reader keyed by the store version it was given, and cached views.

A load publishes a new version, so the next rerun reads it at once; an unchanged store is never
asked the same question twice. Every question of store.reader.Reader goes through one cached
function, which opens the very version named in its key (never "the live one"): a load that
publishes during a page run cannot put new rows under an old key.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from config import settings
from store import db
from store.reader import QUESTIONS, Question, Reader
from views.choices import resolve
from views.pages import BY_PATH


def store_version() -> str:
    return db.version(settings().db_path)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(version: str):
    return db.connect_version(version)


@st.cache_data(max_entries=1024, show_spinner=False)
def _answer(version: str, as_of: date | None, question: str, args: tuple) -> Any:
    return Reader(_connection(version), as_of).ask(QUESTIONS[question], *args)


class CachedReader(Reader):
    """The store's questions, each cached by (store version, as-of date, question, arguments)."""

    def __init__(self, version: str | None = None, as_of: date | None = None) -> None:
        super().__init__(None, as_of)
        self.version = version or store_version()

    def ask(self, question: Question, *args: Any) -> Any:
        frozen = tuple(tuple(a) if isinstance(a, list) else a for a in args)
        return _answer(self.version, self.as_of, f"{question.__module__}.{question.__name__}", frozen)


def reader(as_of: date | None = None) -> CachedReader:
    """The store's questions for this run: now, or as it stood at the end of `as_of` (?asof=)."""
    return CachedReader(as_of=as_of)


# ---------------------------------------------------------------- views shared by every session
# Built once per store version, page and choices, then shared (cache_resource: not copied per session,
# which for Plotly figures would mean validating them again). Permalinks are not part of the key: the
# export buttons add the page's link to a copy. Callers must not modify what they get.


@st.cache_resource(max_entries=128, show_spinner=False)
def _view(
    version: str, as_of: date | None, day: date, page: str, chosen: tuple[tuple[str, str], ...], lang: str
) -> Any:
    """`day` keys what views judge on (a target passes at midnight even when no load publishes)."""
    return BY_PATH[page].build(dict(chosen), CachedReader(version, as_of), lang)


def view(data: CachedReader, page: str, chosen: Mapping[str, str], lang: str) -> Any:
    """The page's view for these choices: what the export CLI builds from the same values."""
    spec = BY_PATH[page]
    resolved = resolve(spec.choices(chosen, data), chosen)  # anything not chosen: its default, as in the CLI
    wanted = tuple(sorted((name, resolved.get(name, "")) for name in spec.keys(chosen, data)))
    return _view(data.version, data.as_of, data.as_of or date.today(), page, wanted, lang)
