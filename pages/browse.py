"""Selaa: any indicator loaded from Sotkanet or THL, per region over time, without targets."""

import streamlit as st

from charts.tables import source_table
from i18n import t
from ui import cache, state, widgets
from views.browse import browse_chart, catalog

lang = state.language()
data = cache.CachedData()

st.title(t("trend.browse_title", lang))
st.write(t("trend.browse_intro", lang))
query = st.text_input(t("trend.search", lang), value=st.query_params.get("q", ""), key="w:q")
state.remember(q=query or None)
found = catalog(data, query, lang)
if found.empty:
    st.info(t("trend.no_results", lang))
    st.stop()

keys = [f"{row.dataset}:{row.indicator}" for row in found.itertuples()]
titles = dict(zip(keys, found["title"], strict=True))
chosen = state.select(t("trend.source_indicator", lang), keys, "source", keys[0], titles.get)
entry = found.iloc[keys.index(chosen)]
rows = data.source_series(entry["dataset"], entry["indicator"])
region_names = dict(zip(rows["region"], rows[f"region_{lang}"], strict=False))
regions = list(region_names)
if rows["period"].nunique() > 1:
    regions = state.multiselect(t("trend.choose_region", lang), regions, "areas", regions[:5], region_names.get)
chart = browse_chart(data, entry, regions, lang, permalink=state.query_string())
widgets.demo_banner(chart.is_demo, lang)
widgets.chart(chart.figure, chart.summary, source_table(chart.data, lang), lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data.ingests()["loaded_at"].max(), lang)
