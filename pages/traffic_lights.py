"""Liikennevalot: one quarter's lights as a grid, or one light's history; shapes and words as well as colours."""

import streamlit as st

from charts.report_summaries import dimension_name, investment_name, streak_lines
from charts.traffic_lights import legend_lines
from domain.programme import DIMENSIONS
from i18n import fmt, t
from ui import cache, state, widgets
from views.reports import light_choices, lights_view, names

lang = state.language()
data = cache.CachedData()
st.title(t("lights.title", lang))
st.write(t("lights.intro", lang))

choices = light_choices(data)
periods, investments = choices.periods, choices.investments
if not periods:
    st.info(t("reports.none", lang))
    st.stop()

mode = state.radio(
    t("lights.mode", lang), ["grid", "history"], "mode", "grid", format_func=lambda m: t(f"lights.mode_{m}", lang)
)
left, middle, right = st.columns(3)
by, period, investment, dimension = "dimension", "", "", ""
if mode == "grid":
    by = state.select(
        t("lights.by", lang),
        ["dimension", "investment"],
        "by",
        "dimension",
        format_func=lambda b: t(f"lights.by_{b}", lang),
        where=left,
    )
    period = state.select(
        t("reports.period", lang),
        periods[::-1],
        "period",
        periods[-1],
        format_func=lambda p: fmt.period(p, lang),
        where=right,
    )
if mode == "history" or by == "dimension":
    investment = state.select(
        t("reports.investment", lang),
        investments,
        "investment",
        investments[0],
        format_func=lambda c: investment_name(c, lang),
        where=middle,
    )
if mode == "history" or by == "investment":
    dimension = state.select(
        t("reports.dimension", lang),
        list(DIMENSIONS),
        "dimension",
        DIMENSIONS[0],
        format_func=lambda d: dimension_name(d, lang),
        where=right if mode == "history" else middle,
    )

shown = lights_view(
    data, lang, mode=mode, by=by, period=period, investment=investment, dimension=dimension,
    permalink=state.query_string(),
)  # fmt: skip
chart = shown.chart
widgets.demo_banner(chart.is_demo, lang)
widgets.chart(chart.figure, chart.summary, shown.table, lang, key=chart.key)
widgets.export_buttons(chart, key=chart.key)
st.caption(f"{t('lights.legend', lang)}: " + " · ".join(legend_lines(lang)))
st.caption(t("lights.changed", lang))
if mode == "history":
    st.subheader(t("lights.streaks", lang))
    lines = streak_lines(chart.data, names(data, lang), periods[-1], lang)
    st.markdown("\n".join(f"- {line}" for line in lines) or t("lights.no_streaks", lang))
