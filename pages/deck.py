"""Esitys: the charts collected with "Lisää esitykseen", in order, downloaded as one editable PowerPoint deck."""

import streamlit as st

from config import settings
from exports import basket, deck
from i18n import LANGUAGES, t
from ui import cache, state, widgets
from views import registry

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

lang = state.language()
st.title(t("deck.page_title", lang))
st.write(t("deck.intro", lang))
items = [basket.Item(*item) for item in st.session_state.get(widgets.BASKET, [])]
if not items:
    st.info(t("deck.empty", lang))
    st.stop()

deck_lang = st.radio(t("deck.language", lang), LANGUAGES, index=LANGUAGES.index(lang),
                     format_func=widgets.LANGUAGE_NAMES.get, horizontal=True, key="deck:lang")  # fmt: skip
data = cache.reader(state.as_of())
found = registry.charts_for(items, data, deck_lang)  # the store's current values, in the deck's language


def keep(new: list[basket.Item]) -> None:
    st.session_state[widgets.BASKET] = new


for i, (item, chart) in enumerate(zip(items, found, strict=True)):
    text, up, down, remove = st.columns([8, 1, 1, 1], vertical_alignment="center")
    text.markdown(f"**{i + 1}. {widgets.plain(chart.title if chart else item.key)}**  \n{widgets.plain(item.view)}")
    if chart is None:
        text.warning(widgets.plain(t("deck.missing_view", lang, view=item.view)))
    changes = {up: ("up", basket.move(items, i, -1)), down: ("down", basket.move(items, i, 1)),
               remove: ("remove", basket.remove(items, i))}  # fmt: skip
    for column, (name, after) in changes.items():
        column.button(t(f"deck.{name}", lang), key=f"deck:{name}:{i}", on_click=keep, args=(after,), width="stretch")

digest: list[str] = []
if registry.DIGESTS and st.checkbox(t("deck.include_digest", lang), key="deck:digest"):
    digest = next(iter(registry.DIGESTS.values()))(data, deck_lang)
template = st.file_uploader(t("deck.template", lang), type=["pptx"], key="deck:template")
charts = [chart for chart in found if chart is not None]
st.download_button(
    t("deck.download", lang),
    data=lambda: deck.build(charts, deck_lang, digest=digest, template=template.getvalue() if template else None,
                            browser_path=settings().browser_path),
    file_name="rrp-esitys.pptx", mime=PPTX_MIME, type="primary", icon=":material/slideshow:", on_click="ignore",
    disabled=not charts, key="deck:download",
)  # fmt: skip
