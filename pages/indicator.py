"""Indikaattori: did the chosen areas reach their passed targets, and will they reach the next one?

Trajectory with milestones (passed targets and their outcomes), path and projection to the target ahead,
and the indicator's related real measures beside it.
"""

import streamlit as st

from charts.tables import observations_table, plain
from i18n import t
from ui import cache, state, widgets
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())
regions = data.regions()
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
short = dict(zip(data.indicators()["indicator_code"], data.indicators()[f"short_{lang}"], strict=True))
choices = BY_PATH["indikaattori"].choices(state.params(), data)

st.title(t("nav.indicator", lang))
left, right = st.columns([2, 1])
code = state.choose("indicator", choices["indicator"], t("trend.indicator", lang), short.get, where=left)
mode = state.choose(
    "mode", choices["mode"], t("trend.mode", lang), lambda m: t(f"trend.mode_{m}", lang), where=right, widget="radio"
)
chosen = {"indicator": code, "mode": mode, "regions": choices["regions"].pick(state.params().get("regions"))}
if mode == "single":
    chosen["regions"] = state.choose("regions", choices["regions"], t("trend.choose_region", lang), names.get)
    st.caption(t("trend.national_reference", lang))
charts = cache.view(data, "indikaattori", chosen, lang)
if not charts:
    st.info(t("trend.no_goal", lang))
    st.stop()
chart, *related = charts
widgets.demo_banner(chart.is_demo, lang)
widgets.chart(chart.figure, chart.summary, observations_table(chart.data, names, lang), lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
st.caption(t("milestone.path_note", lang))
for other in related:  # a real measure beside the programme's: its own chart and caveat, never its verdict
    with st.container(border=True):
        st.subheader(widgets.plain(other.title), anchor=False)  # the title names data
        st.info(" ".join(plain(c) for c in other.caveats), icon=":material/info:")
        widgets.chart(other.figure, other.summary, observations_table(other.data, names, lang), lang, key=other.key)
        widgets.export_buttons(other, key=other.key)
widgets.source_footer(data, lang, charts)
