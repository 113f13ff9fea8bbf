"""Every page for the coordinators and the analysts on its one visit: tests/e2e/every_page.py says what
each visit checks. The leadership's pages, and the check that every page is visited: tests/e2e/test_every_page.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.a11y import keyboard_walk
from tests.e2e.conftest import open_page
from tests.e2e.every_page import draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget, visit_id, visits

pytestmark = pytest.mark.e2e
OTHERS = visits("coordinators", "analysts")


@pytest.mark.parametrize(("path", "lang"), OTHERS, ids=[visit_id(v) for v in OTHERS])
def test_page_draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(
    server: str, page: Page, path: str, lang: str
) -> None:
    draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(server, page, path, lang)


# Focus drawn only as an outline or a shadow, taken away: what a page whose styles lost their focus ring shows.
NO_FOCUS_RING = "*, *:focus, *:focus-visible, *:focus-within { outline: none !important; box-shadow: none !important; }"


def test_the_keyboard_walk_reports_controls_whose_focus_cannot_be_seen(server: str, page: Page) -> None:
    """The walk's own check, so that it cannot pass by looking too early or at the wrong element."""
    open_page(page, f"{server}/liikennevalot?period=2025Q2&investment=P4I1")
    page.add_style_tag(content=NO_FOCUS_RING)
    missed, invisible = keyboard_walk(page)
    assert missed == []
    assert invisible != []  # the buttons and links that show focus with an outline only
