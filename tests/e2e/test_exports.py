"""In a real browser: add a chart to the presentation on Yleiskuva, download the deck on Esitys, open it."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pptx import Presentation

from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e


def test_a_chart_added_on_the_overview_comes_out_in_the_deck(server: str, page: Page) -> None:
    open_page(page, server, charts=3)
    page.get_by_role("button", name="Lisää esitykseen").first.click()
    wait_until_drawn(page)
    # Same session: navigate inside the app, as a user would, so the basket in session_state stays.
    page.get_by_role("link", name="Esitys").click()
    page.wait_for_selector("text=Lataa PowerPoint", timeout=60_000)
    wait_until_drawn(page)
    assert "1. Osuus toteutuneista" in page.inner_text("body")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Lataa PowerPoint").click()
    deck = Presentation(io.BytesIO(download.value.path().read_bytes()))
    assert len(deck.slides) == 2
    assert any(shape.has_chart for shape in deck.slides[1].shapes)
    footer = next(s for s in deck.slides[1].shapes if s.name == "Footer")
    assert "Näkymä: Yleiskuva" in footer.text_frame.text  # the view in words, its address as the link
    links = [run.hyperlink.address for p in footer.text_frame.paragraphs for run in p.runs if run.hyperlink.address]
    assert len(links) == 1 and "lang=fi" in links[0]
