"""Alue: one area's indicators, against its own scheduled targets where the documents give them."""

import streamlit as st

from charts.tables import observations_table, plain
from i18n import t
from ui import cache, state, widgets
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())
regions = data.regions()
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
choices = BY_PATH["alue"].choices(state.params(), data)

st.title(t("trend.region_title", lang))
st.write(t("trend.region_intro", lang))
region = state.choose("region", choices["region"], t("trend.region", lang), names.get)
charts = cache.view(data, "alue", {"region": region}, lang)
widgets.demo_banner(any(chart.is_demo for chart in charts), lang)
for card, chart in zip(widgets.chart_pairs(len(charts)), charts, strict=True):  # a related measure beside its indicator
    with card:
        st.subheader(widgets.plain(chart.title), anchor=False)  # no link made from the title
        if "related_to" in chart.extra:  # a related real measure: its caveat first, in the reader's language
            st.info(" ".join(plain(c) for c in chart.caveats), icon=":material/info:")
        widgets.chart(chart.figure, chart.summary, observations_table(chart.data, names, lang), lang, key=chart.key)
        widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data, lang, charts)
