"""Selaa: any indicator loaded from Sotkanet or THL, or from an own long table, per region over time."""

import streamlit as st

from charts.tables import source_table
from i18n import t
from ui import cache, state, widgets
from views.browse import catalog
from views.freshness import indicator_line
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())

st.title(t("trend.browse_title", lang))
st.write(t("trend.browse_intro", lang))
query = st.text_input(t("trend.search", lang), value=st.query_params.get("q", ""), key="w:q")
state.remember(q=query or None)
found = catalog(data, query, lang)
choices = BY_PATH["selaa"].choices(state.params(), data)
if found.empty or not choices["source"].options:
    st.info(t("trend.no_results", lang))
    st.stop()

titles = dict(zip([f"{row.dataset}:{row.indicator}" for row in found.itertuples()], found["title"], strict=True))
chosen = {
    "q": query,
    "source": state.choose("source", choices["source"], t("trend.source_indicator", lang), titles.get),
}
choices = BY_PATH["selaa"].choices(state.params(), data)  # the areas this indicator has
entry = found.iloc[list(titles).index(chosen["source"])]
rows = data.source_series(entry["dataset"], entry["indicator"])
region_names = dict(zip(rows["region"], rows[f"region_{lang}"], strict=False))
chosen["areas"] = choices["areas"].pick(state.params().get("areas"))
if rows["period"].nunique() > 1:
    chosen["areas"] = state.choose("areas", choices["areas"], t("trend.choose_region", lang), region_names.get)
[chart] = cache.view(data, "selaa", chosen, lang)
widgets.demo_banner(chart.is_demo, lang)
refreshed = indicator_line(data, entry["dataset"], entry["indicator"], lang)
if refreshed is not None:  # where an analyst checks one indicator: its own last refresh, failed or not
    widgets.refreshed(refreshed)
widgets.chart(chart.figure, chart.summary, source_table(chart.data, lang), lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data, lang, [chart])
