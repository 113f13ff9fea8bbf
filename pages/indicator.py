"""Indikaattori: will the chosen areas reach the Q4/2025 target? Trajectory, projection and verdict."""

import streamlit as st

from charts.tables import observations_table
from i18n import t
from ui import cache, state, widgets

lang = state.language()
data = cache.CachedData()
indicators = data.indicators()
regions = data.regions()
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
with_goals = [c for c in indicators["indicator_code"] if not data.targets(c).empty]
short = dict(zip(indicators["indicator_code"], indicators[f"short_{lang}"], strict=True))

st.title(t("nav.indicator", lang))
left, right = st.columns([2, 1])
code = state.select(t("trend.indicator", lang), with_goals, "indicator", with_goals[0], short.get, where=left)
mode = state.radio(
    t("trend.mode", lang), ["single", "multiples"], "mode", "single", lambda m: t(f"trend.mode_{m}", lang), where=right
)
tr = cache.trajectories(data.version, code, lang)
if tr.goal is None:
    st.info(t("trend.no_goal", lang))
    st.stop()

if mode == "single":
    areas = list(regions.loc[regions["is_rrp_area"], "region_code"])
    chosen = state.multiselect(t("trend.choose_region", lang), areas, "regions", ["18"], names.get)
    st.caption(t("trend.national_reference", lang))
    chart = cache.trajectory_chart(data.version, code, tuple(chosen), lang, state.query_string())
else:
    chart = cache.multiples_chart(data.version, code, lang, state.query_string())
widgets.demo_banner(chart.is_demo, lang)
widgets.chart(chart.figure, chart.summary, observations_table(chart.data, names, lang), lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
st.caption(t("trend.path_note", lang))
widgets.source_footer(data.ingests()["loaded_at"].max(), lang)
