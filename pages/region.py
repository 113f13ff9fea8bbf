"""Alue: one area's indicators, against its own scheduled targets where the documents give them."""

import streamlit as st

from charts.tables import observations_table
from i18n import t
from ui import cache, state, widgets
from views.region import region_charts

lang = state.language()
data = cache.CachedData()
regions = data.regions()
areas = list(regions.loc[regions["is_rrp_area"], "region_code"])
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))

st.title(t("trend.region_title", lang))
st.write(t("trend.region_intro", lang))
region = state.select(t("trend.region", lang), areas, "region", "18", names.get)
charts = region_charts(data, region, lang, permalink=state.query_string())
widgets.demo_banner(any(chart.is_demo for chart in charts), lang)
for left, right in zip(charts[::2], [*charts[1::2], None], strict=True):
    for column, chart in zip(st.columns(2), (left, right), strict=True):
        if chart is None:
            continue
        with column, st.container(border=True):
            st.subheader(chart.title)
            widgets.chart(chart.figure, chart.summary, observations_table(chart.data, names, lang), lang, key=chart.key)
            widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data.ingests()["loaded_at"].max(), lang)
