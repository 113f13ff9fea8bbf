"""Edistyminen: progress % per area for one investment, against the previous quarter and elapsed project time."""

import streamlit as st

from charts.progress import progress_figure, progress_table
from charts.report_summaries import investment_name, progress_summary
from i18n import fmt, t
from metrics.periods import sort_key
from metrics.reports import INVESTMENTS, progress_comparison
from ui import cache, state, widgets

lang = state.language()
version = cache.store_version()
st.title(t("progress.title", lang))
st.write(t("progress.intro", lang))

progress = cache.progress(version)
if progress.empty:
    st.info(t("reports.none", lang))
    st.stop()
regions = cache.regions(version)
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
investments = [code for code in INVESTMENTS if code in set(progress["investment"])]
periods = sorted(set(progress["period"]), key=sort_key, reverse=True)

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

compared = progress_comparison(progress[progress["investment"] == investment], period)
if compared.empty:
    st.info(t("reports.none", lang))
    st.stop()
widgets.demo_banner(bool(compared["is_demo"].any() or compared["previous_is_demo"].any()), lang)

first, second, third = st.columns(3)
first.metric(t("progress.median_percent", lang), fmt.percent(compared["percent"].median(), lang))
change = compared["change"].dropna()
second.metric(t("progress.median_change", lang), fmt.points(change.median() if len(change) else None, lang))
third.metric(t("progress.elapsed", lang), fmt.percent(compared["elapsed"].iloc[0], lang))

widgets.chart(
    progress_figure(compared, names, period, lang),
    progress_summary(compared, investment, period, lang),
    progress_table(compared, names, lang),
    lang,
    key="progress",
)
