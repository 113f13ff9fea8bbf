"""The frame: page config, language, navigation. Each page answers one question (pages/)."""

import streamlit as st

from config import settings
from exports import images
from i18n import t
from store.db import StoreMissing, StoreOutdated
from ui import auth, cache, state, widgets
from views.pages import DEFAULT_PAGE, PAGES

st.set_page_config(page_title="RRP", page_icon="📈", layout="wide")
lang = state.language()

try:
    first_load = cache.reader().ingests()["loaded_at"].min()
except StoreMissing:
    st.error(t("app.store_missing", lang, path=settings().db_path))
    st.stop()
except StoreOutdated:  # new code on a store from older code: readable once `loaders upgrade` has run
    st.error(t("app.store_outdated", lang))
    st.stop()

widgets.language_picker(lang)
widgets.as_of_picker(lang, first_load)
widgets.as_of_banner(state.as_of(), lang)  # every page: the past is never shown as now
AUDIENCES = ("leadership", "coordinators", "analysts")  # navigation sections, in this order
sections: dict[str, list] = {audience: [] for audience in AUDIENCES}
for spec in PAGES:
    # Without an admin secret the app is read-only: no upload page at all (admin pages sit with the analysts).
    if spec.audience == "admin" and not auth.admin_configured():
        continue
    page = st.Page(
        spec.file, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path, default=spec.default
    )
    sections["analysts" if spec.audience == "admin" else spec.audience].append(page)
current = st.navigation({t(f"nav.section_{name}", lang): pages for name, pages in sections.items() if pages})
st.session_state["page_path"] = current.url_path or DEFAULT_PAGE  # exports' permalinks; "" is the default page
current.run()
if settings().export_warm_up:  # once per process, after this run: the first PNG then costs what the next does
    images.start_in_background(settings().browser_path)
