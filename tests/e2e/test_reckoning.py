"""After the deadline in a real browser: Yleiskuva leads with the reckoning; ?asof= shows the store as it stood."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


def test_overview_leads_with_the_outcome_at_the_deadline(server: str, page: Page) -> None:
    open_page(page, f"{server}/?indicator=care_guarantee_7day_share", shot="reckoning", charts=5)
    text = page.inner_text("[data-testid='stMain']").replace("\u00a0", " ")
    assert "Määräajan tulos" in text and "Tavoitteiden määräaika oli Q4/2025" in text
    assert "Koko maa: " in text  # the whole country's outcome on every headline card, in words
    assert "aluetta saavutti tavoitteen määräaikaan" in text  # the reckoning chart's summary
    assert "Tilanne päivänä" not in text.split("Yleiskuva", 1)[0]  # no as-of banner for today


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
