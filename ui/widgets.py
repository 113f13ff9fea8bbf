"""Small Streamlit building blocks the pages share: language switch, demo banner, chart + table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from i18n import LANGUAGES, fmt, t
from ui import state

LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}


def language_picker(lang: str) -> None:
    chosen = st.sidebar.selectbox(
        t("app.language", lang),
        LANGUAGES,
        index=LANGUAGES.index(lang),
        format_func=LANGUAGE_NAMES.get,
        key="language_picker",
    )
    if chosen != lang:
        state.set_language(chosen)
        st.rerun()


def demo_banner(shows_demo: bool, lang: str) -> None:
    """Say it plainly whenever example rows are on screen."""
    if shows_demo:
        st.warning(t("app.demo_banner", lang), icon="⚠️")


def chart(fig: go.Figure, summary: str, table: pd.DataFrame, lang: str, key: str) -> None:
    """A chart with its one-sentence summary and its table twin."""
    st.plotly_chart(fig, theme=None, key=key, config={"displaylogo": False})
    st.caption(summary)
    with st.expander(t("overview.table", lang)):
        st.dataframe(table, hide_index=True, width="stretch")


def source_footer(loaded_at: object, lang: str) -> None:
    loaded = fmt.day(pd.Timestamp(loaded_at).date(), lang) if loaded_at is not None else "–"
    st.caption(t("app.source_line", lang, loaded=loaded))
