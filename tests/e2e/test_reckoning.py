"""?asof= in a real browser shows the store as it stood, and the link keeps it. (Yleiskuva leading with the
reckoning after the deadline is checked on its visit in tests/e2e/every_page.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


def test_as_of_in_the_url_shows_the_past_and_the_link_keeps_it(server: str, page: Page) -> None:
    open_page(page, f"{server}/?asof=2025-09-30&indicator=care_guarantee_7day_share", shot="reckoning-asof", charts=5)
    text = page.inner_text("[data-testid='stMain']").replace("\u00a0", " ")
    assert "Tilanne päivänä 30.9.2025" in text  # the banner says so
    assert "Määräajan tulos" not in text  # on 30.9.2025 the Q4/2025 deadline was still ahead
    assert "Alueet järjestyksessä: ero vaadittuun kehitykseen" in text  # the comparison on the way there
    assert "asof=2025-09-30" in page.url
    page.get_by_role("link", name="Indikaattori").click()
    page.wait_for_url("**/indikaattori**")
    assert "asof=2025-09-30" in page.url  # the as-of date travels with the view
