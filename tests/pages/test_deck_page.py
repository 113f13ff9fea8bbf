"""Esitys in Streamlit's AppTest: an empty basket says how to fill it; a filled one offers the deck."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from config import ROOT
from exports.basket import Item
from ui.widgets import BASKET


def page(**state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "deck.py"), default_timeout=30)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def test_an_empty_basket_says_how_to_add_charts(app_reads: Path) -> None:
    at = page()
    assert not at.exception
    assert "Lisää esitykseen" in at.info[0].value
    assert not at.get("download_button")


def test_a_basket_lists_its_charts_and_offers_the_deck(app_reads: Path) -> None:
    items = [Item("yleiskuva?lang=fi", "headline-care_guarantee_7day_share-358"), Item("yleiskuva?lang=fi", "gone")]
    at = page(**{BASKET: items})
    assert not at.exception
    text = " ".join(md.value for md in at.markdown)
    assert "1. Osuus toteutuneista kiireettömän hoidon" in text
    assert any("yleiskuva?lang=fi" in w.value for w in at.warning)  # the chart the view no longer draws
    [download] = at.get("download_button")
    assert download.proto.label == "Lataa PowerPoint" and not download.proto.disabled
    at.button(key="deck:down:0").click().run()
    assert [item.key for item in at.session_state[BASKET]] == ["gone", "headline-care_guarantee_7day_share-358"]
    at.button(key="deck:remove:0").click().run()
    assert len(at.session_state[BASKET]) == 1
