"""Liikennevalot: one quarter's lights as a grid, or one light's history; shapes and words as well as colours."""

import streamlit as st

from charts.report_summaries import dimension_name, investment_name, streak_lines
from charts.traffic_lights import legend_lines
from i18n import fmt, t
from ui import cache, state, widgets
from views.choices import resolve
from views.pages import BY_PATH
from views.reports import names

lang = state.language()
data = cache.reader(state.as_of())
st.title(t("lights.title", lang))
st.write(t("lights.intro", lang))

if not data.status_periods():
    st.info(t("reports.none", lang))
    st.stop()
choices = BY_PATH["liikennevalot"].choices(state.params(), data)
chosen = resolve(choices, state.params())
chosen["mode"] = mode = state.choose(
    "mode", choices["mode"], t("lights.mode", lang), lambda m: t(f"lights.mode_{m}", lang), widget="radio"
)
left, middle, right = st.columns(3)
by = "dimension"
if mode == "grid":
    chosen["by"] = by = state.choose(
        "by", choices["by"], t("lights.by", lang), lambda b: t(f"lights.by_{b}", lang), where=left
    )
    chosen["period"] = state.choose(
        "period", choices["period"], t("reports.period", lang), lambda p: fmt.period(p, lang), where=right
    )
if mode == "history" or by == "dimension":
    chosen["investment"] = state.choose(
        "investment",
        choices["investment"],
        t("reports.investment", lang),
        lambda c: investment_name(c, lang),
        where=middle,
    )
if mode == "history" or by == "investment":
    chosen["dimension"] = state.choose(
        "dimension", choices["dimension"], t("reports.dimension", lang), lambda d: dimension_name(d, lang),
        where=right if mode == "history" else middle,
    )  # fmt: skip

shown = cache.view(data, "liikennevalot", chosen, lang)
chart = shown.chart
widgets.demo_banner(chart.is_demo, lang)
widgets.status_grid(chart.native, chart.summary, key=chart.key)  # the picture is for exports
widgets.export_buttons(chart, key=chart.key)
st.caption(f"{t('lights.legend', lang)}: " + " · ".join(legend_lines(lang)))
st.caption(t("lights.changed", lang))
if mode == "history":
    st.subheader(t("lights.streaks", lang))
    lines = streak_lines(chart.data, names(data, lang), data.status_periods()[-1], lang)
    st.markdown("\n".join(f"- {widgets.plain(line)}" for line in lines) or t("lights.no_streaks", lang))
