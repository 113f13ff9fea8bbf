"""Every page for the coordinators and the analysts on its one visit: tests/e2e/every_page.py says what
each visit checks. The leadership's pages, and the check that every page is visited: tests/e2e/test_every_page.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.every_page import draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget, visit_id, visits

pytestmark = pytest.mark.e2e
OTHERS = visits("coordinators", "analysts")


@pytest.mark.parametrize(("path", "lang"), OTHERS, ids=[visit_id(v) for v in OTHERS])
def test_page_draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(
    server: str, page: Page, path: str, lang: str
) -> None:
    draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(server, page, path, lang)
