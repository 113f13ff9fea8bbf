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
# One list per audience; url_path is the page's address in shareable links.
leadership = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), icon="📈", url_path="yleiskuva", default=True),
]
coordinators: list = []
analysts: list = []
sections = {
    t("nav.section_leadership", lang): leadership,
    t("nav.section_coordinators", lang): coordinators,
    t("nav.section_analysts", lang): analysts,
}
st.navigation({name: pages for name, pages in sections.items() if pages}).run()
