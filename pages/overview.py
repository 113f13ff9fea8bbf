"""Yleiskuva: the three national headline indicators against their Q4/2025 targets."""

import streamlit as st

from charts.headline import headline_figure
from charts.summaries import headline_summary
from charts.tables import series_table
from i18n import fmt, t
from metrics.headline import headline
from ui import cache, state, widgets

NATIONAL = "358"

lang = state.language()
version = cache.store_version()
indicators = cache.indicators(version)
headlines = indicators[indicators["is_headline"]]

st.title(t("overview.title", lang))
st.write(t("overview.intro", lang))

shown = [(row, cache.series(version, row.indicator_code, (NATIONAL,))) for row in headlines.itertuples()]
widgets.demo_banner(any(actuals["is_demo"].any() for _, actuals in shown), lang)

for column, (row, actuals) in zip(st.columns(len(shown)), shown, strict=True):
    targets = cache.targets(version, row.indicator_code)
    head = headline(actuals, targets[targets["region_code"] == NATIONAL])
    name = getattr(row, f"short_{lang}")
    with column, st.container(border=True):
        st.subheader(name)
        latest = head.latest
        st.metric(
            f"{t('overview.latest', lang)} {fmt.period(latest.period, lang)}" if latest else t("overview.latest", lang),
            fmt.percent(latest.value, lang) if latest else t("overview.no_actual", lang),
            delta=f"{fmt.points(head.change, lang)} {t('overview.change', lang).lower()}"
            if head.change is not None
            else None,
        )
        if head.baseline and head.target:
            st.markdown(
                f"{t('overview.baseline', lang)} **{fmt.percent(head.baseline.value, lang)}** "
                f"({fmt.period(head.baseline.period, lang)}) · {t('overview.target', lang)} "
                f"**{fmt.percent(head.target.value, lang)}** ({fmt.period(head.target.period, lang)})"
            )
        if head.other_targets:
            others = ", ".join(f"{fmt.percent(o.value, lang)} ({o.source_doc})" for o in head.other_targets)
            st.caption(t("overview.other_targets", lang, targets=others))
        widgets.chart(
            headline_figure(actuals, head, lang),
            headline_summary(name, head, lang),
            series_table(actuals, lang),
            lang,
            key=f"headline-{row.indicator_code}",
        )

widgets.source_footer(cache.ingests(version)["loaded_at"].max(), lang)
