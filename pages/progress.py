"""Edistyminen: progress % per area for one investment, against the previous quarter and elapsed project time."""

import streamlit as st

from charts.report_summaries import investment_name
from i18n import fmt, t
from ui import cache, state, widgets
from views.money import progress_choices, progress_view

lang = state.language()
data = cache.CachedData()
st.title(t("progress.title", lang))
st.write(t("progress.intro", lang))

investments, periods = progress_choices(data)
if not investments:
    st.info(t("reports.none", lang))
    st.stop()

left, right = st.columns(2)
investment = state.select(
    t("reports.investment", lang),
    investments,
    "investment",
    investments[0],
    format_func=lambda c: investment_name(c, lang),
    where=left,
)
period = state.select(
    t("reports.period", lang), periods, "period", periods[0], format_func=lambda p: fmt.period(p, lang), where=right
)

shown = progress_view(data, lang, investment, period, permalink=state.query_string())
if shown is None:
    st.info(t("reports.none", lang))
    st.stop()
chart, compared = shown.chart, shown.chart.data
widgets.demo_banner(chart.is_demo, lang)

first, second, third = st.columns(3)
first.metric(t("progress.median_percent", lang), fmt.percent(compared["percent"].median(), lang))
change = compared["change"].dropna()
second.metric(t("progress.median_change", lang), fmt.points(change.median() if len(change) else None, lang))
third.metric(t("progress.elapsed", lang), fmt.percent(compared["elapsed"].iloc[0], lang))

widgets.chart(chart.figure, chart.summary, shown.table, lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
