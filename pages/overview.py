"""Yleiskuva: the three national headline indicators; after their deadline, did each area reach its target?"""

import streamlit as st

from domain.documents import cite
from i18n import fmt, t
from ui import cache, state, widgets
from views import reckoning
from views.pages import BY_PATH
from views.trajectory import ranking_table

lang = state.language()
data = cache.reader(state.as_of())
choices = BY_PATH["yleiskuva"].choices(state.params(), data)
code = choices["indicator"].pick(state.params().get("indicator"))
shown = cache.view(data, "yleiskuva", {"indicator": code}, lang)
cards, passed = shown.cards, shown.reckonings

st.title(t("overview.title", lang))
st.write(t("overview.intro", lang))
widgets.demo_banner(any(chart.is_demo for chart in shown.charts), lang)

for column, card in zip(widgets.card_row(len(cards)), cards, strict=True):
    head, found = card.head, passed.get(card.indicator["indicator_code"])
    with column:
        widgets.card_title(card.name)
        latest = head.latest
        st.metric(
            f"{t('overview.latest', lang)} {fmt.period(latest.period, lang)}" if latest else t("overview.latest", lang),
            fmt.percent(latest.value, lang) if latest else t("overview.no_actual", lang),
            delta=fmt.points(head.change, lang) if head.change is not None else None,
            help=t("overview.change", lang),
        )
        if found is not None and not found.stories.empty:  # the whole country's outcome in words, next to the number
            country = found.stories.iloc[0]
            st.markdown(f"**{widgets.plain(country['deadline_label'])} · {widgets.plain(country['since_label'])}**")
            st.caption(widgets.plain(t("reckoning.national_card", lang, sentence=country["sentence"])))
        if head.baseline and head.target:
            st.markdown(
                f"{t('overview.baseline', lang)} **{fmt.percent(head.baseline.value, lang)}** "
                f"({fmt.period(head.baseline.period, lang)}) · {t('overview.target', lang)} "
                f"**{fmt.percent(head.target.value, lang)}** ({fmt.period(head.target.period, lang)})"
            )
        if head.other_targets:
            others = ", ".join(f"{fmt.percent(o.value, lang)} ({cite(o.source_doc, lang)})" for o in head.other_targets)
            st.caption(widgets.plain(t("overview.other_targets", lang, targets=others)))
        widgets.chart(card.chart.figure, card.chart.summary, card.table, lang, key=card.chart.key)
        widgets.export_buttons(card.chart, key=card.chart.key)

names = {card.indicator["indicator_code"]: card.name for card in cards}
found = passed.get(code)
st.header(t("reckoning.title" if found else "trend.ranking_title", lang))
if found:
    st.write(t("reckoning.intro", lang, period=fmt.period(found.target_period, lang)))
chosen = state.choose("indicator", choices["indicator"], t("trend.indicator", lang), names.get)
if chosen != code:
    st.rerun()  # the section below was built for the indicator in the URL; build it for the new one
for chart in shown.comparison:
    twin = reckoning.table(found.stories, lang) if found else ranking_table(chart.data, lang)
    widgets.chart(chart.figure, chart.summary, twin, lang, key=chart.key)
    widgets.export_buttons(chart, key=chart.key)

widgets.source_footer(data, lang, shown.charts)
