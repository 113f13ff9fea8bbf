"""Liikennevalot: one quarter's lights as a grid, or one light's history; shapes and words as well as colours."""

import streamlit as st

from charts.report_summaries import (
    dimension_name,
    grid_summary,
    history_summary,
    investment_name,
    streak_lines,
)
from charts.traffic_lights import grid_table, legend_lines, traffic_light_figure
from i18n import fmt, t
from metrics.reports import DIMENSIONS, INVESTMENTS, expected_investments, grid_cells, history
from ui import cache, state, widgets

lang = state.language()
version = cache.store_version()
st.title(t("lights.title", lang))
st.write(t("lights.intro", lang))

periods = cache.status_periods(version)
investments = [code for code in INVESTMENTS if code in cache.status_investments(version)]
if not periods:
    st.info(t("reports.none", lang))
    st.stop()
regions = cache.regions(version)
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
reports = cache.status_reports(version, tuple(investments))
marked = history(reports)
expected = expected_investments(reports)

mode = state.radio(
    t("lights.mode", lang), ["grid", "history"], "mode", "grid", format_func=lambda m: t(f"lights.mode_{m}", lang)
)
left, middle, right = st.columns(3)
by = "dimension"
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

if mode == "grid" and by == "dimension":
    cells = grid_cells(marked, "region_code", "dimension", period=period, investment=investment)
    areas = expected[expected["investment"] == investment]["region_code"]
    cols = [(d, dimension_name(d, lang)) for d in DIMENSIONS]
    subject = investment_name(investment, lang)
elif mode == "grid":
    cells = grid_cells(marked, "region_code", "investment", period=period, dimension=dimension)
    areas = expected["region_code"].drop_duplicates()
    cols = [(c, c) for c in investments]
    subject = dimension_name(dimension, lang)
else:
    cells = grid_cells(marked, "region_code", "period", investment=investment, dimension=dimension)
    areas = expected[expected["investment"] == investment]["region_code"]
    cols = [(p, fmt.period(p, lang)) for p in periods]
    subject = f"{investment_name(investment, lang)}, {dimension_name(dimension, lang)}"
rows = sorted(((a, names.get(a, a)) for a in areas), key=lambda r: r[1])
# An area outside an investment (pillar 3 is not everywhere) is blank, not "missing".
blank = {
    (a, c)
    for a, _ in rows
    for c, _ in cols
    if mode == "grid"
    and by == "investment"
    and not ((expected["region_code"] == a) & (expected["investment"] == c)).any()
}

widgets.demo_banner(bool(cells["is_demo"].any()), lang)
fig = traffic_light_figure(cells, rows, cols, lang, blank=blank)
if mode == "history":
    summary = history_summary(cells, subject, periods, lang)
else:
    summary = grid_summary(cells, len(rows) * len(cols) - len(blank), subject, period, lang)
widgets.chart(
    fig, summary, grid_table(cells, rows, cols, t("reports.area", lang), lang, blank=blank), lang, key=f"lights-{mode}"
)
st.caption(f"{t('lights.legend', lang)}: " + " · ".join(legend_lines(lang)))
st.caption(t("lights.changed", lang))
if mode == "history":
    st.subheader(t("lights.streaks", lang))
    lines = streak_lines(cells.rename(columns={"row": "region_code", "col": "period"}), names, periods[-1], lang)
    st.markdown("\n".join(f"- {line}" for line in lines) or t("lights.no_streaks", lang))
