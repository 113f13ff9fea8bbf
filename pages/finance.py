"""Talous: budget against realised cost per cost centre and work package, and the spending pace."""

import streamlit as st

from charts.finance import finance_figure, finance_table
from charts.report_summaries import finance_summary
from i18n import fmt, t
from metrics.reports import spending, utilisation
from ui import cache, state, widgets

PREFERRED_AREA = "18"  # Keski-Pohjanmaa: the documents give its realised costs (000)

lang = state.language()
version = cache.store_version()
st.title(t("finance.title", lang))
st.write(t("finance.intro", lang))

areas = cache.budget_areas(version)
if not areas:
    st.info(t("reports.none", lang))
    st.stop()
regions = cache.regions(version)
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
area = state.select(
    t("finance.area", lang),
    areas,
    "area",
    PREFERRED_AREA if PREFERRED_AREA in areas else areas[0],
    format_func=lambda c: names.get(c, c),
)

spend = spending(cache.budgets(version, area))
widgets.demo_banner(bool(spend["is_demo"].any()), lang)
st.caption(f"{t('finance.project', lang)}: {', '.join(spend['project'].unique())}")

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

widgets.chart(
    finance_figure(spend, lang),
    finance_summary(spend, names.get(area, area), lang),
    finance_table(spend, lang),
    lang,
    key="finance",
)
