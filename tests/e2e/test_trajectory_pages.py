"""Trajectory pages in a real browser: drawn, readable, and the view survives reload and page switches."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "shot", "charts"),
    [
        ("/indikaattori?indicator=care_guarantee_7day_share&regions=18", "indikaattori", 1),
        ("/indikaattori?mode=multiples", "indikaattori-pienoiskuvat", 1),
        ("/alue?region=18", "alue", 4),
        ("/selaa", "selaa", 1),
    ],
)
def test_page_draws(server: str, page: Page, path: str, shot: str, charts: int) -> None:
    open_page(page, server + path, shot=shot, charts=charts)


def test_view_state_survives_reload_and_page_switch(server: str, page: Page) -> None:
    open_page(page, f"{server}/indikaattori?indicator=remote_contact_share&regions=18,05", charts=1)
    assert "regions=18%2C05" in page.url or "regions=18,05" in page.url
    page.reload()
    wait_until_drawn(page, charts=1)
    assert page.get_by_text("Varsinais-Suomi").count() >= 1
    page.get_by_role("link", name="Alue").click()
    wait_until_drawn(page, charts=1)
    page.get_by_role("link", name="Indikaattori").click()
    wait_until_drawn(page, charts=1)
    assert "indicator=remote_contact_share" in page.url
    assert page.get_by_text("Sähköinen etäasiointi").count() >= 1
