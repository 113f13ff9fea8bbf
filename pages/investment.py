"""Investointi: one investment in one area on one screen: its national indicator, lights, progress, budget."""

import streamlit as st

from charts.report_summaries import investment_name
from charts.traffic_lights import legend_lines
from domain.documents import cite
from i18n import fmt, t
from metrics.reports import progress_comparison
from ui import cache, state, widgets
from views.pages import BY_PATH
from views.reports import names

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("investment_page.title", lang))
st.write(t("investment_page.intro", lang))

area_names = names(data, lang)
left, right = st.columns(2)
choices = BY_PATH["investointi"].choices(state.params(), data)
area = state.choose("area", choices["area"], t("reports.area", lang), lambda c: area_names.get(c, c), where=left)
choices = BY_PATH["investointi"].choices(state.params(), data)  # the investments this area reports
investment = state.choose(
    "investment", choices["investment"], t("reports.investment", lang), lambda c: investment_name(c, lang), where=right
)
view = cache.view(data, "investointi", {"area": area, "investment": investment}, lang)
mine = view.progress
widgets.demo_banner(
    view.lights.chart.is_demo or bool(mine["is_demo"].any()) or bool(view.budget and view.budget.chart.is_demo), lang
)

st.subheader(t("investment_page.indicator", lang))
if not view.cards:
    st.info(t("investment_page.no_indicator", lang))
for card in view.cards:
    widgets.chart(card.chart.figure, card.chart.summary, card.table, lang, key=card.chart.key)
    widgets.export_buttons(card.chart, key=card.chart.key)

st.subheader(t("investment_page.lights", lang))
lights = view.lights.chart
widgets.status_grid(lights.native, lights.summary, key=lights.key)  # the picture is for exports
widgets.export_buttons(lights, key=lights.key)
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
            t("reports.source", lang): [cite(s, lang) for s in mine["source"]],
        },
        hide_index=True,
    )

st.subheader(t("investment_page.budget", lang))
if view.budget is None:
    st.info(t("investment_page.no_budget", lang))
else:
    budget = view.budget.chart
    widgets.chart(budget.figure, budget.summary, view.budget.table, lang, key=budget.key)
    widgets.export_buttons(budget, key=budget.key)
widgets.source_footer(data, lang, view.charts)
