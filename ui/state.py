"""Per-user view state: in the URL query parameters (shareable) with defaults from config."""

from __future__ import annotations

import streamlit as st

from config import settings
from i18n import LANGUAGES


def language() -> str:
    """The UI language: ?lang=fi|sv|en, else the configured default."""
    chosen = st.query_params.get("lang")
    return chosen if chosen in LANGUAGES else settings().language


def set_language(lang: str) -> None:
    st.query_params["lang"] = lang
