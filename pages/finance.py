"""Talous: budget against realised cost per cost centre and work package, and the spending pace."""

import streamlit as st

from i18n import fmt, t
from metrics.reports import utilisation
from ui import cache, state, widgets
from views.pages import BY_PATH
from views.reports import names

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("finance.title", lang))
st.write(t("finance.intro", lang))

choices = BY_PATH["talous"].choices(state.params(), data)
if not choices["area"].options:
    st.info(t("reports.none", lang))
    st.stop()
area_names = names(data, lang)
area = state.choose("area", choices["area"], t("finance.area", lang), lambda c: area_names.get(c, c))
shown = cache.view(data, "talous", {"area": area}, lang)
chart, spend = shown.chart, shown.chart.data
widgets.demo_banner(chart.is_demo, lang)
st.caption(f"{t('finance.project', lang)}: {widgets.plain(', '.join(spend['project'].unique()))}")

known = spend.dropna(subset=["realised_eur"])
budget, realised = spend["budget_eur"].sum(), known["realised_eur"].sum()
first, second, third, fourth = st.columns(4)
first.metric(t("finance.budget", lang), fmt.euros(budget, lang))
if known.empty:
    st.info(t("finance.no_realised", lang))
else:
    as_of = t("finance.as_of", lang, period=fmt.period(known["period"].iloc[0], lang))
    second.metric(f"{t('finance.realised', lang)} ({as_of})", fmt.euros(realised, lang))
    third.metric(t("finance.utilisation", lang), fmt.percent(utilisation(known["budget_eur"].sum(), realised), lang, 1))
    fourth.metric(t("finance.elapsed", lang), fmt.percent(known["elapsed"].iloc[0], lang))

widgets.chart(chart.figure, chart.summary, shown.table, lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
widgets.source_footer(data, lang, [chart])
