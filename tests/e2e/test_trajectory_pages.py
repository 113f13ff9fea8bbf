"""Trajectory pages in a real browser: drawn, readable, and the view survives reload and page switches."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e


def test_small_multiples_draw(server: str, page: Page) -> None:
    """The single-area view of each page is drawn on its visit in tests/e2e/every_page.py."""
    open_page(page, f"{server}/indikaattori?mode=multiples", shot="indikaattori-pienoiskuvat", charts=1)
    assert page.locator("[data-testid='stPlotlyChart'] g.annotation").count() >= 22  # a titled panel per area


def test_view_state_survives_reload_and_page_switch(server: str, page: Page) -> None:
    open_page(page, f"{server}/indikaattori?indicator=remote_contact_share&regions=18,05", charts=1)
    assert "regions=18%2C05" in page.url or "regions=18,05" in page.url
    page.reload()
    wait_until_drawn(page, charts=1)
    assert page.get_by_text("Varsinais-Suomi").count() >= 1
    # A page switch happens in the page: wait for the address to change, or the old page's charts pass the wait.
    page.get_by_role("link", name="Alue").click()
    page.wait_for_url("**/alue?**")
    wait_until_drawn(page, charts=1)
    page.get_by_role("link", name="Indikaattori").click()
    page.wait_for_url("**/indikaattori?**")
    wait_until_drawn(page, charts=1)
    assert "indicator=remote_contact_share" in page.url
    assert page.get_by_text("Sähköinen etäasiointi").count() >= 1
