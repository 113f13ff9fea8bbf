"""The first page in a real browser: the chart is drawn and the targets are readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


def test_overview_draws_the_charts_with_targets(server: str, page: Page) -> None:
    open_page(page, server, shot="overview", charts=3)
    assert page.locator("[data-testid='stPlotlyChart'] svg.main-svg").count() >= 3
    text = page.inner_text("body").replace("\u00a0", " ")
    assert "Q4/2025" in text and "80 %" in text
    assert "Esimerkkiaineisto" in text


def test_language_switch_keeps_in_the_url(server: str, page: Page) -> None:
    open_page(page, f"{server}/?lang=sv", shot="overview-sv", charts=3)
    text = page.inner_text("body")
    assert "Översikt" in text and "Exempeldata" in text
    assert "lang=sv" in page.url
