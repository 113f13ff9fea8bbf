"""The frame: page config, language, navigation. Each page answers one question (pages/)."""

import streamlit as st

from config import settings
from exports import images
from i18n import t
from store.db import StoreMissing
from ui import auth, cache, state, widgets

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
    st.Page(
        "pages/overview.py",
        title=t("nav.overview", lang),
        icon=":material/dashboard:",
        url_path="yleiskuva",
        default=True,
    ),
    st.Page("pages/indicator.py", title=t("nav.indicator", lang), icon=":material/timeline:", url_path="indikaattori"),
    st.Page("pages/region.py", title=t("nav.region", lang), icon=":material/place:", url_path="alue"),
]
coordinators: list = [
    st.Page(
        "pages/traffic_lights.py",
        title=t("nav.traffic_lights", lang),
        icon=":material/traffic:",
        url_path="liikennevalot",
    ),
    st.Page("pages/progress.py", title=t("nav.progress", lang), icon=":material/trending_up:", url_path="edistyminen"),
    st.Page("pages/finance.py", title=t("nav.finance", lang), icon=":material/payments:", url_path="talous"),
    st.Page(
        "pages/investment.py", title=t("nav.investment", lang), icon=":material/account_tree:", url_path="investointi"
    ),
    st.Page("pages/reporting.py", title=t("nav.reporting", lang), icon=":material/fact_check:", url_path="raportointi"),
    st.Page("pages/changes.py", title=t("nav.changes", lang), icon=":material/notifications:", url_path="muutokset"),
]
analysts: list = [
    st.Page("pages/browse.py", title=t("nav.browse", lang), icon=":material/search:", url_path="selaa"),
    st.Page("pages/deck.py", title=t("nav.deck", lang), icon=":material/slideshow:", url_path="esitys"),
]
if auth.admin_configured():  # without an admin secret the app is read-only: no upload page at all
    analysts.append(
        st.Page("pages/upload.py", title=t("nav.upload", lang), icon=":material/upload_file:", url_path="lataa")
    )
sections = {
    t("nav.section_leadership", lang): leadership,
    t("nav.section_coordinators", lang): coordinators,
    t("nav.section_analysts", lang): analysts,
}
current = st.navigation({name: pages for name, pages in sections.items() if pages})
st.session_state["page_path"] = current.url_path or "yleiskuva"  # exports' permalinks; "" is the default page
current.run()
if settings().export_warm_up:  # once per process, after this run: the first PNG then costs what the next does
    images.start_in_background(settings().browser_path)
