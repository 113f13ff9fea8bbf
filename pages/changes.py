"""Muutokset: what changed since the previous quarter, most important first; also the deck's first slide."""

import streamlit as st

from charts.report_summaries import change_line, digest_lines, digest_more, digest_title
from i18n import fmt, t
from metrics.headline import headline
from metrics.reports import INVESTMENTS, digest, indicator_crossing, last_reported
from metrics.trajectory import Goal
from ui import cache, state, widgets

NATIONAL = "358"
FULL_LIST = 10_000

lang = state.language()
version = cache.store_version()
st.title(t("changes.title", lang))

periods = cache.status_periods(version)
if len(periods) < 2:
    st.info(t("reports.none", lang))
    st.stop()
regions = cache.regions(version)
names = dict(zip(regions["region_code"], regions[f"name_{lang}"], strict=True))
period = state.select(
    t("reports.period", lang), periods[:0:-1], "period", periods[-1], format_func=lambda p: fmt.period(p, lang)
)
reports = cache.status_reports(version, INVESTMENTS)
progress = cache.progress(version)

indicators = cache.indicators(version)
headlines = indicators[indicators["is_headline"]]
indicator_names = dict(zip(headlines["indicator_code"], headlines[f"short_{lang}"], strict=True))
crossings = []
for row in headlines.itertuples():
    targets = cache.targets(version, row.indicator_code)
    actuals = cache.series(version, row.indicator_code, (NATIONAL,))
    head = headline(actuals, targets[targets["region_code"] == NATIONAL])
    if head.baseline and head.target:
        goal = Goal(
            row.indicator_code,
            head.baseline.value,
            head.baseline.period,
            head.target.value,
            head.target.period,
            bool(row.higher_is_better),
        )
        crossings += [c for c in [indicator_crossing(goal, actuals, period)] if c]

short = digest(reports, progress, period, crossings)
last = last_reported(reports[reports["period"] <= period])
widgets.demo_banner(bool(reports["is_demo"].any()), lang)
st.subheader(digest_title(period, lang))
lines = digest_lines(short, names, last, lang, indicator_names)
st.markdown(f"**{lines[0]}**\n\n" + "\n".join(f"1. {line}" for line in lines[1:]))
more = digest_more(short, lang)
if more:
    st.write(more)
st.caption(t("changes.path_note", lang))

everything = digest(reports, progress, period, crossings, limit=FULL_LIST)
with st.expander(t("reports.table", lang)):
    st.dataframe(
        {
            t("changes.title", lang): [
                change_line(c, names, lang, period, last.get(c.region_code or "", ""), indicator_names)
                for c in everything.items
            ]
        },
        hide_index=True,
    )
