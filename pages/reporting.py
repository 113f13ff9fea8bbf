"""Raportointi: which areas have not reported which quarter or dimension, and each area's last report."""

import streamlit as st

from charts.report_summaries import completeness_summary, missing_table
from charts.traffic_lights import completeness_figure
from i18n import fmt, t
from metrics.reports import INVESTMENTS, completeness, last_reported, missing_cells
from ui import cache, state, widgets

lang = state.language()
version = cache.store_version()
st.title(t("reporting.title", lang))
st.write(t("reporting.intro", lang))

periods = cache.status_periods(version)
if not periods:
    st.info(t("reports.none", lang))
    st.stop()
regions = cache.regions(version)
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
reports = cache.status_reports(version, INVESTMENTS)
widgets.demo_banner(bool(reports["is_demo"].any()), lang)
period = state.select(
    t("reports.period", lang), periods[::-1], "period", periods[-1], format_func=lambda p: fmt.period(p, lang)
)

counts = completeness(reports, periods)
rows = sorted(((a, names.get(a, a)) for a in counts["region_code"].unique()), key=lambda r: r[1])
cols = [(p, fmt.period(p, lang)) for p in periods]
table = counts.assign(text=[f"{r}/{e}" for r, e in zip(counts["reported"], counts["expected"], strict=True)])
widgets.chart(
    completeness_figure(counts, rows, cols, lang),
    completeness_summary(counts, period, lang),
    table.pivot(index="region_code", columns="period", values="text")
    .rename(index=names, columns=lambda p: fmt.period(p, lang))
    .reset_index(names=t("reports.area", lang)),
    lang,
    key="completeness",
)
st.subheader(f"{t('reporting.missing_cells', lang)} {fmt.period(period, lang)}")
last = last_reported(reports)
st.dataframe(missing_table(missing_cells(reports, [period]), last, names, period, lang), hide_index=True)
