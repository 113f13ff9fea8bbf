"""Muutokset: what changed since the previous quarter, most important first; also the deck's first slide."""

import streamlit as st

from charts.report_summaries import digest_title
from i18n import fmt, t
from ui import cache, state, widgets
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("changes.title", lang))

choices = BY_PATH["muutokset"].choices(state.params(), data)
if not choices["period"].options:
    st.info(t("reports.none", lang))
    st.stop()
period = state.choose("period", choices["period"], t("reports.period", lang), lambda p: fmt.period(p, lang))
shown = cache.view(data, "muutokset", {"period": period}, lang)
changes = shown.changes
widgets.demo_banner(changes.is_demo, lang)
st.subheader(widgets.plain(digest_title(period, lang)))
lines = changes.lines
lines = [widgets.plain(line) for line in lines]  # area names, investments, notes: data
st.markdown(f"**{lines[0]}**\n\n" + "\n".join(f"1. {line}" for line in lines[1:]))
if changes.more:
    st.write(widgets.plain(changes.more))
st.caption(t("changes.path_note", lang))

with st.expander(t("reports.table", lang)):
    st.dataframe({t("changes.title", lang): changes.all_lines}, hide_index=True)
chart = shown.chart
widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data, lang, [chart])
