"""Investointi: one investment in one area on one screen: its national indicator, lights, progress, budget."""

import streamlit as st

from charts.finance import finance_figure, finance_table
from charts.headline import headline_figure
from charts.report_summaries import dimension_name, finance_summary, history_summary, investment_name
from charts.summaries import headline_summary
from charts.tables import series_table
from charts.traffic_lights import grid_table, legend_lines, traffic_light_figure
from i18n import fmt, t
from metrics.headline import headline
from metrics.reports import DIMENSIONS, INVESTMENTS, grid_cells, history, progress_comparison, spending
from ui import cache, state, widgets

NATIONAL = "358"

lang = state.language()
version = cache.store_version()
st.title(t("investment_page.title", lang))
st.write(t("investment_page.intro", lang))

regions = cache.regions(version)
areas = regions[regions["is_rrp_area"]]
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
left, right = st.columns(2)
area = state.select(
    t("reports.area", lang),
    areas["region_code"].tolist(),
    "area",
    "18",
    format_func=lambda c: names.get(c, c),
    where=left,
)
reports = cache.status_reports(version, INVESTMENTS)
offered = [c for c in INVESTMENTS if c in set(reports[reports["region_code"] == area]["investment"])] or ["P4I1"]
investment = state.select(
    t("reports.investment", lang),
    offered,
    "investment",
    offered[0],
    format_func=lambda c: investment_name(c, lang),
    where=right,
)
subject = f"{names.get(area, area)}, {investment_name(investment, lang)}"
progress = cache.progress(version)
mine = progress[(progress["region_code"] == area) & (progress["investment"] == investment)]
lights = grid_cells(history(reports), "dimension", "period", region_code=area, investment=investment)
spend = spending(cache.budgets(version, area).query("investment == @investment"))
widgets.demo_banner(bool(lights["is_demo"].any() or mine["is_demo"].any() or spend["is_demo"].any()), lang)

st.subheader(t("investment_page.indicator", lang))
indicators = cache.indicators(version)
linked = indicators[(indicators["investment"] == investment) & indicators["is_headline"]]
if linked.empty:
    st.info(t("investment_page.no_indicator", lang))
for row in linked.itertuples():
    actuals = cache.series(version, row.indicator_code, (NATIONAL,))
    targets = cache.targets(version, row.indicator_code)
    head = headline(actuals, targets[targets["region_code"] == NATIONAL])
    name = getattr(row, f"short_{lang}")
    widgets.chart(
        headline_figure(actuals, head, lang),
        headline_summary(name, head, lang),
        series_table(actuals, lang),
        lang,
        key=f"indicator-{row.indicator_code}",
    )

st.subheader(t("investment_page.lights", lang))
periods = cache.status_periods(version)
rows = [(d, dimension_name(d, lang)) for d in DIMENSIONS]
cols = [(p, fmt.period(p, lang)) for p in periods]
widgets.chart(
    traffic_light_figure(lights, rows, cols, lang),
    history_summary(lights, subject, periods, lang),
    grid_table(lights, rows, cols, t("reports.dimension", lang), lang),
    lang,
    key="investment-lights",
)
st.caption(" · ".join(legend_lines(lang)) + " — " + t("lights.changed", lang))

st.subheader(t("investment_page.progress", lang))
if mine.empty:
    st.info(t("investment_page.no_progress", lang))
else:
    latest = max(mine["period"])
    now = progress_comparison(mine, latest).iloc[0]
    first, second = st.columns(2)
    first.metric(
        f"{t('progress.percent', lang)} {fmt.period(latest, lang)}",
        fmt.percent(now["percent"], lang),
        delta=fmt.points(now["change"], lang) if now["change"] == now["change"] else None,
    )
    second.metric(t("progress.elapsed", lang), fmt.percent(now["elapsed"], lang))
    st.dataframe(
        {
            t("reports.period", lang): [fmt.period(p, lang) for p in mine["period"]],
            t("progress.percent", lang): [fmt.percent(v, lang) for v in mine["percent"]],
            t("reports.source", lang): mine["source"].tolist(),
        },
        hide_index=True,
    )

st.subheader(t("investment_page.budget", lang))
if spend.empty:
    st.info(t("investment_page.no_budget", lang))
else:
    widgets.chart(
        finance_figure(spend, lang),
        finance_summary(spend, subject, lang),
        finance_table(spend, lang),
        lang,
        key="investment-budget",
    )
