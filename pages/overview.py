"""Yleiskuva: the three national headline indicators against their Q4/2025 targets."""

import streamlit as st

from i18n import fmt, t
from ui import cache, state, widgets
from views.pages import BY_PATH
from views.trajectory import ranking_table

lang = state.language()
data = cache.reader()
choices = BY_PATH["yleiskuva"].choices(state.params(), data)
code = choices["indicator"].pick(state.params().get("indicator"))
shown = cache.view(data, "yleiskuva", {"indicator": code}, lang)
cards = shown.cards

st.title(t("overview.title", lang))
st.write(t("overview.intro", lang))
widgets.demo_banner(any(chart.is_demo for chart in shown.charts), lang)

for column, card in zip(st.columns(len(cards)), cards, strict=True):
    head = card.head
    with column, st.container(border=True):
        st.subheader(card.name)
        latest = head.latest
        st.metric(
            f"{t('overview.latest', lang)} {fmt.period(latest.period, lang)}" if latest else t("overview.latest", lang),
            fmt.percent(latest.value, lang) if latest else t("overview.no_actual", lang),
            delta=fmt.points(head.change, lang) if head.change is not None else None,
            help=t("overview.change", lang),
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
        widgets.chart(card.chart.figure, card.chart.summary, card.table, lang, key=card.chart.key)
        widgets.export_buttons(card.chart, key=card.chart.key)

st.header(t("trend.ranking_title", lang))
names = {card.indicator["indicator_code"]: card.name for card in cards}
chosen = state.choose("indicator", choices["indicator"], t("trend.indicator", lang), names.get)
if chosen != code:
    st.rerun()  # the cards above were drawn for the indicator in the URL; draw again with the new one
for chart in shown.comparison:
    widgets.chart(chart.figure, chart.summary, ranking_table(chart.data, lang), lang, key=chart.key)
    widgets.export_buttons(chart, key=chart.key)

widgets.source_footer(data.ingests()["loaded_at"].max(), lang)
