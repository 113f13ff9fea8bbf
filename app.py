"""The frame: page config, language, navigation. Each page answers one question (pages/)."""

import streamlit as st

from config import settings
from i18n import t
from store.db import StoreMissing
from ui import cache, state, widgets

st.set_page_config(page_title="RRP", page_icon="📈", layout="wide")
lang = state.language()

try:
    cache.store_version()
except StoreMissing:
    st.error(t("app.store_missing", lang, path=settings().db_path))
    st.stop()

widgets.language_picker(lang)
pages = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), icon="📈", url_path="yleiskuva", default=True),
]
st.navigation(pages).run()
