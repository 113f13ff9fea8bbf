"""Muutokset: what changed since the previous quarter, most important first; also the deck's first slide."""

import streamlit as st

from charts.report_summaries import digest_title
from i18n import fmt, t
from ui import cache, state, widgets
from views.changes import change_periods, changes_chart, changes_view

lang = state.language()
data = cache.CachedData()
st.title(t("changes.title", lang))

periods = change_periods(data)
if not periods:
    st.info(t("reports.none", lang))
    st.stop()
period = state.select(
    t("reports.period", lang), periods, "period", periods[0], format_func=lambda p: fmt.period(p, lang)
)
changes = changes_view(data, lang, period)
widgets.demo_banner(changes.is_demo, lang)
st.subheader(digest_title(period, lang))
lines = changes.lines
st.markdown(f"**{lines[0]}**\n\n" + "\n".join(f"1. {line}" for line in lines[1:]))
if changes.more:
    st.write(changes.more)
st.caption(t("changes.path_note", lang))

with st.expander(t("reports.table", lang)):
    st.dataframe({t("changes.title", lang): changes.all_lines}, hide_index=True)
chart = changes_chart(data, changes, lang, state.query_string())
widgets.export_buttons(chart, key=chart.key)
