"""Raportointi: which areas have not reported which quarter or dimension, and each area's last report."""

import streamlit as st

from charts.traffic_lights import completeness_legend
from i18n import fmt, t
from ui import cache, state, widgets
from views.changes import missing_view
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("reporting.title", lang))
st.write(t("reporting.intro", lang))

choices = BY_PATH["raportointi"].choices(state.params(), data)
if not choices["period"].options:
    st.info(t("reports.none", lang))
    st.stop()
period = state.choose("period", choices["period"], t("reports.period", lang), lambda p: fmt.period(p, lang))
shown = cache.view(data, "raportointi", {"period": period}, lang)
chart = shown.chart
widgets.demo_banner(chart.is_demo, lang)
widgets.status_grid(chart.native, chart.summary, key=chart.key)  # the picture is for exports
st.caption(completeness_legend(lang))
widgets.export_buttons(chart, key=chart.key)
st.subheader(f"{t('reporting.missing_cells', lang)} {fmt.period(period, lang)}")
st.dataframe(missing_view(data, lang, period), hide_index=True)
