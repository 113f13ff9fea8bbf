"""Raportointi: which areas have not reported which quarter or dimension, and each area's last report."""

import streamlit as st

from i18n import fmt, t
from ui import cache, state, widgets
from views.changes import completeness_view, missing_view

lang = state.language()
data = cache.CachedData()
st.title(t("reporting.title", lang))
st.write(t("reporting.intro", lang))

periods = data.status_periods()
if not periods:
    st.info(t("reports.none", lang))
    st.stop()
period = state.select(
    t("reports.period", lang), periods[::-1], "period", periods[-1], format_func=lambda p: fmt.period(p, lang)
)
shown = completeness_view(data, lang, period, permalink=state.query_string())
chart = shown.chart
widgets.demo_banner(chart.is_demo, lang)
widgets.chart(chart.figure, chart.summary, shown.table, lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
st.subheader(f"{t('reporting.missing_cells', lang)} {fmt.period(period, lang)}")
st.dataframe(missing_view(data, lang, period), hide_index=True)
