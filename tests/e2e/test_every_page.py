"""Every page for the leadership (Yleiskuva in fi, sv and en; Indikaattori; Alue) on its one visit:
tests/e2e/every_page.py says what each visit checks. The other pages: tests/e2e/test_every_page_coordinators.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e import test_every_page_coordinators as coordinators
from tests.e2e.every_page import (
    CHARTS,
    LANGUAGES,
    PAGES,
    VISITS,
    draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget,
    visit_id,
    visits,
)
from views.pages import PAGES as TABLE

pytestmark = pytest.mark.e2e
LEADERSHIP = visits("leadership")


def test_every_page_of_the_table_is_visited() -> None:
    assert set(CHARTS) == {spec.url_path for spec in TABLE if spec.audience != "admin"}
    assert set(VISITS) == set(PAGES) and all(set(paths) <= set(PAGES) for paths in LANGUAGES.values())
    every = [(path, lang) for lang, paths in LANGUAGES.items() for path in paths]
    assert sorted(LEADERSHIP + coordinators.OTHERS) == sorted(every)  # each visit in one of the two files


@pytest.mark.parametrize(("path", "lang"), LEADERSHIP, ids=[visit_id(v) for v in LEADERSHIP])
def test_page_draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(
    server: str, page: Page, path: str, lang: str
) -> None:
    draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(server, page, path, lang)
