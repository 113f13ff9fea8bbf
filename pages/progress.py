"""Edistyminen: progress % per area for one investment, against the previous quarter and elapsed project time."""

import streamlit as st

from charts.report_summaries import investment_name
from i18n import fmt, t
from ui import cache, state, widgets
from views.pages import BY_PATH

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("progress.title", lang))
st.write(t("progress.intro", lang))

choices = BY_PATH["edistyminen"].choices(state.params(), data)
if not choices["investment"].options:
    st.info(t("reports.none", lang))
    st.stop()
left, right = st.columns(2)
chosen = {
    "investment": state.choose(
        "investment",
        choices["investment"],
        t("reports.investment", lang),
        lambda c: investment_name(c, lang),
        where=left,
    ),
    "period": state.choose(
        "period", choices["period"], t("reports.period", lang), lambda p: fmt.period(p, lang), where=right
    ),
}
shown = cache.view(data, "edistyminen", chosen, lang)
if not shown:
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
widgets.source_footer(data, lang, [chart])
